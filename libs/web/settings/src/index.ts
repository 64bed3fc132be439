import './lib/settings.translations';
export * from './lib/notifications/notifications.page';
export * from './lib/settings.routes';
