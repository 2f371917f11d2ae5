import type { z } from 'zod';
import { type LiveEvent, liveEventSchema } from './live-event';

/** A rejected payload: every problem, each naming its field. */
export interface SchemaIssue {
  /** Dotted path of the field, e.g. `gift.coins` or `user.avatarUrl`; empty for the whole payload. */
  path: string;
  message: string;
}

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; issues: SchemaIssue[]; message: string };

/** Turns zod's issues into `path: problem` lines that name the field. */
export function describeIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function formatIssues(issues: SchemaIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Validates any payload against a schema; unknown keys are stripped. */
export function parseWith<S extends z.ZodType>(schema: S, payload: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error);
  return { ok: false, issues, message: formatIssues(issues) };
}

/** Validates one inbound event. */
export function parseLiveEvent(payload: unknown): Parsed<LiveEvent> {
  return parseWith(liveEventSchema, payload);
}
