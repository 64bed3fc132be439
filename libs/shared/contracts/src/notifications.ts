export interface NotificationResponse {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  level: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPageResponse {
  items: NotificationResponse[];
  /** Exact when totalExact; otherwise at least this many (a count capped at 10,000: show "10,000+"). */
  total: number;
  totalExact: boolean;
  unread: number;
  page: number;
  pageSize: number;
  /** Pass as `after` for the next page (null on the last page). */
  nextCursor: string | null;
}

export interface NotificationPreferenceResponse {
  email: string | null;
  emailEnabled: boolean;
  dailyDigest: boolean;
  /** Mobile number on the user profile (SMS). */
  phone: string | null;
  smsEnabled: boolean;
  /** Quiet hours for SMS, Beijing time HH:mm (both or neither): an SMS due inside them waits for their end. */
  quietStart: string | null;
  quietEnd: string | null;
}

/** PUT /api/notifications/preferences: the SMS fields may be left out (unchanged). */
export type NotificationPreferenceRequest = Pick<NotificationPreferenceResponse, 'email' | 'emailEnabled' | 'dailyDigest'> &
  Partial<Pick<NotificationPreferenceResponse, 'phone' | 'smsEnabled' | 'quietStart' | 'quietEnd'>>;

export interface WebhookEndpointResponse {
  id: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  url: string;
  enabled: boolean;
}

export interface NotificationDeliveryResponse {
  id: string;
  channel: 'email' | 'webhook' | 'sms';
  target: string;
  title: string;
  status: 'pending' | 'held' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What the live stream (server-sent events) sends. */
export interface NotificationStreamEvent {
  type: 'notification' | 'hello';
  unread: number;
  notificationId?: string;
  title?: string;
}

export type ReminderRecipientRule = 'assignee' | 'lead_liaison' | 'lead_head' | 'office' | 'leader';

export interface ReminderRuleBody {
  offsets: { workingDays: number; recipients: ReminderRecipientRule[]; level?: 'near_due' | 'due' | 'overdue' | 'escalation' }[];
  escalation: { afterWorkingDays: number; recipients: ReminderRecipientRule[] }[];
  sendAt: string;
  quietHours: { start: string; end: string };
  timeZone: 'Asia/Shanghai';
}

export interface ReminderRuleResponse {
  scope: 'global' | 'plan' | 'task';
  scopeId: string | null;
  rule: ReminderRuleBody;
  inherited: boolean;
}

export interface ReminderResponse {
  id: string;
  subjectType: string;
  subjectId: string;
  deadline: string;
  key: string;
  fireAt: string;
  level: string;
  recipients: string[];
  status: 'scheduled' | 'sent' | 'cancelled';
}
