/**
 * The rule editor's inputs: a label, the control, and the mistakes found at that field, each
 * with its code (from the shared rule checks). Values stay as typed; the checks judge them.
 */
import type { ComponentChildren } from 'preact';
import type { RuleIssue } from '../../../shared/protocol/actions/rule-issues';

export interface FieldProps {
  label: string;
  testid: string;
  /** The field's path in the rule (`trigger.every`): its mistakes are shown beside it. */
  path: string;
  issues: readonly RuleIssue[];
}

export function IssueNotes(props: { issues: readonly RuleIssue[]; path: string }) {
  const mine = props.issues.filter((found) => found.path === props.path);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((found) => (
        <small key={found.code} class="rule-issue" data-testid="rule-issue" data-code={found.code}>
          {found.code}: {found.message}
        </small>
      ))}
    </>
  );
}

function Labelled(props: FieldProps & { children: ComponentChildren }) {
  return (
    <label class="rule-field" htmlFor={props.testid}>
      {props.label}
      {props.children}
      <IssueNotes issues={props.issues} path={props.path} />
    </label>
  );
}

export function TextField(
  props: FieldProps & {
    value: unknown;
    onInput: (value: string) => void;
    placeholder?: string;
    /** Names offered as the streamer types (OBS's scenes and sources). */
    suggestions?: readonly string[];
  },
) {
  const listId = props.suggestions ? `${props.testid}-suggestions` : undefined;
  return (
    <Labelled {...props}>
      <input
        id={props.testid}
        data-testid={props.testid}
        value={typeof props.value === 'string' ? props.value : ''}
        placeholder={props.placeholder}
        list={listId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </Labelled>
  );
}

/** A number as typed: an empty or unreadable field stays as text, so the check names it. */
export function NumberField(
  props: FieldProps & { value: unknown; onInput: (value: number | string) => void; step?: number },
) {
  return (
    <Labelled {...props}>
      <input
        id={props.testid}
        data-testid={props.testid}
        type="number"
        step={props.step ?? 1}
        value={
          typeof props.value === 'number' || typeof props.value === 'string' ? props.value : ''
        }
        onInput={(e) => {
          const text = e.currentTarget.value;
          const n = Number(text);
          props.onInput(text.trim() !== '' && Number.isFinite(n) ? n : text);
        }}
      />
    </Labelled>
  );
}

export function SelectField(
  props: FieldProps & {
    value: unknown;
    options: ReadonlyArray<{ value: string; label: string }>;
    onChange: (value: string) => void;
  },
) {
  return (
    <Labelled {...props}>
      <select
        id={props.testid}
        data-testid={props.testid}
        value={String(props.value ?? '')}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
