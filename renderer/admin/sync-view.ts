/**
 * The panel's sync card (issue 9): collector URL, the kiosk's token (write-only: the panel
 * only ever learns whether one is set), the interval and on/off, saved after one confirming
 * tap. The URL is checked with the contract's policy before it is sent. Runs in the renderer.
 */
import { collectorUrlProblem, type AdminSyncSettings } from '../../electron/bridge/admin-contract.js';
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { createConfirmButton } from './confirm-button.js';

/** What staff save: the token only when they typed a new one. */
export interface SyncChange {
  url: string | null;
  enabled: boolean;
  intervalSeconds: number;
  token?: string;
}

export interface SyncView {
  element: HTMLElement;
  render(settings: AdminSyncSettings | undefined): void;
  refresh(): void;
  reset(): void;
}

const INTERVALS = [30, 60, 300, 900, 3600];

export function createSyncView(
  loc: Localized,
  handlers: { save: (change: SyncChange) => Promise<void>; invalid: (message: string) => void },
): SyncView {
  let enabled = true;
  let interval = 300;
  let tokenSet = false;
  const url = h('input', {
    class: 'admin-input',
    id: 'admin-sync-url',
    type: 'url',
    maxlength: 2048,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    placeholder: 'https://',
  });
  const token = h('input', {
    class: 'admin-input',
    id: 'admin-sync-token',
    type: 'password',
    maxlength: 256,
    autocomplete: 'off',
  });
  const onOff = ([true, false] as const).map((value) => {
    const button = loc.text(
      h('button', { class: 'pill admin-toggle', type: 'button', 'data-sync-enabled': String(value) }),
      value ? 'admin:sync.on' : 'admin:sync.off',
    );
    button.addEventListener('click', () => {
      enabled = value;
      paint();
    });
    return button;
  });
  const intervals = INTERVALS.map((seconds) => {
    const button = h('button', {
      class: 'pill admin-toggle',
      type: 'button',
      'data-interval': String(seconds),
    });
    button.addEventListener('click', () => {
      interval = seconds;
      paint();
    });
    return button;
  });
  const save = createConfirmButton(
    loc,
    'admin:sync.save',
    async () => {
      const typed = url.value.trim();
      if (typed !== '' && collectorUrlProblem(typed) !== null) {
        handlers.invalid(loc.t('admin:sync.invalidUrl'));
        return;
      }
      const newToken = token.value.trim();
      if (newToken !== '' && !/^[\x21-\x7e]{16,256}$/.test(newToken)) {
        handlers.invalid(loc.t('admin:sync.invalidToken'));
        return;
      }
      await handlers.save({
        url: typed === '' ? null : typed,
        enabled,
        intervalSeconds: interval,
        ...(newToken === '' ? {} : { token: newToken }),
      });
      token.value = '';
    },
    'primary',
  );
  const field = (labelKey: string, control: HTMLElement, forId?: string): HTMLElement =>
    h(
      'div',
      { class: 'admin-field' },
      loc.text(h('label', { class: 'admin-field__label', for: forId }), labelKey),
      control,
    );
  const element = h(
    'section',
    { class: 'admin-card admin-card--sync', 'data-testid': 'admin-sync' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:sync.title'),
    field('admin:sync.url', url, 'admin-sync-url'),
    field('admin:sync.token', token, 'admin-sync-token'),
    field('admin:sync.enabled', h('div', { class: 'admin-segmented', role: 'group' }, ...onOff)),
    field('admin:sync.interval', h('div', { class: 'admin-segmented', role: 'group' }, ...intervals)),
    h('div', { class: 'admin-card__buttons' }, save.element),
  );

  function paint(): void {
    for (const button of onOff)
      button.setAttribute('aria-pressed', String(button.dataset.syncEnabled === String(enabled)));
    for (const button of intervals) {
      const seconds = Number(button.dataset.interval);
      button.textContent =
        seconds < 60
          ? loc.t('admin:sync.seconds', { n: seconds })
          : loc.t('admin:sync.minutes', { n: seconds / 60 });
      button.setAttribute('aria-pressed', String(seconds === interval));
    }
    token.placeholder = loc.t(tokenSet ? 'admin:sync.tokenSet' : 'admin:sync.tokenMissing');
  }

  return {
    element,
    render(settings) {
      element.hidden = settings === undefined;
      if (settings === undefined) return;
      url.value = settings.url ?? '';
      token.value = '';
      enabled = settings.enabled;
      interval = settings.intervalSeconds;
      tokenSet = settings.tokenSet;
      paint();
    },
    refresh() {
      paint();
    },
    reset() {
      save.reset();
    },
  };
}
