/**
 * Several members tap "Nhận" at the same moment, each through their own database connection
 * (worker threads): exactly one becomes the owner, every other gets "already_taken".
 */
import { Worker } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadActor } from "../bot-server/src/auth/actor";
import { WorkingCalendar } from "../bot-server/src/calendar/working-time";
import { memberships, requestEvents, requests } from "../bot-server/src/db/schema";
import { createLifecycle } from "../bot-server/src/requests/lifecycle";
import { fileDatabase } from "./helpers/db";
import { buildWorld, person } from "./helpers/fixtures";

const WORKER = new URL("./helpers/claim-worker.ts", import.meta.url);

type Result = { personId: number; requestId: number; outcome: string };

function runWorker(data: object): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit vitest's TypeScript transform: register tsx inside the worker.
    const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("concurrent claims", () => {
  it("gives exactly one owner across connections, in every race", async () => {
    const { path, handle } = fileDatabase();
    const world = buildWorld(handle.db);
    // Eight members in the village team.
    const claimants = [world.people.leader1, world.people.member1, world.people.member1b];
    for (let i = 0; i < 5; i++) {
      const extra = person(handle.db, `Thành Viên ${i}`, world.units.village1);
      handle.db
        .insert(memberships)
        .values({
          teamId: world.teams.team1,
          personId: extra.id,
          civicRole: "volunteer",
          activeFrom: new Date(0),
        })
        .run();
      claimants.push(extra);
    }
    const now = new Date();
    const lifecycle = createLifecycle({ db: handle.db, calendar: new WorkingCalendar(), now: () => now });

    const rounds = 5;
    const requestIds = Array.from({ length: rounds }, (_, round) => {
      const { row } = lifecycle.create(
        loadActor(handle.db, world.people.citizen.id, now),
        {
          kind: "help",
          category: "vneid_level2",
          meetingMode: "home_visit",
          text: `Nhờ cài VNeID, lần ${round}`,
        },
        world.units.village1,
      );
      return row.id;
    });
    const barrier = new SharedArrayBuffer(4 * rounds);
    const results = (
      await Promise.all(
        claimants.map((p) =>
          runWorker({ dbPath: path, requestIds, personId: p.id, barrier, workers: claimants.length }),
        ),
      )
    ).flat();
    for (const requestId of requestIds) {
      const race = results.filter((r) => r.requestId === requestId);
      const winners = race.filter((r) => r.outcome === "claimed");
      expect(winners).toHaveLength(1);
      expect(race.filter((r) => r.outcome === "already_taken")).toHaveLength(claimants.length - 1);
      const stored = handle.db.select().from(requests).where(eq(requests.id, requestId)).get();
      expect(stored?.ownerPersonId).toBe(winners[0]?.personId);
      const claimEvents = handle.db
        .select()
        .from(requestEvents)
        .where(eq(requestEvents.requestId, requestId))
        .all()
        .filter((e) => e.action === "claimed");
      expect(claimEvents).toHaveLength(1);
    }
    handle.close();
  }, 60_000);
});
