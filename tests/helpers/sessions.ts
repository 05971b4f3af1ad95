/**
 * Sessions of fixture people for tests over real HTTP: signed in up front (so a counted or
 * timed call never includes a sign-in), or on first use and forgotten when the clock moves past
 * their lifetime.
 */
import { afterAll, beforeAll } from "vitest";
import type { World } from "./fixtures";
import { startTestServer, type TestServer } from "./server";

export type PersonKey = keyof World["people"];
export interface Person {
  zaloAppUserId: string;
  name: string;
}

/** The commune admin tests' cast: the commune's admin, another commune's admin and three who are not admins. */
export const ADMIN_CAST = {
  admin: "admin",
  otherAdmin: "otherAdmin",
  member: "member1",
  leader: "leader1",
  citizen: "citizen",
} as const satisfies Record<string, PersonKey>;
export const NOT_ADMINS = ["otherAdmin", "member", "leader", "citizen"] as const;

/** Signs in each person of the cast, in the cast's order; tokens are keyed by cast name. */
export async function signIn<K extends string>(s: TestServer, cast: Record<K, PersonKey>) {
  const tokens = {} as Record<K, string>;
  for (const [key, who] of Object.entries(cast) as [K, PersonKey][]) {
    tokens[key] = await s.login(s.world.people[who]);
  }
  return tokens;
}

/** `as(who, method, path, json)`: a call with the session of someone signed in by signIn. */
export function callAs<K extends string>(server: () => TestServer, tokens: () => Record<K, string>) {
  return (who: K, method: string, path: string, json?: unknown) =>
    server().call(method, path, { token: tokens()[who], json });
}

/**
 * One server for all of a file's tests: started before the first (handed to the file through
 * `started`), the cast signed in right after, closed after the last. Returns the cast's `as`.
 */
export function serverWithCast<K extends string>(
  cast: Record<K, PersonKey>,
  started: (s: TestServer) => void,
) {
  let server: TestServer | undefined;
  let tokens = {} as Record<K, string>;
  beforeAll(async () => {
    server = await startTestServer();
    started(server);
    tokens = await signIn(server, cast);
  });
  afterAll(async () => {
    await server?.close();
  });
  return callAs(
    () => server as TestServer,
    () => tokens,
  );
}

/**
 * Sessions signed in on first use and kept until `forget()` (sessions last two hours, so a test
 * that moves the clock far signs everyone in again). `extra` names people the test file added.
 */
export function lazySessions(server: () => TestServer, extra: () => Record<string, Person> = () => ({})) {
  const tokens = new Map<string, string>();
  async function tok(who: string): Promise<string> {
    const cached = tokens.get(who);
    if (cached) return cached;
    const s = server();
    const token = await s.login(extra()[who] ?? s.world.people[who as PersonKey]);
    tokens.set(who, token);
    return token;
  }
  return {
    tok,
    /** A call with `who`'s session, signing them in first if needed. */
    as: async (who: string, method: string, path: string, json?: unknown) =>
      server().call(method, path, { token: await tok(who), json }),
    forget: () => tokens.clear(),
  };
}
