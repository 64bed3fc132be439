// Component tests run zoneless, as the app does (provideZonelessChangeDetection in apps/web).
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
