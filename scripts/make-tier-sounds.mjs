// Writes the alert tiers' bundled sounds (overlays/assets/sounds/tier-<n>.wav): short chimes
// synthesised here, note by note, with no randomness, so running it again writes the same bytes.
// They were made for Limelight and are dedicated to the public domain (CC0 1.0, LICENSE beside
// them). Run: node scripts/make-tier-sounds.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 22_050;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../overlays/assets/sounds');

/** Equal-tempered frequency of a MIDI note number (69 = A4, 440 Hz). */
const hz = (note) => 440 * 2 ** ((note - 69) / 12);

/**
 * Each tier: notes as [start s, MIDI note, length s, loudness 0–1]. Higher tiers have more
 * notes, rise higher and ring longer, so the ear tells a legendary gift from a rose.
 */
const TIERS = {
  1: [[0, 84, 0.3, 0.5]],
  2: [
    [0, 79, 0.25, 0.45],
    [0.09, 86, 0.35, 0.5],
  ],
  3: [
    [0, 76, 0.3, 0.4],
    [0.08, 79, 0.3, 0.4],
    [0.16, 84, 0.5, 0.5],
  ],
  4: [
    [0, 72, 0.35, 0.35],
    [0.07, 76, 0.35, 0.35],
    [0.14, 79, 0.35, 0.35],
    [0.21, 84, 0.7, 0.45],
    [0.21, 88, 0.7, 0.3],
  ],
  5: [
    [0, 67, 0.3, 0.3],
    [0.1, 72, 0.3, 0.3],
    [0.2, 76, 0.3, 0.3],
    [0.3, 79, 0.3, 0.3],
    [0.42, 84, 1.0, 0.4],
    [0.42, 88, 1.0, 0.3],
    [0.42, 91, 1.0, 0.25],
    [0.42, 96, 1.0, 0.15],
  ],
};

/** A bell-like note: a fundamental, two inharmonic partials, a 5 ms attack and an exponential decay. */
function addNote(samples, [start, note, length, loudness]) {
  const f = hz(note);
  const from = Math.round(start * RATE);
  const count = Math.round(length * RATE);
  for (let i = 0; i < count && from + i < samples.length; i += 1) {
    const t = i / RATE;
    const attack = Math.min(1, t / 0.005);
    const decay = Math.exp((-5 * t) / length);
    const tone =
      Math.sin(2 * Math.PI * f * t) +
      0.35 * Math.sin(2 * Math.PI * f * 2.76 * t) * Math.exp(-8 * t) +
      0.2 * Math.sin(2 * Math.PI * f * 5.4 * t) * Math.exp(-14 * t);
    samples[from + i] += (loudness * attack * decay * tone) / 1.55;
  }
}

/** 16-bit mono PCM WAV. */
function wav(samples) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((value, i) => {
    const clipped = Math.max(-1, Math.min(1, value));
    data.writeInt16LE(Math.round(clipped * 32_767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

mkdirSync(OUT, { recursive: true });
for (const [tier, notes] of Object.entries(TIERS)) {
  const end = Math.max(...notes.map(([start, , length]) => start + length));
  const samples = new Float64Array(Math.ceil(end * RATE));
  for (const note of notes) addNote(samples, note);
  const file = join(OUT, `tier-${tier}.wav`);
  writeFileSync(file, wav(samples));
  console.log(`${file}: ${end.toFixed(2)} s`);
}
