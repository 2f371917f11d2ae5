import { describe, expect, it } from 'vitest';
import { FrameGate } from './frame-gate';

/** Runs frames with the given stillness and returns which were drawn. */
const run = (gate: FrameGate, stills: boolean[]) => stills.map((still) => gate.shouldDraw(still));

describe('FrameGate', () => {
  it('draws the first frame, then nothing while every screen is still', () => {
    const gate = new FrameGate();
    expect(run(gate, [true, true, true, true])).toEqual([true, false, false, false]);
    expect(gate.counts).toEqual({ ticks: 4, drawn: 1 });
  });

  it('draws every moving frame and one still frame after, to clear what moved', () => {
    const gate = new FrameGate();
    run(gate, [true]);
    expect(run(gate, [false, false, false, true, true, true])).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('draws once after an outside change while still', () => {
    const gate = new FrameGate();
    run(gate, [true, true]);
    gate.invalidate();
    gate.invalidate();
    expect(run(gate, [true, true])).toEqual([true, false]);
    expect(gate.counts).toEqual({ ticks: 4, drawn: 2 });
  });
});
