/**
 * GET /pair?token=…: the page the pairing link opens. It says how to pair the extension and
 * shows the link to copy; the token is HTML-escaped, never interpolated raw, and only owner or
 * moderator tokens are shown at all.
 */
import type { Role } from '../../shared/protocol/roles';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pairPage(pairingUrl: string, role: Role | null): string {
  const valid = role === 'owner' || role === 'moderator';
  const body = valid
    ? `<p>This link pairs the Limelight extension as <strong>${escapeHtml(role)}</strong>.</p>
<ol>
  <li>Open the Limelight side panel in your browser (the extension icon, then “Open side panel”).</li>
  <li>Choose <em>Pair with server</em>.</li>
  <li>Paste this whole link and confirm:</li>
</ol>
<p><code id="link">${escapeHtml(pairingUrl)}</code></p>
<p>Keep the link private: whoever has it can run your stream's ${escapeHtml(role)} controls.</p>`
    : '<p>This pairing link is not valid for this server. Copy the link the server printed when it started.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>Pair Limelight</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{word-break:break-all;background:#f2f2f2;padding:.2rem .4rem}</style>
</head><body><h1>Pair the Limelight extension</h1>
${body}
</body></html>
`;
}
