/**
 * Small helpers for plain JSON-like data: freezing, and a structural diff that reports
 * differences with readable paths (used to check that two languages match).
 */
import { formatPath, type ContentIssue } from './content-error.js';

/** Freezes a plain data tree in place, so loaded content cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Every difference between `actual` and `expected`, with paths, described from
 * `actual`'s side ("has X but <otherName> has Y"). Stops after `limit` differences.
 */
export function structuralDiff(
  actual: unknown,
  expected: unknown,
  otherName: string,
  limit = 20,
): ContentIssue[] {
  const out: ContentIssue[] = [];
  const walk = (a: unknown, e: unknown, path: PropertyKey[]): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(e)) {
      if (a.length !== e.length) {
        out.push({
          path: formatPath(path),
          message: `has ${a.length} items but ${otherName} has ${e.length}`,
        });
      }
      for (let i = 0; i < Math.min(a.length, e.length); i++) walk(a[i], e[i], [...path, i]);
      return;
    }
    if (isRecord(a) && isRecord(e)) {
      const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
      for (const key of keys) walk(a[key], e[key], [...path, key]);
      return;
    }
    if (a !== e)
      out.push({ path: formatPath(path), message: `is ${show(a)} but ${otherName} has ${show(e)}` });
  };
  walk(actual, expected, []);
  return out;
}

/**
 * A copy of `value` where every string under one of `textKeys` is replaced by a marker
 * and `dropKeys` are removed: what is left is the structure two translations must share.
 */
export function skeleton(
  value: unknown,
  textKeys: ReadonlySet<string>,
  dropKeys: ReadonlySet<string>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => skeleton(item, textKeys, dropKeys));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (dropKeys.has(key)) continue;
    // A list of lines (a document's) is text too; its length is structure.
    const lines = Array.isArray(child) && child.every((item) => typeof item === 'string');
    out[key] = !textKeys.has(key)
      ? skeleton(child, textKeys, dropKeys)
      : typeof child === 'string'
        ? '(text)'
        : lines
          ? child.map(() => '(text)')
          : skeleton(child, textKeys, dropKeys);
  }
  return out;
}

/**
 * `base` with `overlay` laid over it: objects merge key by key, anything else in `overlay`
 * (text, arrays, numbers) replaces what `base` has. Neither input is changed.
 */
export function deepMerge(base: unknown, overlay: unknown): unknown {
  if (!isRecord(base) || !isRecord(overlay)) return overlay === undefined ? base : overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = deepMerge(base[key], value);
  return out;
}
