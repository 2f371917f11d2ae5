/**
 * What `npm start` prints on stdout once it listens: where things are, the OBS browser-source
 * URLs and the pairing links with what each role may do. This is the one place tokens are shown,
 * to the user who owns them; it never goes to the log file. The machine-readable
 * `LIMELIGHT_READY {...}` line is printed only with `--ready-line`.
 */
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';
import { REPORT_TOKEN_WORDS, ROLE_ABILITIES } from '../../shared/protocol/role-abilities';
import type { RoleTokens } from '../auth/tokens';

export interface BannerInput {
  baseUrl: string;
  tokens: RoleTokens;
  configPath: string;
  dataDir: string;
  logPath: string;
  sourceLine: string;
  overlaysReady: boolean;
  resumedStream: string | null;
  /** Set when this process is one of a cluster (`--redis`). */
  cluster?: { node: string; redis: string } | null;
}

export function bannerLines(input: BannerInput): string[] {
  const overlayToken = encodeURIComponent(input.tokens.overlay);
  const lines = [
    '',
    `Limelight relay on ${input.baseUrl}`,
    `  source: ${input.sourceLine}`,
    `  config: ${input.configPath} (tokens; keep it private)`,
    `  data:   ${input.dataDir}/streams`,
    `  log:    ${input.logPath}`,
  ];
  if (input.cluster) {
    lines.push(
      `  cluster: process ${input.cluster.node}, Redis at ${input.cluster.redis}; streams are written by one process each and move when it stops`,
    );
  }
  if (input.resumedStream) {
    lines.push(
      `  resumed stream ${input.resumedStream}: the server did not stop cleanly last time`,
    );
  }
  lines.push('', 'OBS browser sources (one per overlay):');
  for (const page of OVERLAY_PAGES) {
    lines.push(`  ${page.padEnd(12)} ${input.baseUrl}/overlays/${page}.html?token=${overlayToken}`);
  }
  if (!input.overlaysReady) lines.push('  (the overlay pages are not built: run `npm run build`)');
  lines.push(
    '',
    'Pair the extension: open the side panel, choose "Pair with server", paste a link:',
  );
  for (const role of ['owner', 'moderator'] as const) {
    lines.push(
      `  ${role.padEnd(10)} ${input.baseUrl}/pair?token=${encodeURIComponent(input.tokens[role])}`,
      `  ${''.padEnd(10)} ${ROLE_ABILITIES[role]}`,
    );
  }
  lines.push(
    '',
    `Reports: ${input.baseUrl}/api/streams (${REPORT_TOKEN_WORDS})`,
    `Health:  ${input.baseUrl}/health`,
    'More tokens (moderators, other streams, expiry, revoking): npm run tokens -- help',
    input.cluster
      ? 'Stop with Ctrl+C: this process hands its streams to the others.'
      : 'Stop with Ctrl+C: the stream ends and its report stays in the data folder.',
    '',
  );
  return lines;
}

export function readyLine(fields: { port: number; host: string; pid: number }): string {
  return `LIMELIGHT_READY ${JSON.stringify(fields)}`;
}
