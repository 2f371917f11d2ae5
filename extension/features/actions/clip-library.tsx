/**
 * The owner's video clips for actions: upload (MP4 or WebM, checked by the server by content
 * and size; a file over the limit is refused before it is sent), list and remove. Moderators
 * see the list. A refusal is shown with its code.
 */
import { usePanel } from '../../ui/context';
import { formatCount } from '../../ui/format';

/** The server's limit (overlay-server/clips/clip-library.ts), checked here to spare the upload. */
const MAX_CLIP_BYTES = 50 * 1024 * 1024;

export function ClipLibraryPanel() {
  const { actions, connection } = usePanel();
  const owner = connection.isOwner.value;
  const refusal = actions.clipRefusal.value;
  return (
    <div class="clip-library" data-testid="clip-library">
      <h3>Video clips</h3>
      <ul data-testid="clips">
        {actions.clips.value.map((clip) => (
          <li key={clip.id} data-testid={`clip-${clip.id}`}>
            {clip.name}{' '}
            <span class="detail">({formatCount(Math.round(clip.bytes / 1024))} KB)</span>{' '}
            {owner && (
              <button
                type="button"
                data-testid={`clip-remove-${clip.id}`}
                onClick={() => void actions.removeClip(clip.id)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <label>
          Upload a clip (MP4 or WebM, at most 50 MB)
          <input
            data-testid="clip-upload"
            type="file"
            accept="video/mp4,video/webm,.mp4,.webm"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              if (file.size > MAX_CLIP_BYTES) {
                actions.clipRefusal.value = {
                  code: 'TOO_LARGE',
                  message: `${file.name} is over 50 MB`,
                };
                return;
              }
              void actions.uploadClip(file);
            }}
          />
        </label>
      )}
      {refusal && (
        <p class="refusal" role="alert" data-testid="clip-refusal" data-code={refusal.code}>
          {refusal.code}: {refusal.message}
        </p>
      )}
    </div>
  );
}
