/**
 * Feedback sounds synthesised with Web Audio (no sound files, nothing fetched).
 * The context starts on the first touch, as browsers require.
 */
export type SoundKind = 'tap' | 'good' | 'bad' | 'arrive' | 'start';

interface Note {
  frequency: number;
  start: number;
  duration: number;
  type: OscillatorType;
  gain: number;
}

const A4 = 440;
const semitone = (n: number): number => A4 * 2 ** (n / 12);

/** The notes of each sound, as data. */
export const SOUNDS: Readonly<Record<SoundKind, readonly Note[]>> = {
  tap: [{ frequency: semitone(7), start: 0, duration: 0.07, type: 'sine', gain: 0.22 }],
  good: [
    { frequency: semitone(3), start: 0, duration: 0.12, type: 'triangle', gain: 0.2 },
    { frequency: semitone(7), start: 0.09, duration: 0.12, type: 'triangle', gain: 0.2 },
    { frequency: semitone(10), start: 0.18, duration: 0.25, type: 'triangle', gain: 0.22 },
  ],
  bad: [
    { frequency: semitone(-10), start: 0, duration: 0.16, type: 'square', gain: 0.08 },
    { frequency: semitone(-13), start: 0.14, duration: 0.26, type: 'square', gain: 0.08 },
  ],
  arrive: [
    { frequency: semitone(15), start: 0, duration: 0.35, type: 'sine', gain: 0.12 },
    { frequency: semitone(22), start: 0.02, duration: 0.45, type: 'sine', gain: 0.07 },
  ],
  start: [
    { frequency: semitone(-2), start: 0, duration: 0.14, type: 'triangle', gain: 0.18 },
    { frequency: semitone(5), start: 0.1, duration: 0.14, type: 'triangle', gain: 0.18 },
    { frequency: semitone(10), start: 0.2, duration: 0.14, type: 'triangle', gain: 0.18 },
    { frequency: semitone(14), start: 0.3, duration: 0.4, type: 'triangle', gain: 0.2 },
  ],
};

export class SoundBoard {
  private context: AudioContext | null = null;

  /** Plays a sound; silently does nothing where audio is unavailable. */
  play(kind: SoundKind): void {
    const context = this.ensureContext();
    if (context === null) return;
    const now = context.currentTime;
    for (const note of SOUNDS[kind]) {
      const oscillator = context.createOscillator();
      const envelope = context.createGain();
      oscillator.type = note.type;
      oscillator.frequency.value = note.frequency;
      const t0 = now + note.start;
      envelope.gain.setValueAtTime(0.0001, t0);
      envelope.gain.exponentialRampToValueAtTime(note.gain, t0 + 0.012);
      envelope.gain.exponentialRampToValueAtTime(0.0001, t0 + note.duration);
      oscillator.connect(envelope).connect(context.destination);
      oscillator.start(t0);
      oscillator.stop(t0 + note.duration + 0.02);
    }
  }

  private ensureContext(): AudioContext | null {
    if (typeof AudioContext === 'undefined') return null;
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') void this.context.resume();
    return this.context;
  }
}
