/**
 * Temp folders a test file makes, removed after each test (or, for folders made while the file
 * is collected, after the file): call `useTempDirs()` at the top of the file and make folders
 * with what it returns. Tests leave nothing in the system's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Returns `makeTempDir(prefix)`: a fresh folder under the system's temp folder, removed for you. */
export function useTempDirs(): (prefix: string) => string {
  const made: string[] = [];
  const removeAll = () => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  afterEach(removeAll);
  afterAll(removeAll);
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
