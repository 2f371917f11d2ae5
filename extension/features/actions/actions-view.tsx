/**
 * Actions: "when something happens on stream, do something". The link to OBS, the live queue,
 * the rules (new, edit, simulate, export and import) and the owner's settings.
 */
import { useSignal } from '@preact/signals';
import { CommandRefusalNote } from '../../ui/command-refusal';
import { usePanel } from '../../ui/context';
import { ActionQueue } from './action-queue';
import { ActionsSettings } from './actions-settings';
import { ClipLibraryPanel } from './clip-library';
import { ObsLinkPanel } from './obs-link';
import { newDraft, type RuleDraft } from './rule-drafts';
import { RuleEditor } from './rule-editor';
import { RuleList } from './rule-list';
import { RulesTransfer } from './rules-transfer';

export function ActionsView() {
  const { actions } = usePanel();
  const draft = useSignal<RuleDraft | null>(null);
  return (
    <section aria-label="Actions" data-testid="view-actions">
      <CommandRefusalNote commands={actions.commands} />
      <ObsLinkPanel />
      <ActionQueue />
      <h3>
        Rules{' '}
        {actions.canEdit.value && !draft.value && (
          <button
            type="button"
            data-testid="rule-new"
            onClick={() => {
              draft.value = newDraft();
            }}
          >
            New rule
          </button>
        )}
      </h3>
      <RuleEditor draft={draft} />
      <RuleList draft={draft} />
      <RulesTransfer />
      <ClipLibraryPanel />
      <ActionsSettings />
    </section>
  );
}
