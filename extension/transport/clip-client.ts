/** The server's clip API over HTTP (`/api/clips`): uploads as raw bodies and removals. */
import type { ClipsState } from '../../shared/protocol/actions/actions-data';
import type { PairingTarget } from './pairing-link';
import { callUploadApi } from './upload-api';

export const uploadClip = (target: PairingTarget, file: File) =>
  callUploadApi<ClipsState>(target, 'PUT', '/api/clips', file, {
    'x-clip-name': encodeURIComponent(file.name),
  });

export const removeClip = (target: PairingTarget, clipId: string) =>
  callUploadApi<ClipsState>(target, 'DELETE', `/api/clips/${clipId}`);
