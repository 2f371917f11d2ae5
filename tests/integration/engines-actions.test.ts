/**
 * Action rules through the real server: stored in the config folder and carried to the next
 * stream and across a restart, the queue rebuilt from the journal alone, the rules kept off
 * overlays, outcomes reported by the server only, and imports refused whole with a code per
 * mistake.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRoleTokens } from '../../overlay-server/auth/tokens';
import { snapshotPath } from '../../overlay-server/journal/snapshots';
import { journalPathFor } from '../../overlay-server/journal/streams-dir';
import type { ActionRule } from '../../shared/protocol/actions/rule-schema';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { script, viewer } from './support/events';
import { request } from './support/relay-app';

let room: EngineRoom | null = null;
let dataDir = '';
afterEach(async () => {
  await room?.stop();
  room = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

/** A minute-long text on the overlay: long enough to still run across the restart. */
const WELCOME_RULE = {
  name: 'Welcome text',
  trigger: { kind: 'follow' },
  cooldown: { perUserSeconds: 600, globalSeconds: 0 },
  actions: [{ kind: 'text', text: 'Welcome {nickname}!', seconds: 60 }],
} as const;

describe('actions through the server', () => {
  it('stores rules, rebuilds the queue from the journal after a restart, and starts the next stream with them', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'limelight-actions-'));
    const tokens = newRoleTokens();
    const first = await startEngineRoom({ dataDir, tokens });
    room = first;
    const rule = dataOf(
      await first.command<ActionRule>(first.owner, {
        type: 'actions.saveRule',
        rule: WELCOME_RULE,
      }),
    );
    const stored = JSON.parse(readFileSync(join(dataDir, 'actions.json'), 'utf8'));
    expect(stored).toMatchObject({ version: 1, rules: [{ id: rule.id, name: 'Welcome text' }] });

    const s = script(Date.now());
    await first.push(s.follow(viewer('ana')), s.follow(viewer('bo')));
    const before = await first.owner.stateWhere(
      'actions',
      (state) => state.queue.length === 1 && state.running.length === 1,
      'one text running, one waiting',
    );
    const streamId = first.relay.app.relay.currentStreamId ?? '';
    await first.stop();
    room = null;
    // No snapshot: the restart replays the journal from its first line.
    const journal = journalPathFor(dataDir, streamId) ?? '';
    unlinkSync(snapshotPath(journal));

    const second = await startEngineRoom({ dataDir, tokens });
    room = second;
    expect(second.relay.app.relay.currentStreamId).toBe(streamId);
    const after = second.owner.latest('actions');
    expect(after?.queue).toEqual(before.queue);
    expect(after?.running).toEqual(before.running);
    // The per-user cooldown held through the restart.
    await second.push(s.follow(viewer('ana')));
    const skipped = await second.owner.stateWhere(
      'actions',
      (state) => state.history.some((r) => r.outcome === 'skipped'),
      'the cooldown skip',
    );
    expect(skipped.history.at(-1)?.reason).toMatch(/^cooldown: @ana can fire it again in \d+ s$/);

    dataOf(await second.command(second.owner, { type: 'stream.end' }));
    await second.push(script(Date.now()).chat(viewer('cy'), 'a new stream'));
    const nextStream = second.relay.app.relay.currentStreamId;
    expect(nextStream).not.toBe(streamId);
    const rules = await second.owner.stateWhere(
      'actionRules',
      (state) => state.rules.length === 1,
      'the stored rule in the new stream',
    );
    expect(rules.rules[0]).toMatchObject({ id: rule.id, name: 'Welcome text' });
    const firstLine = readFileSync(journalPathFor(dataDir, nextStream ?? '') ?? '', 'utf8').split(
      '\n',
    )[0];
    expect(JSON.parse(firstLine ?? '{}')).toMatchObject({
      type: 'streamStart',
      actions: { rules: [{ id: rule.id }] },
    });
  });

  it('keeps rules off overlays, and takes outcomes from the server only', async () => {
    room = await startEngineRoom();
    const overlay = await room.overlay(['actions']);
    const refused = await room.command(room.owner, {
      type: 'actions.outcome',
      runId: 'run-1',
      ok: false,
      reason: 'forged',
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(overlay.socket, 'subscribe', ['actionRules'])).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    dataOf(await room.command(room.owner, { type: 'actions.saveRule', rule: WELCOME_RULE }));
    await room.owner.stateWhere('actionRules', (state) => state.rules.length === 1, 'the rule');
    expect(overlay.everything()).not.toContain('Welcome text');
  });

  it('imports a large rule set in one command, and refuses a bad one whole with each code', async () => {
    room = await startEngineRoom();
    const rules = Array.from({ length: 100 }, (_, index) => ({
      id: `imported-${index}`,
      name: `Rule ${index} ${'·'.repeat(40)}`,
      trigger: { kind: 'command', command: `!cmd${index}`, allowed: 'followers' },
      actions: [
        { kind: 'text', text: `{nickname} used !cmd${index} ${'~'.repeat(100)}`, seconds: 5 },
      ],
    }));
    expect(JSON.stringify(rules).length).toBeGreaterThan(16 * 1024);
    dataOf(await room.command(room.owner, { type: 'actions.importRules', rules, mode: 'replace' }));
    const bad = [
      rules[0],
      { ...rules[1], trigger: { kind: 'command', command: 'no-bang' } },
      { name: '' },
    ];
    const refused = await room.command(room.owner, {
      type: 'actions.importRules',
      rules: bad,
      mode: 'replace',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('BAD_PAYLOAD');
      expect(refused.message).toContain('COMMAND_INVALID at rules.1.trigger.command');
      expect(refused.message).toContain('NAME_INVALID at rules.2.name');
      expect(refused.message).toContain('ACTIONS_EMPTY at rules.2.actions');
    }
    const kept = await room.owner.stateWhere(
      'actionRules',
      (state) => state.rules.length === 100,
      'the set',
    );
    expect(kept.rules[1]?.trigger).toEqual({
      kind: 'command',
      command: '!cmd1',
      allowed: 'followers',
    });
    expect(existsSync(join(room.relay.dataDir, 'actions.json'))).toBe(true);
  });
});
