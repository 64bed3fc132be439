/** Chinese text of the shell area. Keys are global ('area.key'); English mirrors the shape. */
export const SHELL_ZH = {
  header: {
    profile: '个人信息',
    logout: '退出登录',
    collapse: '收起菜单',
    expand: '展开菜单',
  },
  profile: {
    title: '个人信息',
    username: '用户名',
    displayName: '姓名',
    roles: '角色',
    department: '所属部门',
    departmentCode: '部门编码',
    departmentKind: '部门类型',
    status: '账号状态',
    active: '启用',
    inactive: '已停用',
  },
  notifications: {
    bell: '通知',
    latest: '最新通知',
    viewAll: '查看全部通知',
    newArrival: '新通知',
    polling: '实时连接已断开，每 60 秒刷新一次',
  },
  daily: {
    openMenu: '打开菜单',
  },
  a11y: {
    mainNav: '主菜单',
    unreadCount: '{n} 条未读',
  },
  comingSoon: {
    title: '功能建设中',
    body: '「{feature}」正在建设中，将在后续版本上线。',
  },
};
