import { describe, expect, it } from 'vitest';
import type { AdminExportResult } from '../../../electron/bridge/admin-contract.js';
import { runExport, type ExportPhase } from '../../../renderer/admin/export-runner.js';

const result = (downloadable: boolean): AdminExportResult => ({
  folder: downloadable ? null : 'E:\\exports',
  records: 42,
  files: ['tallies-k1-2025-07-14.csv', 'tallies-k1-2025-07-14.json'].map((name) => ({
    name,
    bytes: 100,
    downloadPath: downloadable ? `/export/abcdefgh/${name}` : null,
  })),
});

describe('runExport', () => {
  it('prepares, downloads each file in turn, then reports done (browser host)', async () => {
    const phases: ExportPhase[] = [];
    const downloaded: string[] = [];
    const answer = await runExport(
      {
        request: () => Promise.resolve({ ok: true, value: result(true) }),
        download: (file) => {
          downloaded.push(file.downloadPath);
          return Promise.resolve();
        },
      },
      (phase) => phases.push(phase),
    );
    expect(answer.ok).toBe(true);
    expect(downloaded).toEqual([
      '/export/abcdefgh/tallies-k1-2025-07-14.csv',
      '/export/abcdefgh/tallies-k1-2025-07-14.json',
    ]);
    expect(
      phases.map((phase) => (phase.step === 'files' ? `files ${phase.done}/${phase.total}` : phase.step)),
    ).toEqual(['prepare', 'files 0/2', 'files 1/2', 'files 2/2', 'done']);
  });

  it('downloads nothing when the back office wrote to a folder (Electron)', async () => {
    const phases: string[] = [];
    let calls = 0;
    const answer = await runExport(
      {
        request: () => Promise.resolve({ ok: true, value: result(false) }),
        download: () => {
          calls += 1;
          return Promise.resolve();
        },
      },
      (phase) => phases.push(phase.step),
    );
    expect(answer.ok && answer.value.folder).toBe('E:\\exports');
    expect(calls).toBe(0);
    expect(phases).toEqual(['prepare', 'done']);
  });

  it('reports the back office refusing, and a failing download, without throwing', async () => {
    const refused: ExportPhase[] = [];
    const first = await runExport(
      {
        request: () =>
          Promise.resolve({ ok: false, error: { code: 'storage', message: 'USB stick is full' } }),
        download: () => Promise.resolve(),
      },
      (phase) => refused.push(phase),
    );
    expect(first).toEqual({ ok: false, error: { code: 'storage', message: 'USB stick is full' } });
    expect(refused.at(-1)).toEqual({ step: 'failed', message: 'USB stick is full' });

    const broken: ExportPhase[] = [];
    const second = await runExport(
      {
        request: () => Promise.resolve({ ok: true, value: result(true) }),
        download: () => Promise.reject(new Error('blocked')),
      },
      (phase) => broken.push(phase),
    );
    expect(second.ok).toBe(false);
    expect(broken.at(-1)).toEqual({ step: 'failed', message: 'blocked' });
  });

  it('turns a thrown request into a failure', async () => {
    const answer = await runExport(
      { request: () => Promise.reject(new Error('offline')), download: () => Promise.resolve() },
      () => undefined,
    );
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'offline' } });
  });
});
