import { EN } from './translations.en';
import { ZH } from './translations.zh';

function flatten(dict: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zh = flatten(ZH);
  const en = flatten(EN);

  it('have the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('use the same {placeholders} in both languages', () => {
    for (const [key, text] of zh) expect([key, placeholders(en.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...zh, ...en]) expect([key, text.trim().length > 0]).toEqual([key, true]);
  });
});
