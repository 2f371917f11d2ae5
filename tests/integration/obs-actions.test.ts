/**
 * Actions that control OBS, against a small obs-websocket 5 server written for the tests
 * (tests/support/fake-obs.ts): the real server, real Socket.IO panels, the real client library.
 * Checks the exact requests of a scene switch, a timed source toggle and a text source set, a
 * refused password, OBS unreachable and back, a missing scene, and that the password never
 * leaves the server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../overlay-server/log';
import type { ObsState } from '../../shared/protocol/actions/actions-data';
import type { Channel, StateSnapshot, UpdateBatch } from '../../shared/protocol/channels';
import { type FakeObs, startFakeObs } from '../support/fake-obs';
import { type RunningRelay, request, startRelay, type Watcher } from './support/relay-app';

const PASSWORD = 'obs-Secret-4455';
const SCENES = { Main: { Camera: 3, Confetti: 7 }, Stage: {}, BRB: {} };

let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function fakeObs(password: string | null = PASSWORD, port?: number): Promise<FakeObs> {
  const obs = await startFakeObs({ password, scenes: SCENES, inputs: ['Title', 'Camera'], port });
  stops.push(() => obs.stop());
  return obs;
}

/** `retryMs`: the OBS link's first wait between attempts (quick by default). */
async function relay(retryMs = 50): Promise<RunningRelay> {
  const running = await startRelay({ obsBackoff: { baseMs: retryMs, maxMs: retryMs * 4 } });
  stops.push(() => running.stop());
  return running;
}

/** The latest state of a channel in what a watcher received. */
function latest<T>(watcher: Watcher, channel: Channel): T | undefined {
  return states<T>(watcher, channel).at(-1);
}

/** Every state of a channel a watcher received, in order (snapshots and `.state` updates). */
function states<T>(watcher: Watcher, channel: Channel): T[] {
  const found: T[] = [];
  for (const arrival of watcher.arrivals) {
    if ('channels' in arrival) {
      const snapshot = arrival as StateSnapshot;
      if (channel in snapshot.channels) found.push(snapshot.channels[channel] as T);
    } else {
      for (const update of (arrival as UpdateBatch).updates) {
        if (update.channel === channel && update.type === `${channel}.state`) {
          found.push(update.data as T);
        }
      }
    }
  }
  return found;
}

async function ownerPanel(app: RunningRelay) {
  const { socket, watcher } = await app.watch('/control', 'owner');
  await watcher.until(() => watcher.snapshots.length > 0, 'the first snapshot');
  const command = async (payload: Record<string, unknown>) => {
    const ack = await request(socket, 'command', payload);
    if (!ack.ok) throw new Error(`${String(payload.type)}: ${ack.code} ${ack.message}`);
    return ack.data;
  };
  const obsIs = (status: ObsState['status']) =>
    watcher.until(
      () => latest<ObsState>(watcher, 'obs')?.status === status,
      `OBS ${status}`,
      10_000,
    );
  return { socket, watcher, command, obsIs };
}

const RULE = {
  name: 'Galaxy show',
  trigger: { kind: 'gift', gift: 'Galaxy' },
  actions: [
    { kind: 'obsScene', scene: 'Stage' },
    { kind: 'obsSource', scene: 'Main', source: 'Confetti', seconds: 1 },
    { kind: 'obsText', source: 'Title', text: 'Thanks {nickname}!' },
  ],
};

describe('OBS actions (obs-websocket 5)', () => {
  it('sends the exact requests of a scene switch, a timed source toggle and a text set', async () => {
    const obs = await fakeObs();
    const app = await relay();
    const panel = await ownerPanel(app);
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: obs.url,
      password: PASSWORD,
    });
    await panel.obsIs('connected');
    await panel.watcher.until(
      () => (latest<ObsState>(panel.watcher, 'obs')?.scenes.length ?? 0) > 0,
      'the scene list',
    );
    expect(latest<ObsState>(panel.watcher, 'obs')).toMatchObject({
      scenes: ['Main', 'Stage', 'BRB'],
      inputs: ['Title', 'Camera'],
      passwordSet: true,
    });
    const inventory = obs.requests.length;

    const rule = (await panel.command({ type: 'actions.saveRule', rule: RULE })) as { id: string };
    await panel.command({ type: 'actions.simulate', ruleId: rule.id });
    await vi.waitFor(() => expect(obs.requests.length - inventory).toBe(5), { timeout: 10_000 });

    const sent = obs.requests.slice(inventory);
    expect(sent.map(({ requestType, requestData }) => ({ requestType, requestData }))).toEqual([
      { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'Stage' } },
      { requestType: 'GetSceneItemId', requestData: { sceneName: 'Main', sourceName: 'Confetti' } },
      {
        requestType: 'SetSceneItemEnabled',
        requestData: { sceneName: 'Main', sceneItemId: 7, sceneItemEnabled: true },
      },
      {
        requestType: 'SetSceneItemEnabled',
        requestData: { sceneName: 'Main', sceneItemId: 7, sceneItemEnabled: false },
      },
      {
        requestType: 'SetInputSettings',
        requestData: { inputName: 'Title', inputSettings: { text: 'Thanks Sample Viewer!' } },
      },
    ]);
    // Shown for the rule's one second of stream time, then hidden.
    const shownFor = (sent[3]?.at ?? 0) - (sent[2]?.at ?? 0);
    expect(shownFor).toBeGreaterThanOrEqual(950);
    expect(shownFor).toBeLessThan(3_000);
    expect(obs.refused).toBe(0);
  });

  it('refuses a wrong password, shows it in the panel and in /health, and takes the right one', async () => {
    const obs = await fakeObs();
    const app = await relay();
    const panel = await ownerPanel(app);
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: obs.url,
      password: 'wrong',
    });
    await panel.obsIs('refused');
    expect(latest<ObsState>(panel.watcher, 'obs')).toMatchObject({
      detail: 'OBS refused the password',
      retryAt: null,
      scenes: [],
    });
    expect(obs.refused).toBe(1);
    const health = (await (await fetch(`${app.baseUrl}/health`)).json()) as { obs: unknown };
    expect(health.obs).toEqual({
      status: 'refused',
      detail: 'OBS refused the password',
      retryAt: null,
    });

    // Setting the address again without a password keeps the stored (wrong) one.
    await panel.command({ type: 'obs.configure', enabled: true, address: obs.url });
    await panel.obsIs('refused');
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: obs.url,
      password: PASSWORD,
    });
    await panel.obsIs('connected');
    expect(obs.refused).toBe(2);
  });

  it('shows OBS unreachable with its next attempt in the panel and /health; Reconnect tries now', async () => {
    const port = await freePort();
    // A minute between attempts: the state stays put while the test reads it.
    const app = await relay(60_000);
    const panel = await ownerPanel(app);
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: `ws://127.0.0.1:${port}`,
      password: PASSWORD,
    });
    await panel.obsIs('unreachable');
    const state = latest<ObsState>(panel.watcher, 'obs');
    expect(state?.detail).toContain(`OBS did not answer at ws://127.0.0.1:${port}`);
    expect(state?.retryAt).toBeGreaterThan(Date.now() + 20_000);
    const health = (await (await fetch(`${app.baseUrl}/health`)).json()) as {
      obs: { status: string; retryAt: number };
    };
    expect(health.obs).toMatchObject({ status: 'unreachable', retryAt: state?.retryAt });

    await fakeObs(PASSWORD, port);
    await panel.command({ type: 'obs.reconnect' });
    await panel.obsIs('connected');
    expect(((await (await fetch(`${app.baseUrl}/health`)).json()) as { obs: unknown }).obs).toEqual(
      {
        status: 'connected',
        detail: null,
        retryAt: null,
      },
    );
  });

  it('reconnects by itself with backoff once OBS is started', async () => {
    const port = await freePort();
    const app = await relay(50);
    const panel = await ownerPanel(app);
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: `ws://127.0.0.1:${port}`,
      password: PASSWORD,
    });
    await panel.obsIs('unreachable');
    const obs = await fakeObs(PASSWORD, port);
    await panel.obsIs('connected');
    expect(obs.identified).toBeGreaterThanOrEqual(1);
  });

  it('reports a missing scene on the run, in the audit log, and the next rule still runs', async () => {
    const obs = await fakeObs();
    const app = await relay();
    const panel = await ownerPanel(app);
    await panel.command({
      type: 'obs.configure',
      enabled: true,
      address: obs.url,
      password: PASSWORD,
    });
    await panel.obsIs('connected');
    const missing = (await panel.command({
      type: 'actions.saveRule',
      rule: {
        name: 'Lost scene',
        trigger: { kind: 'follow' },
        actions: [{ kind: 'obsScene', scene: 'Nope' }],
      },
    })) as { id: string };
    const good = (await panel.command({
      type: 'actions.saveRule',
      rule: {
        name: 'BRB',
        trigger: { kind: 'share' },
        actions: [{ kind: 'obsScene', scene: 'BRB' }],
      },
    })) as { id: string };
    await panel.command({ type: 'actions.simulate', ruleId: missing.id });
    await panel.command({ type: 'actions.simulate', ruleId: good.id });
    type History = { history: Array<{ ruleName: string; outcome: string; reason: string | null }> };
    await panel.watcher.until(
      () =>
        latest<History>(panel.watcher, 'actions')?.history.some((r) => r.outcome === 'failed') ??
        false,
      'the failure on the run',
    );
    expect(latest<History>(panel.watcher, 'actions')?.history).toEqual([
      expect.objectContaining({
        ruleName: 'Lost scene',
        outcome: 'failed',
        reason: 'OBS has no scene "Nope"',
      }),
      expect.objectContaining({ ruleName: 'BRB', outcome: 'done', reason: null }),
    ]);
    await vi.waitFor(() =>
      expect(obs.requests.map((r) => r.requestData?.sceneName)).toEqual(
        expect.arrayContaining(['Nope', 'BRB']),
      ),
    );
    type Audit = { audit: Array<{ action: string; detail: string }> };
    await panel.watcher.until(
      () =>
        latest<Audit>(panel.watcher, 'moderation')?.audit.some(
          (a) => a.action === 'actions.failed',
        ) ?? false,
      'the audit line',
    );
    expect(
      latest<Audit>(panel.watcher, 'moderation')?.audit.map((a) => `${a.action}: ${a.detail}`),
    ).toEqual(
      expect.arrayContaining([
        'actions.run: Lost scene: OBS scene "Nope" for Sample Viewer',
        'actions.failed: Lost scene: OBS has no scene "Nope"',
        'actions.run: BRB: OBS scene "BRB" for Sample Viewer',
      ]),
    );
  });
});

describe('the OBS password', () => {
  it('is never logged, journaled, sent to moderators or overlays, and only the owner sets it', async () => {
    const obs = await fakeObs();
    const lines: string[] = [];
    const running = await startRelay({
      obsBackoff: { baseMs: 50, maxMs: 200 },
      log: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    });
    stops.push(() => running.stop());
    const owner = await ownerPanel(running);
    const moderator = await running.watch('/control', 'moderator');
    const overlay = await running.watch('/overlay', 'overlay', { channels: ['actions', 'alerts'] });
    // Overlays may not watch the OBS link at all.
    expect(await request(overlay.socket, 'subscribe', ['obs'])).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });

    expect(
      await request(moderator.socket, 'command', {
        type: 'obs.configure',
        enabled: true,
        address: obs.url,
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const refused = await request(owner.socket, 'command', {
      type: 'obs.configure',
      enabled: true,
      address: 'http://not-obs',
      password: PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, code: 'BAD_PAYLOAD' });
    const configured = await request(owner.socket, 'command', {
      type: 'obs.configure',
      enabled: true,
      address: obs.url,
      password: PASSWORD,
    });
    expect(configured).toMatchObject({ ok: true, data: { passwordSet: true } });
    await owner.obsIs('connected');
    await moderator.watcher.until(
      () => latest<ObsState>(moderator.watcher, 'obs')?.status === 'connected',
      'the moderator sees OBS connected',
    );
    expect(latest<ObsState>(moderator.watcher, 'obs')).toMatchObject({
      passwordSet: true,
      address: obs.url,
    });
    // A rule and a run, so the journal has lines, then a clean stop flushes everything.
    await owner.command({
      type: 'actions.saveRule',
      rule: {
        name: 'Scene',
        trigger: { kind: 'follow' },
        actions: [{ kind: 'obsScene', scene: 'Stage' }],
      },
    });
    await running.app.close();

    const everything = [
      JSON.stringify(refused),
      JSON.stringify(configured),
      JSON.stringify(owner.watcher.arrivals),
      JSON.stringify(moderator.watcher.arrivals),
      JSON.stringify(overlay.watcher.arrivals),
      lines.join('\n'),
      ...filesUnder(running.dataDir)
        .filter((file) => !file.endsWith('obs.json'))
        .map((file) => readFileSync(file, 'utf8')),
    ].join('\n');
    expect(lines.some((line) => line.includes('OBS settings changed'))).toBe(true);
    expect(everything).not.toContain(PASSWORD);
    const settingsFile = join(running.dataDir, 'obs.json');
    expect(readFileSync(settingsFile, 'utf8')).toContain(PASSWORD);
    expect(statSync(settingsFile).mode & 0o777).toBe(0o600);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A port nothing listens on (taken and released), for an OBS that is not running yet. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
