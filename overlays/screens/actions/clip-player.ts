/**
 * A video clip action: the owner's uploaded clip, fetched same-origin with the page's token,
 * played in an HTML video element (never added to the page) and drawn as a Pixi sprite over the
 * stage, fitted inside the screen. It plays at the action's share of the master volume, silent
 * when the owner muted sounds, and stops at the action's seconds or its own end.
 */
import { Sprite, Texture, VideoSource } from 'pixi.js';

export type ClipState = 'loading' | 'playing' | 'ended' | 'failed';

/** What the test hook reports about one clip. */
export interface ClipReport {
  runId: string;
  clipId: string;
  state: ClipState;
  /** The element's own playback: seconds played, and whether its `playing` event fired. */
  currentTime: number;
  played: boolean;
  volume: number;
  muted: boolean;
  error: string | null;
}

export class ClipPlayer {
  readonly sprite: Sprite;
  private readonly video: HTMLVideoElement;
  private readonly source: VideoSource;
  private state: ClipState = 'loading';
  private played = false;
  private error: string | null = null;

  constructor(
    readonly runId: string,
    readonly clipId: string,
    url: string,
    private readonly box: { width: number; height: number },
    /** The action's own volume, 0–1; the master volume multiplies it. */
    private readonly volume: number,
    mix: { volume: number; muted: boolean },
    onChange: () => void,
  ) {
    const video = document.createElement('video');
    video.preload = 'auto';
    video.playsInline = true;
    video.src = url;
    this.video = video;
    this.setMix(mix);
    this.source = new VideoSource({ resource: video, autoPlay: false, autoLoad: true });
    this.sprite = new Sprite(new Texture({ source: this.source }));
    this.sprite.label = `action-clip:${runId}`;
    this.sprite.anchor.set(0.5);
    this.sprite.visible = false;
    video.addEventListener('loadedmetadata', () => {
      this.fit();
      onChange();
    });
    video.addEventListener('playing', () => {
      this.state = 'playing';
      this.played = true;
      this.sprite.visible = true;
      onChange();
    });
    video.addEventListener('ended', () => {
      this.state = 'ended';
      onChange();
    });
    video.addEventListener('error', () => {
      this.state = 'failed';
      this.error =
        video.error?.message || `the clip could not be loaded (code ${video.error?.code})`;
      onChange();
    });
    // Pixi's source loads the element itself (autoLoad): play once it has, or a fresh load
    // started by it would interrupt the play request.
    this.source
      .load()
      .then(() => video.play())
      .catch((reason: unknown) => {
        // Autoplay refused or the file is gone: the run still ends on time; the hook says why.
        if (this.state === 'loading') {
          this.state = 'failed';
          this.error ??= String(reason);
          onChange();
        }
      });
  }

  /** Contained in the box, centred. */
  private fit(): void {
    const { videoWidth, videoHeight } = this.video;
    if (!videoWidth || !videoHeight) return;
    const scale = Math.min(this.box.width / videoWidth, this.box.height / videoHeight);
    this.sprite.scale.set(scale);
    this.sprite.position.set(this.box.width / 2, this.box.height / 2);
  }

  /** True while frames change (the stage must draw). */
  get moving(): boolean {
    return this.state === 'playing' && !this.video.paused;
  }

  /** The owner changed the master volume or mute: a playing clip follows at once. */
  setMix(mix: { volume: number; muted: boolean }): void {
    this.video.volume = Math.min(1, Math.max(0, this.volume * mix.volume));
    this.video.muted = mix.muted;
  }

  report(): ClipReport {
    return {
      runId: this.runId,
      clipId: this.clipId,
      state: this.state,
      currentTime: this.video.currentTime,
      played: this.played,
      volume: this.video.volume,
      muted: this.video.muted,
      error: this.error,
    };
  }

  destroy(): void {
    this.video.pause();
    this.video.removeAttribute('src');
    this.video.load();
    this.sprite.destroy({ texture: true, textureSource: true });
  }
}
