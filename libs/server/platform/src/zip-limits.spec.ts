import { deflateRawSync } from 'node:zlib';
import { checkZipLimits } from './zip-limits';

/** A minimal ZIP writer for tests: deflated entries, with sizes that may lie. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const compressed = deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

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
