import { CorrectionsFormatError, parseCorrectionsTsv } from './parse-corrections-tsv';

describe(parseCorrectionsTsv.name, () => {
  it('reads rows, skipping comments and blank lines', () => {
    const tsv = '# header\n\n鞭策\t推动\n外\t中\t外(?=小企业)\n金山区智慧教育云平台\t\t(?<=方案)金山区智慧教育云平台$\n';
    expect(parseCorrectionsTsv(tsv)).toEqual([
      { wrong: '鞭策', right: '推动' },
      { wrong: '外', right: '中', context: '外(?=小企业)' },
      { wrong: '金山区智慧教育云平台', right: '', context: '(?<=方案)金山区智慧教育云平台$' },
    ]);
  });

  it('names the line of a row without a tab', () => {
    expect(() => parseCorrectionsTsv('# c\n鞭策\t推动\n成长 发展\n')).toThrow('第3行');
    try {
      parseCorrectionsTsv('# c\n鞭策\t推动\n成长 发展\n');
    } catch (error) {
      expect(error).toBeInstanceOf(CorrectionsFormatError);
      expect((error as CorrectionsFormatError).line).toBe(3);
    }
  });

  it('rejects an invalid context regex, too many columns, empty wrong and duplicates with the line', () => {
    expect(() => parseCorrectionsTsv('外\t中\t外(?=小')).toThrow(/第1行：上下文不是有效的正则表达式/);
    expect(() => parseCorrectionsTsv('a\tb\tc\td')).toThrow(/第1行：列数过多/);
    expect(() => parseCorrectionsTsv('\t推动')).toThrow(/第1行：“错误写法”列为空/);
    expect(() => parseCorrectionsTsv('鞭策\t推动\n鞭策\t推进')).toThrow(/第2行：与第1行重复/);
    expect(() => parseCorrectionsTsv('外\t中\t小企业')).toThrow(/第1行：上下文“小企业”不包含错误写法/);
    expect(() => parseCorrectionsTsv('推动\t推动')).toThrow(/第1行：错误写法与正确写法相同/);
  });
});
