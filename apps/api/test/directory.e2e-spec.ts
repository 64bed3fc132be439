import { useTestApp } from './test-app';

describe('Department directory and users', () => {
  const t = useTestApp();

  it('seeds the office, the provincial departments the plan names and the 11 cities', async () => {
    const res = await t.http().get('/api/departments').set('Authorization', await t.login('hz.liaison')).expect(200);
    const names = res.body.map((d: { name: string }) => d.name);
    for (const name of ['省发展改革委', '省交通运输厅', '省科技厅', '省自然资源厅', '省建设厅', '省生态环境厅', '省市场监管局', '省商务厅']) {
      expect(names).toContain(name);
    }
    const cities = res.body.filter((d: { kind: string }) => d.kind === 'city').map((d: { shortName: string }) => d.shortName);
    expect(cities.sort()).toEqual(['丽水', '台州', '嘉兴', '宁波', '杭州', '温州', '湖州', '绍兴', '舟山', '衢州', '金华'].sort());
    expect(res.body.filter((d: { kind: string }) => d.kind === 'office')).toHaveLength(1);
  });

  it('lets office_admin create and change users, with clear errors', async () => {
    const office = await t.login('office');
    const user = { username: 'new.liaison', displayName: '新联络员', password: 'NewLiaison#1', departmentCode: 'wz', roles: ['dept_liaison'] };
    await t.http().post('/api/users').set('Authorization', office).send(user).expect(201);
    const dup = await t.http().post('/api/users').set('Authorization', office).send({ ...user, username: 'NEW.liaison' }).expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    const unknown = await t.http().post('/api/users').set('Authorization', office).send({ ...user, username: 'x.y', departmentCode: 'nowhere' }).expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_DEPARTMENT');
    const badRole = await t.http().post('/api/users').set('Authorization', office).send({ ...user, username: 'x.z', roles: ['root'] }).expect(400);
    expect(badRole.body.message).toContain('roles');
    await t.login('new.liaison', 'NewLiaison#1');
  });

  it('ends the sessions of a deactivated user', async () => {
    const office = await t.login('office');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', office)
      .send({ username: 'leaving.user', displayName: '离职', password: 'Leaving#Pass1', departmentCode: 'nb', roles: ['viewer'] })
      .expect(201);
    const auth = await t.login('leaving.user', 'Leaving#Pass1');
    await t.http().patch(`/api/users/${created.body.id}`).set('Authorization', office).send({ active: false }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', auth).expect(401);
  });

  it('lets office_admin add a department', async () => {
    const office = await t.login('office');
    const res = await t.http().post('/api/departments').set('Authorization', office).send({ code: 'hz-xh', name: '西湖区', kind: 'county', parentCode: 'hz' }).expect(201);
    expect(res.body.parentId).toEqual(expect.any(String));
    await t.http().post('/api/departments').set('Authorization', office).send({ code: 'hz-xh', name: '重复', kind: 'county' }).expect(409);
  });
});
