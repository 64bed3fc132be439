import { isConnectionFailure } from './connection-failure';

describe('isConnectionFailure', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '57P02' }],
    [{ code: '57P03', message: 'the database system is starting up' }],
    [{ code: '08006' }],
    [{ code: '08001' }],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [{ code: 'ECONNRESET' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
    [new Error('Client has encountered a connection error and is not queryable')],
    [{ message: 'query failed', driverError: { code: '57P01' } }],
  ])('%o is a connection failure', (error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '22P02' }],
    [{ code: '57014', message: 'canceling statement due to statement timeout' }],
    [{ code: '08' }],
    [new Error('relation "x" does not exist')],
    [null],
    [undefined],
    ['ECONNREFUSED'],
  ])('%o is not', (error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
