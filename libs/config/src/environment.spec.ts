import { InvalidConfigurationError, loadEnvironment } from './environment.js';
import { proxyTrust } from './trusted-proxies.js';

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

  it('reports every bad setting at once, one line each, in the order they are declared', () => {
    const source = {
      PORT: 'eighty',
      REDIS_URL: 'localhost:6379',
      NOTIFICATIONS_ENABLED: 'maybe',
      JWT_SECRET: 'short',
      ADMIN_PASSWORD: 'short',
    };
    let error: unknown;
    try {
      loadEnvironment(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    const { problems, message } = error as InvalidConfigurationError;
    expect(problems).toEqual([
      expect.stringMatching(/^Invalid setting PORT="eighty": /),
      'Invalid setting REDIS_URL="localhost:6379": REDIS_URL must be a redis:// URL',
      'Invalid setting NOTIFICATIONS_ENABLED="maybe": NOTIFICATIONS_ENABLED must be true or false',
      'Invalid setting JWT_SECRET: must be at least 32 characters',
      'Invalid setting ADMIN_PASSWORD: must be at least 12 characters',
    ]);
    expect(message.split('\n')).toEqual(problems);
  });

  it('requires JWT_SECRET in production, along with whatever else is wrong', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production', PORT: '0' })).toThrow(
      /^Invalid setting PORT="0": .+\nMissing setting JWT_SECRET: required in production$/,
    );
  });
});

describe('TRUST_PROXY', () => {
  const trust = (setting: string) => {
    const fn = proxyTrust(loadEnvironment({ TRUST_PROXY: setting }).TRUST_PROXY);
    if (!fn) throw new Error('trusts nobody');
    return fn;
  };

  it('trusts no proxy by default: the client is the connection', () => {
    expect(proxyTrust(loadEnvironment({}).TRUST_PROXY)).toBe(false);
    expect(proxyTrust('0')).toBe(false);
  });

  it('a hop count trusts that many peers, whatever their addresses', () => {
    const two = trust('2');
    expect([two('203.0.113.1', 0), two('203.0.113.2', 1), two('203.0.113.3', 2)]).toEqual([true, true, false]);
  });

  it('a list trusts exactly those addresses and networks', () => {
    const list = trust(' 10.0.0.0/8 , 192.0.2.7,loopback');
    expect(['10.1.2.3', '192.0.2.7', '127.0.0.1', '::1', '::ffff:127.0.0.1'].map((a) => list(a, 0))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['11.0.0.1', '192.0.2.8', '2001:db8::1'].map((a) => list(a, 0))).toEqual([false, false, false]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '1.2.3', '10.0.0.1,,10.0.0.2', '-1', '1000'])('stops with one line naming it: %s', (setting) => {
    expect(() => loadEnvironment({ TRUST_PROXY: setting })).toThrow(
      new RegExp(
        `^Invalid setting TRUST_PROXY="${setting.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": must be empty \\(trust no proxy\\), a number of proxy hops`,
      ),
    );
  });
});
