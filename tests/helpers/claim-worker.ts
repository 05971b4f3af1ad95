/**
 * Runs in a worker thread with its own SQLite connection: waits at a shared barrier so every
 * worker claims at the same instant, then reports what happened.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadActor } from "../../bot-server/src/auth/actor";
import { WorkingCalendar } from "../../bot-server/src/calendar/working-time";
import { openDatabase } from "../../bot-server/src/db/client";
import { AppError } from "../../bot-server/src/lib/errors";
import { createLifecycle } from "../../bot-server/src/requests/lifecycle";

const { dbPath, requestIds, personId, barrier, workers } = workerData as {
  dbPath: string;
  /** One claim race per id; barrier slot i gates race i. */
  requestIds: number[];
  personId: number;
  barrier: SharedArrayBuffer;
  workers: number;
};

const handle = openDatabase(dbPath, { migrate: false });
const now = new Date();
const lifecycle = createLifecycle({ db: handle.db, calendar: new WorkingCalendar(), now: () => now });
const actor = loadActor(handle.db, personId, now);

const gate = new Int32Array(barrier);
const results: { personId: number; requestId: number; outcome: string }[] = [];
requestIds.forEach((requestId, round) => {
  Atomics.add(gate, round, 1);
  Atomics.notify(gate, round);
  while (Atomics.load(gate, round) < workers) Atomics.wait(gate, round, Atomics.load(gate, round), 50);
  try {
    lifecycle.claim(actor, requestId);
    results.push({ personId, requestId, outcome: "claimed" });
  } catch (error) {
    results.push({ personId, requestId, outcome: error instanceof AppError ? error.code : String(error) });
  }
});
handle.close();
parentPort?.postMessage(results);
