import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

/** A component test's host, rendered as users see it (NG-ZORRO in zh-CN) and stable. */
export async function renderInZh<T>(component: Type<T>): Promise<{ fixture: ComponentFixture<T>; element: HTMLElement }> {
  TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] });
  const fixture = TestBed.createComponent(component);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement };
}
