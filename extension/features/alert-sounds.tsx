/**
 * Alert sounds: the master volume and mute every overlay follows (alerts, actions), which sound
 * each tier plays (its bundled one unless changed), gifts with a sound of their own, and the
 * uploaded sounds (WAV, MP3 or Ogg, checked by the server by content and size; a file over the
 * limit is refused before it is sent). The owner changes them; moderators see them.
 */
import { useSignal } from '@preact/signals';
import { usePanel } from '../ui/context';
import { formatCount } from '../ui/format';

/** The server's limit (overlay-server/sounds/sound-library.ts), checked here to spare the upload. */
const MAX_SOUND_BYTES = 5 * 1024 * 1024;
const TIERS = ['1', '2', '3', '4', '5'] as const;

function SoundChoice(props: {
  testId: string;
  label: string;
  value: string;
  fallback: string;
  onChange: (soundId: string | null) => void;
}) {
  const { sounds } = usePanel();
  return (
    <select
      data-testid={props.testId}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value || null)}
    >
      <option value="">{props.fallback}</option>
      {sounds.choices.value.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </select>
  );
}

function GiftSounds() {
  const { sounds } = usePanel();
  const gift = useSignal('');
  const sound = useSignal('');
  const gifts = Object.entries(sounds.settings.value.gifts);
  return (
    <div data-testid="gift-sounds">
      <ul>
        {gifts.map(([name, soundId]) => (
          <li key={name} data-testid={`gift-sound-${name}`}>
            {name}: {sounds.choices.value.find((c) => c.id === soundId)?.name ?? soundId}{' '}
            <button type="button" onClick={() => void sounds.setGiftSound(name, null)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label>
        Gift (its name as alerts show it)
        <input
          data-testid="gift-sound-name"
          value={gift.value}
          onInput={(e) => {
            gift.value = e.currentTarget.value;
          }}
        />
      </label>
      <SoundChoice
        testId="gift-sound-choice"
        label="The gift's sound"
        value={sound.value}
        fallback="choose a sound…"
        onChange={(id) => {
          sound.value = id ?? '';
        }}
      />
      <button
        type="button"
        data-testid="gift-sound-add"
        disabled={!gift.value.trim() || !sound.value}
        onClick={() => void sounds.setGiftSound(gift.value.trim(), sound.value)}
      >
        Give this gift its sound
      </button>
    </div>
  );
}

export function AlertSoundsPanel() {
  const { sounds, connection } = usePanel();
  const owner = connection.isOwner.value;
  const settings = sounds.settings.value;
  const refusal = sounds.refusal.value;
  return (
    <fieldset class="alert-sounds" data-testid="alert-sounds" disabled={!owner}>
      <legend>Sounds {owner ? '' : '(owner only)'}</legend>
      <label>
        Master volume
        <input
          type="range"
          min="0"
          max="100"
          data-testid="sound-volume"
          value={Math.round(settings.volume * 100)}
          onChange={(e) => void sounds.setVolume(Number(e.currentTarget.value) / 100)}
        />
        <span data-testid="sound-volume-value">{Math.round(settings.volume * 100)}%</span>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="sound-mute"
          checked={settings.muted}
          onChange={(e) => void sounds.setMuted(e.currentTarget.checked)}
        />
        Mute every overlay sound
      </label>
      {TIERS.map((tier) => (
        <div key={tier}>
          Tier {tier} plays{' '}
          <SoundChoice
            testId={`sound-tier-${tier}`}
            label={`Tier ${tier} sound`}
            value={settings.tiers[tier] ?? ''}
            fallback={`its own (tier-${tier})`}
            onChange={(id) => void sounds.setTierSound(tier, id)}
          />
        </div>
      ))}
      <GiftSounds />
      <ul data-testid="sounds">
        {sounds.sounds.value.map((sound) => (
          <li key={sound.id} data-testid={`sound-${sound.id}`}>
            {sound.name}{' '}
            <span class="detail">({formatCount(Math.round(sound.bytes / 1024))} KB)</span>{' '}
            <button
              type="button"
              data-testid={`sound-remove-${sound.id}`}
              onClick={() => void sounds.remove(sound.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label>
        Upload a sound (WAV, MP3 or Ogg, at most 5 MB)
        <input
          data-testid="sound-upload"
          type="file"
          accept="audio/wav,audio/mpeg,audio/ogg,.wav,.mp3,.ogg"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            if (file.size > MAX_SOUND_BYTES) {
              sounds.refusal.value = { code: 'TOO_LARGE', message: `${file.name} is over 5 MB` };
              return;
            }
            void sounds.upload(file);
          }}
        />
      </label>
      {refusal && (
        <p class="refusal" role="alert" data-testid="sound-refusal" data-code={refusal.code}>
          {refusal.code}: {refusal.message}
        </p>
      )}
    </fieldset>
  );
}
