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
  // Care mode (kidnapping, grooming…): no score, no crosses, flags as signs to remember, and the
  // debrief opens with real help at the stand; 113 leads (the 18–22-year-olds it hits).
  const care = text.care;
  const missedState = care ? 'remember' : 'missed';
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
                { class: `story-flag story-flag--${spotted ? 'spotted' : missedState}` },
                picture(spotted ? UI_ICONS.check : care ? UI_ICONS.flag : UI_ICONS.cross, 'story-flag__icon'),
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
  const hotlines = [hotline('111', text.debrief.hotline111), hotline('113', text.debrief.hotline113)];
  if (care) hotlines.reverse();
  const main = h(
    'div',
    { class: 'story-debrief__main' },
    care
      ? h(
          'section',
          { class: 'story-debrief__section story-debrief__care', role: 'note' },
          h('p', { class: 'story-debrief__lead' }, care.debriefLead),
          h('div', { class: 'story-hotlines' }, ...hotlines),
        )
      : null,
    h(
      'p',
      { class: 'story-debrief__outcome' },
      h('span', { class: `story-badge story-badge--${ending.kind}` }, outcome),
      care
        ? null
        : h('span', { class: 'story-debrief__score' }, fill(text.debrief.score, { score: scoreOf(run) })),
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
    care
      ? h(
          'section',
          { class: 'story-debrief__section story-debrief__advice' },
          h('h3', { class: 'story-subtitle' }, care.adviceTitle),
          h('ul', { class: 'story-debrief__advice-list' }, ...care.advice.map((line) => h('li', {}, line))),
        )
      : null,
    h(
      'section',
      { class: 'story-debrief__section story-help' },
      h('h3', { class: 'story-subtitle' }, text.debrief.help),
      h('p', {}, ending.help),
      care ? null : h('div', { class: 'story-hotlines' }, ...hotlines),
    ),
  );
  return h(
    'div',
    { class: `story-view story-debrief story-debrief--${ending.kind}` },
    h('div', { class: 'story-debrief__scroll' }, h('div', { class: 'story-debrief__grid' }, main, flagList)),
    h('div', { class: 'story-actions story-actions--sticky' }, ...buttons),
  );
}
