import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../scenes/scam/engine/index.js';
import { avatarUrl, byPickerOrder, scenarioArt } from '../../../../scenes/scam/station/art.js';
import { allContentFiles } from '../helpers.js';

const content = loadContent(allContentFiles());

describe('station art', () => {
  it('has a picture for every avatar the content uses', () => {
    const avatars = new Set<string>();
    for (const pair of content.scenarios) {
      for (const node of pair.en.nodes) if (node.speaker) avatars.add(node.speaker.avatar);
    }
    for (const item of content.checks.en.items) if (item.sender.avatar) avatars.add(item.sender.avatar);
    const missing = [...avatars].filter((avatar) => avatarUrl(avatar) === null);
    expect(missing).toEqual([]);
  });

  it('falls back for unknown ids instead of failing', () => {
    expect(avatarUrl('no-such-avatar')).toBeNull();
    expect(avatarUrl('toString')).toBeNull();
    expect(scenarioArt('new-scenario').icon).toBe(scenarioArt('also-new').icon);
  });

  it('orders the picker from the everyday scam to the most serious harm, unknown ones last', () => {
    const ids = byPickerOrder([
      { id: 'zeta' },
      { id: 'grooming' },
      { id: 'otp-bank' },
      { id: 'alpha' },
      { id: 'task-scam' },
    ]);
    expect(ids.map((item) => item.id)).toEqual(['otp-bank', 'task-scam', 'grooming', 'alpha', 'zeta']);
  });
});
