import { containsPattern, isCodeTerm, parseSearchTerms } from './search-terms';

describe(parseSearchTerms.name, () => {
  it('splits on half- and full-width spaces and drops empties and repeats', () => {
    expect(parseSearchTerms(' 交通　港口  交通 ')).toEqual(['交通', '港口']);
  });

  it('gives nothing for an empty box', () => {
    expect(parseSearchTerms('')).toEqual([]);
    expect(parseSearchTerms(undefined)).toEqual([]);
    expect(parseSearchTerms('   ')).toEqual([]);
  });

  it('keeps at most five words of at most 50 characters', () => {
    expect(parseSearchTerms('a b c d e f g')).toHaveLength(5);
    expect(parseSearchTerms('字'.repeat(80))[0]).toHaveLength(50);
  });
});

describe(containsPattern.name, () => {
  it('wraps the term in % and escapes LIKE wildcards', () => {
    expect(containsPattern('港口')).toBe('%港口%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe(isCodeTerm.name, () => {
  it('knows measure codes and split-task codes', () => {
    for (const code of ['2', '2.1', '2.1.2', '3.1.1.1', '2.1.2-1']) expect({ code, is: isCodeTerm(code) }).toEqual({ code, is: true });
  });

  it('does not take words, versions or decimals with text for codes', () => {
    for (const term of ['港口', 'PM2.5', '2.1.', '.2', '2..1', '2.1.2-', 'v2.1']) expect({ term, is: isCodeTerm(term) }).toEqual({ term, is: false });
  });
});
