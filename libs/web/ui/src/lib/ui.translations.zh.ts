/** Chinese text of the ui area. Keys are global ('area.key'); English mirrors the shape. */
export const UI_ZH = {
  calendar: {
    bannerTitle: '{years} 年节假日安排尚未确认',
    bannerOffice: '请对照国务院办公厅通知核对后确认，或导入正式安排；确认前按工作日计算的时限仅供参考。',
    bannerOther: '领导小组办公室确认前，按工作日计算的时限仅供参考。',
    bannerAction: '去确认',
  },
  daily: {
    holidayMark: '休',
    workdayMark: '班',
    holidayTitle: '{name}（休）',
    workdayTitle: '{name}（调休上班）',
    holidayDeadline: '{date} 是{name}假期，不是工作日。',
    weekendDeadline: '{date} 是周末，不是工作日。',
    useNextWorkingDay: '改为下一个工作日 {date}',
  },
};
