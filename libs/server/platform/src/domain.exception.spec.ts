import { DomainException } from './domain.exception';

class SampleException extends DomainException {}

describe(DomainException.name, () => {
  it('names the refused field first in both messages and in details, under the caller’s class and code', () => {
    const error = SampleException.badField('SAMPLE_BAD_YEAR', 'year', '年份无效', 'invalid year', { value: 1999 });
    expect(error).toBeInstanceOf(SampleException);
    expect(error).toMatchObject({ status: 400, code: 'SAMPLE_BAD_YEAR', message: 'year: 年份无效', messageEn: 'year: invalid year', details: { field: 'year', value: 1999 } });
  });

  it('words an unknown department code once for every capability', () => {
    const error = SampleException.unknownDepartmentIn('SAMPLE_UNKNOWN_DEPARTMENT', 'department', 'nope');
    expect(error).toMatchObject({ status: 400, message: 'department: 未知部门“nope”', messageEn: 'department: unknown department "nope"', details: { field: 'department' } });
  });
});
