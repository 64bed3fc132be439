import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { Observable, of, throwError } from 'rxjs';
import { ListStateComponent } from './list-state.component';
import { type PageResult, pagedList } from './paged-list';

interface Query {
  status: string | null;
  page: number;
  pageSize: number;
}

const ROWS = Array.from({ length: 45 }, (_, i) => ({ id: `t${i + 1}`, status: i % 3 === 0 ? 'done' : 'open' }));
let calls: Query[] = [];
let failNext = false;

/** A fake endpoint that pages and filters like the API does. */
function load(query: Query): Observable<PageResult<{ id: string; status: string }>> {
  calls.push(query);
  if (failNext) {
    failNext = false;
    return throwError(() => new HttpErrorResponse({ status: 503 }));
  }
  const matching = ROWS.filter((r) => !query.status || r.status === query.status);
  const start = (query.page - 1) * query.pageSize;
  return of({ items: matching.slice(start, start + query.pageSize), total: matching.length });
}

@Component({
  selector: 'luoshi-test-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListStateComponent],
  template: `
    <luoshi-list-state [error]="list.error()" [empty]="list.empty()" emptyText="Nothing here" (retry)="list.reload()">
      <ul>
        @for (row of list.rows(); track row.id) {
          <li data-testid="row">{{ row.id }}</li>
        }
      </ul>
      <span data-testid="total">{{ list.total() }}</span>
    </luoshi-list-state>
  `,
})
class TestListPage {
  readonly list = pagedList({ initial: { status: null, page: 1, pageSize: 10 } as Query, load });
}

describe('pagedList() with ListStateComponent', () => {
  let fixture: ComponentFixture<TestListPage>;
  const rows = () => [...fixture.nativeElement.querySelectorAll('[data-testid="row"]')].map((li: HTMLElement) => li.textContent?.trim());
  const byTestId = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

  beforeEach(async () => {
    calls = [];
    failNext = false;
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] });
    fixture = TestBed.createComponent(TestListPage);
    await fixture.whenStable();
  });

  it('shows the first page and the total', () => {
    expect(calls).toEqual([{ status: null, page: 1, pageSize: 10 }]);
    expect(rows()).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10']);
    expect(byTestId('total')?.textContent).toBe('45');
    expect(byTestId('list-empty')).toBeNull();
  });

  it('pages, and goes back to page 1 when the filters or the size change', async () => {
    const list = fixture.componentInstance.list;
    list.setPage(5);
    await fixture.whenStable();
    expect(rows()).toEqual(['t41', 't42', 't43', 't44', 't45']);

    list.patchFilters({ status: 'done' });
    await fixture.whenStable();
    expect(calls.at(-1)).toEqual({ status: 'done', page: 1, pageSize: 10 });
    expect(byTestId('total')?.textContent).toBe('15');
    expect(rows()[0]).toBe('t1');
    expect(rows()[1]).toBe('t4');

    list.setPage(2);
    list.setPageSize(20);
    await fixture.whenStable();
    expect(calls.at(-1)).toEqual({ status: 'done', page: 1, pageSize: 20 });
    expect(rows()).toHaveLength(15);
  });

  it('shows the empty note when nothing matches', async () => {
    fixture.componentInstance.list.setFilters({ status: 'archived' });
    await fixture.whenStable();
    expect(rows()).toEqual([]);
    expect(byTestId('list-empty')?.textContent).toContain('Nothing here');
  });

  it('follows a query that lives elsewhere, and refuses to change it itself', async () => {
    const status = signal<string | null>('done');
    const outside = TestBed.runInInjectionContext(() => pagedList({ query: () => ({ status: status(), page: 2, pageSize: 10 }), load }));
    TestBed.tick();
    await fixture.whenStable();
    expect(outside.rows().map((r) => r.id)).toEqual(['t31', 't34', 't37', 't40', 't43']);
    expect(outside.totalLabel()).toBe('15');
    status.set(null);
    TestBed.tick();
    await fixture.whenStable();
    expect(outside.total()).toBe(45);
    expect(() => outside.setPage(1)).toThrow(/outside query/);
  });

  it('shows the load error with a retry that loads again', async () => {
    failNext = true;
    fixture.componentInstance.list.reload();
    await fixture.whenStable();
    expect(byTestId('load-error')?.textContent).toContain('服务暂不可用');
    expect(byTestId('list-empty')).toBeNull();

    (byTestId('load-error')?.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(byTestId('load-error')).toBeNull();
    expect(rows()).toHaveLength(10);
    expect(calls).toHaveLength(3);
  });
});
