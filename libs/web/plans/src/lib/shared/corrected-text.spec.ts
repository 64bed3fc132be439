import type { PlanImportPreviewNode } from '@luoshi/contracts';
import { buildCorrectedText, placeCorrections } from './corrected-text';

const fix = (wrong: string, right: string, line: number, column: number) => ({ wrong, right, line, column });

describe('corrected text', () => {
  it('marks successive occurrences of corrected words', () => {
    const { segments, unplaced } = placeCorrections(['加快港口建设', '推进建设，推动发展'], [fix('扶植', '建设', 8, 7), fix('扶植', '建设', 8, 12), fix('鞭策', '推动', 8, 15)]);
    expect(unplaced).toEqual([]);
    expect(segments[0]).toEqual([{ text: '加快港口' }, { text: '建设', fix: fix('扶植', '建设', 8, 7) }]);
    expect(segments[1].map((s) => [s.text, !!s.fix])).toEqual([
      ['推进', false],
      ['建设', true],
      ['，', false],
      ['推动', true],
      ['发展', false],
    ]);
  });

  it('keeps corrections it cannot locate (deletions, missing words) aside', () => {
    const { unplaced } = placeCorrections(['方案'], [fix('金山区', '', 1, 3), fix('成长', '发展', 1, 1)]);
    expect(unplaced.map((c) => c.wrong)).toEqual(['金山区', '成长']);
  });

  it('builds a block for the title and one per node, by source line', () => {
    const nodes: PlanImportPreviewNode[] = [
      { code: '1.1', parentCode: '1', kind: 'section', title: '指导思想', body: '坚持高质量发展。', line: 4, inferred: false },
      { code: '1', parentCode: null, kind: 'part', title: '总体要求', body: '', line: 3, inferred: true },
    ];
    const text = buildCorrectedText('测试方案', nodes, [fix('成长', '发展', 4, 14)]);
    expect(text.blocks.map((b) => [b.key, b.line])).toEqual([
      ['#title', 1],
      ['1', 3],
      ['1.1', 4],
    ]);
    expect(text.blocks[2].body.find((s) => s.fix)?.text).toBe('发展');
    expect(text.blocks[1].inferred).toBe(true);
    expect(text.unplaced).toEqual([]);
  });
});
