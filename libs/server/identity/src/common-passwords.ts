/**
 * Passwords and base words that lead every published leak list (the "top passwords" lists of the
 * big breaches, including the Chinese ones: CSDN, 天涯, 12306), lower-case. A password is refused
 * when it is one of these, or one of the base words with only digits and symbols around it
 * ("Password2026!", "Qwerty@123456"). A maintained package (e.g. the common-password dictionary
 * of @zxcvbn-ts/language-common) could replace this list; none is installed.
 */
export const COMMON_BASE_WORDS: readonly string[] = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'pass', 'passwd', 'pwd', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl',
  'zxcvbn', 'zxcvbnm', 'qazwsx', '1qaz2wsx', 'qweasd', 'qweasdzxc', 'admin', 'administrator', 'root', 'toor', 'user',
  'guest', 'test', 'tester', 'demo', 'default', 'changeme', 'change', 'welcome', 'letmein', 'login', 'master', 'secret',
  'iloveyou', 'loveyou', 'love', 'monkey', 'dragon', 'football', 'baseball', 'soccer', 'sunshine', 'princess', 'shadow',
  'superman', 'batman', 'trustno1', 'starwars', 'whatever', 'freedom', 'hello', 'hellokitty', 'abc', 'abcd', 'abcde',
  'abcdef', 'abcdefg', 'abcdefgh', 'aaaaaa', 'google', 'baidu', 'taobao', 'tencent', 'qq', 'wechat', 'weixin', 'woaini',
  'woaiwojia', 'aini', 'wangyang', 'zhangwei', 'wangwei', 'liwei', 'china', 'zhongguo', 'beijing', 'shanghai',
  'hangzhou', 'zhejiang', 'luoshi', 'office', 'leader', 'viewer', 'reviewer', 'liaison', 'gov', 'government', 'zhengfu',
  'company', 'computer', 'internet', 'mypassword', 'mypass', 'newpassword', 'password1', 'adminadmin', 'administrator1',
  'system', 'manager', 'summer', 'winter', 'spring', 'autumn', 'january', 'michael', 'jordan', 'jennifer', 'charlie',
];

export const COMMON_PASSWORDS: readonly string[] = [
  '123456789012', '1234567890123', '12345678901234', '123123123123', '111111111111', '000000000000', '666666666666',
  '888888888888', '123456123456', '112233445566', '121212121212', '147258369147', '123qweasdzxc', '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwe123qwe123', 'asdfghjkl123',
  'a1b2c3d4e5f6', 'abc123abc123', 'abcd12345678', 'abcdefghijkl', 'password1234', 'password12345', 'password123!',
  'passw0rd1234', 'p@ssw0rd1234', 'iloveyou1234', 'woaini131452', 'woaini520520', '5201314520', '520131452013',
  '1314520131452', 'aa123456789', 'aa1234567890', 'a123456789012', 'admin1234567', 'admin123456789', 'administrator',
  'administrator123', 'welcome12345', 'welcome123456', 'letmein12345', 'changeme1234', 'sunshine1234', 'football1234',
  'qazwsxedcrfv', 'qazwsxedc123', '!qaz@wsx#edc', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', 'q1w2e3r4t5y6', 'zxcvbnm12345',
  'zxcvbnm123456', '789456123789', '987654321098', '098765432109', 'qwer1234asdf', 'asdf1234qwer',
];
