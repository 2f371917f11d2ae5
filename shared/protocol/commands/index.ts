/**
 * Control commands sent by side panels on `/control`: one discriminated union on `type`, one
 * schema file per domain, and the role each command needs.
 */
import { z } from 'zod';
import { describeIssues, formatIssues } from '../../events/parse';
import type { ErrorCode } from '../ack';
import type { Role } from '../roles';
import { actionCommandSchemas } from './actions';
import { alertCommandSchemas } from './alerts';
import { goalCommandSchemas } from './goals';
import { moderationCommandSchemas } from './moderation';
import { pollCommandSchemas } from './poll';
import { qnaCommandSchemas } from './qna';
import { settingsCommandSchemas } from './settings';
import { sponsorCommandSchemas } from './sponsor';
import { streamCommandSchemas } from './stream';

export * from './actions';
export * from './alerts';
export * from './goals';
export * from './poll';
export * from './qna';
export * from './sponsor';

export const controlCommandSchema = z.discriminatedUnion('type', [
  ...pollCommandSchemas,
  ...qnaCommandSchemas,
  ...sponsorCommandSchemas,
  ...goalCommandSchemas,
  ...alertCommandSchemas,
  ...moderationCommandSchemas,
  ...streamCommandSchemas,
  ...settingsCommandSchemas,
  ...actionCommandSchemas,
]);

export type ControlCommand = z.output<typeof controlCommandSchema>;
export type ControlCommandInput = z.input<typeof controlCommandSchema>;
export type CommandType = ControlCommand['type'];
export type CommandOfType<T extends CommandType> = Extract<ControlCommand, { type: T }>;

export const COMMAND_TYPES = controlCommandSchema.options.map(
  (option) => option.shape.type.value,
) as readonly CommandType[];

/** Commands that touch money: only the owner may run them. Everything else moderators may. */
const OWNER_ONLY: ReadonlySet<string> = new Set<CommandType>([
  'settings.revenueModel',
  'settings.moderatorsSeeEarnings',
  'sponsor.setDealValue',
  'stream.start',
  'stream.end',
  // Who may edit rules, how many actions run at once: the owner's call.
  'actions.settings',
]);

export const isCommandType = (value: unknown): value is CommandType =>
  typeof value === 'string' && (COMMAND_TYPES as readonly string[]).includes(value);

/**
 * The least role that may run a command. A sponsor plan that carries a deal value is money,
 * so it is owner-only too; other roles (overlay, ingest) may run none.
 */
export function requiredRole(command: ControlCommand): 'owner' | 'moderator' {
  if (OWNER_ONLY.has(command.type)) return 'owner';
  if (command.type === 'sponsor.plan' && command.dealValueUsd !== undefined) return 'owner';
  return 'moderator';
}

export function roleMayRun(role: Role, command: ControlCommand): boolean {
  if (role === 'owner') return true;
  return role === 'moderator' && requiredRole(command) === 'moderator';
}

export type CommandCheck =
  | { ok: true; command: ControlCommand }
  | { ok: false; code: ErrorCode; message: string };

/**
 * Validates and authorizes one command. Never throws: an unknown type is `UNKNOWN_EVENT`, a
 * bad field `BAD_PAYLOAD` naming it, a role that may not run it `FORBIDDEN`.
 */
export function checkCommand(payload: unknown, role: Role): CommandCheck {
  const type =
    typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : null;
  if (!isCommandType(type)) {
    return {
      ok: false,
      code: typeof type === 'string' ? 'UNKNOWN_EVENT' : 'BAD_PAYLOAD',
      message:
        typeof type === 'string' ? `unknown command type "${type.slice(0, 64)}"` : 'type: required',
    };
  }
  if (role !== 'owner' && role !== 'moderator') {
    return { ok: false, code: 'FORBIDDEN', message: `role ${role} may not run commands` };
  }
  if (role === 'moderator' && OWNER_ONLY.has(type)) {
    return { ok: false, code: 'FORBIDDEN', message: `${type} is for the owner only` };
  }
  const parsed = controlCommandSchema.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, code: 'BAD_PAYLOAD', message: formatIssues(describeIssues(parsed.error)) };
  }
  if (!roleMayRun(role, parsed.data)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `${type} with a deal value is for the owner only`,
    };
  }
  return { ok: true, command: parsed.data };
}
