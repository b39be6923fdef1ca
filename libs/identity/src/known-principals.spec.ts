import { KnownPrincipals, type Authenticated } from './known-principals.js';

const found = (userId: string, validUntil = Infinity): Authenticated => ({
  principal: {
    id: userId,
    email: `${userId}@test.invalid`,
    name: userId,
    role: 'coordinator',
    agency: null,
    sessionId: null,
    apiTokenId: null,
  },
  userId,
  validUntil,
});

/** A read the test completes when it chooses, to put announcements in the middle of it. */
function deferredRead(result: Authenticated) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { read: async () => (await done, result), finish };
}

describe('KnownPrincipals', () => {
  let known: KnownPrincipals;
  let reads: number;
  const read = (userId: string, validUntil?: number) => async () => {
    reads += 1;
    return found(userId, validUntil);
  };

  beforeEach(() => {
    known = new KnownPrincipals();
    reads = 0;
  });

  it('keeps nothing until announcements can be heard', async () => {
    await known.authenticated('a', read('alice'));
    await known.authenticated('a', read('alice'));
    expect(reads).toBe(2);
  });

  it('answers from memory once listening, until the user is announced as changed', async () => {
    known.listening();
    await known.authenticated('a', read('alice'));
    await known.authenticated('b', read('bob'));
    expect((await known.authenticated('a', read('alice'))).userId).toBe('alice');
    expect(reads).toBe(2);

    known.notified('alice');
    await known.authenticated('a', read('alice'));
    await known.authenticated('b', read('bob'));
    expect(reads).toBe(3); // alice read again, bob still kept
  });

  it('drops a user on its own process\'s change, and everyone on "*"', async () => {
    known.listening();
    await known.authenticated('a', read('alice'));
    await known.authenticated('b', read('bob'));
    known.forget('bob');
    expect(known.size).toBe(1);
    known.notified('*');
    expect(known.size).toBe(0);
  });

  it('does not keep a read that was under way when a change was announced: it may predate the change', async () => {
    known.listening();
    const slow = deferredRead(found('alice'));
    const pending = known.authenticated('a', slow.read);
    known.notified('someone-else');
    slow.finish();
    await pending;
    expect(known.size).toBe(0);
  });

  it('forgets everything when the connection is lost, keeps nothing meanwhile, and starts again afresh', async () => {
    known.listening();
    await known.authenticated('a', read('alice'));
    const slow = deferredRead(found('bob'));
    const pending = known.authenticated('b', slow.read);
    known.interrupted();
    expect(known.size).toBe(0);
    slow.finish();
    await pending;
    await known.authenticated('a', read('alice'));
    expect(known.size).toBe(0);

    known.listening();
    await known.authenticated('a', read('alice'));
    expect(known.size).toBe(1);
  });

  it('reads again once the credential itself has expired', async () => {
    known.listening();
    await known.authenticated('a', read('alice', Date.now() - 1));
    await known.authenticated('a', read('alice', Date.now() - 1));
    expect(reads).toBe(2);
  });

  it('keeps nothing of a refused credential', async () => {
    known.listening();
    await expect(
      known.authenticated('a', async () => {
        throw new Error('invalid token');
      }),
    ).rejects.toThrow('invalid token');
    expect(known.size).toBe(0);
  });
});
