import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

/**
 * Issue #11: argon2 work is bounded per process. With one check at a time and no queue, logins that arrive
 * while a check runs are refused at once with TOO_MANY_REQUESTS and retryAfterSeconds instead of waiting.
 */
describe('argon2 work per process (ARGON2_CONCURRENCY=1, ARGON2_QUEUE=0)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ARGON2_CONCURRENCY: '1', ARGON2_QUEUE: '0' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the logins beyond the bound with TOO_MANY_REQUESTS and retryAfterSeconds, and checks the others', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.gql(LOGIN, { email: `burst-${i}@example.lg.jp`, password: 'wrong-password' }),
      ),
    );
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
    const busy = answers.filter((a) => a.errors?.[0]?.message.includes('Too many sign-ins at once'));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.length + codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(6);
    for (const a of busy) {
      expect(a.errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        retryAfterSeconds: expect.any(Number),
      });
    }
    // Nothing is left running or waiting: a login afterwards is checked.
    const after = await t.gql(LOGIN, { email: 'after@example.lg.jp', password: 'wrong-password' });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
