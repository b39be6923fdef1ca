import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { aCommitment } from '../helpers/factories.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

/**
 * Each class of malformed input an attacker found giving a 500: now a 400 (or 412/414/431) problem+json that names
 * the field, with a request id and the security headers, and nothing written. (hostile-input.spec.ts sends the
 * same families to every route; these pin down each class and its message.)
 */
describe('Malformed input', () => {
  let api: TestApi;
  let code: string;
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  /** Rows and the newest row version of the tables a request could write. */
  const written = async (): Promise<unknown> =>
    (
      await api.db.query(
        `SELECT ${['events', 'users', 'sessions', 'api_tokens', 'reporting_cycles', 'notifications']
          .map((t) => `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM ${t}) AS ${t}`)
          .join(', ')}`,
      )
    )[0];

  beforeAll(async () => {
    api = await startTestApi();
    code = (
      await api.http
        .post('/api/v1/commitments')
        .send(aCommitment({ dueDate: '2015-01-15' }))
        .expect(201)
    ).body.code;
  });
  afterAll(() => api.close());

  let before: unknown;
  beforeEach(async () => {
    before = await written();
  });
  afterEach(async () => {
    expect(await written()).toEqual(before);
  });

  const expectProblem = (res: request.Response, status: number, problemCode: string, field?: string) => {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code: problemCode });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toEqual(expect.any(String));
    if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  describe('text: well-formed Unicode without control characters, in every string the API receives', () => {
    it.each([
      [
        'NUL in a body string',
        () => api.http.post('/api/v1/commitments').send(aCommitment({ title: 'Reduce\u0000costs' })),
        'title',
        /U\+0000/,
      ],
      [
        'NUL in the email at sign-in',
        () => api.anonymous.post('/api/v1/auth/login').send({ email: 'a\u0000@b.c', password: 'x' }),
        'email',
        /U\+0000/,
      ],
      [
        'a lone surrogate in a report',
        () =>
          api.http.post(`/api/v1/commitments/${code}/progress-reports`).send({ period: 2014, agency: 'ILO', summary: 'Did \ud800 things' }),
        'summary',
        /lone surrogate \(U\+D800\)/,
      ],
      ['an escape sequence in a token name', () => api.http.post('/api/v1/me/tokens').send({ name: '\u001b[2Jscript' }), 'name', /U\+001B/],
      [
        'NUL nested in an indicator',
        () =>
          api.http
            .post(`/api/v1/commitments/${code}/progress-reports`)
            .send({ period: 2014, agency: 'ILO', summary: 'ok', indicators: [{ name: 'n\u0000', value: 1 }] }),
        'indicators.0.name',
        /U\+0000/,
      ],
      [
        'NUL in a field name',
        () => api.http.post('/api/v1/commitments').set('Content-Type', 'application/json').send('{"a\\u0000":1}'),
        'a\\u0000',
        /name that contains/,
      ],
      ['NUL in the search query', () => api.http.get('/api/v1/commitments?q=a%00b'), 'q', /U\+0000/],
      ['NUL in a path parameter', () => api.http.get('/api/v1/commitments/%00'), 'idOrCode', /U\+0000/],
      ['NUL in a form body', () => api.http.post('/api/v1/commitments').type('form').send('title=%00'), 'title', /U\+0000/],
    ])('400 for %s, naming the field', async (_, send, field, message) => {
      const res = await send();
      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toMatch(message);
    });

    it('tabs and line breaks are text', async () => {
      const res = await api.http
        .post(`/api/v1/commitments/${code}/progress-reports`)
        .send({ period: 2014, agency: 'ILO', summary: 'Line one\r\nline two\tand a tab; 𝄞 and é' })
        .expect(201);
      before = await written();
      expect(res.body.id).toEqual(expect.any(String));
    });

    it('400 for a cursor that decodes to NUL or to anything but a code; a real cursor still pages', async () => {
      for (const cursor of ['AA', Buffer.from('\u0000').toString('base64url'), '!!!', Buffer.from('not a code').toString('base64url')]) {
        expectProblem(await api.http.get('/api/v1/commitments').query({ cursor }), 400, 'INVALID_CURSOR', 'cursor');
      }
      for (let i = 0; i < 2; i += 1) await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201);
      before = await written();
      const first = await api.http.get('/api/v1/commitments').query({ limit: 1 }).expect(200);
      const second = await api.http.get('/api/v1/commitments').query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
      expect(second.body.items[0].code).not.toBe(first.body.items[0].code);
    });
  });

  describe('nesting: bounded before the body becomes classes', () => {
    it.each([
      { path: '/api/v1/auth/login', field: 'email', body: (v: string) => `{"email":${v},"password":"x"}`, signedIn: false },
      { path: '/api/v1/auth/refresh', field: 'refreshToken', body: (v: string) => `{"refreshToken":${v}}`, signedIn: false },
      { path: '/api/v1/commitments', field: 'title', body: (v: string) => `{"title":${v}}`, signedIn: true },
      { path: '/api/v1/commitments', field: '(body)', body: (v: string) => v, signedIn: true },
    ])('400 for 10,000 levels on $path, naming $field', async ({ path, field, body, signedIn }) => {
      const client = signedIn ? api.http : api.anonymous;
      const res = await client
        .post(path)
        .set('Content-Type', 'application/json')
        .send(body(deep(10_000)));
      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect(res.body.errors[0].message).toBe('is nested more than 32 levels deep');
    });

    it('400 for 1,500 levels (where class-transformer overflowed) and for objects; a body of ordinary depth still goes through', async () => {
      const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      for (const value of [deep(1_500), objects]) {
        expectProblem(
          await api.anonymous.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(`{"email":${value}}`),
          400,
          'VALIDATION_FAILED',
          'email',
        );
      }
      await api.anonymous.post('/api/v1/auth/login').send({ email: 'nobody@test.invalid', password: 'wrong-password' }).expect(401);
    });
  });

  describe('null is a value, not an absence', () => {
    it.each([['title'], ['text'], ['source']])('400 for {"%s": null} in PATCH, naming the field', async (field) => {
      const res = await api.http
        .patch(`/api/v1/commitments/${code}`)
        .set('If-Match', '"1"')
        .send({ [field]: null });
      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect(res.body.errors).toEqual([{ field, message: 'must not be null' }]);
    });

    it('a reporting cycle: {"deadline": null} is refused (a cycle always has one); null clears the meeting date', async () => {
      await api.http.post('/api/v1/reporting-cycles').send({ year: 2088, opensAt: '2088-11-01', meetingDate: '2089-02-12' }).expect(201);
      const res = await api.http.patch('/api/v1/reporting-cycles/2088').send({ deadline: null });
      expectProblem(res, 400, 'VALIDATION_FAILED', 'deadline');
      expect(res.body.errors).toEqual([{ field: 'deadline', message: 'must not be null' }]);
      const cleared = await api.http.patch('/api/v1/reporting-cycles/2088').send({ meetingDate: null }).expect(200);
      expect(cleared.body.meetingDate).toBeNull();
      before = await written();
    });
  });

  describe('dates: one reading for the whole API, years 1900 to 2100', () => {
    const notDates = [
      '2014-02-30',
      '2014-13-45',
      '0000-01-01',
      '2014-W01-1',
      '20140101',
      '2014-01-01T12',
      '+275760-09-13',
      '1899-12-31',
      '2101-01-01',
    ];

    it.each(notDates)('dueBefore=%s: 400 naming dueBefore', async (value) => {
      expectProblem(await api.http.get('/api/v1/commitments').query({ dueBefore: value }), 400, 'VALIDATION_FAILED', 'dueBefore');
    });

    it.each([...notDates, '2014-01-01T12:00:00', '2014-01-01T24:00Z', '2014-01-01T12:00+24:00'])(
      'asOf=%s: 400 naming asOf',
      async (value) => {
        expectProblem(await api.http.get(`/api/v1/commitments/${code}`).query({ asOf: value }), 400, 'VALIDATION_FAILED', 'asOf');
      },
    );

    it('say what is wrong: the shape, the calendar or the range', async () => {
      const message = async (value: string) =>
        (await api.http.get('/api/v1/commitments').query({ dueBefore: value })).body.errors[0].message;
      expect(await message('2014-02-30')).toBe('is not a calendar date: 2014-02 has 28 days');
      expect(await message('2014-13-45')).toBe('is not a calendar date: there is no month 13');
      expect(await message('0000-01-01')).toBe('must be in the years 1900 to 2100');
      expect(await message('2014-W01-1')).toBe('must be a date in the form YYYY-MM-DD');
    });

    it('an instant is a date or a date-time with its offset', async () => {
      for (const asOf of ['2100-01-01', '2014-06-01T00:00Z', '2014-06-01T02:00:00.5+02:00', '1900-01-01T00:00:00Z']) {
        const res = await api.http.get(`/api/v1/commitments/${code}`).query({ asOf });
        expect([asOf, res.body.code]).toEqual([asOf, res.status === 200 ? code : 'COMMITMENT_NOT_YET_REGISTERED']);
      }
    });

    it('every date field of every body reads dates the same way', async () => {
      const cases: Array<[() => request.Test, string]> = [
        [() => api.http.post('/api/v1/me/tokens').send({ name: 'script', expiresAt: '2030-W01-1' }), 'expiresAt'],
        [() => api.http.post('/api/v1/commitments').send(aCommitment({ dueDate: '2014-02-30' })), 'dueDate'],
        [() => api.http.put(`/api/v1/commitments/${code}/due-date`).set('If-Match', '"1"').send({ dueDate: '0000-01-01' }), 'dueDate'],
        [
          () => api.http.post(`/api/v1/commitments/${code}/extension-requests`).send({ dueDate: '+275760-09-13', reason: 'Late' }),
          'dueDate',
        ],
        [
          () =>
            api.http
              .post(`/api/v1/commitments/${code}/progress-reports`)
              .send({ period: 2014, agency: 'ILO', summary: 's', indicators: [{ name: 'n', value: 1, asOf: '20140101' }] }),
          'indicators.0.asOf',
        ],
        [() => api.http.post('/api/v1/reporting-cycles').send({ year: 2087, opensAt: '0000-11-01' }), 'opensAt'],
        [
          () => api.http.post('/api/v1/reporting-cycles').send({ year: 2087, opensAt: '2087-11-01', deadline: '+275760-09-13' }),
          'deadline',
        ],
        [
          () => api.http.post('/api/v1/reporting-cycles').send({ year: 2087, opensAt: '2087-11-01', meetingDate: '2088-02-30' }),
          'meetingDate',
        ],
      ];
      for (const [send, field] of cases) expectProblem(await send(), 400, 'VALIDATION_FAILED', field);
    });
  });

  describe('every layer answers problem+json with a request id and the security headers', () => {
    it('400 for a URL whose percent-encoding is broken (Fastify router)', async () => {
      for (const path of ['/api/v1/commitments/%', '/api/v1/commitments/%E0%A4%A', '/api/v1/commitments/%ED%A0%80']) {
        expectProblem(await api.http.get(path), 400, 'MALFORMED_URL');
      }
    });

    it('414 for a path parameter over 100 characters (Fastify router), without echoing it', async () => {
      const res = await api.http.get(`/api/v1/commitments/${'a'.repeat(101)}`);
      expectProblem(res, 414, 'URI_TOO_LONG');
      expect(res.body.detail).toBe('A path parameter is longer than 100 characters.');
    });

    it('431 for a request head over 16 KiB (Node itself)', async () => {
      expectProblem(await api.http.get(`/api/v1/commitments?q=${'x'.repeat(20_000)}`), 431, 'HEADERS_TOO_LARGE');
    });

    it('404 for an unknown route and 415 for a media type the API does not read', async () => {
      expectProblem(await api.anonymous.get('/nothing/here'), 404, 'ROUTE_NOT_FOUND');
      expectProblem(
        await api.http.post('/api/v1/commitments').set('Content-Type', 'application/xml').send('<a/>'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });
  });

  describe('progress reports and extensions', () => {
    it('400 for a blank report: whitespace says nothing, and would count as submitted', async () => {
      const res = await api.http
        .post(`/api/v1/commitments/${code}/progress-reports`)
        .send({ period: 2014, agency: 'ILO', summary: '   \n\t ' });
      expectProblem(res, 400, 'VALIDATION_FAILED', 'summary');
      expect(res.body.errors).toEqual([{ field: 'summary', message: 'must not be blank' }]);
    });

    it('one clear message for a period given as text', async () => {
      const res = await api.http
        .post(`/api/v1/commitments/${code}/progress-reports`)
        .send({ period: '2026', agency: 'ILO', summary: 'Did things.' });
      expectProblem(res, 400, 'VALIDATION_FAILED', 'period');
      expect(res.body.errors).toEqual([{ field: 'period', message: 'must be a year such as 2014 (a number)' }]);
    });

    it('422 (never a 5xx) for an agenda item no smallint can hold', async () => {
      const res = await api.http.post('/api/v1/commitments').send(aCommitment({ agendaItems: [1e20, 2] }));
      expectProblem(res, 422, 'UNKNOWN_AGENDA_ITEM', 'agendaItems');
    });
  });

  describe('If-Match is compared strongly (RFC 9110)', () => {
    let fresh: string;
    beforeAll(async () => {
      fresh = (await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body.code;
    });

    it('412 for a weak ETag, even of the current version: it never matches strongly', async () => {
      const res = await api.http.post(`/api/v1/commitments/${fresh}/transitions`).set('If-Match', 'W/"1"').send({ to: 'accepted' });
      expectProblem(res, 412, 'PRECONDITION_FAILED', 'If-Match');
    });

    it.each(['1', '"1', '1"', '*', '"1", "2"', 'W/', '"1"x'])('400 for If-Match: %s', async (value) => {
      expectProblem(
        await api.http.post(`/api/v1/commitments/${fresh}/transitions`).set('If-Match', value).send({ to: 'accepted' }),
        400,
        'VALIDATION_FAILED',
        'If-Match',
      );
    });

    it('"1" matches', async () => {
      await api.http.post(`/api/v1/commitments/${fresh}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }).expect(200);
      before = await written();
    });
  });

  it('the anonymous get the same answers before authentication is even asked', async () => {
    expectProblem(
      await api.anonymous.post('/api/v1/auth/refresh').send({ refreshToken: '\ud800' }),
      400,
      'VALIDATION_FAILED',
      'refreshToken',
    );
    expectProblem(await api.anonymous.get(`/api/v1/commitments/${randomUUID()}%00`), 400, 'VALIDATION_FAILED', 'idOrCode');
  });
});
