import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceHealth } from '../../shared/protocol/channel-data';
import { mountPanel } from '../../tests/support/mount-panel';
import { SourceHealthList } from './source-health';

const HOSTILE = '<img src=x onerror="window.__pwned = true">';

function mount(sources: SourceHealth[]) {
  const { transport, root } = mountPanel(<SourceHealthList />);
  act(() => {
    transport.accept('owner');
    transport.pushSnapshot({ channels: { sources: { sources } } });
  });
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const connector: SourceHealth = {
  source: 'connector',
  state: 'live',
  detail: '@host',
  primary: true,
  lastEventAt: null,
  eventsPerMinute: 12,
};

describe('SourceHealthList', () => {
  it('shows what became of the connector’s payloads, by the report’s reasons', () => {
    const root = mount([
      {
        ...connector,
        input: {
          read: 40,
          events: 30,
          eventsByKind: { chat: 30 },
          duplicates: { count: 2, lines: [] },
          skipped: {
            count: 8,
            byReason: [
              { reason: 'unknown event', count: 5, lines: [] },
              { reason: `chat: ${HOSTILE}`, count: 3, lines: [] },
            ],
          },
          unknownEvents: { hourlyRank: 4, [HOSTILE]: 1 },
          shapes: { 'nested 2.3+': 40 },
          journalRecords: 0,
          streaksSettledAtEnd: 0,
        },
      },
    ]);
    expect(root.querySelector('[data-testid="source-input"]')?.textContent).toBe(
      `30 mapped · 2 duplicates · 8 skipped: unknown event ×5, chat: ${HOSTILE} ×3 (unknown events: hourlyRank ×4, ${HOSTILE} ×1)`,
    );
    // Names from the stream are text, never markup.
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows no input line for a source without a tally', () => {
    const root = mount([connector]);
    expect(root.querySelector('[data-testid="source-connector"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="source-input"]')).toBeNull();
  });
});
