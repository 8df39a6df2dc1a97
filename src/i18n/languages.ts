/** The languages the bot speaks, English (the catalogs' source) first. Region-less where one catalog serves them all. */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR', 'zh-CN'] as const;

/**
 * Microsoft's pseudo-locale tag: English run through `pseudo.ts` (accented, longer, bracketed). Tests ask for it to
 * prove every visible string comes from a catalog and every card holds longer words; Windows and Teams know the tag.
 */
export const PSEUDO_LANGUAGE = 'qps-ploc';

export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

export type Language = ShippedLanguage | typeof PSEUDO_LANGUAGE;

export const SOURCE_LANGUAGE = 'en' satisfies ShippedLanguage;

/**
 * The shipped language closest to what the user asked for (`de-AT` → German, `pt-PT` → Brazilian Portuguese), or
 * English. Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant-*`) gets English, never Simplified. With one catalog per
 * language, closest means the same language subtag: a matcher library (and its start-up cost) decides nothing more.
 */
export function languageFor(requested: string | undefined): Language {
  const tag = canonicalTag(requested);
  if (tag === undefined) return SOURCE_LANGUAGE;
  if (tag.toLowerCase().startsWith(PSEUDO_LANGUAGE)) return PSEUDO_LANGUAGE;
  if (isTraditionalChinese(tag)) return SOURCE_LANGUAGE;
  const { language } = new Intl.Locale(tag);
  return SHIPPED_LANGUAGES.find((shipped) => new Intl.Locale(shipped).language === language) ?? SOURCE_LANGUAGE;
}

/** The tag in canonical form (`de-at` → `de-AT`), or undefined when it is no BCP 47 tag at all. */
export function canonicalTag(requested: string | undefined): string | undefined {
  if (typeof requested !== 'string' || requested.trim() === '' || requested.length > 64) return undefined;
  try {
    return Intl.getCanonicalLocales(requested.trim())[0];
  } catch {
    // Not a language tag (Teams sends well-formed ones; anything else speaks the source language).
    return undefined;
  }
}

function isTraditionalChinese(tag: string): boolean {
  const { language, script, region } = new Intl.Locale(tag);
  if (language !== 'zh') return false;
  if (script !== undefined) return script === 'Hant';
  return region === 'TW' || region === 'HK' || region === 'MO';
}
