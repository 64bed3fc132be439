import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { AuthService, TranslatePipe } from '@luoshi/web/core';
import { RoleTagComponent } from '@luoshi/web/ui';

/** A home page's heading (data-testid="home-title") and greeting. */
@Component({
  selector: 'luoshi-home-intro',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, RoleTagComponent],
  template: `
    <div class="intro">
      <h1 class="intro__title" data-testid="home-title">{{ heading() }}</h1>
      @if (auth.user(); as me) {
        <p class="intro__greeting">
          <span>{{ 'home.greeting' | t: { name: me.displayName } }}</span>
          <span class="intro__sep">·</span>
          <span>{{ me.department.name }}</span>
          <span class="intro__sep">·</span>
          @for (role of me.roles; track role) {
            <luoshi-role-tag [role]="role" />
          }
        </p>
      }
    </div>
  `,
  styles: `
    .intro { margin-bottom: 20px; }
    .intro__title { margin: 0; font-size: 22px; font-weight: 600; line-height: 1.4; }
    .intro__greeting { margin: 6px 0 0; color: rgba(0, 0, 0, 0.6); display: flex; align-items: center; flex-wrap: wrap; gap: 6px; }
    .intro__sep { color: rgba(0, 0, 0, 0.6); }
  `,
})
export class HomeIntroComponent {
  protected readonly auth = inject(AuthService);
  readonly heading = input.required<string>();
}
