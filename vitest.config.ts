import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests sit next to their code; cross-part integration tests live in tests/integration.
// Playwright specs (tests/e2e) are not collected here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Integration tests start servers and child processes (tsx); on a busy 2-core machine
          // a start can take seconds. Each test still waits for conditions, never for time.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: [
            'shared/**/*.test.ts',
            'overlay-server/**/*.test.ts',
            'overlays/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
        },
      },
    ],
  },
});
