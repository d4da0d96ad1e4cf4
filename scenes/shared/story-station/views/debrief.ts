/**
 * The debrief after an ending: what happened, every red flag met (spotted or missed, with its
 * tactic and why), the safe action, the 111/113 hotlines, and where to go next.
 */
import {
  canRetry,
  endingOf,
  getNode,
  scoreOf,
  spottedFlags,
  type RedFlag,
  type Run,
  type Tactics,
} from '../../story/index.js';
import { UI_ICONS } from '../icons.js';
import { fill, type UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';
import { tacticChip } from './play-panel.js';

/** The red flags of every node the run passed through, in order, each once. */
export function flagsMet(run: Run): { flag: RedFlag; spotted: boolean }[] {
  const spotted = new Set(spottedFlags(run));
  const seen = new Set<string>();
  const out: { flag: RedFlag; spotted: boolean }[] = [];
  for (const step of run.steps) {
    const node = getNode(run.scenario, step.nodeId);
    if (node.kind !== 'decision') continue;
    for (const flag of node.redFlags) {
      if (seen.has(flag.id)) continue;
      seen.add(flag.id);
      out.push({ flag, spotted: spotted.has(flag.id) });
    }
  }
  return out;
}

export interface DebriefActions {
  retry: () => void;
  checkAgain: () => void;
  another: () => void;
  done: () => void;
}

function hotline(number: string, label: string): HTMLElement {
  return h(
    'div',
    { class: 'story-hotline', 'data-testid': `story-hotline-${number}` },
    h('span', { class: 'story-hotline__number' }, number),
    h('span', { class: 'story-hotline__label' }, label),
  );
}

/**
 * Builds the debrief for a finished run.
 * @throws Error when the run has not ended
 */
export function debriefView(run: Run, tactics: Tactics, text: UiText, actions: DebriefActions): HTMLElement {
  const ending = endingOf(run);
  if (!ending) throw new Error(`debrief: scenario "${run.scenario.id}" has not ended`);
  const outcome = {
    safe: text.debrief.outcomeSafe,
    rescued: text.debrief.outcomeRescued,
    harmed: text.debrief.outcomeHarmed,
  }[ending.kind];
  const flags = flagsMet(run);
  const buttons = [
    canRetry(run) ? button('pill pill--primary', [text.debrief.retry], actions.retry) : null,
    button('pill pill--ghost', [text.debrief.checkAgain], actions.checkAgain),
    button('pill pill--ghost', [text.debrief.another], actions.another),
    button('pill pill--ghost', [text.debrief.done], actions.done),
  ];
  const flagList =
    flags.length > 0
      ? h(
          'section',
          { class: 'story-debrief__section story-debrief__flags' },
          h('h3', { class: 'story-subtitle' }, text.debrief.flags),
          h(
            'ul',
            { class: 'story-flags story-flags--debrief' },
            ...flags.map(({ flag, spotted }) =>
              h(
                'li',
                { class: `story-flag story-flag--${spotted ? 'spotted' : 'missed'}` },
                picture(spotted ? UI_ICONS.check : UI_ICONS.cross, 'story-flag__icon'),
                h(
                  'div',
                  { class: 'story-flag__body' },
                  h(
                    'span',
                    { class: 'story-flag__head' },
                    tacticChip(flag, tactics),
                    h('strong', {}, flag.label),
                    h(
                      'span',
                      { class: 'story-flag__state' },
                      spotted ? text.debrief.spotted : text.debrief.missed,
                    ),
                  ),
                  h('p', { class: 'story-flag__why' }, flag.explanation),
                ),
              ),
            ),
          ),
        )
      : null;
  const main = h(
    'div',
    { class: 'story-debrief__main' },
    h(
      'p',
      { class: 'story-debrief__outcome' },
      h('span', { class: `story-badge story-badge--${ending.kind}` }, outcome),
      h('span', { class: 'story-debrief__score' }, fill(text.debrief.score, { score: scoreOf(run) })),
    ),
    h('h2', { class: 'story-title' }, ending.title),
    h(
      'section',
      { class: 'story-debrief__section' },
      h('h3', { class: 'story-subtitle' }, text.debrief.whatHappened),
      h('p', {}, ending.whatHappened),
    ),
    h(
      'section',
      { class: 'story-debrief__section story-debrief__safe' },
      picture(UI_ICONS.shield, 'story-debrief__icon'),
      h(
        'div',
        {},
        h('h3', { class: 'story-subtitle' }, text.debrief.safeAction),
        h('p', {}, ending.safeAction),
      ),
    ),
    h('section', { class: 'story-debrief__section story-help' }, h('p', {}, ending.help)),
  );
  const scroll = h(
    'div',
    { class: 'story-debrief__scroll' },
    h('div', { class: 'story-debrief__grid' }, main, flagList),
  );
  const more = button(
    'pill pill--ghost story-scroll-hint',
    [text.debrief.more],
    () => {
      scroll.scrollBy({ top: scroll.clientHeight * 0.8, behavior: 'smooth' });
    },
    { 'aria-hidden': 'true', tabindex: '-1' },
  );
  const view = h(
    'div',
    { class: `story-view story-debrief story-debrief--${ending.kind}` },
    h('div', { class: 'story-debrief__body' }, scroll, more),
    // The hotlines never scroll away: always on screen with the buttons, whatever the length.
    h(
      'section',
      { class: 'story-help-strip', 'aria-label': text.debrief.help },
      h('h3', { class: 'story-subtitle' }, text.debrief.help),
      h(
        'div',
        { class: 'story-hotlines' },
        hotline('111', text.debrief.hotline111),
        hotline('113', text.debrief.hotline113),
      ),
    ),
    h('div', { class: 'story-actions story-actions--sticky' }, ...buttons),
  );
  // "More below" shows while there is more to read under the fold.
  const update = (): void => {
    view.dataset.more = String(scroll.scrollTop + scroll.clientHeight < scroll.scrollHeight - 4);
  };
  scroll.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(scroll);
  // Once it is on screen (the caller appends it in this task), not only at the next frame.
  queueMicrotask(update);
  return view;
}
