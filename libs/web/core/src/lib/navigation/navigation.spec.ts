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
      'tasks',
      'users',
      'departments',
      'audit',
      'notifications',
      'reminder-settings',
      'channel-settings',
      'calendar-settings',
    ]);
  });

  it('gives each other role only its own entries', () => {
    const common = ['notifications', 'channel-settings', 'calendar-settings'];
    expect(ids(['office_reviewer'])).toEqual(['reviewer-home', 'plans', 'plan-corrections', 'approvals', 'tasks', ...common]);
    expect(ids(['dept_liaison'])).toEqual(['dept-home', 'plans', 'my-tasks', 'reports', ...common]);
    expect(ids(['dept_head'])).toEqual(['dept-home', 'plans', 'my-tasks', 'report-approvals', ...common]);
    expect(ids(['leader'])).toEqual(['cockpit', 'plans', 'tasks', 'instructions', ...common]);
    expect(ids(['viewer'])).toEqual(['overview', 'plans', 'tasks', ...common]);
  });

  it('merges the menus of several roles without duplicates', () => {
    expect(ids(['dept_liaison', 'dept_head'])).toEqual([
      'dept-home',
      'plans',
      'my-tasks',
      'reports',
      'report-approvals',
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
