/** Ready-made polls the streamer starts with one click (labels stay editable before start). */
export interface PollTemplate {
  id: string;
  name: string;
  question: string;
  options: string[];
  durationSeconds: number | null;
}

export const POLL_TEMPLATES: readonly PollTemplate[] = [
  {
    id: 'next-game',
    name: 'What next?',
    question: 'What should we play next?',
    options: ['Keep going', 'Something new'],
    durationSeconds: 120,
  },
  {
    id: 'yes-no',
    name: 'Yes or no',
    question: 'Should I do it?',
    options: ['Yes', 'No'],
    durationSeconds: 60,
  },
  {
    id: 'rate',
    name: 'Rate it',
    question: 'How was that?',
    options: ['Loved it', 'It was fine', 'Not for me'],
    durationSeconds: 90,
  },
  {
    id: 'open',
    name: 'Open question',
    question: 'Which one?',
    options: ['A', 'B', 'C', 'D'],
    durationSeconds: null,
  },
];
