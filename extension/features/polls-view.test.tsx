import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPanel } from '../../tests/support/mount-panel';
import { pollView } from '../models/sample-room';
import { PollsView } from './polls-view';

const HOSTILE = '<img src=x onerror="window.__pwned = true">';

function mount() {
  const { transport, models, root } = mountPanel(<PollsView />);
  return { transport, models, root };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PollsView', () => {
  it('renders viewer-written text as text, never as HTML', () => {
    const { transport, root } = mount();
    act(() => {
      transport.accept('moderator');
      transport.pushSnapshot({
        channels: {
          poll: {
            current: pollView('running', {
              question: HOSTILE,
              options: [{ key: '1', label: HOSTILE, votes: 1, score: 1 }],
            }),
          },
        },
      });
    });
    expect(root.querySelector('[data-testid="poll-current"]')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
  });

  it('says a start was not sent while disconnected', async () => {
    const { transport, root } = mount();
    expect(transport.state.value.status).toBe('unpaired');
    await act(async () => {
      (root.querySelector('[data-testid="poll-start"]') as HTMLButtonElement).click();
    });
    const refusal = root.querySelector('[data-testid="command-refusal"]');
    expect(refusal?.getAttribute('data-code')).toBe('DISCONNECTED');
    expect(refusal?.textContent).toContain('poll.start');
    expect(transport.sent).toEqual([]);
  });
});
