/** A viewer as overlays and panels draw them. */
export interface ViewerBadge {
  id: string;
  handle: string;
  nickname: string;
  avatarUrl: string | null;
}
