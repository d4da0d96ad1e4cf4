/** The "scam or safe?" check: its offer, one question at a time, and the two ends of a round. */
import type { CheckAnswer, CheckItem } from '../../story/index.js';
import { UI_ICONS } from '../icons.js';
import { currentItem, type CheckRound } from '../check-round.js';
import { fill, type UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';

/** The offer before the first scenario: take the check, or skip it with one tap. */
export function checkIntroView(text: UiText, actions: { start: () => void; skip: () => void }): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-check-intro', 'data-testid': 'check-intro' },
    picture(UI_ICONS.target, 'story-hero-icon'),
    h('h2', { class: 'story-title' }, text.check.beforeTitle),
    h('p', { class: 'story-lead' }, text.check.beforeLead),
    h(
      'div',
      { class: 'story-actions' },
      button('pill pill--primary pill--big', [text.check.start], actions.start),
      button('pill pill--ghost pill--big', [text.check.skip], actions.skip),
    ),
  );
}

/** One item: the message is on the phone; here the question and the two answers. */
export function checkItemView(
  round: CheckRound,
  text: UiText,
  onAnswer: (value: CheckAnswer) => void,
): HTMLElement {
  const item = currentItem(round);
  return h(
    'div',
    { class: 'story-view story-check', 'data-testid': `check-item-${item.id}`, 'data-phase': round.phase },
    h(
      'p',
      { class: 'story-kicker' },
      round.phase === 'before' ? text.check.beforeTitle : text.check.afterTitle,
      ' · ',
      fill(text.check.progress, { n: round.index + 1, total: round.items.length }),
    ),
    h('h2', { class: 'story-title' }, text.check.question),
    h(
      'div',
      { class: 'story-answers' },
      button(
        'story-answer story-answer--scam',
        [picture(UI_ICONS.flag, 'story-answer__icon'), text.check.scam],
        () => {
          onAnswer('scam');
        },
      ),
      button(
        'story-answer story-answer--safe',
        [picture(UI_ICONS.check, 'story-answer__icon'), text.check.safe],
        () => {
          onAnswer('safe');
        },
      ),
    ),
  );
}

/** After the before round: thanks, no score and no answers, and on to the story. */
export function checkBeforeDoneView(text: UiText, play: () => void): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-check-result', 'data-testid': 'check-before-done' },
    picture(UI_ICONS.check, 'story-hero-icon'),
    h('div', { role: 'status' }, h('h2', { class: 'story-title' }, text.check.beforeDoneTitle)),
    h('p', { class: 'story-lead' }, text.check.beforeDoneLead),
    h('div', { class: 'story-actions' }, button('pill pill--primary pill--big', [text.check.play], play)),
  );
}

/** A round as the review shows it: its items (in the current language) and the answers given. */
export interface ReviewedRound {
  readonly items: readonly CheckItem[];
  readonly answers: Readonly<Record<string, CheckAnswer>>;
}

function reviewList(title: string, round: ReviewedRound, text: UiText): HTMLElement {
  const rows = round.items.map((item) => {
    const given = round.answers[item.id];
    const right = given === item.answer;
    const said = given === undefined ? '–' : given === 'scam' ? text.check.scam : text.check.safe;
    return h(
      'li',
      { class: `story-review__item story-review__item--${right ? 'right' : 'wrong'}` },
      picture(right ? UI_ICONS.check : UI_ICONS.bulb, 'story-review__icon'),
      h(
        'div',
        { class: 'story-review__body' },
        h(
          'strong',
          {},
          item.sender.name,
          ': ',
          item.answer === 'scam' ? text.check.answerScam : text.check.answerSafe,
        ),
        h('p', { class: 'story-review__text' }, `“${item.text}”`),
        h('p', { class: 'story-review__why' }, item.why),
        h('p', { class: 'story-review__said' }, fill(text.check.youSaid, { answer: said })),
      ),
    );
  });
  return h(
    'section',
    { class: 'story-review' },
    h('h3', { class: 'story-subtitle' }, title),
    h('ol', {}, ...rows),
  );
}

/** After the after round: the two scores side by side, then every answer with its reason. */
export function checkResultView(
  after: ReviewedRound & { readonly correct: number; readonly total: number },
  before: (ReviewedRound & { readonly correct: number }) | null,
  text: UiText,
  actions: { another: () => void; done: () => void },
): HTMLElement {
  const stars = h(
    'div',
    { class: 'story-stars', 'aria-hidden': 'true' },
    ...Array.from({ length: after.total }, (_, i) =>
      h('span', { class: `story-star${i < after.correct ? ' story-star--on' : ''}` }),
    ),
  );
  return h(
    'div',
    { class: 'story-view story-check-result story-check-result--after', 'data-testid': 'check-result' },
    h(
      'div',
      { class: 'story-debrief__scroll' },
      stars,
      h(
        'div',
        { role: 'status' },
        h(
          'h2',
          { class: 'story-title' },
          fill(text.check.resultTitle, { correct: after.correct, total: after.total }),
        ),
      ),
      before
        ? h(
            'p',
            { class: 'story-lead' },
            fill(text.check.compare, { before: before.correct, after: after.correct, total: after.total }),
          )
        : null,
      h('h3', { class: 'story-subtitle' }, text.check.reviewTitle),
      reviewList(text.check.reviewAfter, after, text),
      before ? reviewList(text.check.reviewBefore, before, text) : null,
    ),
    h(
      'div',
      { class: 'story-actions story-actions--sticky' },
      button('pill pill--primary pill--big', [text.check.tryAnother], actions.another),
      button('pill pill--ghost pill--big', [text.check.done], actions.done),
    ),
  );
}
