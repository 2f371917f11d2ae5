/**
 * The adapter with its tally: what was mapped, skipped (counted per reason) and rejected. The
 * recording reader and the live connector source keep one per stream and show the tally.
 */
import { mapConnectorEvent, type PayloadMapping, type PayloadMappingOptions } from './map-payload';

export interface PayloadMappingStats {
  mapped: number;
  /** Skipped payloads per reason, e.g. `{"unknown event linkMicBattle": 3}`. */
  skipped: Record<string, number>;
  invalid: number;
}

export interface PayloadMapper {
  map(eventName: string, data: unknown, receivedAt: number): PayloadMapping;
  stats(): PayloadMappingStats;
}

export function createPayloadMapper(options: PayloadMappingOptions = {}): PayloadMapper {
  let mapped = 0;
  let invalid = 0;
  const skipped = new Map<string, number>();
  return {
    map(eventName, data, receivedAt) {
      const result = mapConnectorEvent(eventName, data, receivedAt, options);
      if (result.status === 'mapped') mapped++;
      else if (result.status === 'invalid') invalid++;
      else skipped.set(result.reason, (skipped.get(result.reason) ?? 0) + 1);
      return result;
    },
    stats: () => ({ mapped, invalid, skipped: Object.fromEntries(skipped) }),
  };
}
