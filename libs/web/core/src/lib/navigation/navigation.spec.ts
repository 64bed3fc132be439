import { ROLES } from '@luoshi/contracts';
import { NAVIGATION, navigationFor, navigationLeaves } from './navigation';

const ids = (roles: Parameters<typeof navigationFor>[0]) => navigationLeaves(navigationFor(roles)).map((item) => item.id);

describe('navigationFor', () => {
  it('gives office_admin the workbench, plan, task, directory, audit and settings entries', () => {
    expect(ids(['office_admin'])).toEqual([
      'office-home',
      'plan-import',
      'plans',
      'plan-corrections',
      'task-assign',
      'approvals',
      'tasks',
      'special-action-plans',
      'dashboard',
      'indicators',
      'evaluation',
      'bulletins',
      'users',
      'departments',
      'audit',
      'notifications',
      'reminder-settings',
      'approval-templates',
      'channel-settings',
      'calendar-settings',
    ]);
  });

  it('gives each other role only its own entries', () => {
    const common = ['notifications', 'channel-settings', 'calendar-settings'];
    const figures = ['dashboard', 'indicators', 'evaluation'];
    expect(ids(['office_reviewer'])).toEqual(['reviewer-home', 'plans', 'plan-corrections', 'approvals', 'tasks', 'special-action-plans', ...figures, 'bulletins', ...common]);
    expect(ids(['dept_liaison'])).toEqual(['dept-home', 'plans', 'my-tasks', 'reports', 'special-action-plans', ...figures, ...common]);
    expect(ids(['dept_head'])).toEqual(['dept-home', 'plans', 'approvals', 'my-tasks', 'reports', 'special-action-plans', ...figures, ...common]);
    // The leader's home is the dashboard: no second entry for it.
    expect(ids(['leader'])).toEqual(['cockpit', 'plans', 'approvals', 'tasks', 'instructions', 'indicators', 'evaluation', 'bulletins', ...common]);
    expect(ids(['viewer'])).toEqual(['overview', 'plans', 'tasks', ...figures, ...common]);
  });

  it('merges the menus of several roles without duplicates', () => {
    expect(ids(['dept_liaison', 'dept_head'])).toEqual([
      'dept-home',
      'plans',
      'approvals',
      'my-tasks',
      'reports',
      'special-action-plans',
      'dashboard',
      'indicators',
      'evaluation',
      'notifications',
      'channel-settings',
      'calendar-settings',
    ]);
  });

  it('shows nothing without roles and drops groups left empty', () => {
    expect(navigationFor([])).toEqual([]);
    const settings = navigationFor(['viewer']).find((item) => item.id === 'settings');
    expect(settings?.children?.map((child) => child.id)).toEqual(['channel-settings', 'calendar-settings']);
  });

  it('gives every role exactly one home entry with a link', () => {
    for (const role of ROLES) {
      const homes = navigationLeaves(navigationFor([role])).filter((item) => item.home);
      expect(homes).toHaveLength(1);
      expect(homes[0]?.link).toMatch(/^\//);
    }
  });

  it('uses unique ids', () => {
    const all = navigationLeaves(NAVIGATION).map((item) => item.id);
    expect(new Set(all).size).toBe(all.length);
  });
});
