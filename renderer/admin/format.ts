/**
 * Number, size, rate and time formatting for the staff panel. Pure (no DOM, the clock is
 * passed in) so it is unit-tested; Intl does the language-specific parts.
 */
import type { Language } from '../../electron/bridge/contract.js';

/** The BCP 47 locale each kiosk language formats numbers and times in. */
export const LOCALES: Readonly<Record<Language, string>> = { vi: 'vi-VN', en: 'en-GB' };

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A whole count with the language's digit grouping ("12.345" in vi, "12,345" in en). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/**
 * A byte size in human units (binary steps of 1024, labelled B/KB/MB/GB/TB as Windows and
 * most staff expect): one decimal below 10 units, none above, so "7.4 GB" and "312 MB".
 * Null (unknown, e.g. the host could not read the disk) becomes "—".
 */
export function formatBytes(bytes: number | null, language: Language): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${BYTE_UNITS[unit] ?? 'B'}`;
}

/** correct/total as a whole percentage, or null when nothing was answered (no rate to show). */
export function rate(correct: number, total: number): number | null {
  if (!(total > 0) || correct < 0) return null;
  return Math.round((Math.min(correct, total) / total) * 100);
}

/** correct/total as "67 %" in the language's style; "—" when there is nothing to divide. */
export function formatRate(correct: number, total: number, language: Language): string {
  const value = rate(correct, total);
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    value / 100,
  );
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local wall-clock time "HH:MM:SS" (24 h in both languages: staff read it at a glance). */
export function formatClock(date: Date): string {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** Local date and time "YYYY-MM-DD HH:MM" of an ISO instant, or "—" for null/invalid. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `${day} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** Time left until `untilMs` as "M:SS" (or "H:MM:SS"), never negative. */
export function formatRemaining(untilMs: number, nowMs: number): string {
  return formatDuration(Math.ceil((untilMs - nowMs) / 1000));
}

/** A number of seconds as "M:SS" (or "H:MM:SS"), never negative; "—" for null. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(rest)}` : `${minutes}:${pad2(rest)}`;
}

/** The hour of a tallies bucket key "YYYY-MM-DDTHH" as "HH:00", or the key itself if malformed. */
export function hourLabel(bucket: string): string {
  const match = /T(\d{2})$/.exec(bucket);
  return match?.[1] === undefined ? bucket : `${match[1]}:00`;
}
