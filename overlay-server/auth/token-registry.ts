/**
 * Every token the server accepts, held in memory so a handshake looks one up without I/O, and
 * refreshed from its store (a file beside `config.json`, or Redis in a cluster) so a token issued
 * or revoked elsewhere (the `npm run tokens` CLI, another server process) counts within a second.
 */

import { ROLES } from '../../shared/protocol/roles';
import { DEFAULT_STREAMER } from '../../shared/protocol/streamers';
import { hashTokenSecret, type IssueRequest, issueToken, type TokenRecord } from './token-records';
import type { RoleTokens } from './tokens';

/** Where records live between runs. */
export interface TokenStore {
  /** Issued records, and what changed on the config file's own tokens (revoked, pinned). */
  load(): Promise<TokenRecord[]>;
  /** A value that changes whenever a record does; cheap enough to read every second. */
  version(): Promise<string>;
  /** Inserts or replaces the record with this id. */
  save(record: TokenRecord): Promise<void>;
  /**
   * Calls `listener` whenever a record changes anywhere (a store shared by processes tells them
   * at once); resolves with a function that stops listening. Stores without it are polled.
   */
  watch?(listener: () => void): Promise<() => Promise<void>>;
}

/** The config file's tokens as records: one per role, on the default stream, never expiring. */
export function configTokenRecords(tokens: RoleTokens, createdAt = 0): TokenRecord[] {
  return ROLES.map((role) => ({
    id: role,
    hash: hashTokenSecret(tokens[role]),
    role,
    streamers: [DEFAULT_STREAMER],
    createdAt,
    expiresAt: null,
    revokedAt: null,
  }));
}

export class TokenRegistry {
  private readonly configRecords: TokenRecord[];
  private byHash = new Map<string, TokenRecord>();
  private byIdMap = new Map<string, TokenRecord>();
  private seenVersion: string | null = null;

  constructor(
    configTokens: RoleTokens | null,
    private readonly store: TokenStore | null = null,
  ) {
    this.configRecords = configTokens ? configTokenRecords(configTokens) : [];
    this.index([]);
  }

  /** Hears every change of the store at once, where the store can tell (see `TokenStore.watch`). */
  async watch(listener: () => void): Promise<() => Promise<void>> {
    return this.store?.watch ? this.store.watch(listener) : async () => {};
  }

  /** Reads the store when it changed; true when something did. */
  async refresh(): Promise<boolean> {
    if (!this.store) return false;
    const version = await this.store.version();
    if (version === this.seenVersion) return false;
    const stored = await this.store.load();
    this.seenVersion = version;
    this.index(stored);
    return true;
  }

  /** The record a presented secret belongs to (whatever its state), or null. */
  lookup(secret: unknown): TokenRecord | null {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 256) return null;
    return this.byHash.get(hashTokenSecret(secret)) ?? null;
  }

  byId(id: string): TokenRecord | null {
    return this.byIdMap.get(id) ?? null;
  }

  /** Every record, or those granting `streamer`. */
  list(streamer?: string): TokenRecord[] {
    const all = [...this.byIdMap.values()];
    return streamer ? all.filter((record) => record.streamers.includes(streamer)) : all;
  }

  async issue(request: IssueRequest): Promise<{ record: TokenRecord; secret: string }> {
    const issued = issueToken(request);
    await this.put(issued.record);
    return issued;
  }

  /** Revokes a token; null when there is no such id. Revoking twice keeps the first time. */
  async revoke(id: string, now: number = Date.now()): Promise<TokenRecord | null> {
    const record = this.byIdMap.get(id);
    if (!record) return null;
    if (record.revokedAt !== null) return record;
    const revoked = { ...record, revokedAt: now };
    await this.put(revoked);
    return revoked;
  }

  /** Pins the extension origin a token was first used from (see token-records.ts). */
  async pin(id: string, origin: string): Promise<void> {
    const record = this.byIdMap.get(id);
    if (!record || record.pinnedOrigin) return;
    await this.put({ ...record, pinnedOrigin: origin });
  }

  /** Forgets a token's pinned origin, so the next extension install to use it pins its own. */
  async unpin(id: string): Promise<TokenRecord | null> {
    const record = this.byIdMap.get(id);
    if (!record) return null;
    const { pinnedOrigin: _pinned, ...rest } = record;
    await this.put(rest);
    return rest;
  }

  private async put(record: TokenRecord): Promise<void> {
    if (!this.store) {
      this.index([...this.storedRecords().filter((r) => r.id !== record.id), record]);
      return;
    }
    await this.store.save(record);
    this.seenVersion = null;
    await this.refresh();
  }

  /** Records that differ from the config's defaults, as the store would hold them. */
  private storedRecords(): TokenRecord[] {
    const defaults = new Map(this.configRecords.map((r) => [r.id, r]));
    return [...this.byIdMap.values()].filter((r) => defaults.get(r.id) !== r);
  }

  private index(stored: readonly TokenRecord[]): void {
    const byId = new Map<string, TokenRecord>();
    for (const record of this.configRecords) byId.set(record.id, record);
    for (const record of stored) {
      const configRecord = byId.get(record.id);
      // A stored change to a config token counts only while the config still holds that secret
      // (after a rotation the new secret starts clean).
      if (configRecord && configRecord.hash !== record.hash) continue;
      byId.set(record.id, record);
    }
    this.byIdMap = byId;
    this.byHash = new Map([...byId.values()].map((record) => [record.hash, record]));
  }
}
