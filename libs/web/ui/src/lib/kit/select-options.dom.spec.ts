import { SelectOptionsPipe } from './select-options.pipe';

describe('SelectOptionsPipe', () => {
  const pipe = new SelectOptionsPipe();
  const plans = [
    { id: 'p1', title: '十五五规划', code: '1' },
    { id: 'p2', title: '专项计划', code: '2' },
  ];

  it('maps records to value/label options by field or by function', () => {
    expect(pipe.transform(plans, 'id', 'title')).toEqual([
      { value: 'p1', label: '十五五规划' },
      { value: 'p2', label: '专项计划' },
    ]);
    expect(pipe.transform(plans, 'code', (p) => `${p.code} ${p.title}`)[1]).toEqual({ value: '2', label: '2 专项计划' });
  });

  it('gives no options before the list has loaded', () => {
    expect(pipe.transform(undefined, 'id', 'title')).toEqual([]);
    expect(pipe.transform(null, 'id', 'title')).toEqual([]);
  });
});
