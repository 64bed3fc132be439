import { directory, idOf } from './testing/task-fixtures';

describe('DepartmentDirectory', () => {
  const dir = directory();

  it('finds a department by its name, an alias, its code, without 省 or without 市', () => {
    expect(dir.byName('省交通运输厅')?.code).toBe('jtt');
    expect(dir.byName('省发改委')?.code).toBe('fgw');
    expect(dir.byName('jtt')?.code).toBe('jtt');
    expect(dir.byName('交通运输厅')?.code).toBe('jtt');
    expect(dir.byName('杭州')?.code).toBe('hz');
    expect(dir.byName(' 省 科技厅 ')?.code).toBe('kjt');
  });

  it('answers undefined for an unknown or empty name', () => {
    expect(dir.byName('省交通厅')).toBeUndefined();
    expect(dir.byName('')).toBeUndefined();
  });

  it('resolves codes and ids', () => {
    expect(dir.byCode('hz')?.name).toBe('杭州市');
    expect(dir.byId(idOf('nb'))?.code).toBe('nb');
    expect(dir.ref(idOf('nb'))).toEqual({ id: idOf('nb'), code: 'nb', name: '宁波市' });
  });
});
