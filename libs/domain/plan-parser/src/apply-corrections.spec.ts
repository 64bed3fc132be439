import { applyCorrections } from './apply-corrections';
import type { CorrectionEntry } from './plan-types';

describe(applyCorrections.name, () => {
  const entries: CorrectionEntry[] = [
    { wrong: '鞭策', right: '推动' },
    { wrong: '成长', right: '发展' },
    { wrong: '外小企业', right: '中小企业' },
    { wrong: '外', right: '中', context: '(?<=价值链)外(?=高端)' },
    { wrong: '处所', right: '地方' },
    { wrong: '党地方', right: '党中央' },
  ];

  it('reports the 1-based line and column of each correction', () => {
    const result = applyCorrections('第一行鞭策\n成长外小企业', entries);
    expect(result.text).toBe('第一行推动\n发展中小企业');
    expect(result.corrections).toEqual([
      { id: '1:4:鞭策', wrong: '鞭策', right: '推动', line: 1, column: 4 },
      { id: '2:1:成长', wrong: '成长', right: '发展', line: 2, column: 1 },
      { id: '2:3:外小企业', wrong: '外小企业', right: '中小企业', line: 2, column: 3 },
    ]);
  });

  it('keeps the words whose correction was rejected by id, and correct the rest', () => {
    const result = applyCorrections('第一行鞭策\n成长外小企业', entries, ['2:1:成长']);
    expect(result.text).toBe('第一行推动\n成长中小企业');
    expect(result.corrections.map((c) => c.id)).toEqual(['1:4:鞭策', '2:3:外小企业']);
  });

  it('applies contextual entries only where the context matches', () => {
    expect(applyCorrections('迈向价值链外高端，扩大对外开放，利用国内外市场', entries).text).toBe('迈向价值链中高端，扩大对外开放，利用国内外市场');
  });

  it('prefers the longest match and never rescans replaced text', () => {
    expect(applyCorrections('党地方和处所立法', entries).text).toBe('党中央和地方立法');
  });

  it('is idempotent on its own output', () => {
    const once = applyCorrections('党地方、处所、鞭策成长、价值链外高端', entries).text;
    expect(applyCorrections(once, entries).corrections).toEqual([]);
  });

  it('deletes text when the right side is empty', () => {
    expect(applyCorrections('某方案金山区智慧教育云平台\n金山区智慧教育云平台建设', [{ wrong: '金山区智慧教育云平台', right: '', context: '(?<=方案)金山区智慧教育云平台$' }]).text).toBe(
      '某方案\n金山区智慧教育云平台建设',
    );
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it('corrects every occurrence in a long text', () => {
    const text = '鞭策成长，外小企业。'.repeat(50_000);
    const result = applyCorrections(text, entries);
    expect(result.corrections).toHaveLength(150_000);
  });
});
