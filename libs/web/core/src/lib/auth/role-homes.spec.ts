import { homePathFor, primaryRole } from './role-homes';

describe('role homes', () => {
  it('maps each role to its home', () => {
    expect(homePathFor(['office_admin'])).toBe('/office');
    expect(homePathFor(['office_reviewer'])).toBe('/review');
    expect(homePathFor(['leader'])).toBe('/cockpit');
    expect(homePathFor(['dept_head'])).toBe('/dept');
    expect(homePathFor(['dept_liaison'])).toBe('/dept');
    expect(homePathFor(['viewer'])).toBe('/overview');
  });

  it('picks the highest-priority role when a user holds several', () => {
    expect(primaryRole(['viewer', 'dept_liaison'])).toBe('dept_liaison');
    expect(primaryRole(['viewer', 'office_admin', 'leader'])).toBe('office_admin');
  });

  it('sends a user without roles to the forbidden page', () => {
    expect(primaryRole([])).toBeNull();
    expect(homePathFor([])).toBe('/forbidden');
  });
});
