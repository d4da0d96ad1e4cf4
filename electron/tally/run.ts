/**
 * The merge command's logic, apart from process handling (cli.ts), so tests run it in-process:
 * collect inputs, load and check them, merge, write. Exit codes: 0 all good; 1 some file was
 * rejected but the merge was written; 2 nothing usable (nothing written) or bad arguments.
 */
import { collectInputs } from './inputs.js';
import { loadInputs } from './load.js';
import { mergeJournals } from './merge.js';
import { writeMergeOutputs } from './output.js';

export interface TallyArgs {
  inputs: string[];
  outDir: string;
}

export interface TallyIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
  toolVersion: string;
}

export const USAGE =
  'Usage: npm run tally -- <export folders or files...> [--out <folder>]\n' +
  '  Merges kiosk exports (folders with tallies-*.json and journal-*.jsonl) into one CSV, JSON and HTML report.';

/** Parses the command line; returns an error sentence for bad arguments. */
export function parseArgs(argv: readonly string[], cwd: string): TallyArgs | { error: string } {
  const inputs: string[] = [];
  let outDir = cwd;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out' || arg === '-o') {
      const value = argv[i + 1];
      if (value === undefined || value === '') return { error: `${arg} needs a folder.` };
      outDir = value;
      i += 1;
    } else if (arg.startsWith('--out=')) {
      outDir = arg.slice('--out='.length);
    } else if (arg === '--help' || arg === '-h') {
      return { error: '' };
    } else if (arg.startsWith('-')) {
      return { error: `Unknown option ${arg}.` };
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length === 0) return { error: 'Give at least one export folder or file.' };
  return { inputs, outDir };
}

/** Runs the merge and returns the exit code. */
export function runTally(args: TallyArgs, io: TallyIo): number {
  const collected = collectInputs(args.inputs);
  const loaded = loadInputs(collected.files);
  const rejected = [...collected.rejected, ...loaded.rejected];
  for (const rejection of rejected) io.err(`Rejected ${rejection.file}: ${rejection.reason}`);
  if (loaded.journals.length === 0) {
    io.err('Nothing usable to merge; no output written.');
    return 2;
  }
  const now = io.now();
  const result = mergeJournals(loaded.journals, now);
  let output;
  try {
    output = writeMergeOutputs(args.outDir, result, rejected, io.toolVersion, now);
  } catch (error) {
    io.err(
      `Cannot write the merged files to ${args.outDir}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  io.out(
    `Merged ${result.records} records from ${Object.keys(result.kiosks).length} kiosks ` +
      `(${loaded.journals.length} journal files, ${result.duplicates} duplicate records counted once).`,
  );
  for (const file of output.files) io.out(`Wrote ${file}`);
  if (rejected.length > 0) {
    io.err(`${rejected.length} file(s) rejected (listed above); everything else was merged.`);
    return 1;
  }
  return 0;
}
