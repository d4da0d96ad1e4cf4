/**
 * The online-kidnapping station's real content, through the real shared loaders (the same
 * `loadStationContent` the station calls, fed by the same Vite glob): both stories in both
 * languages, every path, an exit at every decision, no countdowns, nothing graphic, the text
 * limits of LEARNING-DESIGN §1 and the lesson rules of §2–§3. Path checks are written here,
 * independently of the engine's validator, so a bug in one cannot hide a content problem.
 */
import { describe, expect, it } from 'vitest';
import { loadStationMeta } from '../../../scenes/shared/content/station-meta.js';
import { loadStationContent } from '../../../scenes/shared/story-station/content.js';
import {
  allPaths,
  countDecisions,
  estimatePlayTime,
  getNode,
  type DecisionNode,
  type Message,
  type Scenario,
} from '../../../scenes/shared/story/index.js';

const modules = import.meta.glob<unknown>('../../../scenes/kidnap/content/**/*.json', {
  eager: true,
  import: 'default',
});
const station = import.meta.glob<unknown>('../../../scenes/kidnap/station.json', {
  eager: true,
  import: 'default',
});

const content = loadStationContent(Object.entries(modules).map(([fileName, json]) => ({ fileName, json })));
const LANGS = ['vi', 'en'] as const;
const scenarios: Scenario[] = content.story.scenarios.flatMap((pair) => [pair.vi, pair.en]);

function decisions(scenario: Scenario): DecisionNode[] {
  return scenario.nodes.filter((node): node is DecisionNode => node.kind === 'decision');
}

/** Every visitor-facing string of a scenario, with where it is. */
function texts(scenario: Scenario): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [
    { at: 'title', text: scenario.title },
    { at: 'summary', text: scenario.summary },
  ];
  const message = (at: string, m: Message): void => {
    out.push({ at, text: m.text });
    if (m.kind === 'document') out.push(...[m.title, ...m.lines].map((text) => ({ at, text })));
    if (m.kind === 'place') out.push({ at, text: m.title });
    if (m.kind === 'aside') out.push({ at, text: m.from });
  };
  for (const node of scenario.nodes) {
    node.messages.forEach((m, i) => {
      message(`${node.id}.messages[${i}]`, m);
    });
    if (node.kind === 'ending') {
      const { title, whatHappened, safeAction, help } = node.ending;
      for (const text of [title, whatHappened, safeAction, help]) out.push({ at: node.id, text });
      continue;
    }
    node.followUps.forEach((f, i) => {
      message(`${node.id}.followUps[${i}]`, f.message);
    });
    for (const c of node.choices)
      out.push(...[c.label, c.feedback ?? ''].map((text) => ({ at: c.id, text })));
    for (const f of node.redFlags) out.push(...[f.label, f.explanation].map((text) => ({ at: f.id, text })));
  }
  return out.filter((entry) => entry.text !== '');
}

/** Syllables (vi) or words (en): what a reader's eye takes in, counted by spaces. */
function words(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length;
}

/** Words that would make a story graphic; the stories must stay within a 12+ content note. */
const GRAPHIC =
  /\b(blood|bleed|kill|killed|murder|dead|corpse|knife|gun|rape|naked|nude|torture|beat(en)?|tied up|injur)\w*|máu|giết|xác chết|dao găm|súng|hiếp|khỏa thân|khoả thân|tra tấn|đánh đập|trói|thương tích/iu;

describe('kidnap station: metadata and loading', () => {
  it('station.json validates and matches its folder', () => {
    const [[path, json] = ['', undefined]] = Object.entries(station);
    const meta = loadStationMeta(json, path);
    expect(meta.id).toBe('kidnap');
    expect(meta.name.vi).toMatch(/công an giả/i);
  });

  it('loads Story A (the student) and Story B (the family) in both languages', () => {
    expect(content.story.scenarios.map((pair) => pair.id).sort()).toEqual(['fake-police', 'sister-missing']);
    for (const pair of content.story.scenarios) {
      expect(pair.vi.lang).toBe('vi');
      expect(pair.en.lang).toBe('en');
    }
  });

  it('turns on care mode in both languages: content note, official advice, 113 and the staff first', () => {
    for (const lang of LANGS) {
      const care = content.ui[lang].care;
      if (!care) throw new Error(`ui.${lang}.json has no care section`);
      const note = care.note.join(' ');
      expect(note).toMatch(lang === 'vi' ? /dọa bắt/ : /arrest threats/);
      expect(note).toMatch(lang === 'vi' ? /tiền chuộc/ : /ransom/);
      expect(note).toMatch(/12/);
      expect(note).toMatch(lang === 'vi' ? /dừng bất cứ lúc nào/ : /stop at any time/);
      expect(note).toMatch(lang === 'vi' ? /không có cảnh bạo lực/i : /nothing violent or explicit/i);
      expect(care.debriefLead).toMatch(lang === 'vi' ? /nhân viên ở quầy/ : /staff at this stand/);
      expect(care.debriefLead).toMatch(/113/);
      expect(care.debriefLead).not.toMatch(/111/);
      const advice = care.advice.join(' ');
      const needed =
        lang === 'vi'
          ? [
              /điện thoại/,
              /tin nhắn/,
              /video/,
              /tiền/,
              /OTP/,
              /bí mật/,
              /một mình/,
              /cởi đồ/,
              /công an phường/,
              /113/,
            ]
          : [
              /phone/,
              /chat/,
              /video/,
              /money/,
              /OTP/,
              /secrecy/,
              /alone/,
              /undress/,
              /ward police station/,
              /113/,
            ];
      for (const word of needed) expect(advice).toMatch(word);
      // No "scammed" badge on a harmed ending.
      expect(content.ui[lang].debrief.outcomeHarmed).not.toMatch(/scam|lừa/i);
    }
  });
});

describe.each(scenarios.map((s) => [`${s.id}.${s.lang}`, s] as const))('%s', (_name, scenario) => {
  const paths = allPaths(scenario);

  it('reaches every node from the start, and every path ends', () => {
    const reached = new Set(paths.flatMap((path) => [...path.steps.map((s) => s.nodeId), path.endingId]));
    expect([...reached].sort()).toEqual(scenario.nodes.map((node) => node.id).sort());
    for (const path of paths) expect(getNode(scenario, path.endingId).kind).toBe('ending');
  });

  it('has at least three real decisions on every path', () => {
    for (const path of paths) {
      expect(
        countDecisions(scenario, path),
        path.steps.map((s) => s.choiceId).join(' > '),
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('never reaches a safe ending after a risky step (it must end rescued or harmed)', () => {
    for (const path of paths) {
      const risky = path.steps.some((step) => {
        const node = getNode(scenario, step.nodeId);
        return node.kind === 'decision' && node.choices.find((c) => c.id === step.choiceId)?.risky === true;
      });
      const end = getNode(scenario, path.endingId);
      if (risky && end.kind === 'ending') expect(end.ending.kind, path.endingId).not.toBe('safe');
    }
  });

  it('offers an exit at every decision: a choice that is not risky', () => {
    for (const node of decisions(scenario)) {
      expect(node.choices.filter((c) => !c.risky).length, node.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('has no countdown: the pressure comes from follow-up messages', () => {
    for (const node of decisions(scenario)) {
      expect(node.countdownSeconds, node.id).toBeUndefined();
      expect(node.timeoutChoice, node.id).toBeUndefined();
    }
    expect(decisions(scenario).filter((node) => node.followUps.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('has nothing graphic in it', () => {
    for (const { at, text } of texts(scenario)) expect(text, at).not.toMatch(GRAPHIC);
  });

  it('keeps to the text limits: short instant feedback and a short first debrief screen', () => {
    for (const node of decisions(scenario)) {
      for (const choice of node.choices) {
        // The feedback panel: the choice's own line, then each flag it spots (label + why).
        const flags = node.redFlags.filter((f) => choice.spots.includes(f.id));
        const panel = [choice.feedback ?? '', ...flags.flatMap((f) => [f.label, f.explanation])].join(' ');
        expect(words(panel), `${node.id}.${choice.id}`).toBeLessThanOrEqual(70);
        expect(words(choice.feedback ?? ''), `${node.id}.${choice.id}`).toBeLessThanOrEqual(25);
      }
      for (const flag of node.redFlags) expect(words(flag.explanation), flag.id).toBeLessThanOrEqual(25);
    }
    for (const node of scenario.nodes) {
      if (node.kind !== 'ending') continue;
      const { title, whatHappened, safeAction, help } = node.ending;
      expect(words([title, whatHappened, safeAction, help].join(' ')), node.id).toBeLessThanOrEqual(130);
    }
  });

  // At a child's pace (8 characters a second, the engine's estimate): the same bounds as the
  // scam station's stories; the picker shows each story's own range from this estimate.
  it('is estimated at under 4.5 minutes on average, no path over 6 or under 1', () => {
    const time = estimatePlayTime(scenario);
    expect(time.minMs).toBeGreaterThanOrEqual(60_000);
    expect(time.maxMs).toBeLessThanOrEqual(360_000);
    expect(time.meanMs).toBeGreaterThanOrEqual(100_000);
    expect(time.meanMs).toBeLessThanOrEqual(270_000);
  });

  it('sends every ending to 113', () => {
    for (const node of scenario.nodes)
      if (node.kind === 'ending') expect(node.ending.help).toMatch(/\b113\b/);
  });

  it('never blames: harmed and rescued endings say nobody is punished or at fault', () => {
    const cleared =
      scenario.lang === 'vi'
        ? /(không bị phạt|không ai bị phạt|không phải lỗi|không có lỗi|không ai trách)/i
        : /(not be punished|nobody is punished|not your fault|not .*fault|nobody blames)/i;
    for (const node of scenario.nodes) {
      if (node.kind !== 'ending' || node.ending.kind === 'safe') continue;
      const all = [node.ending.whatHappened, node.ending.safeAction, node.ending.help].join(' ');
      expect(all, node.id).toMatch(cleared);
    }
  });
});

describe('Story A, the student', () => {
  const byLang = (lang: 'vi' | 'en') => content.story.scenarios.find((p) => p.id === 'fake-police')?.[lang];

  it('has safe, rescued and harmed endings; the harmed one says it is not too late and what to do now', () => {
    for (const lang of LANGS) {
      const scenario = byLang(lang);
      if (!scenario) throw new Error('fake-police is missing');
      const kinds = new Set(scenario.nodes.flatMap((n) => (n.kind === 'ending' ? [n.ending.kind] : [])));
      expect([...kinds].sort()).toEqual(['harmed', 'rescued', 'safe']);
      for (const node of scenario.nodes) {
        if (node.kind !== 'ending') continue;
        if (node.ending.kind === 'harmed') {
          const all = `${node.ending.title} ${node.ending.safeAction}`;
          expect(all).toMatch(lang === 'vi' ? /chưa muộn/i : /not too late/i);
          expect(all).toMatch(lang === 'vi' ? /mở cửa.*113/ : /open the door.*113/);
        }
        if (node.ending.kind !== 'safe') {
          const all = `${node.ending.whatHappened} ${node.ending.safeAction} ${node.ending.help}`;
          expect(all, node.id).toMatch(
            lang === 'vi' ? /sẽ không bị phạt vì đã bị lừa/ : /will not be punished for having been tricked/,
          );
        }
      }
    }
  });

  it('offers every exit the issue names somewhere in the story (en labels)', () => {
    const scenario = byLang('en');
    const labels = decisions(scenario ?? ({ nodes: [] } as unknown as Scenario))
      .flatMap((n) => n.choices.filter((c) => !c.risky).map((c) => c.label))
      .join(' | ');
    for (const exit of [
      /hang up/i,
      /parents|family/i,
      /ward police/i,
      /113/,
      /reception/i,
      /text a friend/i,
    ]) {
      expect(labels).toMatch(exit);
    }
  });

  it('uses every new phone surface: video call, warrant, letter, guesthouse, banners, family thread', () => {
    const scenario = byLang('en');
    const messages = scenario?.nodes.flatMap((n) => n.messages) ?? [];
    const kinds = new Set(messages.map((m) => (m.kind === 'document' ? `document:${m.doc}` : m.kind)));
    for (const kind of ['document:warrant', 'document:letter', 'place', 'banner', 'aside'])
      expect(kinds.has(kind), kind).toBe(true);
    expect(
      scenario?.nodes.some((n) => n.speaker?.channel === 'video' && n.speaker.avatar === 'fake-officer'),
    ).toBe(true);
    // Real help has its own look: never the fake officer's avatar.
    const real = scenario?.nodes.filter((n) => n.speaker?.avatar === 'police') ?? [];
    expect(real.length).toBeGreaterThan(0);
  });
});

describe('Story B, the family', () => {
  it('ends with how the family greets her: comfort is safe, blame is risky with a reason', () => {
    for (const lang of LANGS) {
      const scenario = content.story.scenarios.find((p) => p.id === 'sister-missing')?.[lang];
      const found = scenario?.nodes.find((n) => n.id === 'found');
      if (found?.kind !== 'decision') throw new Error('no "found" decision');
      const blame = found.choices.find((c) => c.id === 'blame');
      const comfort = found.choices.find((c) => c.id === 'comfort');
      expect(blame?.risky).toBe(true);
      expect(blame?.feedback).toMatch(lang === 'vi' ? /giấu/ : /hide/);
      expect(comfort?.risky).toBe(false);
    }
  });
});
