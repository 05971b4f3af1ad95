/**
 * Loads the demo data of `demo-data.ts` into a new, empty database.
 *
 * Never touches a database that already has places or people: the check and every write run in
 * one IMMEDIATE transaction, so a failure anywhere (including in the sample requests) leaves the
 * database as empty as it was, and two processes starting at once cannot both load.
 *
 * Sample requests are not inserted as rows: they are replayed through the real lifecycle with a
 * moving clock, so their history, deadlines and routing are exactly what the product would write.
 */
import { foldVietnamese } from "@cau-noi/shared";
import { and, count, isNotNull, ne } from "drizzle-orm";
import { loadActor } from "../auth/actor";
import { DAY_MS, VIETNAM_OFFSET_MS } from "../calendar/vietnam-time";
import { WorkingCalendar } from "../calendar/working-time";
import type { Db, Tx } from "../db/client";
import {
  adminUnits,
  announcements,
  contacts,
  documents,
  jobs,
  memberships,
  news,
  persons,
  places,
  procedures,
  teams,
  unitRoles,
} from "../db/schema";
import { addFaqEntry, DEMO_FAQ } from "../faq/faq";
import { createLifecycle, type Lifecycle } from "../requests/lifecycle";
import {
  communeAnnouncement,
  communeContacts,
  communeDocuments,
  communeNews,
  DEMO_CITIZENS,
  DEMO_COMMUNES,
  DEMO_JOBS,
  DEMO_PERSONA_LABELS,
  DEMO_PLACES,
  DEMO_PROCEDURES,
  DEMO_REQUESTS,
  DEMO_STAFF,
  DEMO_TEAMS,
  DEMO_UNITS,
  type DemoCommune,
  type DemoMoment,
  type DemoPersonaRole,
  type DemoStep,
  demoPhone,
  villageContactPhone,
} from "./demo-data";
import { seedTeamWorkDemo } from "./team-work-demo";

const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// People and their Zalo ids
// ---------------------------------------------------------------------------------------------

interface DemoPersonRecord {
  /** The data object this person comes from: staff entry, citizen entry or team member. */
  source: object;
  key: string | null;
  name: string;
  homeVillage: string | null;
  photoConsent: boolean;
  /** Months before `now` the person joined; null for residents (they joined days ago). */
  monthsActive: number | null;
  zaloAppUserId: string;
  oaFollowerId: string;
}

/** 19-digit numeric ids like the ones Zalo issues; the prefix keeps the two kinds apart. */
function demoZaloId(prefix: "51" | "86", n: number): string {
  return `${prefix}${String(n).padStart(17, "0")}`;
}

/** Everyone, in a fixed order: the Zalo ids follow the order, so personas keep their ids. */
function collectPeople(): DemoPersonRecord[] {
  const people = [
    ...DEMO_STAFF.map((s) => ({
      source: s,
      key: s.key,
      name: s.name,
      homeVillage: s.homeVillage,
      photoConsent: false,
      monthsActive: 12,
    })),
    ...DEMO_CITIZENS.map((c) => ({
      source: c,
      key: c.key,
      name: c.name,
      homeVillage: c.homeVillage,
      photoConsent: false,
      monthsActive: null,
    })),
    ...DEMO_TEAMS.flatMap((team) =>
      team.members.map((m) => ({
        source: m,
        key: m.key ?? null,
        name: m.name,
        homeVillage: m.homeVillage ?? (team.kind === "village" ? team.unitCode : missingHome(m.name)),
        photoConsent: m.photoConsent ?? true,
        monthsActive: team.monthsActive,
      })),
    ),
  ];
  return people.map((p, i) => ({
    ...p,
    zaloAppUserId: demoZaloId("51", i + 1),
    oaFollowerId: demoZaloId("86", i + 1),
  }));
}

function missingHome(name: string): never {
  throw new Error(`demo data: pool member ${name} needs a home village`);
}

const DEMO_PEOPLE = collectPeople();

/** Identities for the sandbox switcher and tests: who to log in as to see each role. */
export const DEMO_PERSONAS: ReadonlyArray<{
  key: string;
  label: string;
  role: DemoPersonaRole;
  zaloAppUserId: string;
  displayName: string;
}> = DEMO_PERSONA_LABELS.map((persona) => {
  const person = DEMO_PEOPLE.find((p) => p.key === persona.key);
  if (!person) throw new Error(`demo data: persona ${persona.key} has no person`);
  return { ...persona, zaloAppUserId: person.zaloAppUserId, displayName: person.name };
});

// ---------------------------------------------------------------------------------------------
// Time: everything is placed relative to `now`, in Vietnam local time
// ---------------------------------------------------------------------------------------------

function parseNumbers(text: string, separator: string): number[] {
  return text.split(separator).map((part) => {
    const value = Number(part);
    if (!Number.isInteger(value)) throw new Error(`demo data: bad date or time "${text}"`);
    return value;
  });
}

/** A local (Vietnam) date plus `dayShift` days, at a local "HH:MM". */
function atLocal(date: string, time: string, dayShift = 0): Date {
  const [year = 0, month = 1, day = 1] = parseNumbers(date, "-");
  const [hour = 0, minute = 0] = parseNumbers(time, ":");
  return new Date(Date.UTC(year, month - 1, day + dayShift, hour, minute) - VIETNAM_OFFSET_MS);
}

function daysAgoAt(now: Date, daysAgo: number, time: string): Date {
  return atLocal(WorkingCalendar.localDate(now), time, -daysAgo);
}

function monthsBefore(now: Date, months: number): Date {
  return new Date(now.getTime() - months * 30 * DAY_MS);
}

function momentAt(now: Date, moment: DemoMoment): Date {
  return "minutesAgo" in moment
    ? new Date(now.getTime() - moment.minutesAgo * MINUTE)
    : daysAgoAt(now, moment.daysAgo, moment.at);
}

/** "Ngày thứ 7 – Ngày hội công dân số" takes place on the first Saturday 08:00 still ahead. */
function nextSaturdayMorning(now: Date): Date {
  const weekday = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCDay();
  const daysAhead = (6 - weekday + 7) % 7;
  const candidate = daysAgoAt(now, -daysAhead, "08:00");
  return candidate > now ? candidate : daysAgoAt(now, -(daysAhead + 7), "08:00");
}

// ---------------------------------------------------------------------------------------------
// Loader
// ---------------------------------------------------------------------------------------------

interface SeedContext {
  tx: Tx;
  now: Date;
  unitIds: Map<string, number>;
  /** Person row ids by data object (see DemoPersonRecord.source) and by key. */
  personBySource: Map<object, number>;
  personByKey: Map<string, number>;
  homeVillageByPerson: Map<number, number | null>;
}

function lookup<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown ${what} ${String(key)}`);
  return value;
}

const unitId = (ctx: SeedContext, code: string) => lookup(ctx.unitIds, code, "unit");
const personId = (ctx: SeedContext, key: string) => lookup(ctx.personByKey, key, "person");

function isEmpty(tx: Tx): boolean {
  const units = tx.select({ n: count() }).from(adminUnits).get()?.n ?? 0;
  const people = tx.select({ n: count() }).from(persons).get()?.n ?? 0;
  return units === 0 && people === 0;
}

function insertUnits(ctx: SeedContext) {
  const createdAt = monthsBefore(ctx.now, 12);
  for (const unit of DEMO_UNITS) {
    const row = ctx.tx
      .insert(adminUnits)
      .values({
        parentId: unit.parentCode === null ? null : unitId(ctx, unit.parentCode),
        level: unit.level,
        code: unit.code,
        name: unit.name,
        searchName: foldVietnamese(unit.name),
        createdAt,
      })
      .returning({ id: adminUnits.id })
      .get();
    ctx.unitIds.set(unit.code, row.id);
  }
}

function insertPeople(ctx: SeedContext) {
  for (const person of DEMO_PEOPLE) {
    const homeVillageId = person.homeVillage === null ? null : unitId(ctx, person.homeVillage);
    // Residents joined recently; the brand-new user opened the mini app minutes ago.
    const createdAt =
      person.monthsActive !== null
        ? monthsBefore(ctx.now, person.monthsActive)
        : new Date(ctx.now.getTime() - (homeVillageId === null ? 10 * MINUTE : 20 * DAY_MS));
    const row = ctx.tx
      .insert(persons)
      .values({
        zaloAppUserId: person.zaloAppUserId,
        oaFollowerId: person.oaFollowerId,
        displayName: person.name,
        photoConsent: person.photoConsent,
        homeVillageId,
        createdAt,
      })
      .returning({ id: persons.id })
      .get();
    ctx.personBySource.set(person.source, row.id);
    if (person.key !== null) ctx.personByKey.set(person.key, row.id);
    ctx.homeVillageByPerson.set(row.id, homeVillageId);
  }
}

function insertTeams(ctx: SeedContext) {
  for (const team of DEMO_TEAMS) {
    const activeFrom = monthsBefore(ctx.now, team.monthsActive);
    const row = ctx.tx
      .insert(teams)
      .values({
        unitId: unitId(ctx, team.unitCode),
        kind: team.kind,
        name: team.name,
        decisionNo: team.decision.no,
        decisionDate: team.decision.date,
        createdAt: activeFrom,
      })
      .returning({ id: teams.id })
      .get();
    for (const m of team.members) {
      ctx.tx
        .insert(memberships)
        .values({
          teamId: row.id,
          personId: lookup(ctx.personBySource, m, "member"),
          isLeader: m.leader ?? false,
          civicRole: m.civicRole,
          activeFrom,
        })
        .run();
    }
  }
}

function insertUnitRoles(ctx: SeedContext) {
  const activeFrom = monthsBefore(ctx.now, 12);
  for (const staff of DEMO_STAFF) {
    ctx.tx
      .insert(unitRoles)
      .values({
        unitId: unitId(ctx, staff.unitCode),
        personId: personId(ctx, staff.key),
        role: staff.role,
        activeFrom,
      })
      .run();
  }
}

function villagesOf(commune: DemoCommune) {
  return DEMO_UNITS.filter((u) => u.parentCode === commune.code);
}

/** Leaders, hotline, police, health, then each village team's leader line, then the pool. */
function insertContacts(ctx: SeedContext, commune: DemoCommune) {
  const rows = communeContacts(commune);
  villagesOf(commune).forEach((village, i) => {
    const team = DEMO_TEAMS.find((t) => t.kind === "village" && t.unitCode === village.code);
    const teamLeader = team?.members.find((m) => m.leader);
    if (!team || !teamLeader) return;
    rows.push({
      category: "village",
      name: team.name,
      title: `Tổ trưởng: ${teamLeader.name}`,
      phone: villageContactPhone(commune, i + 1),
    });
  });
  const pool = DEMO_TEAMS.find((t) => t.kind === "commune_pool" && t.unitCode === commune.code);
  if (pool)
    rows.push({
      category: "other",
      name: pool.name,
      title: "Hỗ trợ các thôn",
      phone: demoPhone(commune, 130),
    });
  rows.forEach((contact, sortOrder) => {
    ctx.tx
      .insert(contacts)
      .values({ ...contact, unitId: unitId(ctx, commune.code), sortOrder })
      .run();
  });
}

function insertProcedures(ctx: SeedContext) {
  DEMO_PROCEDURES.forEach((p, sortOrder) => {
    ctx.tx
      .insert(procedures)
      .values({ ...p, unitId: null, whatToBring: p.whatToBring.join("\n"), sortOrder })
      .run();
  });
}

function communeByCode(code: string): DemoCommune {
  const commune = DEMO_COMMUNES.find((c) => c.code === code);
  if (!commune) throw new Error(`demo data: unknown commune ${code}`);
  return commune;
}

function insertPlacesAndJobs(ctx: SeedContext) {
  for (const place of DEMO_PLACES) {
    const commune = communeByCode(place.communeCode);
    ctx.tx
      .insert(places)
      .values({
        unitId: unitId(ctx, commune.code),
        category: place.category,
        name: place.name,
        description: place.description,
        address: place.address,
        phone: place.phoneLine === null ? null : demoPhone(commune, place.phoneLine),
      })
      .run();
  }
  for (const job of DEMO_JOBS) {
    const commune = communeByCode(job.communeCode);
    ctx.tx
      .insert(jobs)
      .values({
        unitId: unitId(ctx, commune.code),
        title: job.title,
        employer: job.employer,
        description: job.description,
        contact: demoPhone(commune, job.contactLine),
        isTraining: job.isTraining,
        publishedAt: daysAgoAt(ctx.now, job.publishedDaysAgo, "08:00"),
        expiresAt: new Date(ctx.now.getTime() + job.expiresInDays * DAY_MS),
      })
      .run();
  }
}

function adminOf(ctx: SeedContext, commune: DemoCommune): number {
  const staff = DEMO_STAFF.find((s) => s.role === "admin" && s.unitCode === commune.code);
  if (!staff) throw new Error(`demo data: commune ${commune.code} has no admin`);
  return personId(ctx, staff.key);
}

function insertPublishing(ctx: SeedContext, commune: DemoCommune) {
  const communeId = unitId(ctx, commune.code);
  const author = adminOf(ctx, commune);
  for (const item of communeNews(commune)) {
    ctx.tx
      .insert(news)
      .values({
        unitId: communeId,
        title: item.title,
        summary: item.summary,
        body: item.body,
        isEvent: item.isEvent ?? false,
        eventAt: item.isEvent ? nextSaturdayMorning(ctx.now) : null,
        // The coming event stays on top of the news list until it has taken place.
        pinned: item.isEvent ?? false,
        authorPersonId: author,
        publishedAt: daysAgoAt(ctx.now, item.publishedDaysAgo, "07:30"),
      })
      .run();
  }
  for (const doc of communeDocuments(commune)) {
    const issuedDate =
      typeof doc.issued === "string"
        ? doc.issued
        : WorkingCalendar.localDate(new Date(ctx.now.getTime() - doc.issued.daysAgo * DAY_MS));
    ctx.tx
      .insert(documents)
      .values({
        unitId: communeId,
        title: doc.title,
        number: doc.number,
        issuedDate,
        issuer: `UBND ${commune.inSentence}`,
        url: null,
        summary: doc.summary,
        publishedAt: atLocal(issuedDate, "16:00"),
      })
      .run();
  }
  const announcement = communeAnnouncement(commune);
  ctx.tx
    .insert(announcements)
    .values({
      communeId,
      ...announcement,
      villageIds: null,
      authorPersonId: author,
      publishedAt: daysAgoAt(ctx.now, 1, "10:00"),
    })
    .run();
}

// ---------------------------------------------------------------------------------------------
// Sample requests
// ---------------------------------------------------------------------------------------------

function runStep(
  ctx: SeedContext,
  lifecycle: Lifecycle,
  db: Db,
  requestId: number,
  step: DemoStep,
  at: Date,
) {
  const actor = loadActor(db, personId(ctx, step.by), at);
  switch (step.action) {
    case "claim":
      return lifecycle.claim(actor, requestId);
    case "start":
      return lifecycle.start(actor, requestId);
    case "note":
      return lifecycle.note(actor, requestId, step.text);
    case "resolve": {
      const { action: _a, by: _b, when: _w, ...input } = step;
      return lifecycle.resolve(actor, requestId, input);
    }
    case "rate":
      return lifecycle.rate(actor, requestId, { rating: step.rating, comment: step.comment });
  }
}

/**
 * Replays DEMO_REQUESTS oldest first, moving the lifecycle's clock to each step's moment. The
 * lifecycle's own transactions nest inside the loader's as savepoints.
 */
function replaySampleRequests(ctx: SeedContext) {
  const db = ctx.tx as unknown as Db;
  let clock = ctx.now;
  const lifecycle = createLifecycle({ db, calendar: new WorkingCalendar(), now: () => clock });
  const scripts = [...DEMO_REQUESTS].sort(
    (a, b) => momentAt(ctx.now, a.when).getTime() - momentAt(ctx.now, b.when).getTime(),
  );
  for (const script of scripts) {
    clock = momentAt(ctx.now, script.when);
    const filer = personId(ctx, script.filedBy);
    const villageId = script.villageCode === undefined ? undefined : unitId(ctx, script.villageCode);
    const { row } = lifecycle.create(
      loadActor(db, filer, clock),
      { ...script.input, villageId },
      ctx.homeVillageByPerson.get(filer) ?? null,
    );
    for (const step of script.steps) {
      const at = momentAt(ctx.now, step.when);
      // A step out of order would write a history that goes backwards in time.
      if (at < clock || at >= ctx.now) throw new Error(`demo data: step "${step.action}" is out of order`);
      clock = at;
      runStep(ctx, lifecycle, db, row.id, step, at);
    }
  }
}

/** Loads the demo into an empty database; returns `loaded: false` and writes nothing otherwise. */
/**
 * Everyone in the demo follows the OA and wrote to it yesterday (so the 7-day window is open),
 * except the brand-new resident, who has not met the OA yet.
 */
function followTheOa(ctx: SeedContext) {
  const newcomer = personId(ctx, "citizen-new");
  ctx.tx
    .update(persons)
    .set({ oaFollowing: true, oaLastInteractionAt: new Date(ctx.now.getTime() - DAY_MS) })
    .where(and(isNotNull(persons.oaFollowerId), ne(persons.id, newcomer)))
    .run();
}

export function seedDemoData(db: Db, now: Date): { loaded: boolean } {
  return db.transaction(
    (tx) => {
      if (!isEmpty(tx)) return { loaded: false };
      const ctx: SeedContext = {
        tx,
        now,
        unitIds: new Map(),
        personBySource: new Map(),
        personByKey: new Map(),
        homeVillageByPerson: new Map(),
      };
      insertUnits(ctx);
      insertPeople(ctx);
      insertTeams(ctx);
      insertUnitRoles(ctx);
      insertProcedures(ctx);
      insertPlacesAndJobs(ctx);
      for (const commune of DEMO_COMMUNES) {
        insertContacts(ctx, commune);
        insertPublishing(ctx, commune);
      }
      replaySampleRequests(ctx);
      seedTeamWorkDemo(ctx);
      followTheOa(ctx);
      for (const entry of DEMO_FAQ) addFaqEntry(tx, { communeId: null, ...entry });
      return { loaded: true };
    },
    { behavior: "immediate" },
  );
}
