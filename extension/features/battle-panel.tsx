/**
 * The Live view's battle: the running link-mic battle's sides with their points as they arrive
 * (the streamer's side first), its result once it ends, and this stream's earlier battles.
 * Battle points restate gifts already in the coins above: they are shown, never added.
 */
import type { BattleSideView, BattleView } from '../../shared/protocol/channel-data';
import { usePanel } from '../ui/context';
import { formatCount } from '../ui/format';

const sideName = (side: BattleSideView) =>
  side.host ? `${side.host.nickname || side.host.handle}` : side.streamer ? 'You' : 'Opponent';

/** "You won", "Draw", "@rival won", "No result", or "Live". */
export function battleOutcome(battle: BattleView): string {
  if (battle.status === 'running') return 'Live';
  if (battle.status === 'unfinished') return 'No result';
  if (battle.draw) return 'Draw';
  const winner = battle.sides.find((side) => side.hostId === battle.winnerHostId);
  if (!winner) return 'No result';
  return winner.streamer ? 'You won' : `${sideName(winner)} won`;
}

function Sides({ battle }: { battle: BattleView }) {
  const top = Math.max(1, ...battle.sides.map((side) => side.score));
  return (
    <ol class="battle-sides">
      {battle.sides.map((side) => (
        <li
          key={side.hostId}
          data-testid="battle-side"
          data-host={side.hostId}
          data-score={side.score}
          data-result={side.result ?? ''}
          class={side.result === 'win' ? 'winner' : undefined}
        >
          <span class="nickname">{sideName(side)}</span>
          {side.streamer && <span class="caption"> (you)</span>}
          {side.host && <span class="handle"> @{side.host.handle}</span>}{' '}
          <progress max={top} value={side.score} />
          <span>{formatCount(side.score)}</span>
        </li>
      ))}
    </ol>
  );
}

export function BattlePanel() {
  const { live } = usePanel();
  const state = live.battle.value;
  const current = state?.current ?? null;
  const earlier = (state?.recent ?? []).filter((battle) => battle.id !== current?.id);
  if (!current && earlier.length === 0) {
    return <p data-testid="battle-none">No battle this stream yet.</p>;
  }
  return (
    <div class="battle">
      {current && (
        <div data-testid="battle-current" data-status={current.status} data-battle={current.id}>
          <p class="battle-outcome" data-testid="battle-outcome">
            {battleOutcome(current)}
            {current.sides.length > 2 && ` · ${current.sides.length} sides`}
          </p>
          <Sides battle={current} />
        </div>
      )}
      {earlier.length > 0 && (
        <ul class="battle-recent" data-testid="battle-recent">
          {earlier.map((battle) => (
            <li key={battle.id}>
              {battleOutcome(battle)}:{' '}
              {battle.sides
                .map((side) => `${sideName(side)} ${formatCount(side.score)}`)
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <p class="caption">Battle points restate gifts already counted in the coins above.</p>
    </div>
  );
}
