import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAm+V4aibNO6SINsWvFNLK76RSyQyLGoMHd3PP99bDvWIwQbtmnhRzaTFHeNZFKUItILVkL/9VcnAHotYbytupsTMwbxy91IzWQmMpNqiLR1eM+5XX+gg7xHc5A+lZ3K24XPp43Zh1lK2qnnoYj3pggm6Q3V+PJGggGUaAGojiVg3LuS11bbpG/zR6J6CHshhUh9hbElc4ohcA4pdh1YgvZxnrCB0GMlfL7nfWnw8u1h27uQ8vSMC9XpV8ya1qdaomCH3SqIY5qgNs+TUW6F+tZ/caDJx7elKlY9lA7wXM73KHr/Hmv4bo+68SPh+ilQWBLoyRFjznJT5U2zQQlndy0QIDAQAB';

// The extension lives in extension/ (entrypoints kept thin, features beside them).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Limelight',
    // A fixed public key pins the Chrome extension id (ijojiiebaapenjjpcmedgjjmegjdjjjm) for
    // unpacked installs, so the server can allow exactly this origin (see shared/extension-id.ts).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'limelight@limelight.local',
              // Firefox asks new add-ons to declare what they collect. Limelight sends nothing
              // off the machine: the panel and the page capture talk only to the local relay.
              data_collection_permissions: { required: ['none'] },
            },
          },
          // Firefox's default MV3 policy adds `upgrade-insecure-requests`, which turns the
          // panel's ws://127.0.0.1 into wss:// and the relay is never reached (close code 1015).
          // The same script rules as the default, without that upgrade.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
        }
      : // The toolbar button opens the side panel (background sets openPanelOnActionClick).
        { key: EXTENSION_PUBLIC_KEY, action: { default_title: 'Open Limelight' } }),
    description: 'Run polls, Q&A, sponsor segments and watch live TikTok LIVE earnings.',
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  }),
  vite: () => ({ plugins: [preact()] }),
});
