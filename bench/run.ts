/**
 * `npm run bench`: runs every bench/*.bench.ts in its own Node process (so one benchmark's
 * heap and JIT state cannot colour another's) and prints one JSON object with all results.
 * Each benchmark prints exactly one JSON object on stdout.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

/**
 * The goals a benchmark's result says it missed: every `met: false`, and every `false` in a
 * `met` object, anywhere in the result (each benchmark compares its figures with its goals).
 */
function missedGoals(result: unknown, where = ''): string[] {
  if (result === null || typeof result !== 'object') return [];
  return Object.entries(result).flatMap(([key, value]: [string, unknown]) => {
    const at = where === '' ? key : `${where}.${key}`;
    if (key === 'met' && value === false) return [where === '' ? 'met' : where];
    if (key === 'met' && value !== null && typeof value === 'object') {
      return Object.entries(value).flatMap(([goal, ok]) => (ok === false ? [`${at}.${goal}`] : []));
    }
    return missedGoals(value, at);
  });
}

const results: Record<string, unknown> = {};
let failed = false;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench: ${name}…\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30 * 60_000,
  });
  try {
    const result = JSON.parse(child.stdout) as unknown;
    results[name] = result;
    const missed = missedGoals(result);
    if (missed.length > 0) {
      failed = true;
      process.stderr.write(`bench: ${name} missed ${missed.join(', ')}\n`);
    }
  } catch {
    failed = true;
    results[name] = {
      error: `exit ${String(child.status)}; output was not JSON`,
      output: child.stdout.slice(-2000),
    };
  }
}

console.log(
  JSON.stringify(
    {
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      ranAt: new Date().toISOString(),
      results,
    },
    null,
    2,
  ),
);
// Non-zero when a benchmark failed to report or missed a goal: CI and staff see it at once.
process.exitCode = failed ? 1 : 0;
