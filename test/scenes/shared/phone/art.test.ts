import { describe, expect, it } from 'vitest';
import { avatarUrl } from '../../../../scenes/shared/phone/art.js';
import { PICTURE_NAMES, pictureUrl } from '../../../../scenes/shared/dom/pictures.js';
import { loadContent } from '../../../../scenes/shared/story/index.js';
import { allContentFiles } from '../story/helpers.js';

const content = loadContent(allContentFiles());

describe('pictures named by content', () => {
  it('has a picture for every avatar the content uses', () => {
    const avatars = new Set<string>();
    for (const pair of content.scenarios) {
      for (const node of pair.en.nodes) if (node.speaker) avatars.add(node.speaker.avatar);
    }
    for (const item of content.checks.en.items) if (item.sender.avatar) avatars.add(item.sender.avatar);
    const missing = [...avatars].filter((avatar) => avatarUrl(avatar) === null);
    expect(missing).toEqual([]);
  });

  it('has a picture for every scenario icon', () => {
    const missing = content.scenarios.map((pair) => pair.en.icon).filter((icon) => pictureUrl(icon) === null);
    expect(missing).toEqual([]);
  });

  it('answers null for unknown names instead of failing, and never for inherited keys', () => {
    expect(avatarUrl('no-such-avatar')).toBeNull();
    expect(avatarUrl('toString')).toBeNull();
    expect(PICTURE_NAMES).toContain('phone');
  });
});
