/**
 * Reading and checking kiosk exports for the merge. The journal files (`journal-*.jsonl`)
 * carry the records; the JSON exports are manifests that vouch for their journal (record
 * count and SHA-256), which is how a truncated or altered copy is caught. A file with any
 * problem is rejected whole, with a reason naming it; the others go on.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalRecord } from '../bridge/contract.js';
import { describeZodError } from '../bridge/dispatch.js';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ExportManifestSchema,
  READABLE_EXPORT_VERSIONS,
} from '../backoffice/export/format.js';
import { isJournalRecord } from '../backoffice/record-schema.js';
import type { Rejection } from './inputs.js';

export interface LoadedJournal {
  file: string;
  /** Records to merge (lines byte-identical to one of an earlier file are left out: see `repeated`). */
  records: JournalRecord[];
  /** Lines byte-identical to a record line already loaded from an earlier file (same id, same content). */
  repeated: number;
  /** Lines in the file. */
  lines: number;
}

export interface Loaded {
  journals: LoadedJournal[];
  /** Manifests that checked out (their journal is among `journals`). */
  manifests: string[];
  rejected: Rejection[];
}

interface Expectation {
  manifest: string;
  recordCount: number;
  sha256: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks a JSON export; returns what its journal must match, or a rejection reason. */
function readManifest(file: string): { journal: string; expect: Expectation } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { reason: `not valid JSON (corrupt or truncated?): ${describe(error)}` };
  }
  const header: unknown =
    typeof value === 'object' && value !== null && 'header' in value ? value.header : null;
  const format =
    typeof header === 'object' && header !== null && 'format' in header ? header.format : undefined;
  if (format !== EXPORT_FORMAT) {
    return { reason: `not a Không Một Mình kiosk export (no "format": "${EXPORT_FORMAT}" header)` };
  }
  const version =
    header !== null && typeof header === 'object' && 'formatVersion' in header
      ? header.formatVersion
      : undefined;
  if (typeof version !== 'number' || !READABLE_EXPORT_VERSIONS.includes(version)) {
    return {
      reason: `export format version ${JSON.stringify(version)}, but this tool reads version ${EXPORT_FORMAT_VERSION} (use the tally tool of the same kiosk release)`,
    };
  }
  const parsed = ExportManifestSchema.safeParse(value);
  if (!parsed.success) return { reason: `damaged export: ${describeZodError(parsed.error)}` };
  const { journalFile, recordCount, sha256 } = parsed.data.header;
  if (journalFile !== path.basename(journalFile))
    return { reason: `damaged export: bad journalFile "${journalFile}"` };
  return {
    journal: path.join(path.dirname(file), journalFile),
    expect: { manifest: file, recordCount, sha256 },
  };
}

const ID_PREFIX = '{"id":"';
const ID_LENGTH = 36;

/** The record id at the start of a line as the kiosk writes it, or null (then it is parsed). */
function leadingId(line: string): string | null {
  return line.startsWith(ID_PREFIX) ? line.slice(ID_PREFIX.length, ID_PREFIX.length + ID_LENGTH) : null;
}

/**
 * Reads and validates a journal file: every line must be a contract-valid record. A line
 * byte-identical to one already accepted from an earlier file was validated then, so it is
 * only counted (overlapping exports repeat most lines; this halves the merge's work).
 */
function readJournal(
  file: string,
  expect: Expectation | undefined,
  known: Map<string, string>,
): LoadedJournal | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { reason: `cannot read it (${describe(error)})` };
  }
  if (expect !== undefined) {
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    if (sha !== expect.sha256) {
      return {
        reason: `does not match its export ${path.basename(expect.manifest)} (SHA-256 differs: truncated or altered copy)`,
      };
    }
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    return { reason: 'the last line is cut off (truncated copy?)' };
  }
  const records: JournalRecord[] = [];
  const accepted: [string, string][] = [];
  let repeated = 0;
  const text = bytes.toString('utf8');
  let start = 0;
  let lineNumber = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end);
    start = end + 1;
    lineNumber += 1;
    const id = leadingId(line);
    if (id !== null && known.get(id) === line) {
      repeated += 1;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { reason: `line ${lineNumber} is not valid JSON (corrupt file, or not a kiosk journal)` };
    }
    if (!isJournalRecord(value)) {
      return {
        reason: `line ${lineNumber} is not a kiosk journal record (another program's file, or a newer version?)`,
      };
    }
    records.push(value);
    if (id !== null) accepted.push([id, line]);
  }
  if (expect !== undefined && lineNumber !== expect.recordCount) {
    return {
      reason: `has ${lineNumber} records but its export ${path.basename(expect.manifest)} says ${expect.recordCount}`,
    };
  }
  // Only a file accepted whole vouches for its lines.
  for (const [id, line] of accepted) if (!known.has(id)) known.set(id, line);
  return { file, records, repeated, lines: lineNumber };
}

/**
 * Loads every input. JSON exports bring in their journal file from their own folder even when
 * it was not listed; a JSON export whose journal is missing is rejected (records can only be
 * counted once from the journal, by record id).
 */
export function loadInputs(files: readonly string[]): Loaded {
  const rejected: Rejection[] = [];
  const manifests: string[] = [];
  const expectations = new Map<string, Expectation>();
  const journals = new Set<string>();
  for (const file of files) {
    if (file.endsWith('.jsonl')) {
      journals.add(file);
      continue;
    }
    const manifest = readManifest(file);
    if ('reason' in manifest) {
      rejected.push({ file, reason: manifest.reason });
      continue;
    }
    if (!fs.existsSync(manifest.journal)) {
      rejected.push({
        file,
        reason: `its journal ${path.basename(manifest.journal)} is not next to it (copy the whole export folder)`,
      });
      continue;
    }
    manifests.push(file);
    expectations.set(manifest.journal, manifest.expect);
    journals.add(manifest.journal);
  }
  const loaded: LoadedJournal[] = [];
  const known = new Map<string, string>();
  for (const file of [...journals].sort()) {
    const journal = readJournal(file, expectations.get(file), known);
    if ('reason' in journal) rejected.push({ file, reason: journal.reason });
    else loaded.push(journal);
  }
  return { journals: loaded, manifests, rejected };
}
