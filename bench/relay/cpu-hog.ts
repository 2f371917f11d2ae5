/**
 * Child process: keeps one core busy, as a game would on a streaming PC. It stops itself after
 * the given number of seconds in case the bench dies without killing it.
 */
const maxSeconds = Number(process.argv[2] ?? 600);
const stopAt = Date.now() + maxSeconds * 1000;
let spin = 0;
while (Date.now() < stopAt) {
  for (let i = 0; i < 1_000_000; i++) spin += i;
}
process.exit(spin === -1 ? 1 : 0);
