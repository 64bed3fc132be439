import { zip } from './testing/document-fixtures';
import { checkZipLimits } from './zip-limits';

const LIMITS = { maxTotalBytes: 10 * 1024 * 1024, maxEntries: 10 };

describe(checkZipLimits.name, () => {
  it('accepts a small container', () => {
    expect(checkZipLimits(zip([{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(1000)) }]), LIMITS)).toBeNull();
  });

  it('refuses a bomb that inflates past the budget, even when its sizes claim otherwise', () => {
    const bomb = zip([{ name: 'sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x41), declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(checkZipLimits(bomb, LIMITS)).toMatch(/more than 10 MB/);
  });

  it('counts the budget over all entries together', () => {
    const parts = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.alloc(3 * 1024 * 1024, 0x42) }));
    expect(checkZipLimits(zip(parts), LIMITS)).toMatch(/more than/);
  });

  it('refuses too many entries and things that are not ZIP containers', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, data: Buffer.from('x') }));
    expect(checkZipLimits(zip(many), LIMITS)).toMatch(/entries/);
    expect(checkZipLimits(Buffer.from('plain text, no zip here at all'), LIMITS)).toMatch(/not a ZIP/);
  });
});
