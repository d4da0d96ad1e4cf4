/** Scene, texture and registry keys of the phone game, in one place. */
export enum SceneKey {
  Boot = 'scam-boot',
  Preloader = 'scam-preloader',
  Phone = 'scam-phone',
}

export enum TextureKey {
  /** The deepfake's face, which the glitch slices (the backdrop shows the same painting). */
  Face = 'scam-face',
  /** A soft round dot for particles. */
  Spark = 'scam-spark',
  /** The deepfake's mouth, stretched while the "friend" talks. */
  Mouth = 'scam-mouth',
}

/** Where the game finds the shared PhoneModel. */
export const MODEL_REGISTRY_KEY = 'scam-phone-model';
