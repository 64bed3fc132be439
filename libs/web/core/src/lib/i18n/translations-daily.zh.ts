/**
 * Chinese UI text of daily use on a phone and of working days (drawer menu, task cards, 休/班
 * marks, holiday deadlines, remaining working days), spread into ZH. Its own file, like the reports area's.
 */
export const DAILY_ZH = {
  daily: {
    openMenu: '打开菜单',
    holidayMark: '休',
    workdayMark: '班',
    holidayTitle: '{name}（休）',
    workdayTitle: '{name}（调休上班）',
    remaining: '剩 {n} 个工作日',
    dueToday: '今日到期',
    overdueBy: '逾期 {n} 个工作日',
    holidayDeadline: '{date} 是{name}假期，不是工作日。',
    weekendDeadline: '{date} 是周末，不是工作日。',
    useNextWorkingDay: '改为下一个工作日 {date}',
    dueReminderNote: '截止日不是工作日：到期提醒在其前一个工作日发出。',
    reminderDeadline: '对应截止日',
    reminderTotal: '共 {n} 条提醒',
    takePhoto: '拍照上传',
    album: '从相册选择',
    cardLead: '牵头',
    cardCo: '配合',
    cardDeadline: '时限',
    cardProgress: '进度',
  },
};
