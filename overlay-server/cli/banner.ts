/**
 * What `npm start` prints on stdout once it listens: the OBS browser-source URLs, the pairing
 * links for the extension, and one machine-readable `LIMELIGHT_READY {...}` line for scripts and
 * tests. (Logs go to stderr; this is the one place tokens are shown, to the user who owns them.)
 */
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import type { RoleTokens } from '../auth/tokens';

export interface BannerInput {
  baseUrl: string;
  tokens: RoleTokens;
  configPath: string;
  dataDir: string;
  sourceLine: string;
  overlaysReady: boolean;
  resumedStream: string | null;
}

export function bannerLines(input: BannerInput): string[] {
  const overlayToken = encodeURIComponent(input.tokens.overlay);
  const lines = [
    '',
    `Limelight relay on ${input.baseUrl}`,
    `  source: ${input.sourceLine}`,
    `  config: ${input.configPath} (tokens; keep it private)`,
    `  data:   ${input.dataDir}/streams`,
  ];
  if (input.resumedStream)
    lines.push(`  resumed stream ${input.resumedStream} after an unclean stop`);
  lines.push('', 'OBS browser sources (one per overlay):');
  for (const page of OVERLAY_PAGES) {
    lines.push(`  ${page.padEnd(12)} ${input.baseUrl}/overlays/${page}.html?token=${overlayToken}`);
  }
  if (!input.overlaysReady) lines.push('  (the overlay pages are not built: run `npm run build`)');
  lines.push(
    '',
    'Pair the extension: open the side panel, choose "Pair with server", paste a link:',
    `  owner      ${input.baseUrl}/pair?token=${encodeURIComponent(input.tokens.owner)}`,
    `  moderator  ${input.baseUrl}/pair?token=${encodeURIComponent(input.tokens.moderator)}`,
    '',
    `Health: ${input.baseUrl}/health   Reports: ${input.baseUrl}/api/streams (owner token)`,
    '',
  );
  return lines;
}

export function readyLine(fields: { port: number; host: string; pid: number }): string {
  return `LIMELIGHT_READY ${JSON.stringify(fields)}`;
}
