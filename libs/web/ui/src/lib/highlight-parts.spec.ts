import { highlightParts } from './highlight-parts';

describe('highlightParts', () => {
  it('marks every occurrence of the term', () => {
    expect(highlightParts('加快港口建设，推进港口协同', '港口')).toEqual([
      { text: '加快', match: false },
      { text: '港口', match: true },
      { text: '建设，推进', match: false },
      { text: '港口', match: true },
      { text: '协同', match: false },
    ]);
  });

  it('ignores case and surrounding blanks; an empty term marks nothing', () => {
    expect(highlightParts('PM2.5 浓度', ' pm2.5 ')).toEqual([
      { text: 'PM2.5', match: true },
      { text: ' 浓度', match: false },
    ]);
    expect(highlightParts('文本', '')).toEqual([{ text: '文本', match: false }]);
    expect(highlightParts('', '港口')).toEqual([]);
  });
});
