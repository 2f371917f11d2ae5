/**
 * `--tiktok @user`: a live room read through tiktok-live-connector, behind the `ConnectorTransport`
 * seam. Waits for the user to go live, reconnects with backoff and jitter (longer on sign-server
 * rate limits), drops the recent messages TikTok replays after each (re)connect by message id,
 * and reports every state the panel shows. Payloads go through THE shared mapping
 * (`tiktok-payloads/`), the same one recordings and replay use.
 */
import { createGiftPictureBook, type GiftPictureBook } from '../../../shared/catalog/gift-pictures';
import { createMessageDeduper } from '../../../shared/events/message-dedupe';
import { parseLiveEvent } from '../../../shared/events/parse';
import type { SourceClock } from '../clock';
import { createInputTally } from '../input-summary';
import type { EventSourceRunner, SourceSink, SourceStatus } from '../source';
import { readGiftPictures } from '../tiktok-payloads/gift-list';
import type { PayloadMappingOptions } from '../tiktok-payloads/map-payload';
import { type Backoff, createBackoff } from './backoff';
import { type DeliveryContext, deliver } from './connector-delivery';
import type { RawRecorder } from './raw-recorder';
import {
  ConnectorFailure,
  type ConnectorSession,
  type ConnectorTransport,
  type SessionEnd,
} from './transport';

export interface ConnectorSourceOptions {
  /** The streamer, for messages (`@user`). */
  handle: string;
  transport: ConnectorTransport;
  clock: SourceClock;
  backoff?: Backoff;
  /** `--record FILE`: every new raw event is appended. */
  recorder?: RawRecorder;
  /** Passed to the shared payload mapping (gift lookup, host id). */
  mapping?: Omit<PayloadMappingOptions, 'source'>;
  /** How many message ids are remembered across reconnects. */
  dedupeCapacity?: number;
}

type Cycle = { next: 'retry'; wait: number; status: SourceStatus } | { next: 'stop' };

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function createConnectorSource(options: ConnectorSourceOptions): EventSourceRunner {
  const handle = `@${options.handle.replace(/^@/, '')}`;
  const backoff = options.backoff ?? createBackoff();
  const { clock, transport, recorder } = options;
  const announcedRooms = new Set<string>();
  // Kept across reconnects: a gift without a picture takes the room's listed one.
  const giftPictures = createGiftPictureBook();
  const giftPicture = (giftId: number | null) => giftPictures.pictureFor(giftId);

  return {
    name: 'connector',
    async start(sink: SourceSink, signal: AbortSignal) {
      const seen = createMessageDeduper(options.dedupeCapacity ?? 20_000);
      const tally = createInputTally();
      sink.inputTally?.(() => tally.summary());
      const context: DeliveryContext = {
        seen,
        tally,
        sink,
        clock,
        recorder,
        mapping: { giftPicture, ...options.mapping },
        hostHandle: handle.slice(1).toLowerCase(),
      };
      // Messages that arrive while connecting (TikTok's recent history) wait until the stream
      // start is announced, so they land in the stream they belong to.
      let held: Array<[string, unknown]> | null = null;
      const onRaw = (name: string, data: unknown) => {
        if (signal.aborted) return;
        if (held) held.push([name, data]);
        else deliver(name, data, context);
      };
      const connecting = {
        begin: () => {
          held = [];
        },
        hostUserId: (id: string | null) => {
          if (id) context.mapping = { giftPicture, ...options.mapping, hostUserId: id };
        },
        flush: () => {
          const pending = held ?? [];
          held = null;
          for (const [name, data] of pending) if (!signal.aborted) deliver(name, data, context);
        },
      };
      try {
        while (!signal.aborted) {
          sink.status({ state: 'connecting', detail: `connecting to ${handle}` });
          const cycle = await runOnce(onRaw, connecting, sink, signal);
          if (cycle.next === 'stop' || signal.aborted) break;
          sink.status(cycle.status);
          await clock.sleep(cycle.wait, signal);
        }
      } finally {
        recorder?.close();
      }
      sink.status({ state: 'offline', detail: 'stopped' });
    },
  };

  async function runOnce(
    onRaw: (name: string, data: unknown) => void,
    connecting: { begin(): void; hostUserId(id: string | null): void; flush(): void },
    sink: SourceSink,
    signal: AbortSignal,
  ): Promise<Cycle> {
    let session: ConnectorSession;
    connecting.begin();
    try {
      session = await transport.open(onRaw);
    } catch (error) {
      connecting.flush();
      return afterFailure(error, sink);
    }
    if (signal.aborted) {
      await session.close().catch(() => {});
      return { next: 'stop' };
    }
    backoff.reset();
    connecting.hostUserId(session.hostUserId);
    sink.status({ state: 'live', detail: session.title ? `${handle}: ${session.title}` : handle });
    announceStream(session, sink);
    // TikTok's recent messages wait (briefly) for the gift list, so their gifts get pictures too.
    await learnGiftPictures(session, giftPictures);
    connecting.flush();
    const end = await untilEndOrAbort(session.ended, signal);
    if (end === 'aborted') {
      await session.close().catch(() => {});
      return { next: 'stop' };
    }
    if (end.reason === 'streamEnd') {
      const wait = backoff.next('waitingForLive');
      return {
        next: 'retry',
        wait,
        status: {
          state: 'ended',
          detail: `stream ended; checking for a new live in ${seconds(wait)}`,
        },
      };
    }
    const wait = backoff.next('transient');
    const why = end.detail ? ` (${end.detail})` : '';
    return {
      next: 'retry',
      wait,
      status: {
        state: 'connecting',
        detail: `connection lost${why}; reconnecting in ${seconds(wait)}`,
      },
    };
  }

  /** A stream start per room id: a reconnect to the same room is not a new stream. */
  function announceStream(session: ConnectorSession, sink: SourceSink) {
    if (!session.roomId || announcedRooms.has(session.roomId)) return;
    announcedRooms.add(session.roomId);
    const event = parseLiveEvent({
      kind: 'streamStart',
      id: `connector-room-${session.roomId}`,
      source: 'connector',
      at: clock.now(),
      host: handle.slice(1),
      title: session.title,
    });
    if (event.ok) sink.emit(event.value);
  }

  function afterFailure(error: unknown, sink: SourceSink): Cycle {
    const failure =
      error instanceof ConnectorFailure
        ? error
        : new ConnectorFailure('unknown', error instanceof Error ? error.message : String(error));
    switch (failure.kind) {
      case 'notLive': {
        const wait = backoff.next('waitingForLive');
        return retry(wait, 'waiting', `${handle} is not live; checking again in ${seconds(wait)}`);
      }
      case 'rateLimited': {
        const wait = backoff.next('rateLimited', failure.retryAfterMs);
        return retry(wait, 'rateLimited', `sign server rate limit; retrying in ${seconds(wait)}`);
      }
      case 'invalidApiKey':
      case 'invalidUser':
        // Retrying cannot fix a wrong key or handle: say so and stop this source.
        sink.status({
          state: 'error',
          detail: failure.kind === 'invalidApiKey' ? 'invalid API key' : `invalid user ${handle}`,
        });
        return { next: 'stop' };
      case 'signServer': {
        const wait = backoff.next('transient');
        return retry(wait, 'error', `sign-server error; retrying in ${seconds(wait)}`);
      }
      case 'unreachable': {
        const wait = backoff.next('transient');
        return retry(wait, 'offline', `cannot reach TikTok; retrying in ${seconds(wait)}`);
      }
      default: {
        const wait = backoff.next('transient');
        return retry(wait, 'error', `${failure.message}; retrying in ${seconds(wait)}`);
      }
    }
  }
}

/** How long the first messages of a session wait for the room's gift list, ms. */
const GIFT_LIST_WAIT_MS = 2_000;

/**
 * Learns gift pictures from the session's gift list. Waits at most `GIFT_LIST_WAIT_MS`; a list
 * that arrives later is still learned, and one that fails changes nothing.
 */
async function learnGiftPictures(session: ConnectorSession, book: GiftPictureBook): Promise<void> {
  if (!session.giftList) return;
  const learned = session.giftList().then(
    (raw) => book.learn(readGiftPictures(raw)),
    () => {},
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((done) => {
    timer = setTimeout(done, GIFT_LIST_WAIT_MS);
  });
  await Promise.race([learned, bound]);
  clearTimeout(timer);
}

const retry = (wait: number, state: SourceStatus['state'], detail: string): Cycle => ({
  next: 'retry',
  wait,
  status: { state, detail },
});

function untilEndOrAbort(ended: PromiseLike<SessionEnd>, signal: AbortSignal) {
  return new Promise<SessionEnd | 'aborted'>((resolve) => {
    if (signal.aborted) return resolve('aborted');
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    ended.then((end) => {
      signal.removeEventListener('abort', onAbort);
      resolve(end);
    });
  });
}
