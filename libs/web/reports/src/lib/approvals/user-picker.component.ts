import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { of } from 'rxjs';
import type { TaskUserRef } from '@luoshi/contracts';
import { AuthService, DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { SelectOptionsPipe } from '@luoshi/web/ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Option {
  id: string;
  label: string;
}

/**
 * Picks one user. The office administrator chooses from the whole directory (GET /api/users is
 * theirs alone); everyone else from the people the caller passes in (those seen in the approval or
 * the inbox), or by pasting a user ID.
 */
@Component({
  selector: 'luoshi-user-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzSelectModule, TranslatePipe, SelectOptionsPipe],
  template: `
    <nz-select
      class="picker"
      nzShowSearch
      nzAllowClear
      [nzPlaceHolder]="'decision.userPlaceholder' | t"
      [nzLoading]="directory.isLoading()"
      [ngModel]="value()"
      (ngModelChange)="value.set($event)"
      (nzOnSearch)="search.set($event.trim())"
      [nzStatus]="invalid() ? 'error' : ''"
      [attr.data-testid]="testId()"
      [nzOptions]="options() | selectOptions: 'id' : 'label'"
    />
    @if (!fullDirectory()) {
      <p class="hint">{{ 'decision.usersLimited' | t }}</p>
    }
  `,
  styles: `
    :host { display: block; }
    .picker { width: 100%; }
    .hint { margin: 4px 0 0; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class UserPickerComponent {
  private readonly auth = inject(AuthService);
  private readonly api = inject(DirectoryApi);
  private readonly i18n = inject(I18nService);

  readonly value = model<string | null>(null);
  /** People known from context (approvers, drafter, cc …). */
  readonly known = input<readonly TaskUserRef[]>([]);
  /** Left out of the list (e.g. me, or the step's current approvers). */
  readonly exclude = input<readonly string[]>([]);
  readonly invalid = input(false);
  readonly testId = input('user-picker');

  protected readonly search = signal('');
  protected readonly fullDirectory = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly directory = rxResource({
    params: () => this.fullDirectory(),
    stream: ({ params: full }) => (full ? this.api.users() : of([])),
  });

  protected readonly options = computed<Option[]>(() => {
    const seen = new Map<string, Option>();
    const add = (id: string, label: string) => {
      if (!seen.has(id) && !this.exclude().includes(id)) seen.set(id, { id, label });
    };
    if (this.directory.hasValue()) {
      for (const u of this.directory.value()) {
        if (u.active) add(u.id, `${u.displayName}（${u.username} · ${u.department.shortName}）`);
      }
    }
    for (const u of this.known()) add(u.id, u.displayName);
    const typed = this.search();
    if (UUID.test(typed)) add(typed.toLowerCase(), this.i18n.t('decision.userById', { id: typed.toLowerCase() }));
    const chosen = this.value();
    if (chosen && !seen.has(chosen)) seen.set(chosen, { id: chosen, label: this.i18n.t('decision.userById', { id: chosen }) });
    return [...seen.values()];
  });
}
