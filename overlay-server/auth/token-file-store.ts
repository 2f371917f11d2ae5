/**
 * Issued tokens of a single server, in `tokens.json` beside `config.json` (mode 0600): written
 * whole to a temporary file and renamed, under a short lock file so the `npm run tokens` CLI and
 * the running server never lose each other's change.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type TokenRecord, tokenRecordSchema } from './token-records';
import type { TokenStore } from './token-registry';

export const TOKENS_FILE_NAME = 'tokens.json';

const fileSchema = z.object({ version: z.literal(1), tokens: z.array(tokenRecordSchema) });

export function createTokenFileStore(home: string): TokenStore {
  const path = join(home, TOKENS_FILE_NAME);
  const read = (): TokenRecord[] => {
    if (!existsSync(path)) return [];
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(`${path} is not a Limelight token file: ${parsed.error.message}`);
    return parsed.data.tokens;
  };
  return {
    async load() {
      return read();
    },
    async version() {
      if (!existsSync(path)) return 'none';
      const stat = statSync(path);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    },
    async save(record) {
      await withLock(`${path}.lock`, () => {
        const tokens = read().filter((kept) => kept.id !== record.id);
        tokens.push(record);
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`, {
          mode: 0o600,
        });
        renameSync(temp, path);
      });
    },
  };
}

/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 10_000;

async function withLock(lockPath: string, body: () => void): Promise<void> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > STALE_LOCK_MS || Date.now() > deadline) rmSync(lockPath, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    body();
  } finally {
    rmSync(lockPath, { force: true });
  }
}
