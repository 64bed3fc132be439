import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asWritten, hasTraditionalCharacters, simplifyCharacters } from './simplify-characters';

const repoRoot = join(__dirname, '../../../..');
const casesDir = join(repoRoot, '..', 'shared', 'plan-import-cases');

describe(simplifyCharacters.name, () => {
  it('reads the words of duty annotations and unit names written in traditional characters', () => {
    expect(simplifyCharacters('（牽頭單位：市發展改革委，配合單位：市財政局、各區、縣級市；完成時限：長期堅持）')).toBe(
      '（牵头单位：市发展改革委，配合单位：市财政局、各区、县级市；完成时限：长期坚持）',
    );
    expect(simplifyCharacters('由國土資源部會同農業部等部門負責落實')).toBe('由国土资源部会同农业部等部门负责落实');
    expect(simplifyCharacters('市級各有關部門及各縣市區政府按職責分工負責')).toBe('市级各有关部门及各县市区政府按职责分工负责');
    expect(simplifyCharacters('市行政審批制度改革工作領導小組辦公室、市科協、市僑聯')).toBe('市行政审批制度改革工作领导小组办公室、市科协、市侨联');
  });

  it('keeps length and positions, surrogate pairs included', () => {
    const text = '𠀀國務院辦公廳A';
    expect(simplifyCharacters(text)).toBe('𠀀国务院办公厅A');
    expect(simplifyCharacters(text).length).toBe(text.length);
  });

  it('leaves a simplified text unchanged: the seed plan and every simplified text of the corpus and the cases', () => {
    const texts = [
      readFileSync(join(repoRoot, 'seeds/plans/zhejiang-yrd-action-plan.raw.txt'), 'utf8'),
      readFileSync(join(repoRoot, 'tools/plan-score/corpus/gz-talent-2012.txt'), 'utf8'),
      readFileSync(join(repoRoot, 'tools/plan-score/corpus/sh-lingang-2016.txt'), 'utf8'),
      ...readdirSync(casesDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(casesDir, f), 'utf8')),
    ];
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(hasTraditionalCharacters(text)).toBe(false);
      expect(simplifyCharacters(text)).toBe(text);
    }
  });

  it('cuts a name found on the shadow from the text as written, and keeps a name that is no span of it', () => {
    const original = '由發展改革委會同中央農辦研究';
    const shadow = simplifyCharacters(original);
    expect(asWritten('发展改革委', shadow, original)).toBe('發展改革委');
    expect(asWritten('中央农办', shadow, original)).toBe('中央農辦');
    expect(asWritten('省发展改革委', shadow, original)).toBe('省发展改革委');
    expect(asWritten('', shadow, original)).toBe('');
  });
});
