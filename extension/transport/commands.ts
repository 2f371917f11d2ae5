/**
 * The commands the panel sends on `/control`: the engines' discriminated union
 * (shared/protocol/commands). The server validates every one again and checks the role.
 */
import type { ControlCommandInput } from '../../shared/protocol/commands';

export type PanelCommand = ControlCommandInput;
