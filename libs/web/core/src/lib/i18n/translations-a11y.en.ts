/** English names for controls without visible text; the keys of A11Y_ZH. */
export const A11Y_EN = {
  a11y: {
    select: 'Select',
    selectAll: 'Select all',
    choose: 'Choose',
    toggle: 'Switch',
    number: 'Number',
    expandRow: 'Show details',
    collapseRow: 'Hide details',
    tree: 'Outline',
    mainNav: 'Main menu',
    unreadCount: '{n} unread',
  },
};
