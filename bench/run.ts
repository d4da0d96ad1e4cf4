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
    results[name] = JSON.parse(child.stdout) as unknown;
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
process.exitCode = failed ? 1 : 0;
