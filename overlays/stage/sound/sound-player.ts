/**
 * Plays short sounds through Web Audio: each sound fetched and decoded once, then started at
 * once when asked (in the same call that shows what it goes with), through one master gain
 * (the owner's volume), with a voice pool capping how many ring at once. Muted, nothing starts.
 * OBS's browser source plays audio without a click; the browser tests' Chromium is started
 * with the same autoplay policy (scripts/chromium.mjs).
 */
import { VoicePool } from './voice-pool';

/** What the test hook reports about a page's sounds. */
export interface SoundReport {
  /** Sounds decoded and ready to start at once. */
  ready: string[];
  failed: string[];
  /** Voices started, stopped early for a newer one, and the most at one moment. */
  started: number;
  stolen: number;
  peak: number;
  /** Playing now. */
  playing: number;
  cap: number;
  /** Asked to play before its sound was decoded (or its fetch failed): not played. */
  missed: number;
  /** Not started because the owner muted sounds. */
  silenced: number;
  /** The sounds started, newest last (at most 20). */
  recent: string[];
  volume: number;
  muted: boolean;
  /** The audio context's state (`running` where autoplay is allowed). */
  context: string;
}

const RECENT = 20;

export class SoundPlayer {
  private readonly pool: VoicePool<AudioBufferSourceNode>;
  private readonly buffers = new Map<string, AudioBuffer | 'loading' | 'failed'>();
  private readonly loads = new Map<string, Promise<void>>();
  private audio: { context: AudioContext; master: GainNode } | null = null;
  private mix = { volume: 1, muted: false };
  private missed = 0;
  private silenced = 0;
  private readonly recent: string[] = [];

  constructor(
    cap: number,
    private readonly urlFor: (id: string) => string,
  ) {
    this.pool = new VoicePool(cap);
  }

  /** Created on first use: a page without sounds opens no audio device. */
  private output(): { context: AudioContext; master: GainNode } {
    if (!this.audio) {
      const context = new AudioContext();
      const master = context.createGain();
      master.gain.value = this.mix.volume;
      master.connect(context.destination);
      this.audio = { context, master };
    }
    return this.audio;
  }

  /**
   * Fetches and decodes a sound ahead of its first use; one loaded or loading is not fetched
   * again (a failed one is, next time it is asked for).
   */
  preload(id: string): Promise<void> {
    let load = this.loads.get(id);
    if (!load) {
      load = this.load(id);
      this.loads.set(id, load);
    }
    return load;
  }

  private async load(id: string): Promise<void> {
    this.buffers.set(id, 'loading');
    try {
      const response = await fetch(this.urlFor(id));
      if (!response.ok) throw new Error(`${response.status}`);
      const bytes = await response.arrayBuffer();
      this.buffers.set(id, await this.output().context.decodeAudioData(bytes));
    } catch (error) {
      console.warn(`[limelight] sound ${id} could not be loaded: ${String(error)}`);
      this.buffers.set(id, 'failed');
      this.loads.delete(id);
    }
  }

  /**
   * Starts a sound once it is decoded (fetched now if it never was), unless `stillWanted` says
   * its moment passed meanwhile: for sounds named on the fly (an action's), where a fetch from
   * the local server is a few milliseconds.
   */
  async playSoon(
    id: string,
    volume: number,
    maxSeconds: number | undefined,
    stillWanted: () => boolean,
  ): Promise<boolean> {
    await this.preload(id);
    return stillWanted() && this.play(id, volume, maxSeconds);
  }

  /** The owner's master volume (0–1) and mute. */
  setMix(mix: { volume: number; muted: boolean }): void {
    this.mix = { volume: Math.min(1, Math.max(0, mix.volume)), muted: mix.muted };
    if (this.audio) this.audio.master.gain.value = this.mix.volume;
  }

  /**
   * Starts a sound now at `volume` (0–1) of the master, for at most `maxSeconds`. Returns
   * whether it started: not while muted, nor before it is decoded (it is fetched for next time).
   */
  play(id: string, volume = 1, maxSeconds?: number): boolean {
    if (this.mix.muted) {
      this.silenced += 1;
      return false;
    }
    const buffer = this.buffers.get(id);
    if (!(buffer instanceof AudioBuffer)) {
      this.missed += 1;
      if (buffer !== 'loading') void this.preload(id);
      return false;
    }
    const { context, master } = this.output();
    if (context.state === 'suspended') void context.resume();
    const gain = context.createGain();
    gain.gain.value = Math.min(1, Math.max(0, volume));
    gain.connect(master);
    const voice = context.createBufferSource();
    voice.buffer = buffer;
    voice.connect(gain);
    voice.addEventListener('ended', () => {
      this.pool.remove(voice);
      gain.disconnect();
    });
    for (const stopped of this.pool.add(voice)) stopped.stop();
    voice.start(0, 0, maxSeconds);
    this.recent.push(id);
    if (this.recent.length > RECENT) this.recent.shift();
    return true;
  }

  report(): SoundReport {
    const named = (wanted: (value: AudioBuffer | string) => boolean) =>
      [...this.buffers].filter(([, value]) => wanted(value)).map(([id]) => id);
    return {
      ready: named((value) => value instanceof AudioBuffer),
      failed: named((value) => value === 'failed'),
      ...this.pool.counts,
      playing: this.pool.playing,
      cap: this.pool.cap,
      missed: this.missed,
      silenced: this.silenced,
      recent: [...this.recent],
      volume: this.mix.volume,
      muted: this.mix.muted,
      context: this.audio?.context.state ?? 'none',
    };
  }

  /** Stops every voice and closes the audio device. */
  close(): void {
    void this.audio?.context.close();
    this.audio = null;
  }
}
