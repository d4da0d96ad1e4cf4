import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDateTime,
  formatRate,
  formatRemaining,
  hourLabel,
  rate,
} from '../../../renderer/admin/format.js';

describe('formatCount', () => {
  it('groups digits the way each language does', () => {
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(0, 'vi')).toBe('0');
  });
});

describe('formatBytes', () => {
  it('picks a human unit, one decimal below 10', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(312 * 1024 * 1024, 'en')).toBe('312 MB');
    expect(formatBytes(7.44 * 1024 ** 3, 'en')).toBe('7.4 GB');
    expect(formatBytes(3 * 1024 ** 5, 'en')).toBe('3,072 TB'); // no unit past TB
  });

  it('shows a dash when the size is unknown or nonsense', () => {
    expect(formatBytes(null, 'vi')).toBe('—');
    expect(formatBytes(-1, 'en')).toBe('—');
    expect(formatBytes(Number.NaN, 'en')).toBe('—');
  });
});

describe('rate and formatRate', () => {
  it('is correct/total as a whole percentage', () => {
    expect(rate(2, 3)).toBe(67);
    expect(rate(3, 3)).toBe(100);
    expect(rate(0, 5)).toBe(0);
    expect(formatRate(1, 4, 'en')).toBe('25%');
    expect(formatRate(1, 4, 'vi')).toBe('25%');
  });

  it('has no rate when nothing was answered, and never exceeds 100 %', () => {
    expect(rate(0, 0)).toBeNull();
    expect(formatRate(0, 0, 'vi')).toBe('—');
    expect(rate(7, 5)).toBe(100);
  });
});

describe('times', () => {
  it('formats a wall-clock time as HH:MM:SS', () => {
    expect(formatClock(new Date(2025, 0, 2, 9, 5, 7))).toBe('09:05:07');
  });

  it('formats an ISO instant in local time, or a dash', () => {
    const iso = new Date(2025, 6, 14, 18, 3).toISOString();
    expect(formatDateTime(iso)).toBe('2025-07-14 18:03');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('counts the time left down in whole seconds, never below zero', () => {
    expect(formatRemaining(120_000, 0)).toBe('2:00');
    expect(formatRemaining(60_500, 0)).toBe('1:01');
    expect(formatRemaining(3_725_000, 0)).toBe('1:02:05');
    expect(formatRemaining(0, 5_000)).toBe('0:00');
  });

  it('labels an hour bucket as HH:00', () => {
    expect(hourLabel('2025-07-14T09')).toBe('09:00');
    expect(hourLabel('garbage')).toBe('garbage');
  });
});
