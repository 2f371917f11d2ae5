/**
 * Stream sizes for the simulator, at the event rates of docs/domain-rules.md (estimates:
 * small ~50 viewers, mid ~2,000, huge 50,000+). Rates are per second of stream time and sit
 * inside the published ranges; the activity level drifts around them (0.6–1.5×), and bursts of
 * 100–200 events/s come on top, as the webcast socket delivers messages in batches.
 */
export type SimulatorPresetName = 'small' | 'mid' | 'huge';

export interface SimulatorPreset {
  name: SimulatorPresetName;
  /** Viewer count the room drifts around. */
  viewers: number;
  /** Distinct viewers who may show up (chat, gifts, likes, joins). */
  audience: number;
  /** Per second: chat messages, gift sends (each send is ~4 frames on average), like messages, joins. */
  chatPerSecond: number;
  giftSendsPerSecond: number;
  likesPerSecond: number;
  joinsPerSecond: number;
  followsPerSecond: number;
  sharesPerSecond: number;
  subscribesPerSecond: number;
  /** TikTok LIVE Q&A questions (`questionNew`), apart from questions typed in chat. */
  questionsPerSecond: number;
  chestsPerSecond: number;
  /** Mean seconds between bursts of 100–200 events in about a second. */
  burstEverySeconds: number;
  /** Share of gift sends that go to a guest of a multi-guest room. */
  guestGiftShare: number;
}

export const SIMULATOR_PRESETS: Record<SimulatorPresetName, SimulatorPreset> = {
  small: {
    name: 'small',
    viewers: 50,
    audience: 400,
    chatPerSecond: 0.2,
    giftSendsPerSecond: 0.03,
    likesPerSecond: 0.6,
    joinsPerSecond: 0.5,
    followsPerSecond: 0.01,
    sharesPerSecond: 0.005,
    subscribesPerSecond: 0.0005,
    questionsPerSecond: 0.002,
    chestsPerSecond: 0,
    burstEverySeconds: 3600,
    guestGiftShare: 0,
  },
  mid: {
    name: 'mid',
    viewers: 2000,
    audience: 6000,
    chatPerSecond: 4,
    giftSendsPerSecond: 0.5,
    likesPerSecond: 8,
    joinsPerSecond: 7,
    followsPerSecond: 0.08,
    sharesPerSecond: 0.04,
    subscribesPerSecond: 0.004,
    questionsPerSecond: 0.01,
    chestsPerSecond: 1 / 3600,
    burstEverySeconds: 600,
    guestGiftShare: 0.03,
  },
  huge: {
    name: 'huge',
    viewers: 60000,
    audience: 30000,
    chatPerSecond: 22,
    giftSendsPerSecond: 3.5,
    likesPerSecond: 28,
    joinsPerSecond: 70,
    followsPerSecond: 0.4,
    sharesPerSecond: 0.2,
    subscribesPerSecond: 0.02,
    questionsPerSecond: 0.03,
    chestsPerSecond: 2 / 3600,
    burstEverySeconds: 300,
    guestGiftShare: 0.03,
  },
};

export const isSimulatorPresetName = (name: string): name is SimulatorPresetName =>
  Object.hasOwn(SIMULATOR_PRESETS, name);
