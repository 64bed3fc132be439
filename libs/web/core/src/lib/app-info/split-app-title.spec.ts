import { splitAppTitle } from './split-app-title';

describe(splitAppTitle.name, () => {
  it('splits the configured title into the name and the tagline', () => {
    expect(splitAppTitle('落实 · 任务督办')).toEqual({ name: '落实', tagline: '任务督办' });
    expect(splitAppTitle('Luoshi · Task supervision')).toEqual({ name: 'Luoshi', tagline: 'Task supervision' });
  });

  it('keeps a title without a separator as the name', () => {
    expect(splitAppTitle('督查督办系统')).toEqual({ name: '督查督办系统', tagline: '' });
  });
});
