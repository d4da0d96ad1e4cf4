/**
 * The attract loop's invitation, in both languages at once (a visitor may read either
 * before choosing). The whole screen is one big "touch to start" button.
 */
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';

export function createAttractView(onStart: () => void): HTMLElement {
  const start = h(
    'button',
    {
      class: 'attract',
      type: 'button',
      'aria-label': 'Chạm để bắt đầu – Touch to start',
      'data-testid': 'start',
    },
    h(
      'span',
      { class: 'attract__title' },
      h('span', { class: 'attract__vi', lang: 'vi' }, 'Không Một Mình'),
      h('span', { class: 'attract__en', lang: 'en' }, 'Not Alone'),
    ),
    h(
      'span',
      { class: 'attract__tagline' },
      h('span', { lang: 'vi' }, 'Cùng nhau vì an toàn trên mạng'),
      h('span', { lang: 'en' }, 'Together for Online Safety'),
    ),
    h(
      'span',
      { class: 'attract__cta' },
      emoji(EMOJI.pointUp, 'attract__hand'),
      h(
        'span',
        { class: 'attract__cta-text' },
        h('strong', { lang: 'vi' }, 'Chạm để bắt đầu'),
        h('span', { lang: 'en' }, 'Touch to start'),
      ),
    ),
  );
  start.addEventListener('click', onStart);
  return start;
}
