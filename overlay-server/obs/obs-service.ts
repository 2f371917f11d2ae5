/**
 * OBS for the rest of the server: the owner's settings file, the link, the `obs` output of the
 * action queue, and the `obs.*` panel commands. The link's state goes to panels on the `obs`
 * channel and into /health; the password stays in the settings file and the link.
 */

import { describeIssues, formatIssues } from '../../shared/events/parse';
import { type Ack, fail, ok } from '../../shared/protocol/ack';
import type { ObsState } from '../../shared/protocol/actions/actions-data';
import type { ChannelUpdate } from '../../shared/protocol/channels';
import { type ObsCommand, obsCommandSchema } from '../../shared/protocol/commands/obs';
import type { Role } from '../../shared/protocol/roles';
import type { Logger } from '../log';
import type { BackoffOptions } from '../sources/connector/backoff';
import { createObsActions, type OutcomeReport } from './obs-actions';
import { ObsLink } from './obs-link';
import { ObsSettingsFile } from './obs-settings';

export interface ObsServiceDeps {
  dataDir: string;
  log: Logger;
  /** Where the link's state goes (the relay's `obs` channel). */
  publish: (state: ObsState) => void;
  /** Where a failed OBS action is reported (the relay journals it on the run). */
  report: OutcomeReport;
  backoff?: BackoffOptions;
}

export function createObsService(deps: ObsServiceDeps) {
  const log = deps.log.child({ part: 'obs' });
  const file = new ObsSettingsFile(deps.dataDir);
  const loaded = file.load();
  if (loaded.problem) log.warn(loaded.problem, { file: file.path });
  let settings = loaded.settings;
  const link = new ObsLink({ settings, log, onState: deps.publish, backoff: deps.backoff });
  const actions = createObsActions(link, deps.report, log);

  const run = (command: ObsCommand, role: Role): Ack<ObsState> => {
    if (command.type === 'obs.reconnect') {
      if (!settings.enabled || !settings.address)
        return fail('CONFLICT', 'OBS is off: set an address and switch it on first');
      link.reconnect();
      return ok(link.state());
    }
    if (role !== 'owner') return fail('FORBIDDEN', 'only the owner sets up OBS');
    settings = {
      enabled: command.enabled,
      address: command.address,
      password: command.password === undefined ? settings.password : command.password,
    };
    file.save(settings);
    log.info('OBS settings changed', { address: settings.address, enabled: settings.enabled });
    link.configure(settings);
    return ok(link.state());
  };

  return {
    start: () => link.start(),
    state: () => link.state(),
    /** Every batch the relay sends: OBS actions start and end with their runs. */
    onUpdates: (updates: readonly ChannelUpdate[]) => actions.onUpdates(updates),
    /** An `obs.*` command from a panel; never logs or returns the password. */
    command(payload: unknown, role: Role): Ack<ObsState> {
      if (role !== 'owner' && role !== 'moderator')
        return fail('FORBIDDEN', `the ${role} role may not use OBS`);
      const parsed = obsCommandSchema.safeParse(payload);
      if (!parsed.success) return fail('BAD_PAYLOAD', formatIssues(describeIssues(parsed.error)));
      return run(parsed.data, role);
    },
    /** Resolves once every OBS request asked for so far was answered. */
    settled: () => actions.settled(),
    close: () => link.close(),
  };
}

export type ObsService = ReturnType<typeof createObsService>;
