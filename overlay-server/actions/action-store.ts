/**
 * The owner's action rules and settings on disk (`<config>/actions.json`), so they outlive a
 * stream and a restart. Each stream's room starts from this file (its journal records what it
 * started from) and the file follows every accepted change. A file that cannot be read is set
 * aside with its time in the name, never overwritten, and the server starts with no rules.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionSetup } from '../../shared/engines/actions/action-engine';
import type { LiveRoom } from '../../shared/engines/live-room-contract';
import { checkRule } from '../../shared/protocol/actions/rule-issues';
import {
  actionSettingsSchema,
  DEFAULT_ACTION_SETTINGS,
} from '../../shared/protocol/actions/rule-schema';
import { checkRuleList } from '../../shared/protocol/actions/rules-file';
import type { Logger } from '../log';

export const ACTIONS_FILE_NAME = 'actions.json';

/** Commands that change the stored rules or settings: the file follows each one accepted. */
const RULE_COMMANDS: ReadonlySet<string> = new Set([
  'actions.saveRule',
  'actions.removeRule',
  'actions.enableRule',
  'actions.importRules',
  'actions.settings',
]);

interface StoredActions extends ActionSetup {
  version: 1;
}

const empty = (): ActionSetup => ({ rules: [], settings: { ...DEFAULT_ACTION_SETTINGS } });

/** Reads a stored setup; throws with the reason when it is not one. */
function parseStored(text: string): ActionSetup {
  const data = JSON.parse(text) as Partial<StoredActions>;
  if (data?.version !== 1 || !Array.isArray(data.rules)) throw new Error('not a version 1 file');
  const checked = checkRuleList(data.rules);
  if (!checked.ok) throw new Error(checked.issues.map((i) => `${i.code} ${i.path}`).join(', '));
  const settings = actionSettingsSchema.safeParse({ ...DEFAULT_ACTION_SETTINGS, ...data.settings });
  if (!settings.success) throw new Error('settings do not fit their schema');
  const rules = checked.rules.map((input, index) => {
    const rule = checkRule(input);
    if (!rule.ok || !rule.rule.id) throw new Error(`rule ${index} has no id`);
    return { ...rule.rule, id: rule.rule.id };
  });
  return { rules, settings: settings.data };
}

export class ActionStore {
  private readonly path: string;
  private current: ActionSetup;
  private lastWritten = '';

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.path = join(dataDir, ACTIONS_FILE_NAME);
    this.current = this.read();
  }

  /** The stored rules and settings (a copy). */
  load(): ActionSetup {
    return structuredClone(this.current);
  }

  /** After an accepted command: the file follows the room's rules when the command changed them. */
  afterCommand(type: unknown, room: LiveRoom): void {
    if (typeof type !== 'string' || !RULE_COMMANDS.has(type)) return;
    const setup = room.snapshot(['actionRules']).actionRules;
    if (!setup) return;
    try {
      this.save(setup);
    } catch (error) {
      this.log.error('action rules could not be stored', { error: String(error) });
    }
  }

  /** Writes the setup when it changed (atomically: a temp file renamed over the old one). */
  save(setup: ActionSetup): void {
    const text = `${JSON.stringify({ version: 1, ...setup }, null, 2)}\n`;
    if (text === this.lastWritten) return;
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, this.path);
    this.lastWritten = text;
    this.current = structuredClone(setup);
  }

  private read(): ActionSetup {
    if (!existsSync(this.path)) return empty();
    const text = readFileSync(this.path, 'utf8');
    try {
      const setup = parseStored(text);
      this.lastWritten = text;
      return setup;
    } catch (error) {
      const aside = `${this.path}.unreadable-${Date.now()}`;
      renameSync(this.path, aside);
      this.log.warn('action rules file set aside: it could not be read', {
        file: aside,
        reason: String(error),
      });
      return empty();
    }
  }
}
