/**
 * A TikTok picture in the panel, loaded through the paired server's media cache (the panel never
 * contacts TikTok itself). Until it loads, and if it cannot (unpaired, refused, offline), the
 * `fallback` shows instead: a picture never leaves a broken-image icon behind.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { mediaImagePath } from '../../shared/protocol/media';
import type { PairingTarget } from '../transport/pairing-link';
import { usePanel } from './context';

/** The URL the panel loads `src` from, or null when it has no server to ask. */
export function panelPictureUrl(pairing: PairingTarget | null, src: string): string | null {
  if (!pairing || !/^https?:\/\//i.test(src)) return null;
  return `${pairing.origin}${mediaImagePath(src, pairing.token)}`;
}

export function TikTokPicture(props: {
  src: string;
  alt: string;
  class: string;
  fallback: ComponentChildren;
}) {
  const { connection } = usePanel();
  const state = useSignal<'loading' | 'shown' | 'failed'>('loading');
  const url = panelPictureUrl(connection.pairing.value, props.src);
  if (!url || state.value === 'failed') return <>{props.fallback}</>;
  return (
    <>
      {state.value === 'loading' && props.fallback}
      <img
        class={props.class}
        src={url}
        alt={props.alt}
        title={props.alt}
        hidden={state.value !== 'shown'}
        data-picture={state.value}
        referrerpolicy="no-referrer"
        onLoad={() => {
          state.value = 'shown';
        }}
        onError={() => {
          state.value = 'failed';
        }}
      />
    </>
  );
}
