import { loadEnvironment } from './environment.js';

describe('loadEnvironment', () => {
  it('gives the documented defaults', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hld',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('reads and converts what is set', () => {
    expect(loadEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid setting PORT="eighty"/],
    [{ PORT: '70000' }, /^Invalid setting PORT="70000"/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL="mysql:\/\/x": DATABASE_URL must be a postgres:\/\/ URL$/],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid setting REDIS_URL/],
  ])('stops with one line naming the bad setting: %o', (source, message) => {
    expect(() => loadEnvironment(source)).toThrow(message);
  });
});
