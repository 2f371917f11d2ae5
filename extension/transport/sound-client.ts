/**
 * The server's sound API over HTTP (`/api/sounds`): uploads as raw bodies, removals, and the
 * settings (master volume, mute, which sound each tier and gift plays) as one JSON object.
 */
import type { SoundSettings, SoundsState } from '../../shared/protocol/sounds';
import type { PairingTarget } from './pairing-link';
import { callUploadApi } from './upload-api';

export const uploadSound = (target: PairingTarget, file: File) =>
  callUploadApi<SoundsState>(target, 'PUT', '/api/sounds', file, {
    'x-sound-name': encodeURIComponent(file.name),
  });

export const removeSound = (target: PairingTarget, soundId: string) =>
  callUploadApi<SoundsState>(target, 'DELETE', `/api/sounds/${soundId}`);

export const configureSounds = (target: PairingTarget, settings: SoundSettings) =>
  callUploadApi<SoundsState>(target, 'PUT', '/api/sounds/settings', JSON.stringify(settings), {
    'content-type': 'application/json',
  });
