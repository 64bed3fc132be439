import { useTestApp } from './test-app';

describe('Health and API docs', () => {
  const t = useTestApp();

  it('reports the database and Redis up', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit']));
  });

  it('echoes a request id on every response', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });
});
