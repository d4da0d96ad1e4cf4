/**
 * One "scam or safe?" round on screen: the message arrives on the phone, the visitor answers
 * scam or safe, sees right or wrong and why, three times; then the result is recorded.
 */
import { checkEvent, type CheckAnswer, type CheckPool } from '../story/index.js';
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
    private readonly onDone: (phase: CheckPhase, result: { correct: number; total: number }) => void,
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
      checkItemView(this.round, this.surface.text(), {
        answer: (value) => {
          this.answer(value);
        },
        next: () => {
          this.next();
        },
      }),
    );
  }

  /** The same round in the other language's pool; answers and position are kept. */
  translate(pool: CheckPool): void {
    this.round = translateRound(this.round, pool);
    this.render();
  }

  private answer(value: CheckAnswer): void {
    const right = currentItem(this.round).answer === value;
    this.round = answer(this.round, value);
    this.surface.context.sound(right ? 'good' : 'bad');
    this.surface.model.play(right ? 'spotted' : 'timeout');
    this.render();
  }

  private next(): void {
    if (hasNext(this.round)) {
      this.round = advance(this.round);
      this.render();
      return;
    }
    const result = roundResult(this.round);
    this.surface.context.record(checkEvent(this.round.phase, result, this.scenarioId));
    this.onDone(this.round.phase, result);
  }
}
