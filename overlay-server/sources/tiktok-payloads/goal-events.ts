/**
 * `goalUpdate`: the streamer's own LIVE goal as TikTok runs it. Both nested generations (and the
 * 2.x `legacy` export, which only flattens `common`) share the names: `goal {idStr, description,
 * subGoals[] {idStr, progress, target, gift {name, diamondCount, icon}}, contributors[] {userIdStr,
 * displayId, avatar, score}}`, `contributorIdStr`, `contributorDisplayId`, `contributeCount`,
 * `contributeScore`, `updateSource`. Contributions restate gifts: never revenue.
 */
import type { GoalUpdateEvent } from '../../../shared/events/goal';
import type { UserInput } from '../../../shared/events/user';
import type { BodyResult, MapContext } from './context';
import {
  at,
  cutText,
  type FieldPath,
  firstImageUrl,
  isObject,
  type Obj,
  optionalCount,
  optionalId,
  optionalObject,
  optionalString,
} from './fields';

/** `GoalMessageSource` → why the update came. */
const REASONS: Record<number, GoalUpdateEvent['reason']> = {
  1: 'created',
  2: 'progress',
  3: 'pinned',
  4: 'unpinned',
  5: 'reviewed',
  6: 'suspended',
};

export function mapGoalUpdate(ctx: MapContext): BodyResult {
  const { data, where } = ctx;
  const goal = optionalObject(data, 'goal', where);
  if (!goal) return { skip: 'goalUpdate without a goal' };
  const goalPath = at(where, 'goal');
  const goalId = optionalId(goal, 'idStr', goalPath) ?? optionalId(goal, 'id', goalPath);
  if (!goalId) return { skip: 'goalUpdate without a goal' };
  const subGoals = Array.isArray(goal.subGoals) ? goal.subGoals.filter(isObject) : [];
  const contributors = Array.isArray(goal.contributors) ? goal.contributors.filter(isObject) : [];
  const contributor = person(
    data,
    'contributorIdStr',
    'contributorId',
    'contributorDisplayId',
    where,
  );
  const source = optionalCount(data, 'updateSource', where) ?? 0;
  return {
    body: {
      kind: 'goalUpdate',
      goalId,
      description: cutText(optionalString(goal, 'description', goalPath) ?? '', 500),
      targets: subGoals.slice(0, 20).map((sub, index) => {
        const path = at(goalPath, `subGoals.${index}`);
        const gift = isObject(sub.gift) ? sub.gift : null;
        return {
          id: optionalId(sub, 'idStr', path) ?? optionalId(sub, 'id', path) ?? `${goalId}-${index}`,
          gift: gift && {
            name: cutText(optionalString(gift, 'name', at(path, 'gift')) ?? 'gift', 64),
            coins: optionalCount(gift, 'diamondCount', at(path, 'gift')) ?? 0,
            imageUrl: firstImageUrl(gift.icon),
          },
          progress: optionalCount(sub, 'progress', path) ?? 0,
          target: optionalCount(sub, 'target', path) ?? 0,
        };
      }),
      reason: REASONS[source] ?? 'other',
      contribution: contributor && {
        user: contributor,
        count: optionalCount(data, 'contributeCount', where) ?? 0,
        score: optionalCount(data, 'contributeScore', where) ?? 0,
      },
      contributors: contributors.slice(0, 20).flatMap((raw, index) => {
        const path = at(goalPath, `contributors.${index}`);
        const user = person(raw, 'userIdStr', 'userId', 'displayId', path, raw.avatar);
        return user ? [{ user, score: optionalCount(raw, 'score', path) ?? 0 }] : [];
      }),
    },
  };
}

/** A goal contributor named by id, display id and avatar (the goal's own user form). */
function person(
  raw: Obj,
  idKey: string,
  fallbackIdKey: string,
  handleKey: string,
  where: FieldPath,
  avatar: unknown = raw.contributorAvatar,
): UserInput | null {
  const id = optionalId(raw, idKey, where) ?? optionalId(raw, fallbackIdKey, where);
  if (!id) return null;
  const handle = optionalString(raw, handleKey, where) ?? id;
  return { id, handle, nickname: handle, avatarUrl: firstImageUrl(avatar) };
}
