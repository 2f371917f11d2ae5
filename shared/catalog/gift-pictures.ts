/**
 * Gift pictures by gift id, learned at run time from the room's gift list (the connector can
 * fetch it after connecting): a gift event whose payload has no picture takes the one TikTok
 * listed for that gift. The catalog's prices and names stay in gift-catalog.ts; pictures are
 * not kept there because TikTok's picture URLs change per region and over time.
 */

/** A gift's picture as the room's gift list gives it. */
export interface GiftPicture {
  giftId: number;
  imageUrl: string;
}

export interface GiftPictureBook {
  /** Adds (or replaces) pictures; the newest list wins for a gift it names. */
  learn(pictures: readonly GiftPicture[]): void;
  /** The picture for a gift id, or null when no list named it. */
  pictureFor(giftId: number | null): string | null;
  readonly size: number;
}

/** At most this many gifts are kept (a room lists a few hundred). */
const MAX_GIFTS = 5_000;

export function createGiftPictureBook(): GiftPictureBook {
  const byId = new Map<number, string>();
  return {
    learn(pictures) {
      for (const { giftId, imageUrl } of pictures) {
        if (byId.size >= MAX_GIFTS && !byId.has(giftId)) break;
        byId.set(giftId, imageUrl);
      }
    },
    pictureFor: (giftId) => (giftId === null ? null : (byId.get(giftId) ?? null)),
    get size() {
      return byId.size;
    },
  };
}
