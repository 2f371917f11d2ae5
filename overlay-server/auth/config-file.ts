/**
 * The user's config and data directory (`~/.limelight` unless `--config DIR` or
 * `LIMELIGHT_HOME`). `config.json` holds the role tokens, so it is created with mode 0600 inside
 * a 0700 directory and re-tightened on every start.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Namespace } from '../../shared/protocol/roles';
import { mediaConfigSchema } from '../media/media-settings';
import type { RateBudget } from '../pipeline/rate-limit';
import { rateBudgetSchema } from './token-records';
import { newRoleTokens, type RoleTokens } from './tokens';

const configSchema = z.object({
  version: z.literal(1),
  tokens: z.object({
    owner: z.string().min(16),
    moderator: z.string().min(16),
    overlay: z.string().min(16),
    ingest: z.string().min(16),
  }),
  /** The picture cache (allowed hosts, sizes, timeout); see docs/media-cache.md. */
  media: mediaConfigSchema.optional(),
  /** Per-token message budgets by namespace, instead of pipeline/rate-limit.ts's defaults. */
  limits: z
    .object({
      ingest: rateBudgetSchema.optional(),
      control: rateBudgetSchema.optional(),
      overlay: rateBudgetSchema.optional(),
    })
    .optional(),
});
export type LimelightConfig = z.infer<typeof configSchema>;

export const CONFIG_FILE_NAME = 'config.json';

/** `--config DIR`, else `$LIMELIGHT_HOME`, else `~/.limelight`. */
export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.LIMELIGHT_HOME ?? join(homedir(), '.limelight');
}

export interface LoadedConfig {
  config: LimelightConfig;
  path: string;
  /** True when this start created the tokens. */
  created: boolean;
}

/** Reads the config, creating it (with fresh tokens) on first start. */
export function loadOrCreateConfig(home: string): LoadedConfig {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chmodSync(home, 0o700);
  const path = join(home, CONFIG_FILE_NAME);
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    const parsed = configSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${path} is not a valid Limelight config: ${parsed.error.message}`);
    }
    return { config: parsed.data, path, created: false };
  }
  const config: LimelightConfig = { version: 1, tokens: newRoleTokens() };
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
  return { config, path, created: true };
}

export function tokensOf(config: LimelightConfig): RoleTokens {
  return config.tokens;
}

/** config.json's `limits`, by namespace. */
export function rateBudgetsOf(config: LimelightConfig): Partial<Record<Namespace, RateBudget>> {
  const budgets: Partial<Record<Namespace, RateBudget>> = {};
  if (config.limits?.ingest) budgets['/ingest'] = config.limits.ingest;
  if (config.limits?.control) budgets['/control'] = config.limits.control;
  if (config.limits?.overlay) budgets['/overlay'] = config.limits.overlay;
  return budgets;
}
