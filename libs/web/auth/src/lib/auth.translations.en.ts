import type { TextsOf } from '@luoshi/web/core';
import type { AUTH_ZH } from './auth.translations.zh';

export const AUTH_EN: TextsOf<typeof AUTH_ZH> = {
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Enter your username',
    submit: 'Sign in',
    expired: 'Your session has expired; please sign in again',
    demoHint: 'Demo accounts: office, reviewer, leader, viewer, jtt.liaison, jtt.head …, password Luoshi-Demo@2026',
    footer: 'For authorised staff only. Every action is recorded.',
    points: {
      plan: 'Import an action plan and split it into tasks',
      assign: 'Assign lead and supporting departments with clear deadlines',
      track: 'Progress reports, reviews and approvals, all on record',
    },
  },
};
