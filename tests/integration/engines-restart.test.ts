/**
 * A running poll and sponsor segment span a server restart: the stream resumes from its
 * journal, overlays that connect to the new server get the card and the counts at once, and
 * what happens after the restart adds to what happened before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRoleTokens } from '../../overlay-server/auth/tokens';
import type { SponsorSegmentReport } from '../../shared/engines';
import type { PollView, SponsorPlanView } from '../../shared/protocol/channel-data';
import { dataOf, type EngineRoom, startEngineRoom } from './support/engine-room';
import { script, viewer } from './support/events';

let room: EngineRoom | null = null;
let dataDir = '';
afterEach(async () => {
  await room?.stop();
  room = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('engines across a server restart', () => {
  it('keeps the running poll and sponsor segment, and counts on after the restart', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'limelight-engines-restart-'));
    const tokens = newRoleTokens();
    const first = await startEngineRoom({ dataDir, tokens });
    room = first;
    const plan = dataOf(
      await first.command<SponsorPlanView>(first.owner, {
        type: 'sponsor.plan',
        kind: 'productPlacement',
        brand: 'Nimbus',
        product: 'Nimbus Mouse',
        promoCode: 'CLOUD5',
        plannedSeconds: 300,
        dealValueUsd: 800,
      }),
    );
    dataOf(await first.command(first.moderator, { type: 'sponsor.start', planId: plan.id }));
    const poll = dataOf(
      await first.command<PollView>(first.moderator, {
        type: 'poll.start',
        question: 'Keep the mouse?',
        options: [{ label: 'Yes' }, { label: 'No' }],
      }),
    );
    const s = script(Date.now());
    await first.push(
      s.chat(viewer('ana'), '1'),
      s.chat(viewer('bo'), 'nimbus looks nice'),
      s.chat(viewer('cy'), '2'),
    );
    const streamId = first.relay.app.relay.currentStreamId;
    await first.stop();
    room = null;

    const second = await startEngineRoom({ dataDir, tokens });
    room = second;
    expect(second.relay.app.resumed?.streamId).toBe(streamId);
    const overlay = await second.overlay(['poll', 'sponsor']);
    const snapshot = overlay.watcher.snapshots[0];
    expect(snapshot?.streamId).toBe(streamId);
    expect(overlay.latest('sponsor')?.card).toMatchObject({ brand: 'Nimbus', state: 'running' });
    expect(overlay.latest('poll')?.current).toMatchObject({ id: poll.id, totalVoters: 2 });

    // Ana's vote was journaled: voting again after the restart still counts once.
    await second.push(
      s.chat(viewer('ana'), '2'),
      s.chat(viewer('dee'), '1'),
      s.chat(viewer('ed'), 'CLOUD5 applied'),
    );
    const after = await overlay.stateWhere(
      'poll',
      (st) => st.current?.totalVoters === 3,
      'the vote after the restart',
    );
    expect(after.current?.options.map((o) => o.votes)).toEqual([2, 1]);
    dataOf(await second.command(second.moderator, { type: 'sponsor.end' }));
    const report = await second.report();
    expect(report.streamId).toBe(streamId);
    expect(report.sponsorSegments[0] as SponsorSegmentReport).toMatchObject({
      planId: plan.id,
      status: 'ended',
      chatMessages: 6,
      mentions: 2,
      deal: { dealValueUsd: 800 },
    });
  });
});
