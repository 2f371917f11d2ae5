import type { ViewerBadge } from '../../shared/protocol/channel-data';

/** The name to show: the nickname, else the @handle. */
export const displayName = (viewer: ViewerBadge): string =>
  viewer.nickname.trim() || `@${viewer.handle}`;
