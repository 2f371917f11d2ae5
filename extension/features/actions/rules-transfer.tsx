/**
 * Export the rule set as JSON, and import one: the file is checked here first (every mistake
 * listed with its code and rule), then sent whole; nothing is imported unless all of it is good.
 */
import { useSignal } from '@preact/signals';
import type { ImportResult } from '../../models/actions-model';
import { usePanel } from '../../ui/context';
import { downloadText } from '../../ui/download';

export function RulesTransfer() {
  const { actions } = usePanel();
  const mode = useSignal<'merge' | 'replace'>('merge');
  const result = useSignal<(ImportResult & { file: string }) | null>(null);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await actions.importRules(await file.text(), mode.value);
    result.value = { ...outcome, file: file.name };
  };

  return (
    <div class="rules-transfer">
      <button
        type="button"
        data-testid="rules-export"
        onClick={() =>
          downloadText(
            `limelight-actions-${new Date().toISOString().slice(0, 10)}.json`,
            actions.exportText(),
            'application/json',
          )
        }
      >
        Export rules (JSON)
      </button>
      {actions.canEdit.value && (
        <>
          <select
            data-testid="rules-import-mode"
            value={mode.value}
            onChange={(e) => {
              mode.value = e.currentTarget.value === 'replace' ? 'replace' : 'merge';
            }}
          >
            <option value="merge">Import: add and update</option>
            <option value="replace">Import: replace all</option>
          </select>
          <input
            data-testid="rules-import"
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport(e.currentTarget.files?.[0])}
          />
        </>
      )}
      {result.value && (
        <div
          role="status"
          data-testid="rules-import-result"
          data-ok={result.value.ok}
          class={result.value.ok ? undefined : 'refusal'}
        >
          {result.value.ok ? (
            `Imported ${result.value.rules} rules from ${result.value.file}.`
          ) : (
            <>
              Nothing imported from {result.value.file}:
              <ul>
                {result.value.issues.map((found) => (
                  <li
                    key={`${found.code}-${found.path}`}
                    data-testid="import-issue"
                    data-code={found.code}
                  >
                    {found.code}
                    {found.path && ` at ${found.path}`}: {found.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
