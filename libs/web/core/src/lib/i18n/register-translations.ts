import type { Lang, TextsOf } from './translation-key';
import { EN } from './translations.en';
import { ZH } from './translations.zh';

/** Nested dictionaries flattened to 'area.key' → text. */
export function flattenTranslations(dict: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else if (typeof value === 'object' && value !== null) flattenTranslations(value, `${prefix}${key}.`, into);
  }
  return into;
}

const DICTIONARIES: Record<Lang, Map<string, string>> = { 'zh-CN': flattenTranslations(ZH), en: flattenTranslations(EN) };

/**
 * Adds an area's texts to the dictionaries; each area lib calls it once when it loads (its index
 * imports `<area>.translations.ts`). Keys are global: one with another text already is a mistake
 * (translations.spec.ts also refuses a key defined twice).
 */
export function registerTranslations<T extends object>(zh: T, en: TextsOf<T>): void {
  const added: Record<Lang, Map<string, string>> = { 'zh-CN': flattenTranslations(zh), en: flattenTranslations(en) };
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const [key, text] of added[lang]) {
      const existing = DICTIONARIES[lang].get(key);
      if (existing !== undefined && existing !== text) throw new Error(`Translation key registered twice: ${key}`);
      DICTIONARIES[lang].set(key, text);
    }
  }
}

export function translationText(lang: Lang, key: string): string | undefined {
  return DICTIONARIES[lang].get(key);
}
