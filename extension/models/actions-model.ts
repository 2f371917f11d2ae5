/**
 * Actions: the rule set (edit, enable, simulate, remove, export and import), the live queue
 * (skip, clear), the run history, and the link to OBS (status, the owner's settings,
 * reconnect). Rules are checked here as they are typed, with the same checks the server runs.
 */
import { action, computed, createModel, signal } from '@preact/signals';
import type { Ack } from '../../shared/protocol/ack';
import type { RuleIssue } from '../../shared/protocol/actions/rule-issues';
import { type ActionInventory, ruleProblems } from '../../shared/protocol/actions/rule-resources';
import type {
  ActionRule,
  ActionRuleInput,
  ActionSettings,
} from '../../shared/protocol/actions/rule-schema';
import { checkRulesFile, rulesFile } from '../../shared/protocol/actions/rules-file';
import { BUNDLED_SOUND_IDS } from '../../shared/protocol/sounds';
import { removeClip, uploadClip } from '../transport/clip-client';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { ConnectionModel } from './connection-model';
import type { RoomModel } from './room-model';

/** What an import did: how many rules went in, or every mistake with its code. */
export type ImportResult = { ok: true; rules: number } | { ok: false; issues: RuleIssue[] };

export const ActionsModel = createModel(
  (transport: ControlTransport, room: RoomModel, connection: ConnectionModel) => {
    const commands = createCommandRunner(transport);
    const rules = computed(() => room.actionRules.value?.rules ?? []);
    const settings = computed(() => room.actionRules.value?.settings ?? null);
    const queue = computed(() => room.actions.value?.queue ?? []);
    const running = computed(() => room.actions.value?.running ?? []);
    /** Newest first: the history is read from the top. */
    const history = computed(() => [...(room.actions.value?.history ?? [])].reverse());
    const obs = computed(() => room.obs.value);
    /** The owner always; moderators when the owner's setting allows it (the server checks too). */
    const canEdit = computed(
      () => connection.isOwner.value || settings.value?.moderatorsEditRules === true,
    );
    const clips = computed(() => room.clips.value?.clips ?? []);
    const inventory = computed<ActionInventory>(() => ({
      obs: obs.value,
      // The stream's uploads and the bundled tier sounds; unchecked until the server said.
      sounds: room.sounds.value
        ? [...BUNDLED_SOUND_IDS, ...room.sounds.value.sounds.map((sound) => sound.id)]
        : null,
      clips: room.clips.value ? clips.value.map((clip) => clip.id) : null,
    }));
    /** The last clip upload or removal the server refused (or that never reached it). */
    const clipRefusal = signal<{ code: string; message: string } | null>(null);
    const clipRequest = async (send: () => Promise<Ack<unknown>>) => {
      const ack = await send();
      clipRefusal.value = ack.ok ? null : { code: ack.code, message: ack.message };
      return ack;
    };
    const offline: Ack<never> = {
      ok: false,
      code: 'DISCONNECTED',
      message: 'Not paired with a server.',
    };
    /** Per rule id: what it names that is not there. */
    const problems = computed(
      () => new Map(rules.value.map((rule) => [rule.id, ruleProblems(rule, inventory.value)])),
    );

    const importRules = action(async (text: string, mode: 'merge' | 'replace') => {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return {
          ok: false,
          issues: [{ code: 'FILE_INVALID', path: '', message: 'the file is not JSON' }],
        } satisfies ImportResult;
      }
      const checked = checkRulesFile(data);
      if (!checked.ok) return checked satisfies ImportResult;
      const ack = await commands.send({ type: 'actions.importRules', rules: checked.rules, mode });
      return ack.ok
        ? ({ ok: true, rules: checked.rules.length } satisfies ImportResult)
        : ({
            ok: false,
            issues: [{ code: 'FILE_INVALID', path: '', message: ack.message }],
          } satisfies ImportResult);
    });

    return {
      rules,
      clips,
      clipRefusal,
      uploadClip: action((file: File) => {
        const target = connection.pairing.peek();
        return clipRequest(async () => (target ? uploadClip(target, file) : offline));
      }),
      removeClip: action((clipId: string) => {
        const target = connection.pairing.peek();
        return clipRequest(async () => (target ? removeClip(target, clipId) : offline));
      }),
      settings,
      queue,
      running,
      history,
      obs,
      canEdit,
      problems,
      commands,
      save: action(
        (rule: ActionRuleInput): Promise<Ack<unknown>> =>
          commands.send({ type: 'actions.saveRule', rule }),
      ),
      remove: action((ruleId: string) => commands.send({ type: 'actions.removeRule', ruleId })),
      enable: action((ruleId: string, enabled: boolean) =>
        commands.send({ type: 'actions.enableRule', ruleId, enabled }),
      ),
      simulate: action((ruleId: string) => commands.send({ type: 'actions.simulate', ruleId })),
      skip: action((runId?: string) => commands.send({ type: 'actions.skip', runId })),
      clear: action(() => commands.send({ type: 'actions.clear' })),
      configure: action((next: Partial<ActionSettings>) =>
        commands.send({ type: 'actions.settings', settings: next }),
      ),
      /** The rule set as the export file's text. */
      exportText: (): string =>
        `${JSON.stringify(rulesFile(rules.peek() as ActionRule[]), null, 2)}\n`,
      importRules,
      configureObs: action(
        (next: { enabled: boolean; address: string; password?: string | null }) =>
          commands.send({ type: 'obs.configure', ...next }),
      ),
      reconnectObs: action(() => commands.send({ type: 'obs.reconnect' })),
    };
  },
);
export type ActionsModel = InstanceType<typeof ActionsModel>;
