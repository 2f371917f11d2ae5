/** What the goal bar says: how full, the numbers, and the time left. Pure, unit-tested. */
import type { GoalView } from '../../../shared/protocol/channel-data';
import { compactNumber } from '../../stage/text-fit';

const UNITS: Record<GoalView['kind'], string> = {
  coins: 'coins',
  likes: 'likes',
  follows: 'follows',
  shares: 'shares',
  // A TikTok goal names its unit (the gift it counts).
  tiktok: 'points',
};

export interface GoalModel {
  /** 0–1, capped at 1 when exceeded. */
  fill: number;
  /** "1,234 / 5,000 coins". */
  amount: string;
  /** "~3 min to go", "Goal reached! 🎉", or "" when there is no recent progress. */
  status: string;
  reached: boolean;
}

export function goalModel(goal: GoalView): GoalModel {
  const reached = goal.reachedAt !== null || (goal.target > 0 && goal.current >= goal.target);
  const fill = goal.target > 0 ? Math.min(1, Math.max(0, goal.current / goal.target)) : 1;
  return {
    fill,
    amount: `${compactNumber(goal.current)} / ${compactNumber(goal.target)} ${goal.unit ?? UNITS[goal.kind]}`,
    status: reached ? 'Goal reached! 🎉' : etaText(goal.etaSeconds),
    reached,
  };
}

function etaText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return 'almost there!';
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `~${minutes} min to go`;
  return `~${Math.round(minutes / 60)} h to go`;
}

/** The goal to show: the one named by `?goal=`, else the first not yet reached, else the first. */
export function pickGoal(goals: readonly GoalView[], wanted: string | null): GoalView | null {
  if (wanted) return goals.find((goal) => goal.id === wanted) ?? null;
  return goals.find((goal) => goal.reachedAt === null) ?? goals[0] ?? null;
}
