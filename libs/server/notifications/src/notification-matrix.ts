/**
 * The notification matrix: which event tells whom through which channels. Every notice in Luoshi
 * is one of these events; NotificationsService resolves the audience and plans the channels from
 * this table only. docs/decisions.md holds the same table (checked by notification-matrix.spec.ts).
 */

/** The channels; each is one provider class (channels/). */
export const CHANNEL_NAMES = ['in_app', 'email', 'webhook', 'sms'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Who is told. Task audiences are resolved from the task at the time of the notice (active users
 * with the liaison or head role of the department); the others are named by the emitter.
 */
export const AUDIENCES = {
  lead_department: { zh: '牵头单位（联络员、负责人）', fromTask: true },
  co_departments: { zh: '配合单位（联络员、负责人）', fromTask: true },
  office: { zh: '领导小组办公室（管理员、审核员）', fromTask: true },
  approvers: { zh: '当前步骤审批人（及其代理人）', fromTask: false },
  submitter: { zh: '提交人（起草人）', fromTask: false },
  approval_participants: { zh: '审批参与人、抄送人', fromTask: false },
  instruction_author: { zh: '作出批示的领导', fromTask: false },
  lead_liaisons: { zh: '牵头单位联络员', fromTask: false },
  reminder_recipients: { zh: '提醒规则中的接收人', fromTask: false },
} as const;
export type Audience = keyof typeof AUDIENCES;

export interface MatrixRow {
  zh: string;
  en: string;
  audience: readonly Audience[];
  channels: readonly ChannelName[];
}

const ALL: readonly ChannelName[] = ['in_app', 'email', 'webhook', 'sms'];
const NO_SMS: readonly ChannelName[] = ['in_app', 'email', 'webhook'];

export const NOTIFICATION_MATRIX = {
  task_assigned: { zh: '任务交办', en: 'task assigned', audience: ['lead_department'], channels: ALL },
  task_co_assigned: { zh: '配合任务交办', en: 'co-assigned', audience: ['co_departments'], channels: NO_SMS },
  deadline_changed: { zh: '完成时限变更（编辑、Excel导入、延期批准）', en: 'deadline changed (edit, Excel import, approved extension)', audience: ['lead_department', 'co_departments'], channels: ALL },
  task_returned: { zh: '任务退办', en: 'task returned to the office', audience: ['office'], channels: NO_SMS },
  task_resubmitted: { zh: '退办后重新交办', en: 'task assigned again after a return', audience: ['lead_department'], channels: ALL },
  approval_pending: { zh: '待审批（提交、重新提交、转交、加签、超时）', en: 'approval pending (submitted, resubmitted, transferred, timed out)', audience: ['approvers'], channels: NO_SMS },
  request_decided: { zh: '审批结果（通过、退回、不通过）', en: 'request decided (approved, returned, rejected)', audience: ['submitter'], channels: NO_SMS },
  approval_activity: { zh: '审批撤回、评论、抄送', en: 'approval withdrawn, comment, cc', audience: ['approval_participants'], channels: ['in_app', 'email'] },
  report_contribution: { zh: '配合单位报送材料', en: 'co-department contribution', audience: ['lead_liaisons'], channels: ['in_app', 'email'] },
  special_plan_due: { zh: '专项行动计划待编制', en: 'special action plan due', audience: ['lead_department'], channels: ALL },
  instruction_given: { zh: '领导批示', en: 'instruction (批示) given', audience: ['lead_department'], channels: NO_SMS },
  instruction_answered: { zh: '批示已答复', en: 'instruction answered', audience: ['instruction_author'], channels: ['in_app', 'email'] },
  urge: { zh: '催办', en: 'urge (催办)', audience: ['lead_department'], channels: ALL },
  reminder: { zh: '临近到期、到期提醒', en: 'due soon / due reminder', audience: ['reminder_recipients'], channels: ALL },
  overdue: { zh: '逾期提醒', en: 'overdue reminder', audience: ['reminder_recipients'], channels: ALL },
  escalation: { zh: '逾期督办升级', en: 'escalation', audience: ['reminder_recipients'], channels: ALL },
} as const satisfies Record<string, MatrixRow>;

export type NotificationEvent = keyof typeof NOTIFICATION_MATRIX;

export function matrixRow(event: NotificationEvent): MatrixRow {
  return NOTIFICATION_MATRIX[event];
}

/** Channels any matrix row uses: each must have a provider (checked at start-up). */
export function matrixChannels(): ChannelName[] {
  return CHANNEL_NAMES.filter((c) => Object.values(NOTIFICATION_MATRIX).some((row: MatrixRow) => row.channels.includes(c)));
}

const CHANNEL_LABELS: Record<ChannelName, string> = { in_app: '站内', email: '邮件', webhook: '机器人', sms: '短信' };

/** The matrix as a markdown table, as docs/decisions.md shows it. */
export function renderNotificationMatrix(): string {
  const header = ['| event | 事件 | recipients 接收人 | ' + CHANNEL_NAMES.map((c) => `${c} ${CHANNEL_LABELS[c]}`).join(' | ') + ' |'];
  header.push('|' + ' --- |'.repeat(3 + CHANNEL_NAMES.length));
  const rows = Object.entries(NOTIFICATION_MATRIX).map(([event, row]: [string, MatrixRow]) => {
    const marks = CHANNEL_NAMES.map((c) => (row.channels.includes(c) ? '✓' : ''));
    return `| \`${event}\` | ${row.zh} | ${row.audience.map((a) => AUDIENCES[a].zh).join('；')} | ${marks.join(' | ')} |`;
  });
  return [...header, ...rows].join('\n');
}
