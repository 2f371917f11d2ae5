/**
 * Text templates of actions ("{nickname} sent {gift} ×{count}"): the fields a template may name,
 * and how a template is filled. The result is plain text, drawn as Pixi Text or set on an OBS
 * text source, never parsed as markup: a viewer's name stays text whatever it contains.
 */

/** Every field a template may name; a field the trigger does not have is filled with "". */
export const TEMPLATE_FIELDS = [
  /** The viewer's display name. */
  'nickname',
  /** The viewer's @handle, without the @. */
  'handle',
  /** The gift's name. */
  'gift',
  /** The streak count the rule fired on. */
  'count',
  /** Coins of the gift (count × price). */
  'coins',
  /** What the viewer wrote after a chat command (`!so @ana` → `@ana`). */
  'message',
  /** The room's like total at a likes milestone. */
  'likes',
  /** The goal's label. */
  'goal',
  /** The poll's winning option(s). */
  'poll',
  /** The battle's result for the streamer: won, lost or draw. */
  'result',
  /** The rule's name. */
  'rule',
] as const;

export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The values a fired rule fills its templates with. */
export type TemplateValues = Partial<Record<TemplateField, string>>;

const FIELD = /\{([A-Za-z]+)\}/g;

/** The `{names}` a template uses that are not template fields (empty when all are known). */
export function unknownTemplateFields(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(FIELD)) {
    const name = match[1] ?? '';
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name) && !unknown.includes(name)) {
      unknown.push(name);
    }
  }
  return unknown;
}

/** Fills a template; fields without a value become "". Values are inserted as they are. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(FIELD, (whole, name: string) =>
    (TEMPLATE_FIELDS as readonly string[]).includes(name)
      ? (values[name as TemplateField] ?? '')
      : whole,
  );
}
