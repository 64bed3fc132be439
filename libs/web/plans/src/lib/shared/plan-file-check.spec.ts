import { checkPlanFile } from './plan-file-check';

describe('checkPlanFile', () => {
  it('accepts .txt, .md, .docx, .doc and .pdf up to 5 MB', () => {
    expect(checkPlanFile({ name: '方案.txt', size: 10 })).toBeNull();
    expect(checkPlanFile({ name: 'plan.MD', size: 10 })).toBeNull();
    expect(checkPlanFile({ name: 'plan.docx', size: 5 * 1024 * 1024 })).toBeNull();
    expect(checkPlanFile({ name: '方案.doc', size: 10 })).toBeNull();
    expect(checkPlanFile({ name: '方案.PDF', size: 10 })).toBeNull();
  });

  it('names the problem', () => {
    expect(checkPlanFile({ name: 'plan.exe', size: 10 })?.key).toBe('planImport.badType');
    expect(checkPlanFile({ name: 'plan.wps', size: 10 })?.key).toBe('planImport.badType');
    expect(checkPlanFile({ name: 'README', size: 10 })?.key).toBe('planImport.badType');
    expect(checkPlanFile({ name: 'empty.txt', size: 0 })?.key).toBe('planImport.emptyFile');
    expect(checkPlanFile({ name: 'big.docx', size: 6 * 1024 * 1024 })).toEqual({
      key: 'planImport.tooLarge',
      params: { name: 'big.docx', size: '6.0 MB' },
    });
  });
});
