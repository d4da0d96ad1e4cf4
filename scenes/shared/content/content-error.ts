/**
 * Errors for broken content files. Organisers edit the JSON by hand, so every problem
 * names the file and the exact field, e.g.
 * `otp-bank.en.json: nodes[3].choices[1].next: unknown node "x"`.
 */
import type { z } from 'zod';

/** One problem in one content file. */
export interface ContentIssue {
  /** Field path inside the file, e.g. `nodes[3].choices[1].next`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** Thrown when a content file (or a pair of them) is invalid; lists every problem found. */
export class ContentError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: readonly ContentIssue[],
  ) {
    super(issues.map((issue) => formatIssue(fileName, issue)).join('\n'));
    this.name = 'ContentError';
  }
}

/** `file: path: message`, or `file: message` for whole-file problems. */
export function formatIssue(fileName: string, issue: ContentIssue): string {
  return issue.path === '' ? `${fileName}: ${issue.message}` : `${fileName}: ${issue.path}: ${issue.message}`;
}

/** Renders a path as organisers read it: `nodes[3].choices[1].next`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Parse options for content schemas: a missing field reads "is required" rather than
 * zod's "expected string, received undefined", which organisers found cryptic.
 */
export const CONTENT_PARSE_OPTIONS = {
  error: (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined,
};

/** Converts zod's issues into content issues with readable paths. */
export function fromZodError(error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * The last segment of a path or URL, whatever the separator: Vite's glob keys look like
 * `../content/scenarios/otp-bank.en.json`, test fixtures pass bare names.
 */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}
