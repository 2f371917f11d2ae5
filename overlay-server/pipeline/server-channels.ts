/**
 * The channels the server itself fills, not the room: how its sources stand, the owner's clips
 * and sounds, and the link to OBS. The relay keeps their latest state here and adds it to snapshots.
 */
import type { ClipsState, ObsState } from '../../shared/protocol/actions/actions-data';
import type { SourcesState } from '../../shared/protocol/channel-data';
import type { Channel, ChannelUpdate, StateSnapshot } from '../../shared/protocol/channels';
import { DEFAULT_SOUND_SETTINGS, type SoundsState } from '../../shared/protocol/sounds';

/** OBS before the link reports: off, nothing set. */
const OBS_OFF: ObsState = {
  status: 'off',
  enabled: false,
  address: null,
  passwordSet: false,
  detail: null,
  retryAt: null,
  scenes: [],
  inputs: [],
};

export class ServerChannels {
  private sources: SourcesState = { sources: [] };
  private clips: ClipsState = { clips: [] };
  private obs: ObsState = OBS_OFF;
  private sounds: SoundsState = { sounds: [], settings: DEFAULT_SOUND_SETTINGS };

  setSources(sources: SourcesState): ChannelUpdate {
    this.sources = sources;
    return { channel: 'sources', type: 'sources.state', data: sources };
  }

  setClips(clips: ClipsState): ChannelUpdate {
    this.clips = clips;
    return { channel: 'clips', type: 'clips.state', data: clips };
  }

  setSounds(sounds: SoundsState): ChannelUpdate {
    this.sounds = sounds;
    return { channel: 'sounds', type: 'sounds.state', data: sounds };
  }

  setObs(obs: ObsState): ChannelUpdate {
    this.obs = obs;
    return { channel: 'obs', type: 'obs.state', data: obs };
  }

  /** Adds the asked-for server channels to a snapshot's states. */
  fill(channels: readonly Channel[], states: StateSnapshot['channels']): void {
    if (channels.includes('sources')) states.sources = this.sources;
    if (channels.includes('obs')) states.obs = this.obs;
    if (channels.includes('clips')) states.clips = this.clips;
    if (channels.includes('sounds')) states.sounds = this.sounds;
  }
}
