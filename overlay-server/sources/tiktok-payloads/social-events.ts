/**
 * Audience payloads: `like`, joins (`member`, entrance `barrage`, `superFanJoin`,
 * `unauthorizedMember`), `follow` / `share` / `social`, and memberships (`subNotify`, 1.x
 * `subscribe`, `superFan`). Follows and shares are told by any of TikTok's display key
 * (`common.displayText.key`, 2.0–2.2 `displayText.displayType`, flattened `displayType`) or the
 * social `action` (1 follow, 3 share, 4 repost); a social message that is none of them is
 * skipped with its action named, never dropped unsaid.
 */
import { type BodyResult, type MapContext, optionalUserIn, userIn } from './context';
import { at, cutText, fail, isObject, type Obj, optionalCount, optionalString } from './fields';

export function mapLike(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const count = optionalCount(data, 'likeCount', where) ?? optionalCount(data, 'count', where) ?? 0;
  const roomTotal =
    optionalCount(data, 'totalLikeCount', where) ?? optionalCount(data, 'total', where) ?? null;
  return { body: { kind: 'like', user: optionalUserIn(ctx), count, roomTotal } };
}

/** `member`: action 1 is a join (0 when protobuf dropped the default; 1.x calls it `actionId`). */
export function mapMember(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const action =
    optionalCount(data, 'action', where) ?? optionalCount(data, 'actionId', where) ?? 0;
  if (action > 1) return { skip: `member action ${action}` };
  return {
    body: {
      kind: 'join',
      user: userIn(ctx),
      via: 'member',
      memberCount: optionalCount(data, 'memberCount', where) ?? null,
    },
  };
}

type SocialKind = 'follow' | 'share' | 'repost';

/** Social `action` values: 1 follow, 3 share, 4 repost (a share to the viewer's own followers). */
const SOCIAL_ACTIONS: Record<string, SocialKind> = { '1': 'follow', '3': 'share', '4': 'repost' };

/** `follow`, `share` and `social`: the connector's name when it decided, else key or action. */
export function mapSocial(ctx: MapContext, named?: 'follow' | 'share'): BodyResult {
  const action = String(ctx.data.action ?? '');
  const key = ctx.header.displayKey;
  const byKey: SocialKind | undefined = key.includes('follow')
    ? 'follow'
    : key.includes('share')
      ? 'share'
      : undefined;
  let kind = named ?? byKey ?? SOCIAL_ACTIONS[action];
  if (kind === 'share' && SOCIAL_ACTIONS[action] === 'repost') kind = 'repost';
  if (!kind)
    return { skip: `social action ${action || 'missing'} (not a follow, share or repost)` };
  const { data, where } = ctx;
  if (kind === 'follow') {
    const followerCount = optionalCount(data, 'followCount', where) ?? null;
    return { body: { kind: 'follow', user: userIn(ctx), followerCount } };
  }
  const shareCount = optionalCount(data, 'shareCount', where) ?? null;
  return { body: { kind: 'share', user: userIn(ctx), via: kind, shareCount } };
}

/** `subNotify` (1.x: `subscribe`): a LIVE subscription; `subMonth` months. */
export function mapSubscription(ctx: MapContext): BodyResult {
  const months = optionalCount(ctx.data, 'subMonth', ctx.where);
  return {
    body: {
      kind: 'subscribe',
      user: userIn(ctx),
      plan: 'subscription',
      months: months && months > 0 ? months : null,
    },
  };
}

/** Barrage types (tiktok-live-proto `BarrageMessageBarrageType`) that announce a viewer coming in. */
const ENTRANCE_BARRAGES: Record<number, string> = {
  9: 'gifter level entrance',
  11: 'fan club entrance',
  15: 'entrance',
};

/**
 * `barrage` (and the `superFan` / `superFanJoin` the connector derives from it): a Super Fan
 * joining or becoming one (by display key), or the entrance banner TikTok shows for high-level
 * gifters instead of a member message. Other banners are skipped with their type.
 */
export function mapBarrage(ctx: MapContext, named?: 'superFan' | 'superFanJoin'): BodyResult {
  const keys = barrageKeys(ctx);
  const joined = keys.some((key) => key.includes('ttlive_superfan_commentnotif_superfanjoined'));
  if (named === 'superFanJoin' || (!named && joined)) return barrageJoin(ctx, 'superFan');
  if (named === 'superFan' || keys.some((key) => key.includes('ttlive_superfan'))) {
    return {
      body: { kind: 'subscribe', user: barrageUser(ctx), plan: 'superFan', months: null },
    };
  }
  const type = optionalCount(ctx.data, 'msgType', ctx.where) ?? 0;
  if (ENTRANCE_BARRAGES[type]) return barrageJoin(ctx, 'entrance');
  return { skip: `barrage type ${type} (not an entrance or Super Fan notice)` };
}

function barrageJoin(ctx: MapContext, via: 'superFan' | 'entrance'): BodyResult {
  return { body: { kind: 'join', user: barrageUser(ctx), via } };
}

/** Display keys of a barrage: its content and common-barrage texts, and the message's own. */
function barrageKeys(ctx: MapContext): string[] {
  const texts = [ctx.data.content, ctx.data.commonBarrageContent].filter(isObject);
  return [...texts.flatMap((text) => [text.key, text.displayType]), ctx.header.displayKey]
    .filter((key): key is string => typeof key === 'string' && key !== '')
    .map((key) => key.toLowerCase());
}

/** 2.3+ barrages carry `user`; 2.0–2.2 ones name the viewer only in a piece of their text. */
function barrageUser(ctx: MapContext) {
  const own = optionalUserIn(ctx);
  if (own) return own;
  for (const text of [ctx.data.content, ctx.data.commonBarrageContent].filter(isObject)) {
    const pieces = text.pieces ?? text.piecesList;
    for (const piece of Array.isArray(pieces) ? pieces.filter(isObject) : []) {
      const value: Obj = isObject(piece.userValue) ? piece.userValue : {};
      if (isObject(value.user)) return userIn(ctx, value, at(ctx.where, 'content.userValue'));
    }
  }
  return fail(at(ctx.where, 'user'), 'missing (neither user nor a user in the banner text)');
}

/** `unauthorizedMember`: a viewer who is not logged in came in; TikTok shows only a name. */
export function mapAnonymousJoin(ctx: MapContext): BodyResult {
  const action = optionalCount(ctx.data, 'action', ctx.where) ?? 1;
  if (action > 1) return { skip: `unauthorizedMember action ${action}` };
  const name = optionalString(ctx.data, 'nickName', ctx.where);
  return {
    body: {
      kind: 'join',
      user: null,
      via: 'anonymous',
      displayName: name ? cutText(name, 128) : null,
    },
  };
}
