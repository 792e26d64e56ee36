/** The two languages the network publishes in; Japanese is the source of truth, English is for visitors. */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Label {
  ja: string;
  en: string;
}

/** A label map is total over its keys, so a new key without its labels fails to compile rather than render blank. */
export type LabelMap<K extends string> = Readonly<Record<K, Label>>;

export function labelOf<K extends string>(map: LabelMap<K>, key: K, lang: Lang): string {
  const label = map[key];
  if (label === undefined) {
    // Keys usually arrive from the database or the network, where the compiler cannot vouch for them.
    throw new RangeError(`No label for key "${String(key)}"`);
  }
  return label[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
