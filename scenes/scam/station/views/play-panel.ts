/**
 * The panel beside the phone while a scenario plays: "messages arriving" (with the hurry-up
 * button), the choices, and the instant feedback after each choice naming the red flags.
 */
import type { Feedback, RedFlag, Tactics } from '../../engine/index.js';
import { UI_ICONS } from '../art.js';
import { richText } from '../emoji.js';
import type { UiText } from '../ui-text.js';
import { button, h, picture } from './dom.js';

/** A tactic chip: "Đe dọa / Threat", coloured per tactic. */
export function tacticChip(flag: RedFlag, tactics: Tactics): HTMLElement {
  return h('span', { class: `scam-chip scam-chip--${flag.tactic}` }, tactics.tactics[flag.tactic].name);
}

function flagItem(flag: RedFlag, tactics: Tactics, state: 'spotted' | 'missed' | 'other'): HTMLElement {
  const icon = state === 'spotted' ? UI_ICONS.check : state === 'missed' ? UI_ICONS.cross : UI_ICONS.flag;
  return h(
    'li',
    { class: `scam-flag scam-flag--${state}` },
    picture(icon, 'scam-flag__icon'),
    h(
      'div',
      { class: 'scam-flag__body' },
      h('span', { class: 'scam-flag__head' }, tacticChip(flag, tactics), h('strong', {}, flag.label)),
      h('p', { class: 'scam-flag__why' }, flag.explanation),
    ),
  );
}

/** Shown while messages are still arriving. */
export function waitingView(title: string, text: UiText, onHurry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'scam-view scam-play' },
    h('p', { class: 'scam-kicker' }, title),
    h(
      'p',
      { class: 'scam-waiting' },
      h('span', { class: 'scam-waiting__dots', 'aria-hidden': 'true' }),
      text.phone.waiting,
    ),
    button(
      'pill pill--ghost pill--big',
      [picture(UI_ICONS.fastForward, 'scam-pill-icon'), text.phone.showNow],
      onHurry,
    ),
  );
}

/** The node's choices, as large buttons named by their labels. */
export function choicesView(
  title: string,
  choices: readonly { readonly id: string; readonly label: string }[],
  text: UiText,
  withCountdown: boolean,
  onChoose: (choiceId: string) => void,
): HTMLElement {
  return h(
    'div',
    { class: `scam-view scam-play${withCountdown ? ' scam-play--countdown' : ''}` },
    h(
      'div',
      { class: 'scam-play__head' },
      h('p', { class: 'scam-kicker' }, title),
      h('h2', { class: 'scam-question' }, text.play.question),
    ),
    h(
      'div',
      { class: 'scam-choices' },
      ...choices.map((choice) =>
        button(
          'scam-choice',
          richText(choice.label),
          () => {
            onChoose(choice.id);
          },
          { 'data-choice': choice.id },
        ),
      ),
    ),
  );
}

/** What the choice showed: flags spotted, flags walked past, and the content's own comment. */
export function feedbackView(
  feedback: Feedback,
  tactics: Tactics,
  text: UiText,
  onContinue: () => void,
): HTMLElement {
  const { step, choice, spotted, missed } = feedback;
  const tone = step.risky || step.timedOut ? 'bad' : spotted.length > 0 ? 'good' : 'neutral';
  const heading = step.timedOut
    ? text.play.timedOut
    : tone === 'bad'
      ? text.play.riskyChoice
      : tone === 'good'
        ? text.play.safeChoice
        : text.play.neutralChoice;
  // After a safe choice the other flags are "also here", not a failure; after a risky one they were missed.
  const missedState = tone === 'bad' ? 'missed' : 'other';
  return h(
    'div',
    { class: `scam-view scam-feedback scam-feedback--${tone}`, role: 'status' },
    h('h2', { class: 'scam-feedback__title' }, heading),
    choice.feedback ? h('p', { class: 'scam-lead' }, choice.feedback) : null,
    spotted.length > 0
      ? h(
          'section',
          {},
          h('h3', { class: 'scam-subtitle' }, text.play.spotted),
          h('ul', { class: 'scam-flags' }, ...spotted.map((flag) => flagItem(flag, tactics, 'spotted'))),
        )
      : null,
    missed.length > 0
      ? h(
          'section',
          {},
          h(
            'h3',
            { class: 'scam-subtitle' },
            missedState === 'missed' ? text.play.missed : text.play.alsoHere,
          ),
          h('ul', { class: 'scam-flags' }, ...missed.map((flag) => flagItem(flag, tactics, missedState))),
        )
      : null,
    h(
      'div',
      { class: 'scam-actions' },
      button('pill pill--primary pill--big', [text.play.continue], onContinue),
    ),
  );
}
