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
} from '../../engine/index.js';
import { UI_ICONS } from '../art.js';
import { fill, type UiText } from '../ui-text.js';
import { button, h, picture } from './dom.js';
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
    { class: 'scam-hotline', 'data-testid': `scam-hotline-${number}` },
    h('span', { class: 'scam-hotline__number' }, number),
    h('span', { class: 'scam-hotline__label' }, label),
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
          { class: 'scam-debrief__section scam-debrief__flags' },
          h('h3', { class: 'scam-subtitle' }, text.debrief.flags),
          h(
            'ul',
            { class: 'scam-flags scam-flags--debrief' },
            ...flags.map(({ flag, spotted }) =>
              h(
                'li',
                { class: `scam-flag scam-flag--${spotted ? 'spotted' : 'missed'}` },
                picture(spotted ? UI_ICONS.check : UI_ICONS.cross, 'scam-flag__icon'),
                h(
                  'div',
                  { class: 'scam-flag__body' },
                  h(
                    'span',
                    { class: 'scam-flag__head' },
                    tacticChip(flag, tactics),
                    h('strong', {}, flag.label),
                    h(
                      'span',
                      { class: 'scam-flag__state' },
                      spotted ? text.debrief.spotted : text.debrief.missed,
                    ),
                  ),
                  h('p', { class: 'scam-flag__why' }, flag.explanation),
                ),
              ),
            ),
          ),
        )
      : null;
  const main = h(
    'div',
    { class: 'scam-debrief__main' },
    h(
      'p',
      { class: 'scam-debrief__outcome' },
      h('span', { class: `scam-badge scam-badge--${ending.kind}` }, outcome),
      h('span', { class: 'scam-debrief__score' }, fill(text.debrief.score, { score: scoreOf(run) })),
    ),
    h('h2', { class: 'scam-title' }, ending.title),
    h(
      'section',
      { class: 'scam-debrief__section' },
      h('h3', { class: 'scam-subtitle' }, text.debrief.whatHappened),
      h('p', {}, ending.whatHappened),
    ),
    h(
      'section',
      { class: 'scam-debrief__section scam-debrief__safe' },
      picture(UI_ICONS.shield, 'scam-debrief__icon'),
      h(
        'div',
        {},
        h('h3', { class: 'scam-subtitle' }, text.debrief.safeAction),
        h('p', {}, ending.safeAction),
      ),
    ),
    h(
      'section',
      { class: 'scam-debrief__section scam-help' },
      h('h3', { class: 'scam-subtitle' }, text.debrief.help),
      h('p', {}, ending.help),
      h(
        'div',
        { class: 'scam-hotlines' },
        hotline('111', text.debrief.hotline111),
        hotline('113', text.debrief.hotline113),
      ),
    ),
  );
  return h(
    'div',
    { class: `scam-view scam-debrief scam-debrief--${ending.kind}` },
    h('div', { class: 'scam-debrief__scroll' }, h('div', { class: 'scam-debrief__grid' }, main, flagList)),
    h('div', { class: 'scam-actions scam-actions--sticky' }, ...buttons),
  );
}
