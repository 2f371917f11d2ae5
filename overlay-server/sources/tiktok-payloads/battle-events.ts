/**
 * Link-mic battles: `linkMicBattle` (a battle opens or ends) and `linkMicArmies` (score
 * updates) → `battle` events. Battle points restate gifts (the gifts arrive as `gift` events):
 * they are never revenue.
 *
 * 2.3+:  `battleId`, `action`, `battleSettings {startTimeMs, duration, status}`, `anchorsInfo[]
 *        {key, value: {user: {userId, nickName, displayId, avatarThumb}}}`, `battleResult {id:
 *        {result, score}}`, `armies` (`[{key, value}]` in linkMicBattle, `{id: …}` in
 *        linkMicArmies) of `{hostscore, anchorIdStr}`, `triggerReason`.
 * 2.0–2.2: the same with `battleSetting`, `anchorInfo {id: …}`, `battleItems {id: {hostScore}}`
 *        and `battleStatus` for the trigger.
 * 1.x:   `battleUsers[]` (flattened users), `battleArmies[] {hostUserId, points}`, `battleStatus`;
 *        no battle id, so the hosts' ids stand in for one. 2.x `legacy` adds `battleUsers` to the
 *        2.x fields.
 */
import type { BattleSide } from '../../../shared/events/battle';
import type { UserInput } from '../../../shared/events/user';
import type { BodyResult, MapContext } from './context';
import { at, firstImageUrl, isObject, type Obj, optionalCount, optionalId } from './fields';
import { mapUser } from './user';

/** `LinkMicBattleBattleAction`: 4 opens a battle, 5 finishes it, 6 cuts it short. */
const OPEN = 4;
const ENDING_ACTIONS = [5, 6];
const OTHER_ACTIONS: Record<number, string> = {
  1: 'invite',
  2: 'reject',
  3: 'cancel',
  7: 'accept',
  8: 'quit apply',
  9: 'decline quit',
  10: 'decline off quit',
  11: 'leave link-mic',
};
/** `BattleSettingsBattleStatus`: 1 started; 2 finished, 3–4 the punishment after it. */
const STARTED = 1;
/** `LinkMicArmiesTriggerReason` 2: the battle ended. */
const BATTLE_END = 2;
/** `BattleResultResult`: 0 win (protobuf drops it: a result without a value is a win). */
const RESULTS = ['win', 'lose', 'draw'] as const;

type SideInput = Omit<BattleSide, 'host'> & { host: UserInput | null };

export function mapLinkMicBattle(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const action = optionalCount(data, 'action', where) ?? 0;
  const settings = isObject(data.battleSettings)
    ? data.battleSettings
    : isObject(data.battleSetting)
      ? data.battleSetting
      : {};
  const status = Number(settings.status ?? 0);
  const results = entriesOf(data.battleResult);
  const ended = ENDING_ACTIONS.includes(action) || status > STARTED || results.length > 0;
  const opened = action === OPEN || status === STARTED || action === 0;
  if (!ended && !opened) {
    return { skip: `linkMicBattle action ${OTHER_ACTIONS[action] ?? action}` };
  }
  const sides = new Sides(ctx.hostUserId);
  for (const [key, info] of entriesOf(data.anchorsInfo ?? data.anchorInfo)) {
    const user = isObject(info.user) ? info.user : {};
    sides.name(String(user.userId ?? key), battleHost(user, key));
  }
  if (Array.isArray(data.battleUsers)) {
    data.battleUsers.filter(isObject).forEach((raw, index) => {
      const user = mapUser(raw, at(where, `battleUsers.${index}`));
      sides.name(user.id, user);
    });
  }
  for (const [key, army] of entriesOf(data.armies))
    sides.score(armyHost(army, key), hostScore(army));
  for (const [key, result] of results) {
    const hostId = String(result.userId ?? key);
    sides.score(hostId, optionalCount(result, 'score', where) ?? null);
    sides.result(hostId, RESULTS[Number(result.result ?? 0)] ?? null);
  }
  const start = Number(settings.startTimeMs ?? 0);
  const duration = Number(settings.duration ?? 0);
  return sides.event(battleIdOf(data, sides), ended ? 'end' : 'start', {
    endsAt: start > 0 && duration > 0 ? start + duration * 1000 : null,
  });
}

export function mapLinkMicArmies(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const sides = new Sides(ctx.hostUserId);
  for (const [key, army] of entriesOf(data.armies ?? data.battleItems)) {
    sides.score(armyHost(army, key), hostScore(army));
  }
  if (Array.isArray(data.battleArmies)) {
    for (const group of data.battleArmies.filter(isObject)) {
      const hostId = optionalId(group, 'hostUserId', where);
      if (hostId) sides.add(hostId, optionalCount(group, 'points', where) ?? 0);
    }
  }
  if (sides.size === 0) return { skip: 'linkMicArmies without scores' };
  const trigger =
    optionalCount(data, 'triggerReason', where) ?? optionalCount(data, 'battleStatus', where);
  return sides.event(battleIdOf(data, sides), trigger === BATTLE_END ? 'end' : 'scores', {
    endsAt: null,
  });
}

/** TikTok's battle id; for 1.x payloads (none) the sides' host ids, sorted. */
function battleIdOf(data: Obj, sides: Sides): string {
  const own = data.battleId;
  if (
    (typeof own === 'string' && /^\d+$/.test(own) && own !== '0') ||
    (typeof own === 'number' && own > 0)
  ) {
    return String(own);
  }
  return `hosts:${sides.hostIds().sort().join('-')}`;
}

/** A map's entries: 2.x maps are objects keyed by id; 2.3+ linkMicBattle uses `[{key, value}]`. */
function entriesOf(raw: unknown): Array<[string, Obj]> {
  if (Array.isArray(raw)) {
    return raw
      .filter(isObject)
      .map((item): [string, unknown] => [String(item.key ?? ''), item.value])
      .filter((entry): entry is [string, Obj] => isObject(entry[1]));
  }
  if (!isObject(raw)) return [];
  return Object.entries(raw).filter((entry): entry is [string, Obj] => isObject(entry[1]));
}

const armyHost = (army: Obj, key: string) => String(army.anchorIdStr || key);

function hostScore(army: Obj): number {
  const score = Number(army.hostscore ?? army.hostScore ?? 0);
  return Number.isSafeInteger(score) && score >= 0 ? score : 0;
}

/** A battle's `BattleBaseUserInfo` (`userId`, `nickName`, `displayId`, `avatarThumb`). */
function battleHost(user: Obj, key: string): UserInput {
  const id = String(user.userId ?? key);
  const handle = typeof user.displayId === 'string' && user.displayId ? user.displayId : id;
  const nickname = typeof user.nickName === 'string' && user.nickName ? user.nickName : handle;
  return { id, handle, nickname, avatarUrl: firstImageUrl(user.avatarThumb) };
}

/** The sides of one battle message, by host id, in the order they appear; the streamer's first. */
class Sides {
  private readonly byHost = new Map<string, SideInput>();
  constructor(private readonly streamerId: string) {}

  get size(): number {
    return this.byHost.size;
  }

  hostIds(): string[] {
    return [...this.byHost.keys()];
  }

  private side(hostId: string): SideInput {
    let side = this.byHost.get(hostId);
    if (!side) {
      side = { hostId, host: null, score: null, result: null };
      this.byHost.set(hostId, side);
    }
    return side;
  }

  name(hostId: string, host: UserInput): void {
    if (hostId && hostId !== '0') this.side(hostId).host = host;
  }

  score(hostId: string, score: number | null): void {
    if (hostId && hostId !== '0' && score !== null) this.side(hostId).score = score;
  }

  /** 1.x lists a host's points per supporter group: they add up. */
  add(hostId: string, points: number): void {
    const side = this.side(hostId);
    side.score = (side.score ?? 0) + points;
  }

  result(hostId: string, result: SideInput['result']): void {
    if (hostId && hostId !== '0') this.side(hostId).result = result;
  }

  event(battleId: string, phase: 'start' | 'scores' | 'end', extra: { endsAt: number | null }) {
    const sides = [...this.byHost.values()].sort(
      (a, b) => Number(b.hostId === this.streamerId) - Number(a.hostId === this.streamerId),
    );
    if (sides.length === 0) return { skip: `linkMicBattle without sides` };
    return {
      body: {
        kind: 'battle' as const,
        battleId,
        phase,
        sides,
        winnerHostId: phase === 'end' ? winnerOf(sides) : null,
        endsAt: extra.endsAt,
      },
    };
  }
}

/** The side TikTok says won; else, at the end, the one strictly ahead on points. */
function winnerOf(sides: SideInput[]): string | null {
  const declared = sides.find((side) => side.result === 'win');
  if (declared) return declared.hostId;
  if (sides.some((side) => side.result !== null)) return null;
  const ranked = [...sides].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const [first, second] = ranked;
  if (!first || first.score === null) return null;
  return !second || (first.score ?? 0) > (second.score ?? 0) ? first.hostId : null;
}
