/** Scene, texture and registry keys of the phone game, in one place. */
export enum SceneKey {
  Boot = 'scam-boot',
  Preloader = 'scam-preloader',
  Phone = 'scam-phone',
}

export enum TextureKey {
  /** The phone's body and shadow, redrawn when the layout changes. */
  Body = 'scam-phone-body',
  /** The phone's screen for the current mode, redrawn when the mode or layout changes. */
  Screen = 'scam-phone-screen',
  /** A soft round dot for particles. */
  Spark = 'scam-spark',
  /** A soft halo around the phone, tinted for feedback. */
  Glow = 'scam-glow',
  /** The deepfake's mouth, stretched while the "friend" talks. */
  Mouth = 'scam-mouth',
}

/** Where the game finds the shared PhoneModel. */
export const MODEL_REGISTRY_KEY = 'scam-phone-model';
