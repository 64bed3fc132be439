import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Subject } from 'rxjs';
import { pageAction } from './page-action';

describe('pageAction()', () => {
  let toasts: string[];

  beforeEach(() => {
    toasts = [];
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [{ provide: NzMessageService, useValue: { error: (text: string) => toasts.push(text) } }] });
  });

  it('marks the row busy while the call runs and hands over the result', () => {
    const action = TestBed.runInInjectionContext(() => pageAction<string>());
    const reply = new Subject<number>();
    const results: number[] = [];
    action.runFor('row-1', reply, (n) => results.push(n));
    expect(action.busy()).toBe('row-1');
    expect(action.running()).toBe(true);
    reply.next(7);
    expect(action.busy()).toBeNull();
    expect(results).toEqual([7]);
    expect(toasts).toEqual([]);
  });

  it("toasts the API's message when it fails, then runs `failed`", () => {
    const action = TestBed.runInInjectionContext(() => pageAction());
    const reply = new Subject<void>();
    let failed = 0;
    action.run(reply, () => undefined, () => failed++);
    expect(action.running()).toBe(true);
    reply.error(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'STALE', message: '任务已被他人修改', messageEn: 'Changed' } }));
    expect(action.running()).toBe(false);
    expect(toasts).toEqual(['任务已被他人修改']);
    expect(failed).toBe(1);
  });
});
