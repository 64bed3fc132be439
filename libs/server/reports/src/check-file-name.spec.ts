import { checkFileName } from './check-file-name';

describe(checkFileName.name, () => {
  it('keeps an ordinary Chinese file name', () => {
    expect(checkFileName(' 2026年第四季度进展佐证.pdf ')).toEqual({ ok: true, name: '2026年第四季度进展佐证.pdf' });
    expect(checkFileName('a..b.pdf')).toEqual({ ok: true, name: 'a..b.pdf' });
  });

  it.each([
    ['../../etc/passwd'],
    ['..\\..\\windows\\system.ini'],
    ['/etc/passwd'],
    ['C:\\evil.pdf'],
    ['..'],
    ['.htaccess'],
    ['evil\u0000.pdf'],
    ['a\nb.pdf'],
    ['what?.pdf'],
    [''],
    ['x'.repeat(201)],
    ['报告\u202efdp.exe'],
    ['report\u202aa.pdf'],
    ['\u2066isolated\u2069.pdf'],
    ['x\u2068.pdf'],
    ['x\u202d.pdf'],
  ])('refuses %j', (name) => {
    const result = checkFileName(name);
    expect(result.ok).toBe(false);
  });
});
