import type { TextsOf } from '@luoshi/web/core';
import type { SHELL_ZH } from './shell.translations.zh';

export const SHELL_EN: TextsOf<typeof SHELL_ZH> = {
  header: {
    profile: 'Profile',
    logout: 'Sign out',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
  },
  profile: {
    title: 'Profile',
    username: 'Username',
    displayName: 'Name',
    roles: 'Roles',
    department: 'Department',
    departmentCode: 'Department code',
    departmentKind: 'Department type',
    status: 'Status',
    active: 'Active',
    inactive: 'Deactivated',
  },
  notifications: {
    bell: 'Notifications',
    latest: 'Latest',
    viewAll: 'All notifications',
    newArrival: 'New notification',
    polling: 'Live updates lost; refreshing every 60 s',
  },
  daily: {
    openMenu: 'Open menu',
  },
  a11y: {
    mainNav: 'Main menu',
    unreadCount: '{n} unread',
  },
  comingSoon: {
    title: 'Coming soon',
    body: '“{feature}” is being built and will arrive in a later release.',
  },
};
