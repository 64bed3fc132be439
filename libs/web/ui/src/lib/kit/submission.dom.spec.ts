import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { submission } from './submission';

describe('Submission', () => {
  const create = () => TestBed.runInInjectionContext(() => submission());

  it('run keeps saving on after the result (the caller usually leaves) and ignores a second submit meanwhile', () => {
    const work = create();
    const call = new Subject<string>();
    const results: string[] = [];
    work.run(call, (result) => results.push(result));
    work.run(new Subject<string>(), () => results.push('second'));
    expect(work.saving()).toBe(true);
    call.next('saved');
    expect(results).toEqual(['saved']);
    expect(work.saving()).toBe(true);
  });

  it('runAndStay ends saving before the result is handed on, so the page can submit again', () => {
    const work = create();
    const call = new Subject<string>();
    const seen: boolean[] = [];
    work.runAndStay(call, () => seen.push(work.saving()));
    expect(work.saving()).toBe(true);
    call.next('saved');
    expect(seen).toEqual([false]);
    expect(work.saving()).toBe(false);
  });
});
