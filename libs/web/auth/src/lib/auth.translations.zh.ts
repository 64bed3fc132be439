/** Chinese text of the auth area. Keys are global ('area.key'); English mirrors the shape. */
export const AUTH_ZH = {
  login: {
    title: '账号登录',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    submit: '登录',
    expired: '登录已失效，请重新登录',
    demoHint: '演示账号：office、reviewer、leader、viewer、jtt.liaison、jtt.head 等，密码 Luoshi-Demo@2026',
    footer: '本系统仅限授权工作人员使用，操作全程留痕',
    points: {
      plan: '行动方案一键导入，自动分解为任务',
      assign: '牵头与配合部门分派，时限清晰可查',
      track: '进展填报、审核审批，全程留痕',
    },
  },
};
