/**
 * The owner's OBS settings on disk: `<config>/obs.json`, mode 0600 like config.json, because it
 * holds the obs-websocket password. Nothing else reads the password: it goes from this file to
 * the OBS connection only, never into a log line, the journal, a channel or an answer.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { obsAddressSchema } from '../../shared/protocol/commands/obs';

export const OBS_FILE_NAME = 'obs.json';

const storedSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  address: obsAddressSchema.nullable(),
  password: z.string().max(256).nullable(),
});

export type ObsSettings = Omit<z.output<typeof storedSchema>, 'version'>;

export const NO_OBS: ObsSettings = { enabled: false, address: null, password: null };

export class ObsSettingsFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, OBS_FILE_NAME);
  }

  /** The stored settings; none (OBS off) when there is no file or it cannot be read. */
  load(): { settings: ObsSettings; problem: string | null } {
    if (!existsSync(this.path)) return { settings: { ...NO_OBS }, problem: null };
    chmodSync(this.path, 0o600);
    try {
      const parsed = storedSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) {
        const { version: _version, ...settings } = parsed.data;
        return { settings, problem: null };
      }
    } catch {
      // fall through: unreadable
    }
    return { settings: { ...NO_OBS }, problem: `${OBS_FILE_NAME} could not be read; OBS is off` };
  }

  save(settings: ObsSettings): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ version: 1, ...settings }, null, 2)}\n`, {
      mode: 0o600,
    });
    renameSync(temp, this.path);
  }
}
