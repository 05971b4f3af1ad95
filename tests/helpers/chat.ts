/**
 * A whole OA channel for tests: the demo database, the real app over HTTP, the Zalo stand-in
 * posting signed webhook events to it, and the inbox worker run step by step. `say()` acts as a
 * person in Zalo and returns the replies queued for them (the outbox rows, in order).
 */
import { asc, eq, gt } from "drizzle-orm";
import { chatDeps, createApp, createServices } from "../../bot-server/src/app";
import { handleZaloEvent } from "../../bot-server/src/chatbot/engine";
import { openDatabase } from "../../bot-server/src/db/client";
import { outboxMessages, persons } from "../../bot-server/src/db/schema";
import { DEMO_PERSONAS, seedDemoData } from "../../bot-server/src/demo/seed";
import { parseEnv, SANDBOX_ZALO } from "../../bot-server/src/env";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createOutboxWorker } from "../../bot-server/src/outbox/worker";
import { createInboxWorker } from "../../bot-server/src/webhook/worker";
import { createGraphClient } from "../../bot-server/src/zalo/graph-client";
import { oaClientFor } from "../../bot-server/src/zalo/oa-client";
import { createZaloStandin, type UserAction } from "../../bot-server/src/zalo-standin";
import { listen } from "./server";

/** A Monday morning, so no deadline passes during a conversation. */
export const CHAT_T0 = new Date("2026-03-02T09:00:00+07:00");

export interface Reply {
  text: string;
  buttons: { title: string; payload: string }[];
  purpose: string;
}

export async function startChat() {
  const handle = openDatabase(":memory:");
  seedDemoData(handle.db, new Date(CHAT_T0.getTime() - 3_600_000));
  const clock = { now: CHAT_T0 };
  // Zalo first: its graph API signs people in, its OA API receives what the outbox sends.
  const standin = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret, now: () => clock.now.getTime() });
  const zalo = await listen(standin.app.fetch);
  const config = parseEnv({
    PORT: "0",
    DATABASE_PATH: ":memory:",
    LOG_LEVEL: "silent",
    ZALO_GRAPH_URL: `${zalo.url}/graph`,
    ZALO_OPENAPI_URL: `${zalo.url}/openapi`,
    ZALO_OAUTH_URL: `${zalo.url}/oauth`,
  });
  const logs: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void logs.push(line) });
  const deps = {
    config,
    db: handle.db,
    logger,
    graph: createGraphClient({ baseUrl: config.zalo.graphUrl, appSecret: config.zalo.appSecret }),
    now: () => clock.now,
  };
  const services = createServices(deps);
  const app = createApp(deps, services);
  const server = await listen(app.fetch);
  const inbox = createInboxWorker({
    db: handle.db,
    logger,
    now: deps.now,
    handle: (tx, eventId, event) => handleZaloEvent(tx, chatDeps(deps, services), eventId, event),
  });
  standin.setWebhookUrl(`${server.url}/webhooks/zalo`);
  for (const p of handle.db.select().from(persons).all()) {
    if (p.oaFollowerId && p.zaloAppUserId) {
      standin.addUser({
        followerId: p.oaFollowerId,
        appUserId: p.zaloAppUserId,
        name: p.displayName,
        following: true,
      });
    }
  }
  let lastSeenOutboxId = 0;

  /** Every reply queued since the previous call, for everyone. */
  function drain(): (Reply & { followerId: string })[] {
    const rows = handle.db
      .select()
      .from(outboxMessages)
      .where(gt(outboxMessages.id, lastSeenOutboxId))
      .orderBy(asc(outboxMessages.id))
      .all();
    lastSeenOutboxId = rows.at(-1)?.id ?? lastSeenOutboxId;
    return rows.map((r) => {
      const message = r.message as {
        text: string;
        attachment?: { payload?: { buttons?: { title: string; type: string; payload: unknown }[] } };
      };
      return {
        followerId: r.recipientFollowerId,
        purpose: r.purpose,
        text: message.text,
        buttons: (message.attachment?.payload?.buttons ?? []).map((b) => ({
          title: b.title,
          payload: typeof b.payload === "string" ? b.payload : JSON.stringify(b.payload),
        })),
      };
    });
  }

  function followerOf(key: string): string {
    const persona = DEMO_PERSONAS.find((p) => p.key === key);
    if (!persona) throw new Error(`no persona ${key}`);
    const row = handle.db
      .select()
      .from(persons)
      .where(eq(persons.zaloAppUserId, persona.zaloAppUserId))
      .get();
    if (!row?.oaFollowerId) throw new Error(`persona ${key} has no follower id`);
    return row.oaFollowerId;
  }

  /** Acts as a person in Zalo; returns what the OA queued for them (and everything queued, too). */
  async function act(followerId: string, action: UserAction) {
    const result = await standin.userSends(followerId, action);
    if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
    inbox.runOnce();
    const all = drain();
    return { mine: all.filter((r) => r.followerId === followerId), all, result };
  }

  const say = async (followerId: string, text: string) => (await act(followerId, { text })).mine;

  /** Taps the button whose title contains `title` among `replies`. */
  async function tap(followerId: string, replies: Reply[], title: string) {
    const buttonFound = replies.flatMap((r) => r.buttons).find((b) => b.title.includes(title));
    if (!buttonFound)
      throw new Error(
        `no button "${title}" in ${JSON.stringify(replies.map((r) => r.buttons.map((b) => b.title)))}`,
      );
    return say(followerId, buttonFound.payload);
  }

  return {
    db: handle.db,
    standin,
    inbox,
    clock,
    logs,
    url: server.url,
    followerOf,
    act,
    say,
    tap,
    drain,
    addStranger(followerId: string, appUserId: string, name: string) {
      standin.addUser({ followerId, appUserId, name, following: false });
    },
    /** Signs a demo persona in the way the mini app does; returns our session token. */
    async login(key: string) {
      const persona = DEMO_PERSONAS.find((p) => p.key === key);
      if (!persona) throw new Error(`no persona ${key}`);
      const token = await fetch(`${zalo.url}/graph/sandbox/users/${persona.zaloAppUserId}/access-token`, {
        method: "POST",
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const session = await fetch(`${server.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accessToken }),
      });
      return ((await session.json()) as { token: string }).token;
    },
    /** Sends what the outbox holds to the stand-in, like the worker in `npm start`. */
    async deliver() {
      const worker = createOutboxWorker({
        db: handle.db,
        oa: oaClientFor(config.zalo),
        config,
        logger,
        now: deps.now,
      });
      while ((await worker.runOnce()) > 0) {}
    },
    config,
    async close() {
      await server.close();
      await zalo.close();
      handle.close();
    },
  };
}

export type Chat = Awaited<ReturnType<typeof startChat>>;
export const texts = (replies: Reply[]) => replies.map((r) => r.text).join("\n---\n");
