/**
 * The operator commands (SPEC §6). Each one parses its own options, opens the configured
 * database through `prepareDatabase` (so a fresh clone gets the demo data), does one thing and
 * prints either a human summary or, with `--json`, one JSON document on stdout.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CIVIC_ROLES, type CivicRole } from "@cau-noi/shared";
import type { DatabaseHandle } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { type Config, loadEnv } from "../env";
import { addAdmin, addMember } from "../teams/roster";
import { getUnit, getUnitByCode, listVillages } from "../units/queries";

/** An operator-facing failure: printed as one line, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super("usage", message, 2);
  }
}

export const USAGE = `Cầu Nối operator CLI

Usage: npm run cli -- <command> [options]

Commands:
  villages [--commune <code>]             List villages: id, code, name, commune
  member add --village <code> --zalo-user-id <id> --name <name> [--leader | --no-leader] [--role <role>]
                                          Add a person to their village's team (idempotent;
                                          on repeat updates the leader flag and role if given)
  admin add --commune <code> --zalo-user-id <id> --name <name>
                                          Make a person an admin of a commune (idempotent)
  backup <file>                           Online backup of the database to a new file
  report --unit <code> --from <YYYY-MM-DD> --to <YYYY-MM-DD> --out <file.xlsx|file.csv> [--sheet report|province|funding]
                                          Periodic report of a village, commune, district or
                                          province (format from the extension; --sheet province
                                          for the Phụ lục I table, funding for the evidence sheet)
  help                                    Show this text

Every command accepts --json for machine-readable output on stdout.
Civic roles: ${CIVIC_ROLES.join(", ")}
Configuration comes from the environment (DATABASE_PATH, DEMO_DATA, ...), as for npm start.`;

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse<O extends Options>(args: string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, json: { type: "boolean" } },
      allowPositionals: positionals > 0,
      strict: true,
    });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    }
    return parsed;
  } catch (error) {
    // node:util parseArgs throws TypeError with codes ERR_PARSE_ARGS_* on bad options.
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

export function required(values: Record<string, unknown>, name: string, placeholder: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`missing --${name} <${placeholder}>`);
  }
  return value;
}

export async function withDatabase<T>(config: Config, run: (handle: DatabaseHandle) => T | Promise<T>) {
  const { handle } = prepareDatabase(config);
  try {
    return await run(handle);
  } finally {
    handle.close();
  }
}

export function printJson(value: unknown) {
  console.log(JSON.stringify(value, null, 2));
}

/** Display width: NFC makes every Vietnamese letter one code point. */
function width(text: string): number {
  return [...text.normalize("NFC")].length;
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - width(cell))))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------

export async function villagesCommand(args: string[]) {
  const { values } = parse(args, { commune: { type: "string" } });
  await withDatabase(loadEnv(), ({ db }) => {
    let communeId: number | undefined;
    if (values.commune !== undefined) {
      const commune = getUnitByCode(db, values.commune.trim());
      if (commune?.level !== "commune") {
        throw new CliError("not_found", `no commune with code "${values.commune}"`);
      }
      communeId = commune.id;
    }
    const communeCodes = new Map<number, string | undefined>();
    const villages = listVillages(db, { communeId }).map((v) => {
      if (!communeCodes.has(v.communeId)) communeCodes.set(v.communeId, getUnit(db, v.communeId)?.code);
      return {
        id: v.id,
        code: v.code,
        name: v.name,
        communeId: v.communeId,
        communeCode: communeCodes.get(v.communeId),
        communeName: v.communeName,
        districtName: v.districtName,
        provinceName: v.provinceName,
      };
    });
    if (values.json) return printJson(villages);
    if (villages.length === 0) return console.log("No villages.");
    console.log(
      formatTable(
        ["ID", "CODE", "NAME", "COMMUNE"],
        villages.map((v) => [String(v.id), v.code, v.name, `${v.communeName} (${v.communeCode ?? "?"})`]),
      ),
    );
    console.log(`\n${villages.length} village${villages.length === 1 ? "" : "s"}`);
  });
}

function parseRole(role: string | undefined): CivicRole | undefined {
  if (role === undefined) return undefined;
  const found = CIVIC_ROLES.find((r) => r === role.trim());
  if (!found) throw new UsageError(`unknown --role "${role}" (one of: ${CIVIC_ROLES.join(", ")})`);
  return found;
}

export async function memberAddCommand(args: string[]) {
  const { values } = parse(args, {
    village: { type: "string" },
    "zalo-user-id": { type: "string" },
    name: { type: "string" },
    leader: { type: "boolean" },
    "no-leader": { type: "boolean" },
    role: { type: "string" },
  });
  const villageCode = required(values, "village", "code");
  const zaloAppUserId = required(values, "zalo-user-id", "id");
  const name = required(values, "name", "name");
  if (values.leader && values["no-leader"]) throw new UsageError("--leader and --no-leader conflict");
  const leader = values.leader ? true : values["no-leader"] ? false : undefined;
  const civicRole = parseRole(values.role);
  await withDatabase(loadEnv(), ({ db }) => {
    const r = addMember(db, { villageCode, zaloAppUserId, name, leader, civicRole }, new Date());
    if (values.json) return printJson({ villageCode: villageCode.trim(), ...r });
    const as = `${r.isLeader ? "leader" : "member"}, civic role ${r.civicRole}`;
    const where = `${r.teamName} (${villageCode.trim()})`;
    const notes = [r.personCreated ? "new person" : "", r.teamCreated ? "new team" : ""].filter(Boolean);
    const ids = `person #${r.personId}, membership #${r.membershipId}${notes.length ? `; ${notes.join(", ")}` : ""}`;
    if (r.created) console.log(`Added ${r.personName} to ${where} as ${as} (${ids})`);
    else if (r.changed) console.log(`Updated ${r.personName} in ${where}: now ${as} (${ids})`);
    else console.log(`Unchanged: ${r.personName} is already in ${where} as ${as} (${ids})`);
  });
}

export async function adminAddCommand(args: string[]) {
  const { values } = parse(args, {
    commune: { type: "string" },
    "zalo-user-id": { type: "string" },
    name: { type: "string" },
  });
  const communeCode = required(values, "commune", "code");
  const zaloAppUserId = required(values, "zalo-user-id", "id");
  const name = required(values, "name", "name");
  await withDatabase(loadEnv(), ({ db }) => {
    const r = addAdmin(db, { communeCode, zaloAppUserId, name }, new Date());
    if (values.json) return printJson({ communeCode: communeCode.trim(), ...r });
    const where = `${r.communeName} (${communeCode.trim()})`;
    const ids = `person #${r.personId}${r.personCreated ? "; new person" : ""}`;
    if (r.created) console.log(`Made ${r.personName} an admin of ${where} (${ids})`);
    else console.log(`Unchanged: ${r.personName} is already an admin of ${where} (${ids})`);
  });
}

export async function backupCommand(args: string[]) {
  const { values, positionals } = parse(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError("missing <file>: backup <file>");
  const config = loadEnv();
  const destination = resolve(file);
  if (config.databasePath !== ":memory:" && destination === resolve(config.databasePath)) {
    throw new CliError("conflict", "refusing to back up the database onto itself");
  }
  // Claim the name atomically ("wx" fails if it exists): a backup never overwrites a file.
  mkdirSync(dirname(destination), { recursive: true });
  try {
    closeSync(openSync(destination, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new CliError("conflict", `${destination} already exists; refusing to overwrite it`);
    }
    throw error;
  }
  try {
    await withDatabase(config, (handle) => handle.backup(destination));
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
  const bytes = statSync(destination).size;
  if (values.json) return printJson({ path: destination, bytes });
  console.log(`Backup written to ${destination} (${bytes.toLocaleString("en-US")} bytes)`);
}
