/**
 * The "block or let pass" round as plain data and rules (no Phaser, three or DOM): items
 * drift across lanes from the left edge to the right; a tap blocks one; an item that reaches
 * the right edge has passed. Difficulty rises with time: items come more often and drift
 * faster. Time comes from an injected clock, so tests drive it with fake timers.
 */

/** What a drifting item is: whether blocking it is right, and the tactic it uses (or safe). */
export interface RoundItem {
  readonly id: string;
  readonly dangerous: boolean;
}

/** How one item ended: a right block, a safe item blocked, a safe pass, a dangerous slip. */
export type Verdict = 'blocked' | 'wrong-block' | 'passed' | 'slipped';

export interface Outcome {
  readonly itemId: string;
  readonly verdict: Verdict;
  /** Where the item was when it ended (0 = left edge, 1 = right edge), and its lane. */
  readonly x: number;
  readonly lane: number;
}

export interface Drifter {
  /** Unique within the round (an item never drifts twice in one round). */
  readonly itemId: string;
  readonly lane: number;
  readonly spawnAt: number;
  /** Milliseconds to cross the screen. */
  readonly crossMs: number;
}

export const ROUND = {
  durationMs: 50_000,
  /** Crossing time at the start and at the end of the round (faster = harder). */
  crossMs: [9_000, 4_800] as const,
  /** Time between two new items at the start and at the end. */
  spawnMs: [2_100, 950] as const,
  points: { blocked: 100, passed: 50, 'wrong-block': 0, slipped: 0 } satisfies Record<Verdict, number>,
} as const;

/** Linear interpolation of a [start, end] pair by progress 0..1. */
function lerp([from, to]: readonly [number, number], progress: number): number {
  return from + (to - from) * Math.min(1, Math.max(0, progress));
}

export interface RoundSummary {
  score: number;
  /** Right decisions (dangerous blocked, safe let through) out of all decided items. */
  correct: number;
  total: number;
  /** 0..100, rounded; 0 when nothing was decided. */
  accuracy: number;
  blocked: number;
  slipped: number;
  wrongBlocks: number;
  passed: number;
}

export class Round {
  private readonly startedAt: number;
  private readonly queue: RoundItem[];
  private readonly byId = new Map<string, RoundItem>();
  private live: Drifter[] = [];
  private readonly outcomes: Outcome[] = [];
  private nextSpawnAt: number;
  private nextLane = 0;

  /**
   * @param items the round's items in the order they come (shuffle before)
   * @param lanes how many lanes the screen has (at least 1)
   * @param now the clock, ms
   */
  constructor(
    items: readonly RoundItem[],
    private readonly lanes: number,
    private readonly now: () => number,
  ) {
    if (items.length === 0) throw new Error('Round: no items to play');
    if (!Number.isInteger(lanes) || lanes < 1)
      throw new Error(`Round: lanes must be a positive integer, got ${lanes}`);
    this.queue = [...items];
    for (const item of items) this.byId.set(item.id, item);
    this.startedAt = now();
    this.nextSpawnAt = this.startedAt;
  }

  /** 0..1 of the round's time gone. */
  progress(at = this.now()): number {
    return Math.min(1, Math.max(0, (at - this.startedAt) / ROUND.durationMs));
  }

  /** Milliseconds since the round began. */
  elapsed(): number {
    return Math.max(0, this.now() - this.startedAt);
  }

  /** True once the round's time is up. */
  get over(): boolean {
    return this.progress() >= 1;
  }

  /**
   * Brings the round up to the clock: new items enter, items at the right edge pass.
   * Returns the outcomes that happened (passes and slips), oldest first.
   */
  step(): Outcome[] {
    const at = this.now();
    const ended: Outcome[] = [];
    const endOfRound = this.startedAt + ROUND.durationMs;
    while (this.nextSpawnAt <= at && this.nextSpawnAt < endOfRound && this.queue.length > 0) {
      const item = this.queue.shift();
      if (!item) break;
      const progress = this.progress(this.nextSpawnAt);
      this.live.push({
        itemId: item.id,
        lane: this.nextLane,
        spawnAt: this.nextSpawnAt,
        crossMs: lerp(ROUND.crossMs, progress),
      });
      // Lanes take turns: a lane is used again only after `lanes` spawns, by when its last
      // item is well across the screen (no overlaps).
      this.nextLane = (this.nextLane + 1) % this.lanes;
      this.nextSpawnAt += lerp(ROUND.spawnMs, progress);
    }
    const still: Drifter[] = [];
    for (const drifter of this.live) {
      if (at - drifter.spawnAt >= drifter.crossMs) {
        const dangerous = this.byId.get(drifter.itemId)?.dangerous ?? false;
        ended.push(this.finish(drifter, dangerous ? 'slipped' : 'passed', 1));
      } else if (at >= endOfRound) {
        // Time is up: what is still drifting is neither right nor wrong.
      } else {
        still.push(drifter);
      }
    }
    this.live = still;
    return ended;
  }

  /** Blocks a drifting item (a tap); returns its outcome, or null when it is no longer drifting. */
  block(itemId: string): Outcome | null {
    if (this.over) return null;
    const drifter = this.live.find((candidate) => candidate.itemId === itemId);
    if (!drifter) return null;
    this.live = this.live.filter((candidate) => candidate !== drifter);
    const dangerous = this.byId.get(itemId)?.dangerous ?? false;
    return this.finish(drifter, dangerous ? 'blocked' : 'wrong-block', this.positionOf(drifter));
  }

  /** Items drifting now, with their position 0..1 across the screen. */
  drifting(): { drifter: Drifter; x: number }[] {
    return this.live.map((drifter) => ({ drifter, x: this.positionOf(drifter) }));
  }

  /** Every outcome so far, oldest first. */
  history(): readonly Outcome[] {
    return this.outcomes;
  }

  summary(): RoundSummary {
    const count = (verdict: Verdict): number => this.outcomes.filter((o) => o.verdict === verdict).length;
    const blocked = count('blocked');
    const passed = count('passed');
    const correct = blocked + passed;
    const total = this.outcomes.length;
    return {
      score: this.outcomes.reduce((sum, outcome) => sum + ROUND.points[outcome.verdict], 0),
      correct,
      total,
      accuracy: total === 0 ? 0 : Math.round((correct / total) * 100),
      blocked,
      slipped: count('slipped'),
      wrongBlocks: count('wrong-block'),
      passed,
    };
  }

  private positionOf(drifter: Drifter): number {
    return Math.min(1, Math.max(0, (this.now() - drifter.spawnAt) / drifter.crossMs));
  }

  private finish(drifter: Drifter, verdict: Verdict, x: number): Outcome {
    const outcome: Outcome = { itemId: drifter.itemId, verdict, x, lane: drifter.lane };
    this.outcomes.push(outcome);
    return outcome;
  }
}
