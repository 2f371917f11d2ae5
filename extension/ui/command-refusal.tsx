/** Shows why the last command of a view did not go through; never left silent. */
import type { CommandRunner } from '../models/command-runner';

export function CommandRefusalNote(props: { commands: CommandRunner }) {
  const refusal = props.commands.refusal.value;
  if (!refusal) return null;
  return (
    <p class="refusal" role="alert" data-testid="command-refusal" data-code={refusal.code}>
      <strong>{refusal.type}</strong> was not done ({refusal.code}): {refusal.message}{' '}
      <button type="button" onClick={props.commands.dismiss}>
        OK
      </button>
    </p>
  );
}
