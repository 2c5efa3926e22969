/** Supported languages and where the choice is remembered. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'fleet.language';

/** Intl locale for numbers and dates in each language. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

export function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'en';
  } catch {
    return 'en';
  }
}
