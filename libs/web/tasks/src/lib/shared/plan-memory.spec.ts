import { planToRestore, readRememberedPlan, rememberPlan } from './plan-memory';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('the task list plan memory', () => {
  it('remembers a plan, or every plan, per user', () => {
    const storage = memoryStorage();
    expect(readRememberedPlan(storage, 'u1')).toBeNull();
    rememberPlan(storage, 'u1', 'plan-a');
    rememberPlan(storage, 'u2', null);
    expect(readRememberedPlan(storage, 'u1')).toEqual({ kind: 'plan', planId: 'plan-a' });
    expect(readRememberedPlan(storage, 'u2')).toEqual({ kind: 'all' });
    rememberPlan(storage, 'u1', null);
    expect(readRememberedPlan(storage, 'u1')).toEqual({ kind: 'all' });
  });

  it('restores only a plan that still exists', () => {
    expect(planToRestore({ kind: 'plan', planId: 'a' }, ['a', 'b'])).toBe('a');
    expect(planToRestore({ kind: 'plan', planId: 'gone' }, ['a', 'b'])).toBeNull();
    expect(planToRestore({ kind: 'all' }, ['a'])).toBeNull();
    expect(planToRestore(null, ['a'])).toBeNull();
  });

  it('survives storage that throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(() => rememberPlan(broken, 'u1', 'a')).not.toThrow();
    expect(readRememberedPlan(broken, 'u1')).toBeNull();
  });
});
