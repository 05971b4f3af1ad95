/**
 * The request lifecycle service against a real SQLite database: every transition, allowed and
 * forbidden; routing fallbacks; deadlines and escalation; and "a refused change writes nothing"
 * (row and history compared before and after every refused action).
 */
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "../bot-server/src/auth/actor";
import { WorkingCalendar } from "../bot-server/src/calendar/working-time";
import type { Db } from "../bot-server/src/db/client";
import { memberships, requestEvents, requests } from "../bot-server/src/db/schema";
import { AppError } from "../bot-server/src/lib/errors";
import { createLifecycle, type Lifecycle, type RequestRow } from "../bot-server/src/requests/lifecycle";
import { memoryDatabase } from "./helpers/db";
import { buildWorld, T0, type World } from "./helpers/fixtures";

const HOUR = 3_600_000;

let db: Db;
let world: World;
let clock: { now: Date };
let lc: Lifecycle;

beforeEach(() => {
  db = memoryDatabase().db;
  world = buildWorld(db);
  clock = { now: T0 };
  lc = createLifecycle({ db, calendar: new WorkingCalendar(), now: () => clock.now });
});

const as = (p: { id: number }) => loadActor(db, p.id, clock.now);
const advance = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};

function fileHelp(who = world.people.citizen, extra: Record<string, unknown> = {}): RequestRow {
  const home = world.units.village1;
  return lc.create(
    as(who),
    {
      kind: "help",
      category: "vneid_level2",
      meetingMode: "home_visit",
      text: "Nhờ tổ cài giúp VNeID mức 2 cho mẹ tôi",
      ...extra,
    } as never,
    home,
  ).row;
}

function events(id: number) {
  return db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).all();
}

function snapshot(id: number) {
  return { row: db.select().from(requests).where(eq(requests.id, id)).get(), events: events(id).length };
}

function expectError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(/\p{L}/u);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

describe("create and route", () => {
  it("routes to the village team, records why, and sets deadlines in working time", () => {
    const row = fileHelp();
    expect(row.status).toBe("new");
    expect(row.teamId).toBe(world.teams.team1);
    expect(row.routedTo).toBe("team");
    expect(row.claimDueAt.toISOString()).toBe(new Date("2026-03-03T09:00:00+07:00").toISOString());
    expect(row.resolveDueAt.toISOString()).toBe(new Date("2026-03-05T09:00:00+07:00").toISOString());
    const history = events(row.id);
    expect(history.map((e) => e.action)).toEqual(["created", "routed"]);
    expect(history[1]?.detail).toMatchObject({ routedTo: "team", reason: "village_team" });
  });

  it("falls back to the commune pool when the village team has no active member", () => {
    const row = lc.create(
      as(world.people.citizen2),
      {
        kind: "help",
        category: "e_payment",
        meetingMode: "village_hall",
        text: "Cài ví điện tử giúp tôi",
        villageId: world.units.village3,
      },
      null,
    ).row;
    expect(row.teamId).toBe(world.teams.pool);
    expect(row.routedTo).toBe("pool");
    expect(events(row.id)[1]?.detail).toMatchObject({ reason: "village_team_inactive_to_pool" });
  });

  it("falls back to the commune admins when the pool has no active member either", () => {
    db.update(memberships)
      .set({ activeTo: new Date(T0.getTime() - HOUR) })
      .where(eq(memberships.teamId, world.teams.pool))
      .run();
    const row = lc.create(
      as(world.people.citizen2),
      {
        kind: "question",
        category: "procedure",
        text: "Làm căn cước cho con dưới 6 tuổi cần gì ạ?",
        villageId: world.units.village3,
      },
      null,
    ).row;
    expect(row.teamId).toBeNull();
    expect(row.routedTo).toBe("commune");
    expect(events(row.id)[1]?.detail).toMatchObject({ reason: "no_team_to_commune" });
    // The commune admin can claim it and assign it to another admin (or themselves).
    const claimed = lc.claim(as(world.people.admin), row.id);
    expect(claimed.ownerPersonId).toBe(world.people.admin.id);
  });

  it("rejects bad input with field errors and writes nothing", () => {
    const cases: [unknown, string][] = [
      [{ kind: "help", category: "vneid_level2", meetingMode: "home_visit", text: "abc" }, "text"],
      [
        {
          kind: "help",
          category: "not_a_category",
          meetingMode: "home_visit",
          text: "Nhờ giúp cài ứng dụng",
        },
        "category",
      ],
      [{ kind: "help", category: "vneid_level2", text: "Nhờ giúp cài ứng dụng" }, "meetingMode"],
      [{ kind: "spam", text: "Nhờ giúp cài ứng dụng" }, "kind"],
      [
        { kind: "field_report", category: "roads", text: "Đường hư hỏng nặng", photoIds: ["x"] },
        "photoIds.0",
      ],
      [
        {
          kind: "field_report",
          category: "roads",
          text: "Đường hư hỏng nặng",
          location: { latitude: 200, longitude: 1 },
        },
        "location.latitude",
      ],
      [
        {
          kind: "help",
          category: "other",
          meetingMode: "one_stop",
          text: "Nhờ giúp bà tôi",
          onBehalf: { name: "Bà Tư", consent: false },
        },
        "onBehalf.consent",
      ],
    ];
    for (const [input, field] of cases) {
      try {
        lc.create(as(world.people.citizen), input as never, world.units.village1);
        throw new Error("should have failed");
      } catch (error) {
        expect((error as AppError).code).toBe("validation_failed");
        expect((error as AppError).fields).toHaveProperty(field);
      }
    }
    expect(db.select({ n: count() }).from(requests).get()?.n).toBe(0);
    expect(db.select({ n: count() }).from(requestEvents).get()?.n).toBe(0);
  });

  it("needs a village: none given and no home village", () => {
    expectError(
      () =>
        lc.create(
          as(world.people.newcomer),
          { kind: "question", category: "other", text: "Cho tôi hỏi giờ làm việc" },
          null,
        ),
      "validation_failed",
    );
    expectError(
      () =>
        lc.create(
          as(world.people.newcomer),
          {
            kind: "question",
            category: "other",
            text: "Cho tôi hỏi giờ làm việc",
            villageId: world.units.commune,
          },
          null,
        ),
      "validation_failed",
    );
  });

  it("creates one request for a repeated client id (offline queue sent twice)", () => {
    const first = lc.create(
      as(world.people.citizen),
      {
        kind: "question",
        category: "policy",
        text: "Hỗ trợ hộ nghèo năm nay thế nào?",
        clientId: "client-1234",
      },
      world.units.village1,
    );
    const again = lc.create(
      as(world.people.citizen),
      {
        kind: "question",
        category: "policy",
        text: "Hỗ trợ hộ nghèo năm nay thế nào?",
        clientId: "client-1234",
      },
      world.units.village1,
    );
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.row.id).toBe(first.row.id);
    expect(db.select({ n: count() }).from(requests).get()?.n).toBe(1);
  });

  it("files on behalf of a relative: routed to the relative's village, visible to the filer", () => {
    const row = lc.create(
      as(world.people.citizen),
      {
        kind: "help",
        category: "vssid",
        meetingMode: "home_visit",
        text: "Cài VssID giúp bố tôi ở thôn Hai",
        villageId: world.units.village2,
        onBehalf: { name: "Nguyễn Văn Bố", relationship: "bố", consent: true },
      },
      world.units.village1,
    ).row;
    expect(row.teamId).toBe(world.teams.team2);
    expect(row.requesterPersonId).toBeNull();
    expect(row.filedByPersonId).toBe(world.people.citizen.id);
    expect(row.onBehalfName).toBe("Nguyễn Văn Bố");
  });
});

/** Builds a request in the given status; owned states are owned by member1. */
function inStatus(
  status: "new" | "claimed" | "in_progress" | "escalated" | "resolved" | "closed",
): RequestRow {
  const row = fileHelp();
  const m1 = () => as(world.people.member1);
  switch (status) {
    case "new":
      return row;
    case "claimed":
      return lc.claim(m1(), row.id);
    case "in_progress":
      lc.claim(m1(), row.id);
      return lc.start(m1(), row.id);
    case "escalated":
      advance(25 * HOUR);
      lc.sweep();
      return lc.load(row.id);
    case "resolved":
      lc.claim(m1(), row.id);
      return lc.resolve(m1(), row.id, { outcomeCode: "vneid_level2_activated" });
    case "closed":
      lc.claim(m1(), row.id);
      lc.resolve(m1(), row.id, { outcomeCode: "vneid_level2_activated" });
      return lc.rate(as(world.people.citizen), row.id, { rating: 5 });
  }
}

type Status = Parameters<typeof inStatus>[0];
const STATUSES: Status[] = ["new", "claimed", "in_progress", "escalated", "resolved", "closed"];

describe("transition matrix", () => {
  const ok = "ok";
  // Each action by the actor it is meant for: leader1 manages, member1 owns, citizen requested.
  const matrix: Record<string, { run: (id: number) => unknown; expected: Record<Status, string> }> = {
    claim: {
      run: (id) => lc.claim(as(world.people.member1b), id),
      expected: {
        new: ok,
        claimed: "already_taken",
        in_progress: "already_taken",
        escalated: ok,
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    start: {
      run: (id) => lc.start(as(world.people.member1), id),
      expected: {
        new: "forbidden",
        claimed: ok,
        in_progress: "invalid_transition",
        escalated: "forbidden",
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    note: {
      run: (id) => lc.note(as(world.people.leader1), id, "Đã gọi điện hẹn chiều mai"),
      expected: {
        new: ok,
        claimed: ok,
        in_progress: ok,
        escalated: ok,
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    release: {
      run: (id) => lc.release(as(world.people.leader1), id, "Bạn ấy bận"),
      expected: {
        new: "invalid_transition",
        claimed: ok,
        in_progress: ok,
        escalated: "invalid_transition",
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    assign: {
      run: (id) => lc.assign(as(world.people.leader1), id, world.people.member1b.id),
      expected: {
        new: ok,
        claimed: ok,
        in_progress: ok,
        escalated: ok,
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    resolve: {
      run: (id) => lc.resolve(as(world.people.leader1), id, { outcomeCode: "guided" }),
      expected: {
        new: "invalid_transition",
        claimed: ok,
        in_progress: ok,
        escalated: ok,
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    reject: {
      run: (id) => lc.reject(as(world.people.leader1), id, { reason: "spam" }),
      expected: {
        new: ok,
        claimed: ok,
        in_progress: ok,
        escalated: ok,
        resolved: "invalid_transition",
        closed: "invalid_transition",
      },
    },
    rate: {
      run: (id) => lc.rate(as(world.people.citizen), id, { rating: 4 }),
      expected: {
        new: "invalid_transition",
        claimed: "invalid_transition",
        in_progress: "invalid_transition",
        escalated: "invalid_transition",
        resolved: ok,
        closed: "invalid_transition",
      },
    },
    reopen: {
      run: (id) => lc.reopen(as(world.people.citizen), id, "Vẫn chưa đăng nhập được"),
      expected: {
        new: "invalid_transition",
        claimed: "invalid_transition",
        in_progress: "invalid_transition",
        escalated: "invalid_transition",
        resolved: ok,
        closed: "invalid_transition",
      },
    },
  };

  for (const [action, { run, expected }] of Object.entries(matrix)) {
    for (const status of STATUSES) {
      it(`${action} from ${status} → ${expected[status]}`, () => {
        const row = inStatus(status);
        expect(row.status).toBe(status);
        const before = snapshot(row.id);
        if (expected[status] === ok) {
          run(row.id);
          const after = snapshot(row.id);
          expect(after.events).toBe(before.events + 1);
          const last = events(row.id).at(-1);
          expect(last?.fromStatus).toBe(status);
          expect(last?.toStatus).toBe(after.row?.status);
        } else {
          expectError(() => run(row.id), expected[status]);
          expect(snapshot(row.id)).toEqual(before);
        }
      });
    }
  }
});

describe("who may do what", () => {
  it("hides a request from members of other teams, other communes' admins and viewers", () => {
    const row = fileHelp();
    for (const outsider of [
      world.people.otherMember,
      world.people.otherAdmin,
      world.people.viewer,
      world.people.citizen2,
    ]) {
      expectError(() => lc.claim(as(outsider), row.id), "not_found");
      expectError(() => lc.note(as(outsider), row.id, "xem thử"), "not_found");
    }
  });

  it("lets the requester see but not work the request", () => {
    const row = fileHelp();
    expectError(() => lc.claim(as(world.people.citizen), row.id), "forbidden");
    expectError(() => lc.note(as(world.people.citizen), row.id, "nhanh giúp tôi"), "forbidden");
  });

  it("only leaders and admins assign, and only to active members of the team", () => {
    const row = fileHelp();
    expectError(() => lc.assign(as(world.people.member1), row.id, world.people.member1b.id), "forbidden");
    expectError(
      () => lc.assign(as(world.people.leader1), row.id, world.people.member2.id),
      "validation_failed",
    );
    const assigned = lc.assign(as(world.people.admin), row.id, world.people.member1b.id);
    expect(assigned.ownerPersonId).toBe(world.people.member1b.id);
  });

  it("lets only the owner start, and only the owner or a manager resolve", () => {
    const row = lc.claim(as(world.people.member1), fileHelp().id);
    expectError(() => lc.start(as(world.people.member1b), row.id), "forbidden");
    expectError(() => lc.resolve(as(world.people.member1b), row.id, { outcomeCode: "guided" }), "forbidden");
    expect(lc.resolve(as(world.people.member1), row.id, { outcomeCode: "guided" }).status).toBe("resolved");
  });

  it("only the requester rates or reopens", () => {
    const row = inStatus("resolved");
    expectError(() => lc.rate(as(world.people.member1), row.id, { rating: 5 }), "forbidden");
    expectError(() => lc.reopen(as(world.people.leader1), row.id), "forbidden");
  });

  it("only a commune admin publishes a public answer, and never on a help request", () => {
    const report = lc.create(
      as(world.people.citizen),
      {
        kind: "field_report",
        category: "environment",
        text: "Rác thải đổ bừa bãi ở đầu cầu",
        placeText: "Đầu cầu thôn Một",
      },
      world.units.village1,
    ).row;
    lc.claim(as(world.people.member1), report.id);
    expectError(
      () =>
        lc.resolve(as(world.people.leader1), report.id, {
          outcomeCode: "fixed",
          publicAnswer: "Đã thu gom xong rác.",
        }),
      "forbidden",
    );
    const answered = lc.resolve(as(world.people.admin), report.id, {
      outcomeCode: "fixed",
      publicAnswer: "Đã thu gom xong rác.",
    });
    expect(answered.isPublic).toBe(true);
    expect(answered.publicAnswer).toBe("Đã thu gom xong rác.");
    const help = lc.claim(as(world.people.admin), fileHelp().id);
    expectError(
      () =>
        lc.resolve(as(world.people.admin), help.id, { outcomeCode: "guided", publicAnswer: "Xong rồi nhé." }),
      "validation_failed",
    );
  });
});

describe("claims, outcomes, rating and reopening", () => {
  it("gives one owner and a clear 'already taken' to the second claimant", () => {
    const row = fileHelp();
    lc.claim(as(world.people.member1), row.id);
    try {
      lc.claim(as(world.people.leader1), row.id);
      throw new Error("should be taken");
    } catch (error) {
      expect((error as AppError).code).toBe("already_taken");
      expect((error as AppError).message).toBe("Yêu cầu này đã có người nhận.");
    }
    expect(lc.load(row.id).ownerPersonId).toBe(world.people.member1.id);
  });

  it("checks the outcome fits the kind, and asks for a receipt code for submitted dossiers", () => {
    const row = lc.claim(as(world.people.member1), fileHelp().id);
    expectError(
      () => lc.resolve(as(world.people.member1), row.id, { outcomeCode: "fixed" }),
      "validation_failed",
    );
    expectError(
      () => lc.resolve(as(world.people.member1), row.id, { outcomeCode: "dossier_submitted" }),
      "validation_failed",
    );
    const done = lc.resolve(as(world.people.member1), row.id, {
      outcomeCode: "dossier_submitted",
      receiptCode: "H49.23-260302-0001",
    });
    expect(done.receiptCode).toBe("H49.23-260302-0001");
  });

  it("rejects a duplicate only with a valid original in the same commune", () => {
    const original = fileHelp();
    const copy = fileHelp();
    expectError(
      () => lc.reject(as(world.people.leader1), copy.id, { reason: "duplicate" }),
      "validation_failed",
    );
    expectError(
      () => lc.reject(as(world.people.leader1), copy.id, { reason: "duplicate", duplicateOfId: copy.id }),
      "validation_failed",
    );
    const rejected = lc.reject(as(world.people.leader1), copy.id, {
      reason: "duplicate",
      duplicateOfId: original.id,
    });
    expect(rejected).toMatchObject({
      status: "closed",
      rejectReason: "duplicate",
      duplicateOfId: original.id,
    });
  });

  it("reopens to the same owner, or to the queue when the owner has left the team", () => {
    const row = inStatus("resolved");
    const reopened = lc.reopen(as(world.people.citizen), row.id, "Vẫn chưa vào được");
    expect(reopened).toMatchObject({
      status: "claimed",
      ownerPersonId: world.people.member1.id,
      reopenCount: 1,
    });

    lc.resolve(as(world.people.member1), row.id, { outcomeCode: "guided" });
    db.update(memberships)
      .set({ activeTo: clock.now })
      .where(eq(memberships.personId, world.people.member1.id))
      .run();
    advance(1000);
    const back = lc.reopen(as(world.people.citizen), row.id);
    expect(back).toMatchObject({ status: "new", ownerPersonId: null, reopenCount: 2 });
  });

  it("refuses a second rating", () => {
    const row = inStatus("closed");
    expect(row.rating).toBe(5);
    expectError(() => lc.rate(as(world.people.citizen), row.id, { rating: 1 }), "invalid_transition");
  });
});

describe("deadlines and the sweep", () => {
  it("escalates an unclaimed request to the leader, then to the commune", () => {
    const row = fileHelp();
    advance(24 * HOUR - 1);
    expect(lc.sweep().escalatedToLeader).toEqual([]);
    advance(1);
    expect(lc.sweep().escalatedToLeader).toEqual([row.id]);
    expect(lc.load(row.id)).toMatchObject({ status: "escalated", escalationLevel: 1 });
    expect(lc.sweep().escalatedToLeader).toEqual([]); // idempotent
    advance(48 * HOUR);
    expect(lc.sweep().escalatedToCommune).toEqual([row.id]);
    expect(lc.load(row.id).escalationLevel).toBe(2);
    // Escalated requests can still be claimed by the team.
    expect(lc.claim(as(world.people.member1), row.id).status).toBe("claimed");
  });

  it("does not count the weekend: Friday afternoon's request is due Monday afternoon", () => {
    clock.now = new Date("2026-03-06T16:00:00+07:00");
    const row = fileHelp();
    expect(row.claimDueAt.toISOString()).toBe(new Date("2026-03-09T16:00:00+07:00").toISOString());
    clock.now = new Date("2026-03-08T20:00:00+07:00");
    expect(lc.sweep().escalatedToLeader).toEqual([]);
  });

  it("does not count Tết: a request on the last working day before Tết is due after it", () => {
    clock.now = new Date("2026-02-13T10:00:00+07:00");
    const row = fileHelp();
    expect(row.claimDueAt.toISOString()).toBe(new Date("2026-02-23T10:00:00+07:00").toISOString());
    clock.now = new Date("2026-02-20T10:00:00+07:00");
    expect(lc.sweep().escalatedToLeader).toEqual([]);
  });

  it("returns a claim with no start to the queue, and tells the leader since it is now overdue", () => {
    const row = lc.claim(as(world.people.member1), fileHelp().id);
    advance(24 * HOUR);
    const swept = lc.sweep();
    expect(swept.autoReleased).toEqual([row.id]);
    expect(swept.escalatedToLeader).toEqual([row.id]);
    expect(lc.load(row.id)).toMatchObject({ status: "escalated", ownerPersonId: null, escalationLevel: 1 });
    expect(events(row.id).slice(-2)).toMatchObject([
      { action: "auto_released", actorPersonId: null, fromStatus: "claimed", toStatus: "new" },
      { action: "escalated", actorPersonId: null, fromStatus: "new", toStatus: "escalated" },
    ]);
  });

  it("escalates an owned request that passes its resolve deadline, keeping the owner", () => {
    const row = fileHelp();
    lc.claim(as(world.people.member1), row.id);
    lc.start(as(world.people.member1), row.id);
    advance(72 * HOUR);
    expect(lc.sweep().escalatedToCommune).toEqual([row.id]);
    expect(lc.load(row.id)).toMatchObject({ status: "escalated", ownerPersonId: world.people.member1.id });
    expect(lc.resolve(as(world.people.member1), row.id, { outcomeCode: "guided" }).status).toBe("resolved");
  });

  it("closes a resolved request after 7 days without rating or reopening", () => {
    const row = inStatus("resolved");
    advance(7 * 24 * HOUR - 1);
    expect(lc.sweep().autoClosed).toEqual([]);
    advance(1);
    expect(lc.sweep().autoClosed).toEqual([row.id]);
    expect(lc.load(row.id).status).toBe("closed");
    // A late rating is still welcome; reopening is not.
    expectError(() => lc.reopen(as(world.people.citizen), row.id), "invalid_transition");
    expect(lc.rate(as(world.people.citizen), row.id, { rating: 3 }).rating).toBe(3);
  });
});
