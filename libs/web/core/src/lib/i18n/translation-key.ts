import type { ZH } from './translations.zh';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * The Chinese dictionaries' types by owner: core's shared texts here; each area lib adds its own
 * (`declare module '@luoshi/web/core' { interface TranslationTree { tasks: typeof TASKS_ZH } }`
 * beside its texts), so templates get compile-time checked keys.
 */
export interface TranslationTree {
  core: typeof ZH;
}

/** Every key of the dictionaries, as 'area.key'. */
export type TranslationKey = { [Owner in keyof TranslationTree]: Leaves<TranslationTree[Owner]> }[keyof TranslationTree];

/** A dictionary with exactly the given Chinese dictionary's keys (an area's English texts). */
export type TextsOf<T> = Shape<T>;

/** Core's English dictionary: exactly the keys of core's Chinese one. */
export type Translations = Shape<typeof ZH>;

export type Lang = 'zh-CN' | 'en';

export type TranslationParams = Readonly<Record<string, string | number>>;
