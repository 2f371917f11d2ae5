/**
 * A chat line as the panel lists it: the viewer's badges before the name, then the message with
 * each emote where the viewer put it — the same reading as the chat overlay. Words are JSX text
 * (never markup); badges and emotes are TikTok's pictures through the server's media cache,
 * else Limelight's own badge (a small labelled pill) and the emote's name.
 */
import type { BadgeKind } from '../../shared/events/user';
import type { ChatBadges, ChatLine } from '../../shared/protocol/channel-data';
import { chatSegments } from '../../shared/protocol/chat-segments';
import { TikTokPicture } from './tiktok-picture';

interface Badge {
  kind: BadgeKind;
  label: string;
  title: string;
  imageUrl: string | null;
}

/** A viewer's badges in TikTok's order: moderator, subscriber, top gifter, gifter level. */
export function chatBadges(user: Partial<ChatBadges>): Badge[] {
  const picture = (kind: BadgeKind) =>
    user.badgePictures?.find((p) => p.kind === kind)?.imageUrl ?? null;
  const badges: Badge[] = [];
  if (user.moderator) {
    badges.push({
      kind: 'moderator',
      label: 'MOD',
      title: 'Moderator',
      imageUrl: picture('moderator'),
    });
  }
  if (user.subscriber) {
    badges.push({
      kind: 'subscriber',
      label: 'SUB',
      title: 'Subscriber',
      imageUrl: picture('subscriber'),
    });
  }
  const rank = user.topGifterRank ?? null;
  if (rank !== null && rank > 0) {
    badges.push({
      kind: 'topGifter',
      label: `#${rank}`,
      title: `Top gifter #${rank}`,
      imageUrl: picture('topGifter'),
    });
  }
  const level = user.gifterLevel ?? null;
  if (level !== null && level > 0) {
    badges.push({
      kind: 'gifterLevel',
      label: `Lv${level}`,
      title: `Gifter level ${level}`,
      imageUrl: picture('gifterLevel'),
    });
  }
  return badges;
}

function BadgeMark({ badge }: { badge: Badge }) {
  const drawn = (
    <span class={`chat-badge chat-badge-${badge.kind}`} title={badge.title} data-badge={badge.kind}>
      {badge.label}
    </span>
  );
  if (!badge.imageUrl) return drawn;
  return (
    <TikTokPicture
      src={badge.imageUrl}
      alt={badge.title}
      class="chat-badge-picture"
      fallback={drawn}
    />
  );
}

/** A viewer's badges, as chat lines show them (the top-gifters list shows them too). */
export function ViewerBadges({ user }: { user: Partial<ChatBadges> }) {
  return (
    <>
      {chatBadges(user).map((badge) => (
        <BadgeMark key={badge.kind} badge={badge} />
      ))}
    </>
  );
}

/** Badges, name and message of one line (the caller adds its buttons). */
export function ChatLineText({ line }: { line: ChatLine }) {
  return (
    <>
      <ViewerBadges user={line.user} />
      <strong>{line.user.nickname}</strong>:{' '}
      {chatSegments(line.text, line.emotes).map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <TikTokPicture
            key={`${index}:${segment.id}`}
            src={segment.imageUrl}
            alt={`:${segment.id}:`}
            class="chat-emote"
            fallback={<span class="chat-emote-name">:{segment.id}:</span>}
          />
        ),
      )}
    </>
  );
}
