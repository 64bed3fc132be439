import type { Routes } from '@angular/router';
import { roleGuard } from '@luoshi/web/core';
import { CalendarPage } from './calendar/calendar.page';
import { ChannelsPage } from './channels/channels.page';
import { ReminderSettingsPage } from './reminders/reminder-settings.page';

/** /settings/* — reminders for the office; channels and the holiday calendar for everyone. */
export const SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'channels' },
  { path: 'reminders', component: ReminderSettingsPage, title: 'nav.reminderSettings', canActivate: [roleGuard('office_admin')] },
  { path: 'channels', component: ChannelsPage, title: 'nav.channelSettings' },
  { path: 'calendar', component: CalendarPage, title: 'nav.calendarSettings' },
];
