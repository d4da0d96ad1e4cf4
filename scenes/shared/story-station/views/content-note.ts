/**
 * The content note of a care-mode station (kidnapping, grooming…): what the stories contain,
 * that nothing is explicit, the age, and that the visitor may stop at any time, with a way on
 * and a way back to the hub. Shown before anything else starts (LEARNING-DESIGN §2).
 */
import '../care.css';
import { UI_ICONS } from '../icons.js';
import type { UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';

export interface ContentNoteActions {
  start: () => void;
  back: () => void;
}

type Care = NonNullable<UiText['care']>;

/** Builds the note from the station's `care` words. */
export function careNoteView(care: Care, actions: ContentNoteActions): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-note', role: 'region', 'aria-labelledby': 'story-note-title' },
    picture(UI_ICONS.shield, 'story-note__icon'),
    h('h2', { class: 'story-title', id: 'story-note-title' }, care.noteTitle),
    h('ul', { class: 'story-note__list' }, ...care.note.map((line) => h('li', {}, line))),
    h(
      'div',
      { class: 'story-actions' },
      button('pill pill--primary pill--big', [care.noteStart], actions.start),
      button('pill pill--ghost pill--big', [care.noteBack], actions.back),
    ),
  );
}
