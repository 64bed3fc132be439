import { DomainException } from '@luoshi/server/platform';

/** Refusals of sign-in, sessions and the directory of departments and users. */
export class IdentityException extends DomainException {
  static badCredentials() {
    return new IdentityException(401, 'BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');
  }
  static throttled(retryAfterSeconds: number) {
    return new IdentityException(
      429,
      'LOGIN_THROTTLED',
      `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`,
      `Too many failed logins, retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
  static weakPassword(message: string, messageEn: string) {
    return new IdentityException(400, 'WEAK_PASSWORD', message, messageEn, { field: 'password' });
  }
  static badRefreshToken() {
    return new IdentityException(401, 'BAD_REFRESH_TOKEN', '登录已失效，请重新登录', 'Refresh token invalid or revoked');
  }
  static unknownDepartment(code: string) {
    return new IdentityException(400, 'UNKNOWN_DEPARTMENT', `部门不存在：${code}`, `Unknown department: ${code}`);
  }
  static usernameTaken(username: string) {
    return new IdentityException(409, 'USERNAME_TAKEN', `用户名已存在：${username}`, `Username taken: ${username}`);
  }
  static userNotFound(id: string) {
    return IdentityException.missing('USER_NOT_FOUND', { zh: '用户', en: 'User' }, id);
  }
  static departmentCodeTaken(code: string) {
    return new IdentityException(409, 'DEPARTMENT_CODE_TAKEN', `部门编码已存在：${code}`, `Department code taken: ${code}`);
  }
  static departmentNotFound(id: string) {
    return IdentityException.missing('DEPARTMENT_NOT_FOUND', { zh: '部门', en: 'Department' }, id);
  }
}
