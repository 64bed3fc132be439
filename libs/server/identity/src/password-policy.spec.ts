import { DEFAULT_DEMO_PASSWORD } from '@luoshi/contracts';
import { describeWeakPassword } from './password-policy';

describe(describeWeakPassword.name, () => {
  it.each(['12345678', 'password', 'Luoshi@2026', 'short#Pass1'])('refuses %s as shorter than 12 characters', (p) => {
    expect(describeWeakPassword(p)?.messageEn).toMatch(/12 characters/);
  });

  it.each(['password1234', 'Password2026!', 'Qwerty@123456', '1qaz2wsx3edc', 'P@ssw0rd!2026', 'Luoshi@2026!!', '  woaini131452 ', 'Administrator1'])(
    'refuses the common %s',
    (p) => {
      expect(describeWeakPassword(p)?.messageEn).toMatch(/common/);
    },
  );

  it.each(['aaaaaaaaaaaaaa', 'abababababab', '123456789012345', 'abcdefghijklmn', 'qwertyuiopasd', '987654321098'])('refuses the simple %s', (p) => {
    expect(describeWeakPassword(p)).not.toBeNull();
  });

  it('refuses a password containing the username', () => {
    expect(describeWeakPassword('jtt.liaison#2026', 'jtt.liaison')?.messageEn).toMatch(/username/);
  });

  it.each([DEFAULT_DEMO_PASSWORD, 'Correct#Pass1', 'Sample#Pass1', 'NewLiaison#1', 'Outage#Pass1', '交通运输厅联络员密码2026', 'kX9$mq2!Lz7p'])('accepts %s', (p) => {
    expect(describeWeakPassword(p, 'office')).toBeNull();
  });
});
