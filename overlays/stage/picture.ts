/**
 * A picture from an event (avatar, gift) that shows a drawn fallback at once and swaps in the
 * real image if and when it loads. Destroying it releases the texture, even if the image
 * arrives after the card is gone.
 */
import { Container, Graphics, Sprite, type Texture } from 'pixi.js';
import { loadPicture } from './images';
import { makeLabel } from './label';
import type { PictureOrigin } from './picture-route';
import { RELEASE_ALL, release } from './release';
import { graphemes } from './text-fit';
import type { Theme } from './theme';

export type PictureShape = 'circle' | 'square';

export class Picture extends Container {
  private texture: Texture | null = null;
  private gone = false;
  /** True once the real image replaced the fallback. */
  loaded = false;
  /** Called once the real image replaced the fallback (a baked parent bakes it in). */
  onShown: (() => void) | null = null;

  constructor(
    url: string | null,
    private readonly edge: number,
    shape: PictureShape,
    fallback: Container,
    origin: PictureOrigin = 'tiktok',
  ) {
    super();
    this.addChild(fallback);
    void loadPicture(url, origin).then((texture) => {
      if (!texture) return;
      if (this.gone) {
        texture.destroy(true);
        return;
      }
      this.texture = texture;
      this.showImage(texture, shape, fallback);
    });
  }

  private showImage(texture: Texture, shape: PictureShape, fallback: Container): void {
    const sprite = new Sprite(texture);
    const fit = this.edge / Math.max(texture.width, texture.height);
    sprite.scale.set(fit);
    sprite.anchor.set(0.5);
    sprite.position.set(this.edge / 2);
    if (shape === 'circle') {
      const mask = new Graphics()
        .circle(this.edge / 2, this.edge / 2, this.edge / 2)
        .fill(0xffffff);
      this.addChild(mask);
      sprite.mask = mask;
    }
    this.addChild(sprite);
    release(fallback);
    this.loaded = true;
    this.onShown?.();
  }

  override destroy(): void {
    this.gone = true;
    super.destroy(RELEASE_ALL);
    this.texture?.destroy(true);
    this.texture = null;
  }
}

/** A coloured disc with the viewer's first character (emoji included), drawn as Text. */
export function avatarFallback(theme: Theme, name: string, edge: number, color: number): Container {
  const box = new Container();
  box.addChild(new Graphics().circle(edge / 2, edge / 2, edge / 2).fill(color));
  const initial = graphemes(name.trim())[0]?.toUpperCase() ?? '?';
  const letter = makeLabel(theme, {
    text: initial,
    size: edge * 0.46,
    weight: '800',
    color: 0xffffff,
    anchor: 0.5,
  });
  letter.position.set(edge / 2, edge / 2);
  box.addChild(letter);
  return box;
}

/** A drawn gift box in the tier's colour, for gifts whose picture cannot load. */
export function giftFallback(edge: number, color: number): Container {
  const s = edge / 100;
  const box = new Graphics()
    .roundRect(14 * s, 42 * s, 72 * s, 50 * s, 8 * s)
    .fill(color)
    .roundRect(8 * s, 28 * s, 84 * s, 18 * s, 6 * s)
    .fill({ color, alpha: 0.85 })
    .rect(45 * s, 28 * s, 10 * s, 64 * s)
    .fill(0xffffff)
    .ellipse(38 * s, 22 * s, 13 * s, 9 * s)
    .stroke({ width: 6 * s, color: 0xffffff })
    .ellipse(62 * s, 22 * s, 13 * s, 9 * s)
    .stroke({ width: 6 * s, color: 0xffffff });
  const wrapper = new Container();
  wrapper.addChild(box);
  return wrapper;
}
