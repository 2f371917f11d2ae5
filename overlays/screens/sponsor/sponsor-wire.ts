/** Narrows inbound sponsor-channel payloads to the shapes drawn. */
import type { SponsorCardView, SponsorState } from '../../../shared/protocol/channel-data';
import { isNullableString, isNumber, isRecord, isString } from '../../stage/guards';

const KINDS: readonly SponsorCardView['kind'][] = [
  'productPlacement',
  'sponsoredSegment',
  'coHostedEvent',
];

export function readSponsorCard(value: unknown): SponsorCardView | null {
  if (!isRecord(value) || !isString(value.segmentId)) return null;
  if (!isString(value.brand) || !isString(value.product)) return null;
  return {
    segmentId: value.segmentId,
    kind: KINDS.find((kind) => kind === value.kind) ?? 'sponsoredSegment',
    brand: value.brand,
    product: value.product,
    promoCode: isNullableString(value.promoCode) ? value.promoCode : null,
    callToAction: isNullableString(value.callToAction) ? value.callToAction : null,
    logoUrl: isNullableString(value.logoUrl) ? value.logoUrl : null,
    plannedSeconds: isNumber(value.plannedSeconds) ? value.plannedSeconds : 0,
    elapsedSeconds: isNumber(value.elapsedSeconds) ? value.elapsedSeconds : 0,
    state: value.state === 'paused' ? 'paused' : 'running',
    measuredAt: isNumber(value.measuredAt) ? value.measuredAt : 0,
  };
}

export function readSponsorState(value: unknown): SponsorState | null {
  if (!isRecord(value)) return null;
  return { card: value.card == null ? null : readSponsorCard(value.card) };
}
