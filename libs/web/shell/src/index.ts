import './lib/shell.translations';
export * from './lib/app-layout.component';
export * from './lib/coming-soon.page';
export * from './lib/notification-bell.component';
export * from './lib/profile-drawer.component';
export * from './lib/status.page';
