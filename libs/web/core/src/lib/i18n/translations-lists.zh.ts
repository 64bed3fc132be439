/**
 * Chinese UI text of plan-aware lists, the cockpit's 未交办, approval rounds and the leaders' 批示 page
 * (issue 13, items 3, 5 and 8), spread into ZH.
 */
export const LISTS_ZH = {
  lists: {
    plan: '所属方案',
    planAndSection: '{plan} · {section}',
    allLeadDepartments: '全部牵头单位',
    leadFilterTitle: '牵头单位',
    kpiDraft: '未交办',
    kpiDraftNote: '草稿，尚未交办给部门',
    rounds: '历次审批',
    round: '第 {n} 轮',
    thisRound: '本轮',
    roundOpen: '查看',
    roundsHint: '退回后重新提交即开始新一轮审批；各轮意见均保留。',
  },
  instructionsPage: {
    title: '领导批示',
    subtitle: '我作出的批示、承办单位的答复，以及尚未答复的批示',
    subtitleAll: '各位领导的批示、承办单位的答复，以及尚未答复的批示',
    open: '待答复',
    answered: '已答复',
    all: '全部',
    task: '任务',
    text: '批示内容',
    answer: '答复',
    givenAt: '批示时间',
    noAnswer: '尚未答复',
    answeredBy: '{name} 于 {at} 答复',
    author: '批示人',
    empty: '暂无批示。在任务详情页可对任务作出批示。',
  },
};
