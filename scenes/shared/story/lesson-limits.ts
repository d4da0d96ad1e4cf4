/**
 * Reading limits per panel (LEARNING-DESIGN §1: a 12-year-old at a noisy festival reads about
 * 100–120 Vietnamese syllables a minute). Vietnamese is counted in syllables (written words
 * are single syllables), English in words; the English limits follow the measured ratio of
 * the two languages in the scam station (about 0.8 English words per Vietnamese syllable).
 * The lesson-rule test holds every scenario file of every station to them.
 */
import type { Language } from '../../../electron/bridge/contract.js';

export interface PanelLimits {
  /** One sentence of instant feedback after a choice. */
  readonly feedback: number;
  /** The whole instant-feedback panel: the flag labels it names and the sentence. */
  readonly feedbackPanel: number;
  readonly flagLabel: number;
  /** A flag's explanation, read behind "more" on the debrief. */
  readonly flagExplanation: number;
  /** The debrief's one line of what happened. */
  readonly whatHappened: number;
  readonly safeAction: number;
  /** Title, what happened, the safe action and the help line together. */
  readonly debriefFirstScreen: number;
}

export const LIMITS: Readonly<Record<Language, PanelLimits>> = {
  vi: {
    feedback: 18,
    feedbackPanel: 40,
    flagLabel: 8,
    flagExplanation: 25,
    whatHappened: 36,
    safeAction: 34,
    debriefFirstScreen: 100,
  },
  en: {
    feedback: 16,
    feedbackPanel: 34,
    flagLabel: 7,
    flagExplanation: 24,
    whatHappened: 32,
    safeAction: 30,
    debriefFirstScreen: 90,
  },
};

/**
 * Syllables (Vietnamese) or words (English) in `text`: the space-separated tokens with a
 * letter or digit (a Vietnamese written word is one syllable, so one rule counts both).
 */
export function syllables(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
