/**
 * The server's link to OBS over obs-websocket 5 (`obs-websocket-js`, JSON encoding). It
 * connects when the owner switched it on, keeps what OBS has (scenes, inputs) for the panel to
 * check rules against, and reconnects with backoff when OBS is closed or restarted. A refused
 * password is a state of its own: retrying it would not help, so it waits for the owner.
 *
 * The password is handed to the client library for the authentication hash and to nothing else.
 */
import {
  EventSubscription,
  type OBSRequestTypes,
  type OBSResponseTypes,
  OBSWebSocket,
} from 'obs-websocket-js/json';
import type { ObsState } from '../../shared/protocol/actions/actions-data';
import type { Logger } from '../log';
import { type BackoffOptions, createBackoff } from '../sources/connector/backoff';
import type { ObsSettings } from './obs-settings';

/** obs-websocket's close codes (its protocol's WebSocketCloseCode). */
const AUTHENTICATION_FAILED = 4009;
const SESSION_INVALIDATED = 4011;

/** How long a connect or a request may take before OBS counts as not answering, ms. */
const CONNECT_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 5_000;

/** OBS refused a request or could not be asked; `code` is obs-websocket's request status. */
export class ObsRequestError extends Error {
  constructor(
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

export interface ObsLinkOptions {
  settings: ObsSettings;
  log: Logger;
  onState: (state: ObsState) => void;
  backoff?: BackoffOptions;
  wall?: () => number;
}

const withTimeout = <T>(work: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ObsRequestError(null, `${what}: OBS did not answer`)),
      ms,
    );
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

export class ObsLink {
  private settings: ObsSettings;
  private readonly log: Logger;
  private readonly onState: (state: ObsState) => void;
  private readonly backoff;
  private readonly wall: () => number;
  private socket: OBSWebSocket | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Bumped on every (re)configure, so a late answer of an old attempt changes nothing. */
  private generation = 0;
  private closed = false;
  private current: ObsState;

  constructor(options: ObsLinkOptions) {
    this.settings = { ...options.settings };
    this.log = options.log;
    this.onState = options.onState;
    this.backoff = createBackoff({ baseMs: 1_000, maxMs: 60_000, ...options.backoff });
    this.wall = options.wall ?? Date.now;
    this.current = this.stateWith({ status: 'off' });
  }

  state(): ObsState {
    return this.current;
  }

  /** Connects when the settings say so; call once at start. */
  start(): void {
    this.restart();
  }

  /** New settings from the owner: stored by the caller, applied here at once. */
  configure(settings: ObsSettings): void {
    this.settings = { ...settings };
    this.backoff.reset();
    this.restart();
  }

  /** The owner or a moderator asks to try now (OBS was just started). */
  reconnect(): void {
    this.backoff.reset();
    this.restart();
  }

  async call<T extends keyof OBSRequestTypes>(
    type: T,
    data: OBSRequestTypes[T],
  ): Promise<OBSResponseTypes[T]> {
    const socket = this.socket;
    if (!socket || this.current.status !== 'connected') {
      throw new ObsRequestError(null, `OBS is not connected (${this.current.status})`);
    }
    try {
      return await withTimeout(socket.call(type, data), REQUEST_TIMEOUT_MS, type);
    } catch (error) {
      if (error instanceof ObsRequestError) throw error;
      const code =
        typeof (error as { code?: unknown }).code === 'number'
          ? (error as { code: number }).code
          : null;
      throw new ObsRequestError(code, (error as Error).message || `${type} failed`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation += 1;
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    await socket?.disconnect().catch(() => {});
  }

  private restart(): void {
    this.generation += 1;
    this.clearRetry();
    const old = this.socket;
    this.socket = null;
    void old?.disconnect().catch(() => {});
    const { enabled, address } = this.settings;
    if (!enabled || !address || this.closed) {
      this.publish({ status: 'off', detail: enabled ? 'no OBS address set' : null });
      return;
    }
    void this.connect(this.generation, address);
  }

  private async connect(generation: number, address: string): Promise<void> {
    this.publish({ status: 'connecting' });
    const socket = new OBSWebSocket();
    this.socket = socket;
    try {
      await withTimeout(
        socket.connect(address, this.settings.password ?? undefined, {
          rpcVersion: 1,
          eventSubscriptions: EventSubscription.Scenes | EventSubscription.Inputs,
        }),
        CONNECT_TIMEOUT_MS,
        'connect',
      );
    } catch (error) {
      if (generation !== this.generation) return;
      this.socket = null;
      void socket.disconnect().catch(() => {});
      this.failed(error);
      return;
    }
    if (generation !== this.generation) {
      void socket.disconnect().catch(() => {});
      return;
    }
    this.backoff.reset();
    socket.on('ConnectionClosed', (error) => {
      if (generation !== this.generation) return;
      this.socket = null;
      this.failed(error);
    });
    const refresh = () => void this.readInventory(generation);
    for (const event of [
      'SceneCreated',
      'SceneRemoved',
      'SceneNameChanged',
      'InputCreated',
      'InputRemoved',
      'InputNameChanged',
    ] as const) {
      socket.on(event, refresh);
    }
    this.publish({ status: 'connected' });
    this.log.info('connected to OBS', { address });
    await this.readInventory(generation);
  }

  /** What OBS has, for the panel's rule checks. A failure here leaves the link up. */
  private async readInventory(generation: number): Promise<void> {
    try {
      const scenes = await this.call('GetSceneList', {});
      const inputs = await this.call('GetInputList', {});
      if (generation !== this.generation) return;
      this.publish({
        status: 'connected',
        scenes: scenes.scenes.map((scene) => String(scene.sceneName)).reverse(),
        inputs: inputs.inputs.map((input) => String(input.inputName)),
      });
    } catch (error) {
      this.log.warn('could not read the scenes and sources of OBS', { error: String(error) });
    }
  }

  private failed(error: unknown): void {
    const code = (error as { code?: unknown })?.code;
    const reason = (error as Error)?.message || 'connection failed';
    if (code === AUTHENTICATION_FAILED) {
      this.publish({ status: 'refused', detail: 'OBS refused the password' });
      this.log.warn('OBS refused the password', { address: this.settings.address });
      return;
    }
    if (code === SESSION_INVALIDATED) {
      // OBS's "Kick" button: its protocol asks clients not to reconnect on their own.
      this.publish({ status: 'refused', detail: 'OBS ended the session (kicked)' });
      return;
    }
    const wait = this.backoff.next('transient');
    this.publish({
      status: 'unreachable',
      detail: `OBS did not answer at ${this.settings.address}: ${reason}`,
      retryAt: this.wall() + wait,
    });
    this.log.warn('OBS unreachable', { address: this.settings.address, reason, retryInMs: wait });
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (generation === this.generation && this.settings.address) {
        void this.connect(generation, this.settings.address);
      }
    }, wait);
    this.retryTimer.unref();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private stateWith(change: Partial<ObsState> & { status: ObsState['status'] }): ObsState {
    const connected = change.status === 'connected';
    return {
      enabled: this.settings.enabled,
      address: this.settings.address,
      passwordSet: this.settings.password !== null && this.settings.password !== '',
      detail: null,
      retryAt: null,
      scenes: connected ? (change.scenes ?? this.current?.scenes ?? []) : [],
      inputs: connected ? (change.inputs ?? this.current?.inputs ?? []) : [],
      ...change,
    };
  }

  private publish(change: Partial<ObsState> & { status: ObsState['status'] }): void {
    this.current = this.stateWith(change);
    this.onState(this.current);
  }
}
