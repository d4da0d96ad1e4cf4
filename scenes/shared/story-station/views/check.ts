/** The "scam or safe?" check: its intro, one question at a time, and the result. */
import type { CheckAnswer } from '../../story/index.js';
import { UI_ICONS } from '../icons.js';
import { currentAnswer, currentItem, hasNext, type CheckPhase, type CheckRound } from '../check-round.js';
import { fill, type UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';

/** The offer before the first scenario: take the three-question check, or skip it with one tap. */
export function checkIntroView(text: UiText, actions: { start: () => void; skip: () => void }): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-check-intro' },
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

/** One item: the message is on the phone; here the question, then the verdict and why. */
export function checkItemView(
  round: CheckRound,
  text: UiText,
  actions: { answer: (value: CheckAnswer) => void; next: () => void },
): HTMLElement {
  const item = currentItem(round);
  const given = currentAnswer(round);
  const progress = h(
    'p',
    { class: 'story-kicker' },
    fill(text.check.progress, { n: round.index + 1, total: round.items.length }),
  );
  if (given === undefined) {
    return h(
      'div',
      { class: 'story-view story-check' },
      progress,
      h('h2', { class: 'story-title' }, text.check.question),
      h(
        'div',
        { class: 'story-answers' },
        button(
          'story-answer story-answer--scam',
          [picture(UI_ICONS.flag, 'story-answer__icon'), text.check.scam],
          () => {
            actions.answer('scam');
          },
        ),
        button(
          'story-answer story-answer--safe',
          [picture(UI_ICONS.check, 'story-answer__icon'), text.check.safe],
          () => {
            actions.answer('safe');
          },
        ),
      ),
    );
  }
  const right = given === item.answer;
  return h(
    'div',
    { class: 'story-view story-check' },
    progress,
    h(
      'div',
      { class: `story-verdict story-verdict--${right ? 'good' : 'bad'}`, role: 'status' },
      picture(right ? UI_ICONS.check : UI_ICONS.cross, 'story-verdict__icon'),
      h(
        'div',
        {},
        h('strong', { class: 'story-verdict__title' }, right ? text.check.correct : text.check.wrong),
        h(
          'p',
          { class: 'story-verdict__answer' },
          item.answer === 'scam' ? text.check.answerScam : text.check.answerSafe,
        ),
        h('p', { class: 'story-verdict__why' }, item.why),
      ),
    ),
    h(
      'div',
      { class: 'story-actions' },
      button(
        'pill pill--primary pill--big',
        [hasNext(round) ? text.check.next : text.check.finish],
        actions.next,
      ),
    ),
  );
}

/** The score of a round; after the scenario it is compared with the score before. */
export function checkResultView(
  phase: CheckPhase,
  result: { correct: number; total: number },
  before: { correct: number; total: number } | null,
  text: UiText,
  actions: { play: () => void; another: () => void; done: () => void },
): HTMLElement {
  const stars = h(
    'div',
    { class: 'story-stars', 'aria-hidden': 'true' },
    ...Array.from({ length: result.total }, (_, i) =>
      h('span', { class: `story-star${i < result.correct ? ' story-star--on' : ''}` }),
    ),
  );
  const buttons =
    phase === 'before'
      ? [button('pill pill--primary pill--big', [text.check.play], actions.play)]
      : [
          button('pill pill--primary pill--big', [text.check.tryAnother], actions.another),
          button('pill pill--ghost pill--big', [text.check.done], actions.done),
        ];
  return h(
    'div',
    { class: 'story-view story-check-result' },
    stars,
    h('div', { role: 'status' }, h('h2', { class: 'story-title' }, fill(text.check.resultTitle, result))),
    phase === 'after' && before
      ? h(
          'p',
          { class: 'story-lead' },
          fill(text.check.compare, { before: before.correct, after: result.correct, total: result.total }),
        )
      : null,
    h('div', { class: 'story-actions' }, ...buttons),
  );
}
