/** Sponsor deals: the card on screen, the plan panels list, the segments run. */

/** What a deal shows on screen, the same in the plan (panels) and on the card (overlays). */
export interface SponsorCreative {
  brand: string;
  product: string;
  promoCode: string | null;
  callToAction: string | null;
  logoUrl: string | null;
  plannedSeconds: number;
}

export interface SponsorCardView extends SponsorCreative {
  segmentId: string;
  kind: 'productPlacement' | 'sponsoredSegment' | 'coHostedEvent';
  /** Seconds on screen so far (pauses excluded). */
  elapsedSeconds: number;
  state: 'running' | 'paused';
  /** Stream time the elapsed seconds were measured at, for client-side countdowns. */
  measuredAt: number;
}
/** A planned deal as panels list it (the deal value stays out of broadcast channels). */
export interface SponsorPlanView extends SponsorCreative {
  id: string;
  kind: SponsorCardView['kind'];
  talkingPoints: string[];
  /** Whether the owner set a deal value (the value itself is in the owner's report). */
  hasDealValue: boolean;
}
export interface SponsorSegmentSummary {
  id: string;
  planId: string;
  state: 'running' | 'paused' | 'ended';
  startedAt: number;
  endedAt: number | null;
  onScreenSeconds: number;
}
export interface SponsorState {
  card: SponsorCardView | null;
  plans?: SponsorPlanView[];
  segments?: SponsorSegmentSummary[];
}
