/**
 * The panel beside the phone while a scenario plays: "messages arriving" (with the hurry-up
 * button), the choices, and the instant feedback after each choice naming the red flags.
 */
import type { Feedback, RedFlag, Tactics } from '../../story/index.js';
import { UI_ICONS } from '../icons.js';
import { richText } from '../../dom/emoji.js';
import type { UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';
import { pictureUrl } from '../../dom/pictures.js';

/** A tactic chip: its icon and name ("Đe dọa / Threat"), coloured per tactic. */
export function tacticChip(flag: RedFlag, tactics: Tactics): HTMLElement {
  const tactic = tactics.tactics[flag.tactic];
  return h(
    'span',
    { class: `story-chip story-chip--${flag.tactic}` },
    picture(pictureUrl(tactic.icon) ?? UI_ICONS.flag, 'story-chip__icon'),
    tactic.name,
  );
}

/**
 * A flag in the instant feedback: its tactic and label only. One idea per panel, and the
 * explanation is read once, behind the debrief's "more" (never the same text twice).
 */
function flagItem(flag: RedFlag, tactics: Tactics, state: 'spotted' | 'missed' | 'other'): HTMLElement {
  const icon = state === 'spotted' ? UI_ICONS.check : state === 'missed' ? UI_ICONS.cross : UI_ICONS.flag;
  return h(
    'li',
    { class: `story-flag story-flag--${state}` },
    picture(icon, 'story-flag__icon'),
    h(
      'div',
      { class: 'story-flag__body' },
      h('span', { class: 'story-flag__head' }, tacticChip(flag, tactics), h('strong', {}, flag.label)),
    ),
  );
}

/** Shown while messages are still arriving. */
export function waitingView(title: string, text: UiText, onHurry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-play' },
    h('p', { class: 'story-kicker' }, title),
    h(
      'p',
      { class: 'story-waiting' },
      h('span', { class: 'story-waiting__dots', 'aria-hidden': 'true' }),
      text.phone.waiting,
    ),
    button(
      'pill pill--ghost pill--big',
      [picture(UI_ICONS.fastForward, 'story-pill-icon'), text.phone.showNow],
      onHurry,
    ),
  );
}

/** Shown once the ending's last words are on the phone, until the debrief comes up. */
export function endedView(title: string, text: UiText): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-play' },
    h('p', { class: 'story-kicker' }, title),
    h('p', { class: 'story-waiting story-waiting--ended', role: 'status' }, text.phone.ended),
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
    { class: `story-view story-play${withCountdown ? ' story-play--countdown' : ''}` },
    h(
      'div',
      { class: 'story-play__head' },
      h('p', { class: 'story-kicker' }, title),
      h('h2', { class: 'story-question' }, text.play.question),
    ),
    h(
      'div',
      { class: 'story-choices' },
      ...choices.map((choice) =>
        button(
          'story-choice',
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
  sensitive = false,
): HTMLElement {
  const { step, choice, spotted, missed } = feedback;
  // Care mode (kidnapping, grooming…): flags are signs to remember, never a failure.
  const care = sensitive || text.care !== undefined;
  // A countdown that ran out is never a failure (LEARNING-DESIGN §2), and a risky step in a
  // sensitive story gets a calm word, not "Careful!".
  const tone = step.timedOut
    ? 'neutral'
    : step.risky
      ? care
        ? 'calm'
        : 'bad'
      : spotted.length > 0
        ? 'good'
        : 'neutral';
  const heading = step.timedOut
    ? text.play.timedOut
    : tone === 'bad'
      ? text.play.riskyChoice
      : tone === 'calm'
        ? text.play.calmChoice
        : tone === 'good'
          ? text.play.safeChoice
          : text.play.neutralChoice;
  // After a safe choice the other flags are "also here", not a failure; after a risky one they were missed.
  const missedState = tone === 'bad' ? 'missed' : 'other';
  const missedHeading = tone === 'bad' || care ? text.play.missed : text.play.alsoHere;
  return h(
    'div',
    { class: `story-view story-feedback story-feedback--${tone}`, role: 'status' },
    h('h2', { class: 'story-feedback__title' }, heading),
    choice.feedback ? h('p', { class: 'story-lead' }, choice.feedback) : null,
    spotted.length > 0
      ? h(
          'section',
          {},
          h('h3', { class: 'story-subtitle' }, text.play.spotted),
          h('ul', { class: 'story-flags' }, ...spotted.map((flag) => flagItem(flag, tactics, 'spotted'))),
        )
      : null,
    missed.length > 0
      ? h(
          'section',
          {},
          h('h3', { class: 'story-subtitle' }, missedHeading),
          h('ul', { class: 'story-flags' }, ...missed.map((flag) => flagItem(flag, tactics, missedState))),
        )
      : null,
    h(
      'div',
      { class: 'story-actions' },
      button('pill pill--primary pill--big', [text.play.continue], onContinue),
    ),
  );
}
