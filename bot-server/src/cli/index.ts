/**
 * Operator CLI: `npm run cli -- <command> [options]` (SPEC §6). Exit codes: 0 done, 1 the
 * operation failed (unknown village, existing backup file, bad value...), 2 usage error.
 * Errors are one line on stderr; with `--json` the same error is also printed on stdout as
 * `{ "error": { code, message } }`.
 */
import { AppError } from "../lib/errors";
import {
  adminAddCommand,
  backupCommand,
  CliError,
  memberAddCommand,
  USAGE,
  UsageError,
  villagesCommand,
} from "./commands";
import { reportCommand } from "./report-command";

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  villages: villagesCommand,
  "member add": memberAddCommand,
  "admin add": adminAddCommand,
  backup: backupCommand,
  report: reportCommand,
};

async function run(argv: string[]): Promise<void> {
  const [first, second] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    console.log(USAGE);
    return;
  }
  for (const [name, command] of Object.entries(COMMANDS)) {
    const words = name.split(" ");
    if (words.every((word, i) => argv[i] === word)) return command(argv.slice(words.length));
  }
  if ((first === "member" || first === "admin") && second === undefined) {
    throw new UsageError(`"${first}" needs a subcommand: ${first} add`);
  }
  const what = first === "member" || first === "admin" ? `${first} ${second}` : first;
  throw new UsageError(`unknown command "${what}"`);
}

function report(error: unknown, json: boolean): number {
  let code = "internal_error";
  let message = error instanceof Error ? error.message : String(error);
  let exitCode = 1;
  if (error instanceof CliError) {
    code = error.code;
    exitCode = error.exitCode;
  } else if (error instanceof AppError) {
    code = error.code;
  }
  message = message.replace(/\s*\n\s*/g, " ");
  if (json) console.log(JSON.stringify({ error: { code, message } }));
  const hint = error instanceof UsageError ? " (run `npm run cli -- help` for usage)" : "";
  console.error(`error: ${message}${hint}`);
  return exitCode;
}

const argv = process.argv.slice(2);
try {
  await run(argv);
} catch (error) {
  process.exitCode = report(error, argv.includes("--json"));
}
