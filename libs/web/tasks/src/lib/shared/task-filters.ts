import { TASK_HEALTHS, TASK_SORTS, TASK_STATUSES, type TaskHealthColor, type TaskListQuery, type TaskSort, type TaskStatus } from '@luoshi/contracts';

/** The list's filters as they live in the URL (/tasks?health=red&sectionCode=2.3 opens a filtered list). */
export interface TaskListFilters {
  planId: string | null;
  partCode: string | null;
  sectionCode: string | null;
  department: string | null;
  leadDepartment: string | null;
  status: TaskStatus[];
  health: TaskHealthColor[];
  dueFrom: string | null;
  dueTo: string | null;
  overdue: boolean;
  /** 退办 tasks only (true), or all but them (false). */
  returned: boolean | null;
  q: string;
  sort: TaskSort;
  page: number;
  pageSize: number;
}

export const TASK_PAGE_SIZES = [20, 50, 100] as const;

export const DEFAULT_TASK_FILTERS: TaskListFilters = {
  planId: null,
  partCode: null,
  sectionCode: null,
  department: null,
  leadDepartment: null,
  status: [],
  health: [],
  dueFrom: null,
  dueTo: null,
  overdue: false,
  returned: null,
  q: '',
  sort: 'code',
  page: 1,
  pageSize: 20,
};

type ParamSource = { get(name: string): string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[0-9A-Za-z.\-]{1,32}$/;
const DEPARTMENT = /^[a-z0-9][a-z0-9-]{0,31}$/;

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((s) => s.trim()));
  // In the canonical order, so the same filter always makes the same URL.
  return allowed.filter((item) => wanted.has(item));
}

function matching(value: string | null, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

function positive(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Reads the URL's query; anything malformed falls back to the default rather than failing the page. */
export function filtersFromParams(params: ParamSource): TaskListFilters {
  const sort = params.get('sort');
  const pageSize = positive(params.get('pageSize'), DEFAULT_TASK_FILTERS.pageSize, 100);
  return {
    planId: matching(params.get('planId'), UUID),
    partCode: matching(params.get('partCode'), CODE),
    sectionCode: matching(params.get('sectionCode'), CODE),
    department: matching(params.get('department'), DEPARTMENT),
    leadDepartment: matching(params.get('leadDepartment'), DEPARTMENT),
    status: listOf(params.get('status'), TASK_STATUSES),
    health: listOf(params.get('health'), TASK_HEALTHS),
    dueFrom: matching(params.get('dueFrom'), ISO_DATE),
    dueTo: matching(params.get('dueTo'), ISO_DATE),
    overdue: params.get('overdue') === 'true',
    returned: params.get('returned') === 'true' ? true : params.get('returned') === 'false' ? false : null,
    q: (params.get('q') ?? '').trim().slice(0, 100),
    sort: sort && (TASK_SORTS as readonly string[]).includes(sort) ? (sort as TaskSort) : DEFAULT_TASK_FILTERS.sort,
    page: positive(params.get('page'), 1),
    pageSize,
  };
}

/** The URL query for the filters: defaults are left out, so a plain list has a plain URL. */
export function paramsFromFilters(filters: TaskListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: string | null) => {
    if (value) out[key] = value;
  };
  put('planId', filters.planId);
  put('partCode', filters.partCode);
  put('sectionCode', filters.sectionCode);
  put('department', filters.department);
  put('leadDepartment', filters.leadDepartment);
  put('status', filters.status.join(','));
  put('health', filters.health.join(','));
  put('dueFrom', filters.dueFrom);
  put('dueTo', filters.dueTo);
  if (filters.overdue) out['overdue'] = 'true';
  if (filters.returned !== null) out['returned'] = String(filters.returned);
  put('q', filters.q.trim());
  if (filters.sort !== DEFAULT_TASK_FILTERS.sort) out['sort'] = filters.sort;
  if (filters.page !== 1) out['page'] = String(filters.page);
  if (filters.pageSize !== DEFAULT_TASK_FILTERS.pageSize) out['pageSize'] = String(filters.pageSize);
  return out;
}

/** The API query for the filters. */
export function queryFromFilters(filters: TaskListFilters, scope: 'mine' | 'all'): TaskListQuery {
  return {
    scope,
    planId: filters.planId ?? undefined,
    partCode: filters.partCode ?? undefined,
    sectionCode: filters.sectionCode ?? undefined,
    department: filters.department ?? undefined,
    leadDepartment: filters.leadDepartment ?? undefined,
    status: filters.status.join(',') || undefined,
    health: filters.health.join(',') || undefined,
    dueFrom: filters.dueFrom ?? undefined,
    dueTo: filters.dueTo ?? undefined,
    overdue: filters.overdue || undefined,
    returned: filters.returned ?? undefined,
    q: filters.q.trim() || undefined,
    sort: filters.sort,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** True when anything narrows the list (the page offers to clear it). */
export function hasActiveFilters(filters: TaskListFilters): boolean {
  const { sort: _sort, page: _page, pageSize: _pageSize, ...rest } = filters;
  const { sort: _s, page: _p, pageSize: _ps, ...defaults } = DEFAULT_TASK_FILTERS;
  return JSON.stringify(rest) !== JSON.stringify(defaults);
}
