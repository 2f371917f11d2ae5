/**
 * The commands the panel sends on `/control`: the engines' discriminated union
 * (shared/protocol/commands) and the server's own OBS settings (shared/protocol/commands/obs).
 * The server validates every one again and checks the role.
 */
import type { ControlCommandInput } from '../../shared/protocol/commands';
import type { ObsCommandInput } from '../../shared/protocol/commands/obs';

export type PanelCommand = ControlCommandInput | ObsCommandInput;
