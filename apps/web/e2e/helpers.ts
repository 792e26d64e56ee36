// Page helpers several journeys share: searching, logging in, sessions, forms, small screens.
import { expect, type Page } from '@playwright/test';
import { BASE_URL } from './app';
import { ORGANISER } from './demo';
import type { Journey } from './journey';

/** Resolves when the next search has come back (set it up before the action that searches). */
export function nextSearch(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') && /SearchCaseStudies/.test(response.request().postData() ?? ''),
  );
}

/** The count in 「N件の事例が見つかりました」, once the results on screen are those of the last search. */
export async function searchTotal(j: Journey, page: Page): Promise<number> {
  await page.waitForFunction(() => !document.querySelector('section[aria-busy="true"]'));
  const status = page
    .locator('p[role="status"]')
    .filter({ hasText: /件の事例が見つかりました|見つかりませんでした/ });
  const text = await j.expectText(status, /件の事例が見つかりました|見つかりませんでした/, 'search total');
  return /見つかりませんでした/.test(text) ? 0 : Number(text.replace(/件.*/, '').replace(/\D/g, ''));
}

/** `YYYY-MM-DDTHH:mm` in Japan time, `days` from now at `hour`:`minute` JST: what a datetime-local holds. */
export function jstInput(days: number, hour: number, minute = 0): string {
  const jst = new Date(Date.now() + 9 * 3600_000 + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${jst.getUTCFullYear()}-${pad(jst.getUTCMonth() + 1)}-${pad(jst.getUTCDate())}T${pad(hour)}:${pad(minute)}`;
}

export interface DemoSession {
  id: string;
  title: string;
  status: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

/** The open demo session (nearly full, with a waitlist), looked up over the API. */
export async function openDemoSession(j: Journey): Promise<DemoSession> {
  const result = await j.graphql(
    `{ exchangeSessions(timeframe: UPCOMING) { id title status capacity confirmedCount waitlistCount } }`,
  );
  const session = result.data?.exchangeSessions.find(
    (s: DemoSession) => s.status === 'OPEN' && s.waitlistCount > 0,
  );
  expect(session, 'the demo data should have an open session with a waitlist').toBeTruthy();
  return session;
}

/** Logs in through the form and waits for the account menu (the `login` fixture calls this). */
export async function loginAs(j: Journey, page: Page, email: string, next = '/'): Promise<void> {
  await j.goto(`/login?next=${encodeURIComponent(next)}`);
  await j.login(email, ORGANISER.password);
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await page.getByRole('button', { name: /さん（/ }).waitFor();
}

/** An officer of a member municipality with no live registration for the session (the demo fills from the start). */
export async function freeOfficer(
  j: Journey,
  sessionId: string,
  skip: string[] = [],
): Promise<{ code: string; email: string }> {
  const result = await j.graphql(
    `query { municipalities(filter: { membershipStatuses: [MEMBER] }, first: 100) { edges { node { code } } } }`,
  );
  const codes: string[] = result.data.municipalities.edges
    .map((edge: { node: { code: string } }) => edge.node.code)
    .reverse();
  for (const code of codes) {
    if (skip.includes(code)) continue;
    const email = `officer.${code}@yokoten.example`;
    const login = await j.graphql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`,
      {
        e: email,
        p: ORGANISER.password,
      },
    );
    if (!login.data) continue;
    const mine = await j.graphql(
      `query($id: ID!) { exchangeSession(id: $id) { myRegistration { status } } }`,
      {
        id: sessionId,
      },
    );
    await j.graphql('mutation { logout }');
    const status = mine.data?.exchangeSession?.myRegistration?.status;
    if (!status || status === 'CANCELLED') return { code, email };
  }
  throw new Error('every member officer is registered already');
}

/** Logs in on another page (a second person's browser) and waits for the account menu. */
export async function loginOn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${BASE_URL}/login?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel(/メールアドレス|Email address/).fill(email);
  await page.getByRole('textbox', { name: /^(パスワード|Password)/ }).fill(password);
  await page.getByRole('button', { name: /^(ログインする|Log in)$/ }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await page.getByRole('button', { name: /さん（|\(/ }).waitFor();
}

/** Focus is on the form's error summary, which names `message`. */
export async function expectErrorSummary(page: Page, message: string, what: string): Promise<void> {
  await page
    .waitForFunction(
      (text) => {
        const active = document.activeElement;
        return active?.getAttribute('role') === 'alert' && !!active.textContent?.includes(text);
      },
      message,
      { timeout: 5_000 },
    )
    .catch(async () => {
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
      throw new Error(`${what}: focus should be on an error summary saying 「${message}」, is on ${focused}`);
    });
}

/** How far the page scrolls sideways (px); at most 0 when it fits the 375 px viewport. */
export async function overflowAt375(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
