/**
 * The hub's DOM layer: a title, one large button per registered station (hung under its
 * beacon in the world, never over it), and "I'm done". Runs in the renderer.
 */
import type { StationDefinition } from '../../scenes/station.js';
import type { BeaconPlacement } from '../../scenes/hub/hub-world.js';
import { emoji, h, icon } from './dom.js';
import { ICONS } from './icons.js';
import type { Localized } from './localized.js';

export interface HubView {
  element: HTMLElement;
  /**
   * Hangs each station button under its beacon (top-centre at the placement's point, no wider
   * than its share of the screen). Cheap to call every frame: only changes touch the DOM.
   */
  place(points: Map<string, BeaconPlacement>): void;
}

export function createHubView(
  loc: Localized,
  stations: readonly StationDefinition[],
  actions: { onStation: (id: string) => void; onFinish: () => void; onHover: (id: string | null) => void },
): HubView {
  const buttons = new Map<string, HTMLButtonElement>();
  const list = h('div', { class: 'hub__stations' });
  for (const station of stations) {
    const name = loc.text(h('strong', { class: 'station-card__name' }), station.titleKey);
    const pitch = loc.text(h('span', { class: 'station-card__pitch' }), station.pitchKey);
    const button = loc.label(
      h(
        'button',
        {
          class: 'station-card',
          type: 'button',
          'data-station': station.id,
          style: `--accent: #${station.color.toString(16).padStart(6, '0')}`,
        },
        emoji(station.icon, 'station-card__icon'),
        // The space keeps name and pitch two words for assistive technology (flex hides it).
        h('span', { class: 'station-card__text' }, name, ' ', pitch),
      ),
      'hub.stationLabel',
      () => ({ name: loc.t(station.titleKey), pitch: loc.t(station.pitchKey) }),
    );
    button.addEventListener('click', () => {
      actions.onStation(station.id);
    });
    button.addEventListener('pointerenter', () => {
      actions.onHover(station.id);
    });
    button.addEventListener('pointerleave', () => {
      actions.onHover(null);
    });
    buttons.set(station.id, button);
    list.append(button);
  }
  const finish = loc.label(
    h('button', { class: 'pill pill--ghost hub__finish', type: 'button' }, icon(ICONS.logOut)),
    'hub.finishLabel',
  );
  finish.append(loc.text(h('span'), 'hub.finish'));
  finish.addEventListener('click', actions.onFinish);

  const element = h(
    'section',
    { class: 'hub', 'aria-labelledby': 'hub-title' },
    h(
      'div',
      { class: 'hub__heading' },
      loc.text(h('h1', { id: 'hub-title', class: 'hub__title' }), 'hub.title'),
      loc.text(h('p', { class: 'hub__subtitle' }), 'hub.subtitle'),
    ),
    list,
    finish,
  );
  return {
    element,
    place(points) {
      for (const [id, point] of points) {
        const button = buttons.get(id);
        if (!button) continue;
        setPx(button, '--x', point.x);
        setPx(button, '--y', point.y);
        setPx(button, '--max-width', point.maxWidth);
      }
    },
  };
}

/** Sets a CSS length property only when its rounded value changed (no style work per frame). */
function setPx(element: HTMLElement, property: string, value: number): void {
  const text = `${Math.round(value)}px`;
  if (element.style.getPropertyValue(property) !== text) element.style.setProperty(property, text);
}
