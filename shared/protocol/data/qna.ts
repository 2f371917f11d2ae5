/** Q&A: questions from TikTok's question feature and from chat, and the one on screen. */
import type { ViewerBadge } from './viewer';

export type QuestionStatus = 'pending' | 'approved' | 'onScreen' | 'answered' | 'dismissed';
export interface QuestionView {
  id: string;
  text: string;
  user: ViewerBadge;
  status: QuestionStatus;
  upvotes: number;
  /** How many near-duplicates were merged into this one. */
  merged: number;
  askedAt: number;
  /** Short number viewers can upvote by (`+1 #3`). */
  number?: number;
  /** Where it came from: TikTok's question feature or a chat line. */
  origin?: 'tiktok' | 'chat';
  /** Every moderator action on it, oldest first. */
  history?: Array<{ status: QuestionStatus; by: string; at: number }>;
}
export interface QnaState {
  onScreen: QuestionView | null;
  questions: QuestionView[];
}
