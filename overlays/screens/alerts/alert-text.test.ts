import { describe, expect, it } from 'vitest';
import { sampleAlert } from '../../demo/sample-alert';
import { actionLine, countLabel } from './alert-text';

describe('alert text', () => {
  it('says what was sent, or what the viewer did', () => {
    expect(actionLine(sampleAlert({ id: 'a' }))).toBe('sent Rose');
    expect(actionLine(sampleAlert({ id: 'b', kind: 'follow', gift: null }))).toBe('followed');
    expect(actionLine(sampleAlert({ id: 'c', kind: 'share', gift: null }))).toBe('shared the LIVE');
    expect(actionLine(sampleAlert({ id: 'd', kind: 'subscribe', gift: null }))).toBe('subscribed');
  });

  it('tells a new Super Fan from a subscription, and says the months', () => {
    const fan = sampleAlert({ id: 'f', kind: 'subscribe', gift: null, plan: 'superFan' });
    expect(actionLine(fan)).toBe('became a Super Fan');
    const loyal = sampleAlert({ id: 'm', kind: 'subscribe', gift: null, months: 7 });
    expect(actionLine(loyal)).toBe('subscribed · 7 months');
  });

  it('sums up a storm-merged alert', () => {
    const storm = sampleAlert({ id: 's', merged: { alerts: 37, viewers: 12 } });
    expect(actionLine(storm)).toBe('37 gifts from 12 viewers');
  });

  it('counts streaks ×1 to ×99 and compacts huge ones', () => {
    expect([1, 99, 12_500].map(countLabel)).toEqual(['×1', '×99', '×12.5K']);
  });
});
