import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { Observable, of, throwError } from 'rxjs';
import { ListStateComponent } from './list-state.component';
import { type PageQuery, type PageResult, pagedList } from './paged-list';

interface Filters {
  status: string | null;
}

const ROWS = Array.from({ length: 45 }, (_, i) => ({ id: `t${i + 1}`, status: i % 3 === 0 ? 'done' : 'open' }));
let calls: (Filters & PageQuery)[] = [];
let failNext = false;

/** A fake endpoint that pages and filters like the API does. */
function load(query: Filters & PageQuery): Observable<PageResult<{ id: string; status: string }>> {
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
  readonly list = pagedList({ filters: { status: null } as Filters, pageSize: 10, load });
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
