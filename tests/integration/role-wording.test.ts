/**
 * One wording for what each role may do: the README, the `npm start` banner and the side panel
 * (checked in the extension's browser tests) all quote shared/protocol/role-abilities.ts, and
 * the report API asks for exactly the roles it admits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newRoleTokens } from '../../overlay-server/auth/tokens';
import { bannerLines } from '../../overlay-server/cli/banner';
import {
  REPORT_ROLES,
  REPORT_TOKEN_WORDS,
  ROLE_ABILITIES,
} from '../../shared/protocol/role-abilities';
import { ROLES } from '../../shared/protocol/roles';
import { startRelay } from './support/relay-app';

describe('role wording', () => {
  it('the README quotes every role and who may read reports', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const role of ROLES) expect(readme).toContain(`**${role}**: ${ROLE_ABILITIES[role]}`);
    expect(readme).toContain(`(${REPORT_TOKEN_WORDS} as \`Authorization: Bearer\``);
  });

  it('the banner says what owners and moderators may do, and who reads reports', () => {
    const banner = bannerLines({
      baseUrl: 'http://127.0.0.1:7420',
      tokens: newRoleTokens(),
      configPath: '/home/me/.limelight/config.json',
      dataDir: '/home/me/.limelight',
      logPath: '/home/me/.limelight/logs/limelight.log',
      sourceLine: 'simulated',
      overlaysReady: true,
      resumedStream: null,
    }).join('\n');
    expect(banner).toContain(ROLE_ABILITIES.owner);
    expect(banner).toContain(ROLE_ABILITIES.moderator);
    expect(banner).toContain(
      'Reports: http://127.0.0.1:7420/api/streams (owner or moderator token)',
    );
  });

  it('the report API admits exactly the roles the words name', async () => {
    const relay = await startRelay();
    try {
      for (const role of ROLES) {
        const response = await fetch(`${relay.baseUrl}/api/streams`, {
          headers: { authorization: `Bearer ${relay.tokens[role]}` },
        });
        expect(response.status, role).toBe(REPORT_ROLES.includes(role) ? 200 : 403);
      }
      const anonymous = await fetch(`${relay.baseUrl}/api/streams`);
      expect(await anonymous.json()).toMatchObject({ message: `send an ${REPORT_TOKEN_WORDS}` });
    } finally {
      await relay.stop();
    }
  });
});
