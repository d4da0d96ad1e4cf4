/**
 * One "scam or safe?" round on screen: the message arrives on the phone, the visitor answers
 * scam or safe, and the next message comes at once. No right/wrong is shown during a round
 * (LEARNING-DESIGN §4: a before round that teaches would spoil the before/after figure, and the
 * after round must be taken the same way); the answers and reasons come after the after round.
 * Each answer is recorded as it is given, then the round.
 */
import { checkAnswerEvent, checkEvent, type CheckAnswer, type CheckPool } from '../story/index.js';
import {
  advance,
  answer,
  currentItem,
  hasNext,
  roundResult,
  translateRound,
  type CheckPhase,
  type CheckRound,
} from './check-round.js';
import { surfaceFor } from '../phone/surfaces/index.js';
import type { StationSurface } from './surface.js';
import { checkItemView } from './views/check.js';

export class CheckFlow {
  constructor(
    private readonly surface: StationSurface,
    private round: CheckRound,
    private readonly scenarioId: string,
    private readonly onDone: (round: CheckRound) => void,
  ) {}

  get phase(): CheckPhase {
    return this.round.phase;
  }

  /** Shows the current item (also after a language switch). */
  render(): void {
    const item = currentItem(this.round);
    this.surface.setViewName('check');
    this.surface.setMode(surfaceFor({ channel: item.sender.channel }).mode);
    this.surface.overlay.showCheckItem(item, this.surface.text());
    this.surface.showPanel(
      checkItemView(this.round, this.surface.text(), (value) => {
        this.answer(value);
      }),
    );
  }

  /** The same round in the other language's pool; answers and position are kept. */
  translate(pool: CheckPool): void {
    this.round = translateRound(this.round, pool);
    this.render();
  }

  private answer(value: CheckAnswer): void {
    const item = currentItem(this.round);
    if (this.round.answers[item.id] !== undefined) return;
    this.round = answer(this.round, value);
    this.surface.context.record(checkAnswerEvent(this.round.phase, this.round.form, item, value));
    // A neutral tap: the sound must not say right or wrong.
    this.surface.context.sound('tap');
    if (hasNext(this.round)) {
      this.round = advance(this.round);
      this.render();
      return;
    }
    const result = roundResult(this.round);
    this.surface.context.record(checkEvent(this.round.phase, this.round.form, result, this.scenarioId));
    this.onDone(this.round);
  }
}
