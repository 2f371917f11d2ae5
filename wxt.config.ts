import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension lives in extension/ (entrypoints kept thin, features beside them).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Limelight',
    description: 'Run polls, Q&A, sponsor segments and watch live TikTok LIVE earnings.',
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  }),
  vite: () => ({ plugins: [preact()] }),
});
