/**
 * The debrief after an ending: a short first screen (what happened, the safe action, the
 * 111/113 hotlines, a count), every red flag met behind "more", and where to go next.
 */
import {
  canRetry,
  endingOf,
  getNode,
  spottedFlags,
  type RedFlag,
  type Run,
  type Tactics,
} from '../../story/index.js';
import { HELP_LINES } from '../../../../electron/bridge/contract.js';
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

function flagRow(
  flag: RedFlag,
  spotted: boolean,
  sensitive: boolean,
  tactics: Tactics,
  text: UiText,
): HTMLElement {
  // Sensitive stories list "signs to remember": no spotted/missed, no red crosses.
  const state = sensitive ? 'other' : spotted ? 'spotted' : 'missed';
  const icon = sensitive ? UI_ICONS.bulb : spotted ? UI_ICONS.check : UI_ICONS.cross;
  return h(
    'li',
    { class: `story-flag story-flag--${state}` },
    picture(icon, 'story-flag__icon'),
    h(
      'div',
      { class: 'story-flag__body' },
      h(
        'span',
        { class: 'story-flag__head' },
        tacticChip(flag, tactics),
        h('strong', {}, flag.label),
        sensitive
          ? null
          : h('span', { class: 'story-flag__state' }, spotted ? text.debrief.spotted : text.debrief.missed),
      ),
      h('p', { class: 'story-flag__why' }, flag.explanation),
    ),
  );
}

/**
 * Builds the debrief for a finished run. The first screen is short (LEARNING-DESIGN §1): the
 * title, one line of what happened, the safe action, 111/113 and a count of the signs spotted;
 * every flag with its explanation is behind "more". A sensitive story (one with a content
 * note) opens with "talk to the staff or call 111, it is never your fault", and shows no
 * outcome badge, no score and no red crosses.
 * @param offerCheck the after check is still to take: it becomes the first button
 * @throws Error when the run has not ended
 */
export function debriefView(
  run: Run,
  tactics: Tactics,
  text: UiText,
  offerCheck: boolean,
  actions: DebriefActions,
): HTMLElement {
  const ending = endingOf(run);
  if (!ending) throw new Error(`debrief: scenario "${run.scenario.id}" has not ended`);
  // Care mode (a care-mode station: kidnapping) or a sensitive story (one with a content note):
  // no badge, no score, no crosses; flags are signs to remember; real help leads.
  const care = text.care;
  const sensitive = run.scenario.contentNote !== undefined || care !== undefined;
  const outcome = {
    safe: text.debrief.outcomeSafe,
    rescued: text.debrief.outcomeRescued,
    harmed: text.debrief.outcomeHarmed,
  }[ending.kind];
  const flags = flagsMet(run);
  const spottedCount = flags.filter((entry) => entry.spotted).length;
  // The after check is the default next step (one tap) until it is taken (LEARNING-DESIGN §4).
  const buttons = [
    offerCheck ? button('pill pill--primary', [text.debrief.checkAgain], actions.checkAgain) : null,
    canRetry(run)
      ? button(`pill ${offerCheck ? 'pill--ghost' : 'pill--primary'}`, [text.debrief.retry], actions.retry)
      : null,
    button('pill pill--ghost', [text.debrief.another], actions.another),
    button('pill pill--ghost', [text.debrief.done], actions.done),
  ];
  const flagList =
    flags.length > 0
      ? h(
          'section',
          {
            class: 'story-debrief__section story-debrief__flags',
            hidden: true,
            'data-testid': 'debrief-more',
          },
          h('h3', { class: 'story-subtitle' }, sensitive ? text.debrief.signs : text.debrief.flags),
          h(
            'ul',
            { class: 'story-flags story-flags--debrief' },
            ...flags.map(({ flag, spotted }) => flagRow(flag, spotted, sensitive, tactics, text)),
          ),
        )
      : null;
  const more =
    flagList === null
      ? null
      : button('pill pill--ghost story-debrief__more', [text.debrief.more], () => {
          flagList.hidden = !flagList.hidden;
          more?.replaceChildren(flagList.hidden ? text.debrief.more : text.debrief.less);
          more?.setAttribute('aria-expanded', String(!flagList.hidden));
        });
  more?.setAttribute('aria-expanded', 'false');
  const main = h(
    'div',
    { class: 'story-debrief__main' },
    sensitive
      ? h(
          'p',
          { class: `story-debrief__lead${care ? ' story-debrief__care' : ''}`, role: 'note' },
          care ? care.debriefLead : text.debrief.sensitiveLead,
        )
      : h(
          'p',
          { class: 'story-debrief__outcome' },
          h('span', { class: `story-badge story-badge--${ending.kind}` }, outcome),
        ),
    h('h2', { class: 'story-title' }, ending.title),
    h('p', {}, ending.whatHappened),
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
    h('section', { class: 'story-debrief__section story-help' }, h('p', {}, ending.help)),
    flags.length > 0 && !sensitive
      ? h(
          'p',
          { class: 'story-debrief__count', 'data-testid': 'debrief-count' },
          fill(text.debrief.count, { spotted: spottedCount, total: flags.length }),
        )
      : null,
    more,
  );
  const scroll = h(
    'div',
    { class: 'story-debrief__scroll' },
    h('div', { class: 'story-debrief__grid' }, main, flagList),
  );
  const moreBelow = button(
    'pill pill--ghost story-scroll-hint',
    [text.debrief.moreBelow],
    () => {
      scroll.scrollBy({ top: scroll.clientHeight * 0.8, behavior: 'smooth' });
    },
    { 'aria-hidden': 'true', tabindex: '-1' },
  );
  // In care mode 113 comes first: the police, for the 18–22-year-olds these stories hit.
  const hotlines = [
    hotline(HELP_LINES.childProtection, text.debrief.hotline111),
    hotline(HELP_LINES.police, text.debrief.hotline113),
  ];
  if (care) hotlines.reverse();
  const view = h(
    'div',
    { class: `story-view story-debrief story-debrief--${ending.kind}`, 'data-testid': 'debrief' },
    h('div', { class: 'story-debrief__body' }, scroll, moreBelow),
    // The hotlines never scroll away: always on screen with the buttons, whatever the length.
    h(
      'section',
      { class: 'story-help-strip', 'aria-label': text.debrief.help },
      h('h3', { class: 'story-subtitle' }, text.debrief.help),
      h('div', { class: 'story-hotlines' }, ...hotlines),
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
