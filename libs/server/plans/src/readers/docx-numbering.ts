import { formatListNumber } from './format-list-number';
import { attr, children, child, type XmlElement } from './xml';

/**
 * Word's automatic numbering (word/numbering.xml): resolves each numbered paragraph to the label
 * Word shows (一、 （一） 1.), keeping Word's counters: lists sharing an abstract definition continue,
 * a higher level resets the deeper ones, w:startOverride restarts a list instance.
 */
interface LevelDefinition {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  restart?: number; // w:lvlRestart: the level (1-based) whose change restarts this one; 0 = never
  suff: 'tab' | 'space' | 'nothing';
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDefinition }>;
}

export interface NumberingReference {
  numId: string;
  ilvl: number;
}

function readLevel(lvl: XmlElement): LevelDefinition {
  const val = (name: string) => attr(child(lvl, name), 'val');
  const isLglEl = child(lvl, 'isLgl');
  const restart = val('lvlRestart');
  return {
    start: Number(val('start') ?? 1),
    numFmt: val('numFmt') ?? 'decimal',
    lvlText: val('lvlText') ?? '',
    isLgl: !!isLglEl && attr(isLglEl, 'val') !== '0' && attr(isLglEl, 'val') !== 'false',
    restart: restart === undefined ? undefined : Number(restart),
    suff: (val('suff') as LevelDefinition['suff'] | undefined) ?? 'tab',
  };
}

export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, LevelDefinition>>();
  private readonly abstractStyleLinks = new Map<string, string>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counters per abstract definition (Word continues a list across its instances). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly startedNums = new Set<string>();

  constructor(
    numberingRoot: XmlElement | undefined,
    private readonly styleNumbering: (styleId: string) => NumberingReference | undefined = () => undefined,
  ) {
    if (!numberingRoot) return;
    for (const abstract of children(numberingRoot, 'abstractNum')) {
      const id = attr(abstract, 'abstractNumId') ?? '';
      const levels = new Map<number, LevelDefinition>();
      for (const lvl of children(abstract, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl));
      this.abstracts.set(id, levels);
      const link = attr(child(abstract, 'numStyleLink'), 'val');
      if (link) this.abstractStyleLinks.set(id, link);
    }
    for (const num of children(numberingRoot, 'num')) {
      const overrides = new Map<number, { start?: number; level?: LevelDefinition }>();
      for (const override of children(num, 'lvlOverride')) {
        const startOverride = attr(child(override, 'startOverride'), 'val');
        const lvl = child(override, 'lvl');
        overrides.set(Number(attr(override, 'ilvl') ?? 0), {
          start: startOverride === undefined ? undefined : Number(startOverride),
          level: lvl ? readLevel(lvl) : undefined,
        });
      }
      this.nums.set(attr(num, 'numId') ?? '', { abstractId: attr(child(num, 'abstractNumId'), 'val') ?? '', overrides });
    }
  }

  /** The abstract definition behind a list instance, following w:numStyleLink once. */
  private resolveAbstract(num: NumInstance): string {
    const link = this.abstractStyleLinks.get(num.abstractId);
    if (!link) return num.abstractId;
    const linked = this.styleNumbering(link);
    const target = linked ? this.nums.get(linked.numId) : undefined;
    return target ? target.abstractId : num.abstractId;
  }

  private level(num: NumInstance, abstractId: string, ilvl: number): LevelDefinition | undefined {
    return num.overrides.get(ilvl)?.level ?? this.abstracts.get(abstractId)?.get(ilvl);
  }

  /** Advances the counters for one numbered paragraph and returns its label ('' for bullets/none). */
  next(ref: NumberingReference): string {
    const num = this.nums.get(ref.numId);
    if (!num) return '';
    const abstractId = this.resolveAbstract(num);
    const definition = this.level(num, abstractId, ref.ilvl);
    if (!definition) return '';
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(abstractId, counters);
    }
    // A list instance with start overrides restarts those levels the first time it is used.
    if (!this.startedNums.has(ref.numId)) {
      this.startedNums.add(ref.numId);
      for (const [ilvl, override] of num.overrides) {
        if (override.start !== undefined) counters[ilvl] = override.start - 1;
      }
    }
    const start = definition.start;
    const current = counters[ref.ilvl];
    counters[ref.ilvl] = current === undefined ? start : current + 1;
    for (let deeper = ref.ilvl + 1; deeper < 9; deeper++) {
      const deeperDef = this.level(num, abstractId, deeper);
      // w:lvlRestart="0" never restarts; otherwise a level restarts when a shallower level advances.
      if (deeperDef?.restart === 0) continue;
      if (deeperDef?.restart !== undefined && deeperDef.restart - 1 > ref.ilvl) continue;
      counters[deeper] = undefined;
    }
    if (definition.numFmt === 'bullet') return '';
    const label = definition.lvlText.replace(/%([1-9])/g, (_, n: string) => {
      const ilvl = Number(n) - 1;
      const levelDef = this.level(num, abstractId, ilvl);
      const value = counters[ilvl] ?? levelDef?.start ?? 1;
      const fmt = definition.isLgl && ilvl !== ref.ilvl ? 'decimal' : (levelDef?.numFmt ?? 'decimal');
      return formatListNumber(value, fmt);
    });
    if (!label) return '';
    // Chinese labels end in their own punctuation (一、 （一） 1.); otherwise Word's tab/space shows as a space.
    const separator = definition.suff === 'nothing' || /[、.．）)]$/.test(label) ? '' : ' ';
    return label + separator;
  }
}
