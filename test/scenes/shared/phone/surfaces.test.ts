import { describe, expect, it } from 'vitest';
import { callClock } from '../../../../scenes/shared/phone/overlay.js';
import { surfaceFor, surfaceIds } from '../../../../scenes/shared/phone/surfaces/index.js';
import { ContentError } from '../../../../scenes/shared/content/content-error.js';
import { checkSurfaces } from '../../../../scenes/shared/story-station/content.js';
import { loadContent, loadScenario, type StoryContent } from '../../../../scenes/shared/story/index.js';
import { allContentFiles, readJson } from '../story/helpers.js';

const content = loadContent(allContentFiles());

/** The scenario file's JSON with `edit` applied to it (a deep copy). */
function edited(file: string, edit: (json: { nodes: Record<string, unknown>[] }) => void): unknown {
  const json = structuredClone(readJson(`scenarios/${file}`)) as { nodes: Record<string, unknown>[] };
  edit(json);
  return json;
}

describe('the surface registry', () => {
  it('gives every channel its own surface, and content may name another', () => {
    for (const channel of ['sms', 'chat', 'call', 'video'] as const) {
      expect(surfaceFor({ channel }).id).toBe(channel);
    }
    expect(surfaceFor({ channel: 'sms', surface: 'browser' }).mode).toBe('browser');
    expect(surfaceFor({ channel: 'call', surface: 'call-out' }).call).toBe('outgoing');
    expect(surfaceFor({ channel: 'call' }).call).toBe('incoming');
    expect(surfaceFor({ channel: 'chat', surface: 'app' }).mode).toBe('app');
    expect(surfaceFor({ channel: 'sms' }).call).toBeUndefined();
  });

  it('refuses an unknown surface, naming the known ones', () => {
    expect(() => surfaceFor({ channel: 'chat', surface: 'hologram' })).toThrow(
      /unknown phone surface "hologram" \(known: sms, chat, app, call, call-out, video, browser\)/,
    );
    expect(new Set(surfaceIds()).size).toBe(surfaceIds().length);
  });

  it('accepts the shipped content, and a content file naming an unknown surface is an error naming the field', () => {
    expect(() => {
      checkSurfaces(content);
    }).not.toThrow();
    const pair = content.scenarios.find((candidate) => candidate.id === 'otp-bank');
    if (!pair) throw new Error('otp-bank missing');
    const broken = edited('otp-bank.en.json', (json) => {
      const node = json.nodes[1] as { speaker: { surface?: string } };
      node.speaker.surface = 'hologram';
    });
    const story: StoryContent = {
      ...content,
      scenarios: [{ ...pair, en: loadScenario(broken, 'otp-bank.en.json') }],
    };
    let error: unknown;
    try {
      checkSurfaces(story);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toContain(
      'otp-bank.en.json: nodes[1].speaker.surface: unknown phone surface "hologram"',
    );
  });
});

describe('content markers', () => {
  it('the lookalike link and the fake site mark the deceptive ".top" of the whole address', () => {
    const otp = content.scenarios.find((candidate) => candidate.id === 'otp-bank')?.en;
    const first = otp?.nodes.find((node) => node.id === 'sms-prize');
    const link = first?.messages.find((message) => message.kind === 'link');
    expect(link).toMatchObject({ url: 'saovietbank-doidiem.vn-qua.top', mark: '.top', clue: true });
    const site = otp?.nodes.find((node) => node.id === 'fake-site');
    expect(site?.speaker).toMatchObject({ surface: 'browser', mark: '.top' });
  });

  it('a mark that is not part of its text is an error naming the field', () => {
    const badLink = edited('otp-bank.en.json', (json) => {
      const messages = json.nodes[0]?.messages as { mark?: string }[];
      const link = messages[3];
      if (link) link.mark = '.com';
    });
    expect(() => loadScenario(badLink, 'otp-bank.en.json')).toThrow(
      /otp-bank\.en\.json: nodes\[0\]\.messages\[3\]\.mark: "\.com" is not part of the address/,
    );
    const badName = edited('otp-bank.en.json', (json) => {
      const speaker = json.nodes[1]?.speaker as { mark?: string };
      speaker.mark = 'bank.vn';
    });
    expect(() => loadScenario(badName, 'otp-bank.en.json')).toThrow(
      /nodes\[1\]\.speaker\.mark: "bank\.vn" is not part of the name/,
    );
  });

  it('every scenario highlights at least one clue in each language', () => {
    for (const pair of content.scenarios) {
      for (const scenario of [pair.vi, pair.en]) {
        const clues = scenario.nodes
          .flatMap((node) => node.messages)
          .filter((message) => message.clue === true);
        expect(clues.length, `${scenario.id}.${scenario.lang}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('callClock', () => {
  it('reads as a phone shows a call length', () => {
    expect(callClock(0)).toBe('0:00');
    expect(callClock(7_900)).toBe('0:07');
    expect(callClock(92_000)).toBe('1:32');
    expect(callClock(-5)).toBe('0:00');
  });
});
