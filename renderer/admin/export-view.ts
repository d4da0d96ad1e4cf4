/**
 * Shows an export's progress in the panel: the steps (prepare → files → close the day →
 * done), a bar, a line saying what is happening, and afterwards which files were made. (In
 * the browser host each file downloads once, from a one-time link: to get the files again,
 * export again.) Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { errorText } from '../shell/notices.js';
import type { ExportFile, ExportPhase } from './export-runner.js';
import { formatBytes, formatCount } from './format.js';
import type { Language } from '../../electron/bridge/contract.js';

type Step = 'prepare' | 'files' | 'close' | 'done';

export interface ExportView {
  element: HTMLElement;
  /** Shows the steps for a new run; `closesDay` adds the "close the day" step. */
  begin(closesDay: boolean): void;
  /** Moves the view to an export phase. */
  phase(phase: ExportPhase): void;
  /** "Closing the day…" (end of day, after a successful export). */
  closing(): void;
  /** Marks the whole run finished. */
  finish(): void;
}

export function createExportView(loc: Localized, language: () => Language): ExportView {
  const stepItems = new Map<Step, HTMLLIElement>();
  const steps = h('ol', { class: 'admin-export__steps' });
  for (const step of ['prepare', 'files', 'close', 'done'] as const) {
    const item = loc.text(h('li', { 'data-step': step }), `admin:export.step.${step}`);
    stepItems.set(step, item);
    steps.append(item);
  }
  const bar = h('div', { class: 'admin-progress__bar' });
  const progress = h(
    'div',
    {
      class: 'admin-progress',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'data-testid': 'export-progress',
    },
    bar,
  );
  const line = h('p', { class: 'admin-export__line', role: 'status', 'aria-live': 'polite' });
  const files = h('div', { class: 'admin-export__files' });
  const element = h(
    'section',
    { class: 'admin-export', 'data-testid': 'admin-export', hidden: true },
    steps,
    progress,
    line,
    files,
  );

  let current: Step = 'prepare';
  const setStep = (step: Step, value: number | null): void => {
    current = step;
    const order: Step[] = ['prepare', 'files', 'close', 'done'];
    const index = order.indexOf(step);
    for (const [name, item] of stepItems) {
      const at = order.indexOf(name);
      item.className = at < index || step === 'done' ? 'is-done' : at === index ? 'is-current' : '';
    }
    progress.classList.toggle('is-indeterminate', value === null);
    const percent = Math.round((value ?? 0) * 100);
    bar.style.width = value === null ? '' : `${percent}%`;
    if (value === null) progress.removeAttribute('aria-valuenow');
    else progress.setAttribute('aria-valuenow', String(percent));
  };

  const showFiles = (list: ExportFile[]): void => {
    const lang = language();
    files.replaceChildren(
      ...list.map((file) =>
        h('span', { class: 'admin-export__file' }, `${file.name} · ${formatBytes(file.bytes, lang)}`),
      ),
    );
  };

  return {
    element,
    begin(closesDay) {
      element.hidden = false;
      element.classList.remove('is-failed');
      stepItems.get('close')?.toggleAttribute('hidden', !closesDay);
      files.replaceChildren();
      line.textContent = '';
    },
    phase(phase) {
      const lang = language();
      if (phase.step === 'prepare') {
        setStep('prepare', null);
        line.textContent = loc.t('admin:export.preparing');
      } else if (phase.step === 'files') {
        setStep('files', 0.3 + (0.6 * phase.done) / Math.max(1, phase.total));
        line.textContent = loc.t('admin:export.downloading', {
          done: Math.min(phase.done + 1, phase.total),
          total: phase.total,
        });
      } else if (phase.step === 'done') {
        setStep('files', 0.9);
        const { result } = phase;
        const vars = { count: result.files.length, records: formatCount(result.records, lang) };
        line.textContent =
          result.folder === null
            ? loc.t('admin:export.downloaded', vars)
            : loc.t('admin:export.saved', { ...vars, folder: result.folder });
        showFiles(result.files);
      } else {
        element.classList.add('is-failed');
        setStep(current, 1);
        line.textContent = loc.t('admin:export.failed', { message: errorText(loc, phase.message) });
      }
    },
    closing() {
      setStep('close', 0.95);
    },
    finish() {
      if (!element.classList.contains('is-failed')) setStep('done', 1);
    },
  };
}
