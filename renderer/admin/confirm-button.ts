/**
 * A big staff button that asks for one extra tap before it acts: the first tap turns it into
 * "Tap again to confirm" for a few seconds, the second runs the action. Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';

/** How long the "tap again" state waits for the second tap. */
export const CONFIRM_WINDOW_MS = 5_000;

export interface ConfirmButton {
  element: HTMLButtonElement;
  /** Back to the first-tap state (e.g. when the panel closes). */
  reset(): void;
}

export function createConfirmButton(
  loc: Localized,
  labelKey: string,
  action: () => Promise<void>,
  variant: 'primary' | 'ghost' | 'danger' = 'ghost',
): ConfirmButton {
  const label = loc.text(h('span', { class: 'admin-action__label' }), labelKey);
  const hint = loc.text(h('span', { class: 'admin-action__confirm', hidden: true }), 'admin:actions.confirm');
  const element = h(
    'button',
    { class: `pill admin-action admin-action--${variant}`, type: 'button' },
    label,
    hint,
  );
  let armedTimer = 0;
  let busy = false;
  const reset = (): void => {
    window.clearTimeout(armedTimer);
    element.classList.remove('is-armed');
    hint.hidden = true;
  };
  element.addEventListener('click', () => {
    if (busy) return;
    if (!element.classList.contains('is-armed')) {
      element.classList.add('is-armed');
      hint.hidden = false;
      armedTimer = window.setTimeout(reset, CONFIRM_WINDOW_MS);
      return;
    }
    reset();
    busy = true;
    element.disabled = true;
    void action().finally(() => {
      busy = false;
      element.disabled = false;
    });
  });
  return { element, reset };
}
