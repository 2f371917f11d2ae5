import { describe, expect, it } from 'vitest';
import { createGiftPictureBook } from './gift-pictures';

describe('gift pictures by id', () => {
  it('answers from the lists it learned, the newest winning, and null otherwise', () => {
    const book = createGiftPictureBook();
    expect(book.pictureFor(5655)).toBeNull();
    book.learn([{ giftId: 5655, imageUrl: 'https://p19-webcast.tiktokcdn.com/a.png' }]);
    book.learn([{ giftId: 5655, imageUrl: 'https://p19-webcast.tiktokcdn.com/b.png' }]);
    expect(book.pictureFor(5655)).toBe('https://p19-webcast.tiktokcdn.com/b.png');
    expect(book.pictureFor(null)).toBeNull();
    expect(book.size).toBe(1);
  });
});
