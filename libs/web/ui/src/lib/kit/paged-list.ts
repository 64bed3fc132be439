import { computed, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';

/** What a paged list endpoint answers: one page of items and the total they were cut from. */
export interface PageResult<T> {
  items: T[];
  total: number;
  /** false when the server stopped counting at its cap (the total is then shown as "n+"). */
  totalExact?: boolean;
}

/** Optional: a query owned elsewhere may leave them to the server's defaults. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export type PageFilters<Q extends PageQuery> = Omit<Q, keyof PageQuery>;

export interface PagedListOptions<Q extends PageQuery, R> {
  /**
   * The list keeps its own query, starting here; setPage, setPageSize, setFilters and patchFilters
   * change it. Leave out when `query` is given.
   */
  initial?: Q;
  /** Or: the query lives elsewhere (e.g. in the URL); the page changes it there itself. */
  query?: () => Q;
  /** One page for the query; called again whenever the query changes, or on reload. */
  load: (query: Q) => Observable<R>;
}

/**
 * Load, page, page size, filters and the loading/error state of a server-paged list. Changing the
 * filters or the size goes back to page 1. Create with `pagedList()` in a field initializer
 * (it builds an rxResource, which needs the injection context).
 */
export class PagedList<Q extends PageQuery, R extends PageResult<unknown>> {
  private readonly own = signal<Q>(this.options.initial ?? ({ page: 1, pageSize: 20 } as Q));
  readonly query = computed<Q>(() => (this.options.query ? this.options.query() : this.own()));
  readonly resource = rxResource({ params: () => this.query(), stream: ({ params }) => this.options.load(params) });
  /** The last answer, kept while the next page loads (undefined before the first). */
  readonly result = computed<R | undefined>(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  readonly rows = computed<R['items']>(() => this.result()?.items ?? []);
  readonly total = computed(() => this.result()?.total ?? 0);
  /** The total as shown: exact, or "10,000+" when the server stopped counting at its cap. */
  readonly totalLabel = computed(() => {
    const n = this.total().toLocaleString('en-US');
    return this.result()?.totalExact === false ? `${n}+` : n;
  });
  readonly loading = computed(() => this.resource.isLoading());
  readonly error = computed<unknown>(() => this.resource.error());
  /** Loaded, and nothing matches. */
  readonly empty = computed(() => !this.loading() && !this.error() && this.result() !== undefined && this.rows().length === 0);

  constructor(private readonly options: PagedListOptions<Q, R>) {}

  setPage(page: number): void {
    if (page !== this.query().page) this.change((q) => ({ ...q, page }));
  }

  setPageSize(pageSize: number): void {
    if (pageSize !== this.query().pageSize) this.change((q) => ({ ...q, pageSize, page: 1 }));
  }

  /** Replaces the filters (keeping the size) and goes back to page 1. */
  setFilters(filters: PageFilters<Q>): void {
    this.change((q) => ({ ...filters, page: 1, pageSize: q.pageSize }) as Q);
  }

  /** Changes some filters and goes back to page 1. */
  patchFilters(patch: Partial<PageFilters<Q>>): void {
    this.change((q) => ({ ...q, ...patch, page: 1 }));
  }

  reload(): void {
    this.resource.reload();
  }

  private change(next: (query: Q) => Q): void {
    // A query that lives elsewhere is changed there (a programming error to call these then).
    if (this.options.query) throw new Error('PagedList: this list follows an outside query; change that instead');
    this.own.update(next);
  }
}

export function pagedList<Q extends PageQuery, R extends PageResult<unknown>>(options: PagedListOptions<Q, R>): PagedList<Q, R> {
  return new PagedList<Q, R>(options);
}
