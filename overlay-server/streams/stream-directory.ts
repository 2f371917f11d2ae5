/**
 * Which streams this process serves and how to reach each: the one place a handler turns the
 * stream named on its socket (or HTTP request) into a `StreamPort`. A single server writes every
 * stream it is asked for itself (`createLocalDirectory`); in a cluster a stream may be written
 * by another process (cluster/cluster-directory.ts).
 */
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import type { ClipLibrary } from '../clips/clip-library';
import type { SoundLibrary } from '../sounds/sound-library';
import { createLocalPort } from './local-port';
import { LocalStream, type LocalStreamOptions } from './local-stream';
import type { StreamPort } from './stream-port';

export interface StreamDirectory {
  /** The stream's port; a granted stream never seen before is opened (its journal resumed). */
  portFor(streamer: string): StreamPort;
  /**
   * The stream's clip library for the HTTP routes: the writer's own when this process writes it;
   * otherwise one on the shared data folder whose changes the writer is told to read again.
   */
  clipsFor(streamer: string): ClipLibrary;
  /** The stream's sound library for the HTTP routes, as `clipsFor`. */
  soundsFor(streamer: string): SoundLibrary;
  /** The streams written in this process now. */
  localStreams(): LocalStream[];
  /**
   * Closes every local stream (flushing journals). `endStream` ends their running streams too
   * (a clean stop of a single server); returns the ids of the streams it ended.
   */
  close(options?: { endStream?: string }): Promise<string[]>;
}

/** What every stream of a process is built with; the directory adds the stream's name. */
export type StreamDefaults = Omit<LocalStreamOptions, 'streamer' | 'journalFence'>;

/** Every stream written here, opened on first use. */
export function createLocalDirectory(defaults: StreamDefaults): StreamDirectory {
  const streams = new Map<string, { stream: LocalStream; port: StreamPort }>();
  const open = (streamer: string) => {
    let entry = streams.get(streamer);
    if (!entry) {
      const stream = new LocalStream({ ...defaults, streamer });
      // A single server shares its journals with no one: a fenced-out write cannot happen.
      entry = { stream, port: createLocalPort(stream, () => {}) };
      streams.set(streamer, entry);
    }
    return entry;
  };
  // The default stream resumes at once, as a single server always did.
  open(DEFAULT_STREAMER);
  return {
    portFor: (streamer) => open(streamer).port,
    clipsFor: (streamer) => open(streamer).stream.clips,
    soundsFor: (streamer) => open(streamer).stream.sounds,
    localStreams: () => [...streams.values()].map((entry) => entry.stream),
    async close(options = {}) {
      const ended: string[] = [];
      for (const { stream } of streams.values()) {
        const id = await stream.close(options.endStream);
        if (id) ended.push(id);
      }
      return ended;
    },
  };
}
