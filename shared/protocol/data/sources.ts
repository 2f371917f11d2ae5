/** How each event source stands, and what became of its input. */
import type { EventSource } from '../../events/base';
import type { InputSummary } from '../input-summary';

export interface SourceHealth {
  source: EventSource;
  state: 'connecting' | 'live' | 'waiting' | 'offline' | 'rateLimited' | 'error' | 'ended';
  detail: string | null;
  primary: boolean;
  lastEventAt: number | null;
  eventsPerMinute: number;
  /** Sources that read TikTok payloads (connector, replay): what became of their input. */
  input?: InputSummary;
}
export interface SourcesState {
  sources: SourceHealth[];
}
