import type { ZH } from './translations.zh';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Every key of the dictionaries, as 'area.key'; templates get compile-time checked keys. */
export type TranslationKey = Leaves<typeof ZH>;

/** A dictionary with exactly the Chinese dictionary's keys. */
export type Translations = Shape<typeof ZH>;

export type Lang = 'zh-CN' | 'en';

export type TranslationParams = Readonly<Record<string, string | number>>;
