/**
 * Structured logs (pino). Personal data and secrets never reach the log: we log ids, routes and
 * outcomes, and pino's redaction removes anything sensitive that slips into a logged object.
 */
import pino, { type Logger } from "pino";

export const REDACTED_PATHS = [
  "accessToken",
  "token",
  "phone",
  "phoneToken",
  "secret",
  "password",
  "*.accessToken",
  "*.token",
  "*.phone",
  "*.secret",
  "headers.authorization",
  "headers.access_token",
  "headers.secret_key",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: "cau-noi" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } },
    destination,
  );
}

export type { Logger };
