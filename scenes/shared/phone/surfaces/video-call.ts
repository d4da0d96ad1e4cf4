/**
 * The video-call surface. A "police officer" on a video call is always fake in these stories,
 * and must look it: a staged room (a flag print pinned crooked to a bare wall), a costume cap
 * with a badge off-centre, a face that lags and blurs, a recording dot. Real help has its own,
 * calm look (`callLook` → `real-help`), so visitors leave still trusting real police. Shapes
 * only; the words (name, room) come from the content, in the header above.
 */
import { h } from '../../dom/dom.js';
import './surfaces.css';

/** The looks a caller can have. */
export type CallLook = 'fake-officer' | 'real-help' | 'plain';

/** Avatar names with a look of their own (others are "plain"). */
const LOOKS: Readonly<Record<string, CallLook>> = {
  'fake-officer': 'fake-officer',
  police: 'real-help',
};

/** The look for a caller's avatar name. */
export function callLook(avatar: string): CallLook {
  return LOOKS[avatar] ?? 'plain';
}

/**
 * The video picture for a caller, described for screen readers by `label`.
 * @param label what the picture shows, e.g. the caller's name
 */
export function videoCallElement(avatar: string, label: string): HTMLElement {
  const look = callLook(avatar);
  const parts =
    look === 'fake-officer'
      ? [
          h('span', { class: 'story-video__wall' }),
          h('span', { class: 'story-video__flag' }),
          h('span', { class: 'story-video__body' }),
          h('span', { class: 'story-video__head' }),
          h('span', { class: 'story-video__cap' }),
          h('span', { class: 'story-video__badge' }),
          h('span', { class: 'story-video__glitch' }),
          h('span', { class: 'story-video__rec' }),
          h('span', { class: 'story-video__self' }),
        ]
      : [
          h('span', { class: 'story-video__wall' }),
          h('span', { class: 'story-video__body' }),
          h('span', { class: 'story-video__head' }),
          h('span', { class: 'story-video__self' }),
        ];
  return h(
    'div',
    {
      class: `story-video story-video--${look}`,
      role: 'img',
      'aria-label': label,
      'data-surface': 'video-call',
    },
    ...parts,
  );
}
