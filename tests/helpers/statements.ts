/**
 * Counts the SQL statements the server prepares while `run` goes on: a list whose count grows
 * with its length reads once per item (N+1). Drizzle prepares every query it runs on the
 * better-sqlite3 handle it keeps as `$client`, so counting `prepare` counts queries.
 */
import type { Db } from "../../bot-server/src/db/client";

export async function countStatements<T>(db: Db, run: () => Promise<T>): Promise<{ n: number; result: T }> {
  const client = (db as unknown as { $client: { prepare: (source: string) => unknown } }).$client;
  const prepare = client.prepare;
  let n = 0;
  client.prepare = (source: string) => {
    n += 1;
    return prepare.call(client, source);
  };
  try {
    const result = await run();
    return { n, result };
  } finally {
    client.prepare = prepare;
  }
}
