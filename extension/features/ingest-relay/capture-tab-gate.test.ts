import { describe, expect, it } from 'vitest';
import { createCaptureTabGate } from './capture-tab-gate';

describe('capture tab gate', () => {
  it('relays one tab at a time: the first to speak, until it ends or closes', () => {
    const gate = createCaptureTabGate();
    expect(gate.admit(1, 'live')).toBe(true);
    expect(gate.admit(2, 'live')).toBe(false);
    expect(gate.admit(2, 'events')).toBe(false);
    expect(gate.admit(1, 'events')).toBe(true);
    // Another tab's end changes nothing; the capturing tab's end is relayed and frees the slot.
    expect(gate.admit(2, 'ended')).toBe(false);
    expect(gate.admit(1, 'ended')).toBe(true);
    expect(gate.activeTab).toBeNull();
    expect(gate.admit(2, 'events')).toBe(true);
    gate.closed(2);
    expect(gate.admit(3, 'live')).toBe(true);
  });
});
