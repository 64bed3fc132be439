import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { MapDepartmentNameRequest, UnresolvedDepartmentName } from '@luoshi/contracts';
import { I18nService, PlansApi, TranslatePipe, type TranslationKey } from '@luoshi/web/core';
import { departmentDirectory, pageAction, SelectOptionsPipe } from '@luoshi/web/ui';

type NewKind = 'provincial' | 'city' | 'county';

/**
 * Department names in the duties that the directory does not know. Each can become an alias of an
 * existing department or a new department; the directory keeps the mapping and `mapped` asks the
 * page to preview again. Unmapped names are kept as written.
 */
@Component({
  selector: 'luoshi-unknown-departments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzCardModule, NzInputModule, NzSelectModule, TranslatePipe, SelectOptionsPipe],
  template: `
    <nz-card nzSize="small" [nzTitle]="'deptMapping.title' | t: { n: names().length }" class="card" data-testid="unknown-departments">
      <p class="hint">{{ 'deptMapping.hint' | t }}</p>
      @for (item of names(); track item.name) {
        <div class="row" [attr.data-testid]="'unknown-' + item.name">
          <span class="name">{{ item.name }}</span>
          <span class="muted">{{ 'deptMapping.occurrences' | t: { n: item.occurrences } }}</span>
          <nz-select
            class="pick"
            nzShowSearch
            [nzPlaceHolder]="'deptMapping.pickDepartment' | t"
            [ngModel]="target()[item.name] ?? null"
            (ngModelChange)="setTarget(item.name, $event)"
            data-testid="map-department"
            [nzOptions]="departments.list() | selectOptions: 'code' : 'name'"
          />
          <button nz-button nzSize="small" [disabled]="!target()[item.name] || mapAction.running()" (click)="alias(item.name)" data-testid="map-alias">
            {{ 'deptMapping.saveAlias' | t }}
          </button>
          <span class="or"></span>
          <nz-select class="kind" nzSize="small" [ngModel]="kind()[item.name] ?? 'provincial'" (ngModelChange)="setKind(item.name, $event)">
            @for (k of kinds; track k) {
              <nz-option [nzValue]="k" [nzLabel]="kindLabel(k) | t" />
            }
          </nz-select>
          <button nz-button nzSize="small" [disabled]="mapAction.running()" (click)="create(item.name)" data-testid="map-create">{{ 'deptMapping.create' | t }}</button>
        </div>
      }
    </nz-card>
  `,
  styles: `
    .card { margin-bottom: 16px; }
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 0; border-top: 1px solid #f5f5f5; }
    .name { min-width: 160px; font-weight: 500; color: #ad4e00; }
    .muted { color: rgba(0, 0, 0, 0.6); min-width: 70px; }
    .pick { width: 200px; }
    .kind { width: 110px; }
    .or { width: 12px; }
  `,
})
export class UnknownDepartmentsComponent {
  private readonly plansApi = inject(PlansApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly names = input.required<readonly UnresolvedDepartmentName[]>();
  /** A name was mapped: the page previews again with the updated directory. */
  readonly mapped = output<string>();

  protected readonly kinds: readonly NewKind[] = ['provincial', 'city', 'county'];
  protected readonly departments = departmentDirectory((d) => d.kind !== 'office');
  protected readonly target = signal<Partial<Record<string, string>>>({});
  protected readonly kind = signal<Partial<Record<string, NewKind>>>({});
  protected readonly mapAction = pageAction();

  protected kindLabel(kind: NewKind): TranslationKey {
    return `kinds.${kind}`;
  }

  protected setTarget(name: string, code: string | null): void {
    this.target.update((t) => ({ ...t, [name]: code ?? '' }));
  }

  protected setKind(name: string, kind: NewKind): void {
    this.kind.update((k) => ({ ...k, [name]: kind }));
  }

  protected alias(name: string): void {
    const code = this.target()[name];
    if (code) this.send({ name, departmentCode: code });
  }

  protected create(name: string): void {
    this.send({ name, create: { kind: this.kind()[name] ?? 'provincial' } });
  }

  private send(body: MapDepartmentNameRequest): void {
    this.mapAction.run(this.plansApi.mapDepartment(body), (res) => {
      this.message.success(
        res.created
          ? this.i18n.t('deptMapping.createdDepartment', { name: res.department.name })
          : this.i18n.t('deptMapping.mapped', { name: res.name, department: res.department.name }),
      );
      this.departments.resource.reload();
      this.mapped.emit(res.name);
    });
  }
}
