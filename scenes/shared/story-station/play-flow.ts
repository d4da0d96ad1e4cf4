/**
 * Playing one scenario: each node's messages arrive on the phone (a tap hurries them), the
 * choices appear, a countdown may press, each choice gets instant feedback naming the red
 * flags, and the ending leads to the debrief (with a retry from the first mistake). Records a
 * choice event per choice and a result event per ending reached.
 */
import {
  canRetry,
  choose,
  createRun,
  currentNode,
  endingOf,
  isFinished,
  lastFeedback,
  resultEvent,
  retryFromFirstMistake,
  stepEvent,
  storyStartEvent,
  switchScenarioLanguage,
  timeOut,
  type Run,
  type ScenarioNode,
  type ScenarioPair,
} from '../story/index.js';
import { surfaceFor, type CallState } from '../phone/surfaces/index.js';
import { Countdown } from './countdown.js';
import { currentThread, threadKey, type ThreadView } from './history.js';
import { MessageFeed, type FeedSource } from './message-feed.js';
import type { StationSurface } from './surface.js';
import { Timers } from '../dom/timers.js';
import { debriefView } from './views/debrief.js';
import { choicesView, endedView, feedbackView, waitingView } from './views/play-panel.js';

/** From an ending's last message to the debrief: a moment to take in what happened. */
export const ENDING_TO_DEBRIEF_MS = 1400;

type Phase = 'arriving' | 'choosing' | 'feedback' | 'ending' | 'debrief';

/** Where the debrief's buttons lead, outside this scenario. */
export interface PlayExits {
  /** True while the after check is still to take (the debrief then makes it the first button). */
  offerCheck(): boolean;
  checkAgain(scenarioId: string): void;
  another(): void;
  done(): void;
}

function feedSource(node: ScenarioNode): FeedSource {
  return { messages: node.messages, followUps: node.kind === 'decision' ? node.followUps : [] };
}

export class PlayFlow {
  private readonly timers = new Timers();
  private readonly feed: MessageFeed;
  private run: Run;
  private phase: Phase = 'arriving';
  /** Follow-ups shown per node id, so the log can be rebuilt exactly. */
  private readonly followUps = new Map<string, number>();
  private countdown: Countdown | null = null;
  private stopped = false;
  /** When each call (by thread) was answered, so its timer survives re-renders. */
  private readonly connectedAt = new Map<string, number>();

  constructor(
    private readonly surface: StationSurface,
    private readonly pair: ScenarioPair,
    private readonly exits: PlayExits,
  ) {
    this.run = createRun(pair[surface.language()], surface.now());
    this.feed = new MessageFeed({
      typing: (active) => {
        surface.model.typing = active;
        surface.overlay.log.setAttribute('aria-busy', String(active));
      },
      show: (item) => {
        surface.overlay.addMessage(item.message, surface.text());
        if (item.source === 'followUp')
          this.followUps.set(currentNode(this.run).id, this.feed.followUpsShown);
        // The first words said answer a ringing call.
        if (item.message.kind !== 'system') this.syncCall(this.thread());
      },
      settled: () => {
        this.onSettled();
      },
    });
  }

  get scenarioId(): string {
    return this.pair.id;
  }

  start(): void {
    this.surface.context.record(storyStartEvent(this.run));
    this.surface.setViewName('play');
    this.enterNode();
  }

  /** Stops every timer of the scenario (leaving it, or the station). */
  stop(): void {
    this.stopped = true;
    this.feed.stop();
    this.timers.clear();
    this.stopCountdown();
    this.surface.model.typing = false;
    this.surface.model.ringing = false;
  }

  /** Re-renders the phone and the panel in the new language, exactly where the visitor is. */
  setLanguage(): void {
    this.run = switchScenarioLanguage(this.run, this.pair[this.surface.language()]);
    this.feed.retarget(feedSource(currentNode(this.run)));
    this.renderPhone();
    this.renderPanel();
  }

  /** A tap on the phone or on "show messages now": everything pending appears at once. */
  hurry(): void {
    if (this.phase === 'arriving' || this.phase === 'ending') this.feed.hurry();
  }

  private enterNode(): void {
    const node = currentNode(this.run);
    const previous = this.run.steps.at(-1);
    const previousNode = previous ? this.run.scenario.nodes.find((n) => n.id === previous.nodeId) : undefined;
    if (
      node.speaker &&
      (!previousNode?.speaker || threadKey(previousNode.speaker) !== threadKey(node.speaker))
    ) {
      this.surface.context.sound('arrive'); // a new contact, or an incoming call
    }
    this.phase = node.kind === 'ending' ? 'ending' : 'arriving';
    this.feed.start(feedSource(node));
    this.renderPhone();
    this.renderPanel();
  }

  private thread(): ThreadView {
    const pending = this.phase === 'feedback';
    return currentThread(this.run, this.followUps, this.feed.messagesShown, pending);
  }

  /** Rebuilds the phone's contact and log from the run. */
  private renderPhone(): void {
    const { overlay } = this.surface;
    const text = this.surface.text();
    const pending = this.phase === 'feedback';
    const thread = this.thread();
    if (thread.speaker) {
      const surface = surfaceFor(thread.speaker);
      this.surface.setMode(surface.mode);
      overlay.showContact(thread.speaker, surface, text);
    }
    this.syncCall(thread);
    overlay.clearLog();
    overlay.addNote('day', text.phone.today);
    for (const entry of thread.entries) {
      if (entry.kind === 'message') overlay.addMessage(entry.message, text);
      else if (entry.kind === 'choice') overlay.addAction(entry.label, text);
      else overlay.addNote('timeout', text.phone.timeUp);
    }
    if (!pending && isFinished(this.run) && !currentNode(this.run).speaker) {
      overlay.addNote('ended', text.phone.ended);
    }
  }

  /**
   * Where the shown call stands: ringing until its first words, connected (with a timer) while
   * the story stays in it, ended once a choice leaves it or the ending's last words are said.
   */
  private callState(thread: ThreadView): CallState | null {
    const { speaker } = thread;
    if (!speaker) return null;
    const surface = surfaceFor(speaker);
    if (!surface.call) return null;
    const key = threadKey(speaker);
    const node = currentNode(this.run);
    const here = node.speaker !== undefined && threadKey(node.speaker) === key;
    if (this.phase === 'feedback') return here && node.kind === 'decision' ? 'connected' : 'ended';
    if (!here || (node.kind === 'ending' && this.feed.isSettled)) return 'ended';
    const spoken = thread.entries.some(
      (entry) => entry.kind !== 'message' || entry.message.kind !== 'system',
    );
    return spoken ? 'connected' : surface.call;
  }

  private syncCall(thread: ThreadView): void {
    const state = this.callState(thread);
    this.surface.model.ringing = state === 'incoming' || state === 'outgoing';
    if (state === 'connected' && thread.speaker) {
      const key = threadKey(thread.speaker);
      const since = this.connectedAt.get(key) ?? this.surface.now();
      this.connectedAt.set(key, since);
      this.surface.overlay.setCall(state, since);
    } else {
      this.surface.overlay.setCall(state);
    }
  }

  private renderPanel(): void {
    const text = this.surface.text();
    const title = this.run.scenario.title;
    switch (this.phase) {
      case 'ending':
        if (this.feed.isSettled) {
          // The conversation is over: no "messages arriving" while the debrief comes up.
          this.surface.showPanel(endedView(title, text));
          break;
        }
        this.surface.showPanel(
          waitingView(title, text, () => {
            this.hurry();
          }),
        );
        break;
      case 'arriving':
        this.surface.showPanel(
          waitingView(title, text, () => {
            this.hurry();
          }),
        );
        break;
      case 'choosing': {
        const node = currentNode(this.run);
        if (node.kind !== 'decision') break;
        this.surface.showPanel(
          choicesView(title, node.choices, text, this.countdown !== null, (choiceId) => {
            this.choose(choiceId);
          }),
        );
        break;
      }
      case 'feedback': {
        const feedback = lastFeedback(this.run);
        if (!feedback) break;
        this.surface.showPanel(
          feedbackView(
            feedback,
            this.surface.tactics(),
            text,
            () => {
              this.enterNode();
            },
            this.run.scenario.contentNote !== undefined,
          ),
        );
        break;
      }
      case 'debrief':
        this.surface.showPanel(
          debriefView(this.run, this.surface.tactics(), text, this.exits.offerCheck(), {
            retry: () => {
              this.retry();
            },
            checkAgain: () => {
              this.exits.checkAgain(this.pair.id);
            },
            another: () => {
              this.exits.another();
            },
            done: () => {
              this.exits.done();
            },
          }),
        );
        break;
    }
  }

  private onSettled(): void {
    const node = currentNode(this.run);
    if (node.kind === 'ending') {
      this.phase = 'ending';
      this.syncCall(this.thread());
      this.renderPanel();
      this.timers.after(ENDING_TO_DEBRIEF_MS, () => {
        this.finish();
      });
      return;
    }
    this.phase = 'choosing';
    if (node.countdownSeconds !== undefined) this.startCountdown(node.countdownSeconds);
    this.renderPanel();
  }

  private startCountdown(seconds: number): void {
    const countdown = new Countdown(seconds, () => this.surface.now(), {
      tick: (secondsLeft) => {
        this.surface.setCountdown(secondsLeft);
      },
      expire: () => {
        this.expire();
      },
    });
    this.countdown = countdown;
    countdown.start();
    this.surface.model.countdown = { startedAtMs: countdown.startedAtMs, durationMs: seconds * 1000 };
  }

  private stopCountdown(): void {
    this.countdown?.stop();
    this.countdown = null;
    this.surface.model.countdown = null;
    this.surface.setCountdown(null);
  }

  /** Ends the node's timers before moving on (the follow-ups shown are kept for the log). */
  private leaveNode(): void {
    this.followUps.set(currentNode(this.run).id, this.feed.followUpsShown);
    this.feed.stop();
    this.stopCountdown();
  }

  private choose(choiceId: string): void {
    if (this.phase !== 'choosing' || this.stopped) return;
    this.leaveNode();
    this.run = choose(this.run, choiceId, this.surface.now());
    this.afterStep();
  }

  private expire(): void {
    if (this.phase !== 'choosing' || this.stopped) return;
    this.leaveNode();
    this.run = timeOut(this.run, this.surface.now());
    this.afterStep();
  }

  /**
   * Calm responses (no buzzer, no shake, no harmed-ending sound): a sensitive story (one with a
   * content note) or a station in care mode (LEARNING-DESIGN §2).
   */
  private calm(): boolean {
    return this.run.scenario.contentNote !== undefined || this.surface.text().care !== undefined;
  }

  private afterStep(): void {
    const { context, model } = this.surface;
    context.record(stepEvent(this.run));
    const feedback = lastFeedback(this.run);
    if (!feedback) return;
    const { step, spotted, missed, choice } = feedback;
    // A countdown that ran out is the safe move: no buzzer, no shake. A risky step in a
    // sensitive story gets a calm response (LEARNING-DESIGN §2).
    const calm = this.calm();
    if (step.timedOut) {
      context.sound('tap');
      model.play('timeout');
    } else if (step.risky && calm) {
      context.sound('tap');
    } else if (step.risky) {
      context.sound('bad');
      model.play('risky');
      this.surface.shake();
    } else if (spotted.length > 0) {
      context.sound('good');
      model.play('spotted');
    }
    const worthShowing =
      step.risky || step.timedOut || spotted.length > 0 || missed.length > 0 || choice.feedback;
    if (worthShowing) {
      this.phase = 'feedback';
      this.renderPhone();
      this.renderPanel();
    } else {
      this.enterNode();
    }
  }

  private finish(): void {
    if (this.phase !== 'ending' || this.stopped) return;
    this.phase = 'debrief';
    // Once per ending reached: a retry that reaches another ending records another result.
    this.surface.context.record(resultEvent(this.run, this.surface.now()));
    const calm = this.calm();
    this.surface.context.sound(endingOf(this.run)?.kind === 'harmed' && !calm ? 'bad' : 'good');
    this.surface.setViewName('debrief');
    this.renderPanel();
  }

  private retry(): void {
    if (!canRetry(this.run)) return;
    this.run = retryFromFirstMistake(this.run, this.surface.now());
    // Follow-ups of the nodes after the mistake are forgotten with their steps.
    const kept = new Set(this.run.steps.map((step) => step.nodeId));
    for (const id of [...this.followUps.keys()]) if (!kept.has(id)) this.followUps.delete(id);
    this.surface.setViewName('play');
    this.enterNode();
  }
}
