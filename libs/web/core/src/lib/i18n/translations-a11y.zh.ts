/**
 * Chinese names for controls a screen reader would otherwise announce without one (ng-zorro's
 * inner inputs and buttons, icon-only buttons), spread into ZH. See a11y/accessible-names.ts.
 */
export const A11Y_ZH = {
  a11y: {
    select: '选择',
    selectAll: '全选',
    choose: '请选择',
    toggle: '开关',
    number: '数值',
    expandRow: '展开详情',
    collapseRow: '收起详情',
    tree: '目录树',
    mainNav: '主菜单',
    unreadCount: '{n} 条未读',
  },
};
