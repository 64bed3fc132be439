import { DEFAULT_TASK_FILTERS, filtersFromParams, hasActiveFilters, paramsFromFilters, queryFromFilters } from './task-filters';

const params = (query: Record<string, string>) => ({ get: (name: string) => query[name] ?? null });

describe('task list filters in the URL', () => {
  it('reads a dashboard link', () => {
    const filters = filtersFromParams(params({ health: 'red', sectionCode: '2.3' }));
    expect(filters).toEqual({ ...DEFAULT_TASK_FILTERS, health: ['red'], sectionCode: '2.3' });
    expect(queryFromFilters(filters, 'all')).toEqual({ scope: 'all', health: 'red', sectionCode: '2.3', sort: 'code', page: 1, pageSize: 20 });
  });

  it('keeps lists in canonical order and drops unknown values', () => {
    const filters = filtersFromParams(params({ status: 'accepted,bogus,draft', health: 'green,red', overdue: 'true', q: '  港口 ' }));
    expect(filters.status).toEqual(['draft', 'accepted']);
    expect(filters.health).toEqual(['green', 'red']);
    expect(filters.overdue).toBe(true);
    expect(filters.q).toBe('港口');
  });

  it('falls back to defaults for malformed values', () => {
    const filters = filtersFromParams(
      params({ planId: 'nope', dueFrom: '2027-6-1', page: '-3', pageSize: '500', sort: 'title', department: 'JTT', partCode: 'a b' }),
    );
    expect(filters).toEqual({ ...DEFAULT_TASK_FILTERS, pageSize: 100 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(paramsFromFilters(DEFAULT_TASK_FILTERS)).toEqual({});
    const filters = { ...DEFAULT_TASK_FILTERS, status: ['assigned' as const], leadDepartment: 'jtt', dueTo: '2027-06-30', sort: '-dueDate' as const, page: 3 };
    const written = paramsFromFilters(filters);
    expect(written).toEqual({ status: 'assigned', leadDepartment: 'jtt', dueTo: '2027-06-30', sort: '-dueDate', page: '3' });
    expect(filtersFromParams(params(written))).toEqual(filters);
  });

  it('knows when the list is narrowed (paging and sorting do not count)', () => {
    expect(hasActiveFilters({ ...DEFAULT_TASK_FILTERS, page: 4, sort: '-updatedAt' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_TASK_FILTERS, overdue: true })).toBe(true);
  });
});
