/**
 * Sends commands for one view and keeps the last refusal visible, so nothing the streamer
 * clicks is lost silently (a disconnected panel says the command was not sent).
 */
import { signal } from '@preact/signals';
import type { Ack, ErrorCode } from '../../shared/protocol/ack';
import type { PanelCommand } from '../transport/commands';
import type { ControlTransport } from '../transport/transport';

/** The last command a view sent that did not go through. */
export interface CommandRefusal {
  type: string;
  code: ErrorCode;
  message: string;
}

export function createCommandRunner(transport: ControlTransport) {
  const pending = signal(0);
  const refusal = signal<CommandRefusal | null>(null);
  const send = async (command: PanelCommand): Promise<Ack<unknown>> => {
    pending.value += 1;
    try {
      const ack = await transport.command(command);
      refusal.value = ack.ok ? null : { type: command.type, code: ack.code, message: ack.message };
      return ack;
    } finally {
      pending.value -= 1;
    }
  };
  const dismiss = () => {
    refusal.value = null;
  };
  return { pending, refusal, send, dismiss };
}
export type CommandRunner = ReturnType<typeof createCommandRunner>;
