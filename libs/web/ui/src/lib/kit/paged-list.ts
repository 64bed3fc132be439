import { computed, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';

/** What a paged list endpoint answers: one page of items and the total they were cut from. */
export interface PageResult<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface PagedListOptions<F extends object, R> {
  /** The filters shown before the user changes any. */
  filters: F;
  pageSize?: number;
  /** One page for the filters; called again whenever filters, page or size change, or on reload. */
  load: (query: F & PageQuery) => Observable<R>;
}

/**
 * Load, page, page size, filters and the loading/error state of a server-paged list. Changing the
 * filters or the size goes back to page 1. Create with `pagedList()` in a field initializer
 * (it builds an rxResource, which needs the injection context).
 */
export class PagedList<T, F extends object, R extends PageResult<T> = PageResult<T>> {
  readonly query = signal<F & PageQuery>({ ...this.options.filters, page: 1, pageSize: this.options.pageSize ?? 20 });
  readonly resource = rxResource({ params: () => this.query(), stream: ({ params }) => this.options.load(params) });
  /** The last answer, kept while the next page loads (undefined before the first). */
  readonly result = computed<R | undefined>(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  readonly rows = computed<T[]>(() => this.result()?.items ?? []);
  readonly total = computed(() => this.result()?.total ?? 0);
  readonly loading = computed(() => this.resource.isLoading());
  readonly error = computed<unknown>(() => this.resource.error());
  /** Loaded, and nothing matches. */
  readonly empty = computed(() => !this.loading() && !this.error() && this.result() !== undefined && this.rows().length === 0);

  constructor(private readonly options: PagedListOptions<F, R>) {}

  setPage(page: number): void {
    if (page !== this.query().page) this.query.update((q) => ({ ...q, page }));
  }

  setPageSize(pageSize: number): void {
    if (pageSize !== this.query().pageSize) this.query.update((q) => ({ ...q, pageSize, page: 1 }));
  }

  /** Replaces the filters (keeping the size) and goes back to page 1. */
  setFilters(filters: F): void {
    this.query.update((q) => ({ ...filters, page: 1, pageSize: q.pageSize }));
  }

  /** Changes some filters and goes back to page 1. */
  patchFilters(patch: Partial<F>): void {
    this.query.update((q) => ({ ...q, ...patch, page: 1 }));
  }

  reload(): void {
    this.resource.reload();
  }
}

export function pagedList<T, F extends object, R extends PageResult<T> = PageResult<T>>(options: PagedListOptions<F, R>): PagedList<T, F, R> {
  return new PagedList<T, F, R>(options);
}
