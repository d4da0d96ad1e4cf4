/**
 * The panel's settings card: kiosk id, default language, idle time (a − / + stepper), saved
 * together after one confirming tap; and "change PIN" (through the PIN pad). Runs in the renderer.
 */
import { AdminSettingsSchema, type AdminSettings } from '../../electron/bridge/admin-contract.js';
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { createConfirmButton, type ConfirmButton } from './confirm-button.js';

export const IDLE_MIN_S = 15;
export const IDLE_MAX_S = 600;
export const IDLE_STEP_S = 15;

/** The idle time one stepper press away, kept within 15–600 s and on the 15 s grid. */
export function stepIdle(seconds: number, direction: 1 | -1): number {
  // Off the grid (set by env or an older version): the first press snaps in its own direction.
  const onGrid = seconds % IDLE_STEP_S === 0;
  const next = onGrid
    ? seconds + direction * IDLE_STEP_S
    : (direction > 0 ? Math.ceil(seconds / IDLE_STEP_S) : Math.floor(seconds / IDLE_STEP_S)) * IDLE_STEP_S;
  return Math.min(IDLE_MAX_S, Math.max(IDLE_MIN_S, next));
}

export interface SettingsView {
  element: HTMLElement;
  /** Shows the saved settings (discarding unsaved edits). */
  render(settings: AdminSettings): void;
  /** Re-draws the texts built on the fly (after a language switch), keeping edits. */
  refresh(): void;
  reset(): void;
}

export function createSettingsView(
  loc: Localized,
  handlers: {
    save: (settings: AdminSettings) => Promise<void>;
    invalid: (message: string) => void;
    changePin: () => void;
  },
): SettingsView {
  let draft: AdminSettings = { kioskId: '', language: 'vi', idleSeconds: 60, campaignUrl: '' };
  // The pledge station's QR code points here (the campaign's public page; empty: no code).
  const campaignUrl = h('input', {
    class: 'admin-input',
    id: 'admin-campaign-url',
    type: 'url',
    maxlength: 300,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
  });
  campaignUrl.addEventListener('input', () => {
    draft = { ...draft, campaignUrl: campaignUrl.value.trim() };
  });
  const kioskId = h('input', {
    class: 'admin-input',
    id: 'admin-kiosk-id',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
  });
  kioskId.addEventListener('input', () => {
    draft = { ...draft, kioskId: kioskId.value.trim() };
  });

  const languageButtons = (['vi', 'en'] as const).map((language) => {
    const button = h(
      'button',
      { class: 'pill admin-toggle', type: 'button', 'data-language': language },
      language === 'vi' ? 'Tiếng Việt' : 'English',
    );
    button.addEventListener('click', () => {
      draft = { ...draft, language };
      paint();
    });
    return button;
  });

  const idleValue = h('output', { class: 'admin-stepper__value', for: 'admin-idle' });
  const less = loc.label(
    h('button', { class: 'pill admin-stepper__button', type: 'button' }, '−'),
    'admin:settings.less',
  );
  const more = loc.label(
    h('button', { class: 'pill admin-stepper__button', type: 'button' }, '+'),
    'admin:settings.more',
  );
  less.addEventListener('click', () => {
    draft = { ...draft, idleSeconds: stepIdle(draft.idleSeconds, -1) };
    paint();
  });
  more.addEventListener('click', () => {
    draft = { ...draft, idleSeconds: stepIdle(draft.idleSeconds, 1) };
    paint();
  });

  const save: ConfirmButton = createConfirmButton(
    loc,
    'admin:settings.save',
    async () => {
      const parsed = AdminSettingsSchema.safeParse(draft);
      if (!parsed.success) {
        const badUrl = parsed.error.issues.some((issue) => issue.path[0] === 'campaignUrl');
        handlers.invalid(loc.t(badUrl ? 'admin:settings.invalidCampaignUrl' : 'admin:settings.invalidId'));
        return;
      }
      await handlers.save(parsed.data);
    },
    'primary',
  );
  const changePin = loc.text(
    h('button', { class: 'pill admin-action admin-action--ghost', type: 'button' }),
    'admin:settings.changePin',
  );
  changePin.addEventListener('click', handlers.changePin);

  const field = (labelKey: string, control: HTMLElement, forId?: string): HTMLElement =>
    h(
      'div',
      { class: 'admin-field' },
      loc.text(h('label', { class: 'admin-field__label', for: forId }), labelKey),
      control,
    );

  const element = h(
    'section',
    { class: 'admin-card admin-card--settings' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:settings.title'),
    field('admin:settings.kioskId', kioskId, 'admin-kiosk-id'),
    field(
      'admin:settings.language',
      h('div', { class: 'admin-segmented', role: 'group' }, ...languageButtons),
    ),
    field('admin:settings.campaignUrl', campaignUrl, 'admin-campaign-url'),
    field(
      'admin:settings.idle',
      h('div', { class: 'admin-stepper', id: 'admin-idle' }, less, idleValue, more),
    ),
    h('div', { class: 'admin-card__buttons' }, save.element, changePin),
  );

  function paint(): void {
    if (kioskId.value.trim() !== draft.kioskId) kioskId.value = draft.kioskId;
    for (const button of languageButtons) {
      button.setAttribute('aria-pressed', String(button.dataset.language === draft.language));
    }
    idleValue.textContent = loc.t('admin:settings.idleValue', { seconds: draft.idleSeconds });
    less.disabled = draft.idleSeconds <= IDLE_MIN_S;
    more.disabled = draft.idleSeconds >= IDLE_MAX_S;
  }

  return {
    element,
    render(settings) {
      draft = { ...settings };
      kioskId.value = settings.kioskId;
      campaignUrl.value = settings.campaignUrl;
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
