/** Export everything the panel keeps as JSON; import a backup (validated, all or nothing). */
import { useSignal } from '@preact/signals';
import { BackupError, exportBackup, importBackup } from '../storage/backup';
import { usePanel } from '../ui/context';
import { downloadText } from '../ui/download';

export function BackupControls() {
  const models = usePanel();
  const message = useSignal<{ ok: boolean; text: string } | null>(null);

  const onExport = async () => {
    const backup = await exportBackup(models.store);
    downloadText(
      `limelight-backup-${new Date().toISOString().slice(0, 10)}.json`,
      JSON.stringify(backup, null, 2),
      'application/json',
    );
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      await importBackup(models.store, await file.text());
      await Promise.all([
        models.settings.load(),
        models.analytics.load(),
        models.polls.loadArchive(),
        models.qna.loadArchive(),
        models.sponsors.loadReports(),
      ]);
      message.value = { ok: true, text: `Imported ${file.name}.` };
    } catch (error) {
      message.value = {
        ok: false,
        text: error instanceof BackupError ? error.message : `Import failed: ${String(error)}`,
      };
    }
  };

  return (
    <div class="backup">
      <button type="button" data-testid="backup-export" onClick={() => void onExport()}>
        Export all (JSON)
      </button>
      <label>
        Import
        <input
          data-testid="backup-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void onImport(e.currentTarget.files?.[0])}
        />
      </label>
      {message.value && (
        <p
          role="status"
          data-testid="backup-message"
          data-ok={message.value.ok}
          class={message.value.ok ? undefined : 'refusal'}
        >
          {message.value.text}
        </p>
      )}
    </div>
  );
}
