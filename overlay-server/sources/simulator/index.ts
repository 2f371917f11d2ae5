export { createRandom, mulberry32 } from '../../../shared/random/prng';
export { createAudience, HOSTILE_NAMES } from './audience';
export { expectedTotals, type StreamTotals } from './expected-totals';
export {
  isSimulatorPresetName,
  SIMULATOR_PRESETS,
  type SimulatorPreset,
  type SimulatorPresetName,
} from './presets';
export {
  type SimulatedStream,
  type SimulateStreamOptions,
  simulatedEventChunks,
  simulateStream,
} from './simulate-stream';
export { createSimulatorSource, type SimulatorSourceOptions } from './simulator-source';
export {
  createStreamSimulator,
  DEFAULT_SIMULATION_START,
  type SimulatorTruth,
  type StreamSimulator,
  type StreamSimulatorOptions,
} from './stream-simulator';
