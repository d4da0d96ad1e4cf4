/**
 * `npm run tally -- <export folders or files...> [--out <folder>]`: the organisers' merge of
 * many kiosks' exports. See run.ts for what it does and its exit codes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppPackage } from '../host/app-root.js';
import { USAGE, parseArgs, runTally } from './run.js';

const args = parseArgs(process.argv.slice(2), process.cwd());
if ('error' in args) {
  if (args.error !== '') console.error(args.error);
  console.error(USAGE);
  process.exitCode = args.error === '' ? 0 : 2;
} else {
  process.exitCode = runTally(args, {
    out: (line) => {
      console.log(line);
    },
    err: (line) => {
      console.error(line);
    },
    now: () => new Date(),
    toolVersion: findAppPackage(path.dirname(fileURLToPath(import.meta.url))).version,
  });
}
