/**
 * The local stand-in for Zalo's HTTP APIs (SPEC §4.3). Mounted by `npm start` in sandbox mode
 * under STANDIN_PREFIX, and started on its own port by tests. Same paths and payloads as Zalo.
 */
import { Hono } from "hono";
import { createGraphStandin, type GraphStandinOptions } from "./graph";

export function createZaloStandin(options: GraphStandinOptions) {
  const graph = createGraphStandin(options);
  const app = new Hono().route("/graph", graph.app);
  return { app };
}
