/**
 * Room payloads: `roomUser` (viewer count, top viewers), `envelope` / `superFanBox` (chests),
 * `liveIntro` and `streamEnd`. Each reads every shape (see shape.ts) and names the field it
 * fails on.
 */
import type { TopViewer } from '../../../shared/events/room';
import type { UserInput } from '../../../shared/events/user';
import { type BodyResult, type MapContext, optionalUserIn, userIn } from './context';
import {
  at,
  cutText,
  fail,
  firstImageUrl,
  isObject,
  optionalCount,
  optionalId,
  optionalObject,
  optionalString,
} from './fields';
import { hasFlatUser } from './flat-user';

type TopViewerInput = Omit<TopViewer, 'user' | 'rank'> & { user: UserInput; rank: number | null };

/**
 * `roomUser`: the viewer count (2.0–2.2 and 1.x `viewerCount`, 2.3+ `total`), everyone who
 * watched so far (`totalUser`), and the top viewers with their coins (2.0–2.2 `ranksList[]
 * {coinCount, user, rank}`, 2.3+ `ranks[] {score, user, rank}`, flattened `topViewers[] {user,
 * coinCount}`).
 */
export function mapRoomUser(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const count =
    optionalCount(data, 'viewerCount', where) ??
    optionalCount(data, 'total', where) ??
    fail(at(where, 'total'), 'missing (neither viewerCount nor total)');
  const listKey = ['ranks', 'ranksList', 'topViewers'].find((key) => Array.isArray(data[key]));
  const topViewers: TopViewerInput[] = [];
  const list = listKey ? (data[listKey] as unknown[]) : [];
  list.slice(0, 50).forEach((item, index) => {
    // A ranked slot without a user (an anonymous top viewer) has nobody to show.
    if (!isObject(item) || !isObject(item.user)) return;
    const path = at(where, `${listKey}.${index}`);
    // Flattened top viewers keep a `user` object (itself flattened); mapUser reads both.
    const user = userIn(ctx, item, path);
    const coins = optionalCount(item, 'coinCount', path) ?? optionalCount(item, 'score', path) ?? 0;
    const rank = optionalCount(item, 'rank', path);
    topViewers.push({ user, coins, rank: rank && rank > 0 ? rank : index + 1 });
  });
  return {
    body: {
      kind: 'viewers',
      count,
      totalViewers: optionalCount(data, 'totalUser', where) ?? null,
      topViewers,
    },
  };
}

/**
 * `envelope` (treasure chest) and `superFanBox`: coins handed to viewers, never gift revenue.
 * Nested and 2.x legacy: `envelopeInfo {sendUserId, sendUserName, diamondCount, peopleCount,
 * businessType}`; 1.x flattened: the sender's user attributes with `coins` and `canOpen`.
 */
export function mapEnvelope(ctx: MapContext, named?: 'superFanBox'): BodyResult {
  const { data, where } = ctx;
  const superFanBox =
    named === 'superFanBox' ||
    ctx.header.displayKey.includes('ttlive_superfanbox') ||
    // EnvelopeBusinessType 19 is TikTok's Super Fan box.
    (isObject(data.envelopeInfo) && Number(data.envelopeInfo.businessType) === 19);
  const box = superFanBox ? ('superFan' as const) : ('treasure' as const);
  const info = optionalObject(data, 'envelopeInfo', where);
  if (!info) {
    if (ctx.shape !== 'flat' || !hasFlatUser(data)) {
      return fail(at(where, 'envelopeInfo'), 'missing');
    }
    const coins = optionalCount(data, 'coins', where) ?? 0;
    const slots = optionalCount(data, 'canOpen', where) ?? 0;
    return { body: { kind: 'chest', user: userIn(ctx), coins, slots, box } };
  }
  const infoPath = at(where, 'envelopeInfo');
  const id =
    optionalId(info, 'sendUserId', infoPath) ?? fail(at(infoPath, 'sendUserId'), 'missing');
  const name = optionalString(info, 'sendUserName', infoPath) ?? id;
  return {
    body: {
      kind: 'chest',
      user: { id, handle: name, nickname: name, avatarUrl: firstImageUrl(info.sendUserAvatar) },
      coins: optionalCount(info, 'diamondCount', infoPath) ?? 0,
      slots: optionalCount(info, 'peopleCount', infoPath) ?? 0,
      box,
    },
  };
}

/**
 * `liveIntro`: the host's intro text. 2.0–2.2 `description` + `host`, 2.3+ `content` + `user`,
 * flattened (1.x, legacy) `description` / `content` with the host's attributes at the top.
 */
export function mapLiveIntro(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const text =
    optionalString(data, 'description', where) ??
    optionalString(data, 'content', where) ??
    fail(at(where, 'content'), 'missing (neither description nor content)');
  // 2.0–2.2 name the host `host`; the others `user` (flattened: the attributes at the top).
  const host = isObject(data.host) ? userIn(ctx, { user: data.host }, where) : optionalUserIn(ctx);
  return { body: { kind: 'liveIntro', host, text: cutText(text, 1000) } };
}

/** `streamEnd {action}`: 3 ended by the host, 4 suspended by TikTok. */
export function mapStreamEnd(ctx: MapContext): BodyResult {
  const action = optionalCount(ctx.data, 'action', ctx.where);
  return { body: { kind: 'streamEnd', reason: action === 4 ? 'banned' : 'ended' } };
}
