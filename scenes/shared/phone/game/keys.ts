/** Scene, texture and registry keys of the phone game, in one place. */
export enum SceneKey {
  Boot = 'story-boot',
  Preloader = 'story-preloader',
  Phone = 'story-phone',
}

export enum TextureKey {
  /** The deepfake's face, which the glitch slices (the backdrop shows the same painting). */
  Face = 'story-face',
  /** A soft round dot for particles. */
  Spark = 'story-spark',
  /** The deepfake's mouth, stretched while the "friend" talks. */
  Mouth = 'story-mouth',
}

/** Where the game finds the shared PhoneModel. */
export const MODEL_REGISTRY_KEY = 'story-phone-model';
