/**
 * `npm run bench:reports`: the province-wide quarterly report over Quảng Nam's 1,240 villages
 * and 1,000,000 requests (two years, see fill.ts), plus two years of team activities, KPIs,
 * survey answers and undelivered messages. Prints the time and peak memory of the report as
 * JSON (buildReport) and as the XLSX download (report + Phụ lục I + funding sheets), against
 * the goal < 5 s and < 300 MB, with the same report over a 10,000-request database as baseline.
 *
 * Each measurement runs in a fresh child process (`--measure`), so its peak RSS (getrusage
 * maxrss) is the report's and not the fill's. Heap is sampled between phases (used and total).
 *
 *   npx tsx tests/bench/reports.ts [--requests 1000000] [--small 10000] [--runs 3] [--seed 1]
 *                                  [--from 2025-10-01 --to 2025-12-31] [--keep path/to/bench.db]
 *                                  [--reuse path/to/kept.db]
 *
 * Exit code 0 whether or not the goal is met (a measurement, not a test); 1 on errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ACTIVITY_FORMS, KPI_INDICATORS, SURVEY_FIELDS } from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import { type Db, openDatabase } from "../../bot-server/src/db/client";
import { kpiValues, outboxMessages, surveyResponses, teamActivities } from "../../bot-server/src/db/schema";
import { buildReport } from "../../bot-server/src/reports/build-report";
import { exportFile } from "../../bot-server/src/reports/exports";
import { bulkInserter, fillDatabase } from "./fill";
import { createRandom, pick, planWorld, type WorldPlan } from "./world";

const NOW = new Date("2026-03-02T09:00:00+07:00");
const GOAL_SECONDS = 5;
const GOAL_MB = 300;
const DAY = 86_400_000;
const PROVINCE_ID = 1;

interface Options {
  requests: number;
  small: number;
  runs: number;
  seed: number;
  from: string;
  to: string;
  keep: string | undefined;
  /** An existing large database (from --keep): skip filling it. */
  reuse: string | undefined;
  measure: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: "string", default: "1000000" },
      small: { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      from: { type: "string", default: "2025-10-01" },
      to: { type: "string", default: "2025-12-31" },
      keep: { type: "string" },
      reuse: { type: "string" },
      measure: { type: "string" },
    },
    strict: true,
  });
  const int = (name: string, value: string) => {
    const n = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  return {
    requests: int("requests", values.requests),
    small: int("small", values.small),
    runs: int("runs", values.runs),
    seed: int("seed", values.seed),
    from: values.from,
    to: values.to,
    keep: values.keep,
    reuse: values.reuse,
    measure: values.measure,
  };
}

// ---------------------------------------------------------------------------------------------
// Filling: requests (fill.ts), then the team work the report also reads
// ---------------------------------------------------------------------------------------------

/** About four activities per team and month, KPIs every month, survey answers, failed messages. */
function fillTeamWork(db: Db, plan: WorldPlan, seed: number) {
  const random = createRandom(seed + 7);
  const start = NOW.getTime() - 730 * DAY;
  const activities = bulkInserter(db, teamActivities);
  const batch: Array<typeof teamActivities.$inferInsert> = [];
  const flush = () => {
    db.transaction(() => activities(batch.splice(0)));
  };
  let activityCount = 0;
  for (const village of plan.villages) {
    const count = 80 + Math.floor(random() * 32);
    for (let i = 0; i < count; i++) {
      const at = new Date(start + random() * 730 * DAY);
      const members = village.memberIds.filter(() => random() < 0.6);
      batch.push({
        teamId: village.teamId,
        activityDate: new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
        form: pick(random, ACTIVITY_FORMS),
        topic: pick(random, [
          "Hướng dẫn cài đặt VNeID",
          "Dịch vụ công trực tuyến",
          "Thanh toán không dùng tiền mặt",
          "Phòng chống lừa đảo trên mạng",
          "Bán hàng trên sàn thương mại điện tử",
        ]),
        place: `Nhà văn hóa ${village.name}`,
        memberPersonIds: members.length > 0 ? members : village.memberIds.slice(0, 1),
        residentsReached: 5 + Math.floor(random() * 60),
        leaflets: Math.floor(random() * 40),
        photoIds: [],
        authorPersonId: village.memberIds[0] ?? 1,
        createdAt: at,
        updatedAt: at,
      });
      activityCount += 1;
      if (batch.length >= 20_000) flush();
    }
  }
  flush();

  const months: string[] = [];
  for (let t = start; t <= NOW.getTime(); t += 28 * DAY) months.push(new Date(t).toISOString().slice(0, 7));
  const kpis = bulkInserter(db, kpiValues);
  const kpiRows: Array<typeof kpiValues.$inferInsert> = [];
  for (const commune of plan.communes) {
    for (const month of [...new Set(months)]) {
      for (const indicator of KPI_INDICATORS) {
        const denominator = 200 + Math.floor(random() * 800);
        kpiRows.push({
          communeId: commune.id,
          month,
          indicator,
          numerator: Math.floor(denominator * (0.4 + random() * 0.6)),
          denominator,
          enteredByPersonId: commune.adminPersonId,
          updatedAt: NOW,
        });
      }
    }
  }
  db.transaction(() => kpis(kpiRows));

  const surveys = bulkInserter(db, surveyResponses);
  const surveyRows: Array<typeof surveyResponses.$inferInsert> = [];
  for (let i = 0; i < 100_000; i++) {
    surveyRows.push({
      communeId: pick(random, plan.communes).id,
      field: pick(random, SURVEY_FIELDS),
      rating: random() < 0.7 ? 5 : 1 + Math.floor(random() * 4),
      createdAt: new Date(start + random() * 730 * DAY),
    });
  }
  db.transaction(() => surveys(surveyRows));

  const outbox = bulkInserter(db, outboxMessages);
  const outboxRows: Array<typeof outboxMessages.$inferInsert> = [];
  const reasons = [
    "not_a_follower",
    "outside_interaction_window",
    "blocked_by_user",
    "crashed_while_sending",
  ];
  for (let i = 0; i < 20_000; i++) {
    const at = new Date(start + random() * 730 * DAY);
    const citizen = pick(random, plan.citizenIds);
    const reason = pick(random, reasons);
    outboxRows.push({
      idempotencyKey: `bench-${i}`,
      recipientFollowerId: String(8_000_000_000_000_000_000n + BigInt(citizen)),
      personId: citizen,
      purpose: "reply",
      message: { text: "Cảm ơn anh/chị." },
      status: reason === "crashed_while_sending" ? "uncertain" : "failed",
      attempts: 1,
      nextAttemptAt: at,
      lastError: reason,
      createdAt: at,
      updatedAt: at,
    });
  }
  db.transaction(() => outbox(outboxRows));
  db.run(sql`analyze`);
  return {
    activities: activityCount,
    kpis: kpiRows.length,
    surveys: surveyRows.length,
    outbox: outboxRows.length,
  };
}

function fill(path: string, plan: WorldPlan, options: Options, requests: number) {
  const started = performance.now();
  const handle = openDatabase(path);
  fillDatabase(handle.db, plan, { requests, seed: options.seed, now: NOW, eventEvery: 500, photoEvery: 10 });
  const work = fillTeamWork(handle.db, plan, options.seed);
  handle.close();
  const seconds = (performance.now() - started) / 1000;
  const mb = statSync(path).size / 1024 / 1024;
  console.log(
    `  ${requests.toLocaleString("en-US")} requests, ${work.activities.toLocaleString("en-US")} activities, ` +
      `${work.kpis.toLocaleString("en-US")} KPI values, ${work.surveys.toLocaleString("en-US")} survey answers, ` +
      `${work.outbox.toLocaleString("en-US")} undelivered messages: ${seconds.toFixed(0)} s, ${mb.toFixed(0)} MB`,
  );
}

// ---------------------------------------------------------------------------------------------
// Measuring (child process)
// ---------------------------------------------------------------------------------------------

interface Measurement {
  jsonSeconds: number;
  xlsxSeconds: number;
  /** CPU time (user + system) of the process: steadier than wall time on a shared machine. */
  jsonCpuSeconds: number;
  xlsxCpuSeconds: number;
  xlsxBytes: number;
  created: number;
  resolved: number;
  activities: number;
  rows: number;
  /** Peak RSS after the JSON report, before the XLSX. */
  peakRssJsonMb: number;
  peakRssMb: number;
  peakHeapUsedMb: number;
  peakHeapTotalMb: number;
  baselineRssMb: number;
}

async function measure(path: string, options: Options): Promise<Measurement> {
  const handle = openDatabase(path);
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  let heapUsed = 0;
  let heapTotal = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heapUsed = Math.max(heapUsed, m.heapUsed);
    heapTotal = Math.max(heapTotal, m.heapTotal);
  };
  const input = { unitId: PROVINCE_ID, from: options.from, to: options.to };
  const cpuSeconds = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
  };
  let started = performance.now();
  let cpu = process.cpuUsage();
  const report = buildReport(handle.db, input, { audience: "aggregate", now: NOW });
  JSON.stringify(report);
  const jsonSeconds = (performance.now() - started) / 1000;
  const jsonCpuSeconds = cpuSeconds(cpu);
  const peakRssJsonMb = process.resourceUsage().maxRSS / 1024;
  sample();
  started = performance.now();
  cpu = process.cpuUsage();
  const file = await exportFile(handle.db, input, "report", "xlsx", { audience: "aggregate", now: NOW });
  const xlsxSeconds = (performance.now() - started) / 1000;
  const xlsxCpuSeconds = cpuSeconds(cpu);
  sample();
  handle.close();
  return {
    jsonSeconds,
    xlsxSeconds,
    jsonCpuSeconds,
    xlsxCpuSeconds,
    xlsxBytes: file.body.byteLength,
    created: report.requests.created,
    resolved: report.requests.resolved,
    activities: report.activities.count,
    rows: report.rows.length,
    peakRssJsonMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapUsedMb: heapUsed / 1024 / 1024,
    peakHeapTotalMb: heapTotal / 1024 / 1024,
    baselineRssMb,
  };
}

const SELF = fileURLToPath(import.meta.url);

function measureInChild(path: string, options: Options): Measurement {
  const args = ["--import", "tsx", SELF, "--measure", path, "--from", options.from, "--to", options.to];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`measurement failed: ${child.stderr}`);
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Measurement;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

async function main(options: Options) {
  if (options.measure) {
    console.log(JSON.stringify(await measure(options.measure, options)));
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), "cau-noi-bench-reports-"));
  try {
    const plan = planWorld(options.seed);
    console.log(
      `Province-wide report ${options.from} … ${options.to} over ${plan.villages.length.toLocaleString("en-US")} villages`,
    );
    const smallPath = join(scratch, "small.db");
    const largePath = options.reuse ?? options.keep ?? join(scratch, "large.db");
    console.log("\nFilling the baseline database");
    fill(smallPath, plan, options, options.small);
    if (options.reuse) console.log(`Reusing the large database at ${options.reuse}`);
    else {
      console.log("Filling the large database");
      fill(largePath, plan, options, options.requests);
    }

    console.log(`\nMeasuring (${options.runs} runs each, alternating, one fresh process per run)…`);
    const small: Measurement[] = [];
    const large: Measurement[] = [];
    for (let i = 0; i < options.runs; i++) {
      small.push(measureInChild(smallPath, options));
      large.push(measureInChild(largePath, options));
    }
    const summary = (runs: Measurement[]) => ({
      json: median(runs.map((r) => r.jsonSeconds)),
      xlsx: median(runs.map((r) => r.xlsxSeconds)),
      jsonCpu: median(runs.map((r) => r.jsonCpuSeconds)),
      xlsxCpu: median(runs.map((r) => r.xlsxCpuSeconds)),
      rssJson: Math.max(...runs.map((r) => r.peakRssJsonMb)),
      rss: Math.max(...runs.map((r) => r.peakRssMb)),
      heapUsed: Math.max(...runs.map((r) => r.peakHeapUsedMb)),
      heapTotal: Math.max(...runs.map((r) => r.peakHeapTotalMb)),
      base: median(runs.map((r) => r.baselineRssMb)),
      first: runs[0],
    });
    const s = summary(small);
    const l = summary(large);
    const sec = (n: number) => `${n.toFixed(2).padStart(6)} s`;
    const mb = (n: number) => `${n.toFixed(0).padStart(5)} MB`;
    const row = (label: string, m: ReturnType<typeof summary>) =>
      `${label.padEnd(16)} ${sec(m.json)} ${sec(m.jsonCpu)}   ${sec(m.xlsx)} ${sec(m.xlsxCpu)}   ` +
      `${mb(m.rssJson)} ${mb(m.rss)} ${mb(m.heapUsed)} ${mb(m.heapTotal)} ${mb(m.base)}`;
    console.log(
      `\n${"".padEnd(16)} ${"JSON report".padEnd(19)} ${"XLSX download".padEnd(19)} ${"peak RSS".padEnd(17)} ${"peak heap".padEnd(17)} idle RSS`,
    );
    console.log(
      `${"database".padEnd(16)} ${"wall".padStart(8)} ${"CPU".padStart(8)}   ${"wall".padStart(8)} ${"CPU".padStart(8)}   ` +
        `${"JSON".padStart(8)} ${"+XLSX".padStart(8)} ${"used".padStart(8)} ${"total".padStart(8)}`,
    );
    console.log(row(`${options.small.toLocaleString("en-US")} req.`, s));
    console.log(row(`${options.requests.toLocaleString("en-US")} req.`, l));
    console.log(
      `\nRatio large/small: JSON ×${(l.json / Math.max(1e-6, s.json)).toFixed(1)} wall, ×${(l.jsonCpu / Math.max(1e-6, s.jsonCpu)).toFixed(1)} CPU; ` +
        `XLSX ×${(l.xlsx / Math.max(1e-6, s.xlsx)).toFixed(1)} wall, ×${(l.xlsxCpu / Math.max(1e-6, s.xlsxCpu)).toFixed(1)} CPU; peak RSS ×${(l.rss / s.rss).toFixed(2)}`,
    );
    console.log(
      `Large report: ${l.first?.created.toLocaleString("en-US")} requests filed and ${l.first?.resolved.toLocaleString("en-US")} resolved in the quarter, ` +
        `${l.first?.activities.toLocaleString("en-US")} activities, ${l.first?.rows} commune rows, XLSX ${((l.first?.xlsxBytes ?? 0) / 1024).toFixed(0)} KB`,
    );
    const slowest = Math.max(l.json, l.xlsx);
    console.log(
      `Goal < ${GOAL_SECONDS} s and < ${GOAL_MB} MB each: ${slowest < GOAL_SECONDS && l.rss < GOAL_MB ? "met" : "NOT met"} ` +
        `(slowest ${slowest.toFixed(2)} s wall, ${Math.max(l.jsonCpu, l.xlsxCpu).toFixed(2)} s CPU; peak RSS ${l.rss.toFixed(0)} MB; ` +
        `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs: wall time stretches on a busy machine, CPU time does not)`,
    );
    if (options.keep) console.log(`\nKept the large database at ${options.keep}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  await main(parseOptions(process.argv.slice(2)));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
