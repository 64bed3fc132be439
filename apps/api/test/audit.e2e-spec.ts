import { useTestApp } from './test-app';

describe('Audit log', () => {
  const t = useTestApp();

  it('records a state-changing request with actor, action, subject, before/after, request id and ip', async () => {
    const office = await t.login('office');
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', office)
      .set('X-Request-Id', 'audit-test-request-0001')
      .send({ username: 'audit.sample', displayName: '审计样例', password: 'Sample#Pass1', departmentCode: 'czt', roles: ['dept_liaison'] })
      .expect(201);
    await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('Authorization', office)
      .send({ roles: ['dept_head'] })
      .expect(200);
    const [createEvent] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'user.create' AND subject_id = $1`, [created.body.id]);
    expect(createEvent).toMatchObject({ subject_type: 'user', request_id: 'audit-test-request-0001' });
    expect(createEvent.actor_name).toContain('office');
    expect(createEvent.ip).toEqual(expect.any(String));
    expect(createEvent.after.username).toBe('audit.sample');
    const [updateEvent] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'user.update' AND subject_id = $1`, [created.body.id]);
    expect(updateEvent.before.roles).toEqual(['dept_liaison']);
    expect(updateEvent.after.roles).toEqual(['dept_head']);
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('lets office_admin browse and filter it, and nobody else', async () => {
    const office = await t.login('office');
    const page = await t.http().get('/api/audit').query({ action: 'user.create', pageSize: 5 }).set('Authorization', office).expect(200);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
    expect(page.body.items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    await t.http().get('/api/audit').query({ pageSize: 1000 }).set('Authorization', office).expect(400);
    await t.http().get('/api/audit').set('Authorization', await t.login('leader')).expect(403);
  });
});
