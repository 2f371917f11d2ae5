/** The running or last poll: its options, votes and result. */

export interface PollOptionView {
  /** What viewers type: "1", "A" or a keyword. */
  key: string;
  label: string;
  votes: number;
  /** Weighted score when gift votes count; equals votes otherwise. */
  score: number;
}
export interface PollView {
  id: string;
  question: string;
  options: PollOptionView[];
  status: 'running' | 'closed';
  startedAt: number;
  endsAt: number | null;
  visible: boolean;
  totalVoters: number;
  /** Set when closed: the winning keys; more than one is a tie. */
  winners: string[] | null;
  /** How votes are counted, in words shown to viewers (e.g. gift weighting and its cap). */
  weighting?: string;
  closedAt?: number | null;
}
export interface PollState {
  current: PollView | null;
}
