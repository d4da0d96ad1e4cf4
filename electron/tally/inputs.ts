/**
 * Which files the merge reads: every `.json` and `.jsonl` in the folders given (and their
 * subfolders, e.g. one per kiosk on a USB stick), plus files named directly. The merge's own
 * outputs and the HTML/CSV copies are skipped; anything unreadable is reported by name.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rejection {
  file: string;
  reason: string;
}

export interface InputFiles {
  files: string[];
  rejected: Rejection[];
}

const MAX_DEPTH = 6;
const MERGE_OUTPUT = /^(tallies|report)-merged-/;

function isCandidate(name: string): boolean {
  return (name.endsWith('.json') || name.endsWith('.jsonl')) && !MERGE_OUTPUT.test(name);
}

function walk(dir: string, depth: number, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.')) walk(full, depth + 1, out);
    else if (entry.isFile() && isCandidate(entry.name)) out.push(full);
  }
}

/** The export files under `paths` (folders searched, files taken as given), without duplicates. */
export function collectInputs(paths: readonly string[]): InputFiles {
  const files: string[] = [];
  const rejected: Rejection[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      rejected.push({ file: given, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(full, 0, files);
      } catch (error) {
        rejected.push({ file: given, reason: `cannot read the folder (${String(error)})` });
      }
    } else if (given.endsWith('.json') || given.endsWith('.jsonl')) {
      files.push(full);
    } else {
      rejected.push({
        file: given,
        reason: 'not an export file: give the export folders, or tallies-*.json / journal-*.jsonl files',
      });
    }
  }
  return { files: [...new Set(files)], rejected };
}
