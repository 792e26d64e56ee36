// Setup that is not a journey's subject: GraphQL from the test itself, and the mails the app writes
// (development mode: /dev/mail, which answers loopback clients).
import { BASE_URL } from './app';
import { NEW_PASSWORD, ORGANISER, RUN } from './demo';

/** A GraphQL call from the test itself (setup that is not the journey's subject); Bearer token optional. */
export async function api(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers of any shape
): Promise<any> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function apiLogin(email: string, password = ORGANISER.password): Promise<string> {
  const data = await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: email,
    p: password,
  });
  return data.login.token;
}

/** The mails the app has written, newest first. */
export async function mailFiles(): Promise<string[]> {
  const response = await fetch(`${BASE_URL}/dev/mail`);
  if (!response.ok)
    throw new Error(`/dev/mail answered ${response.status}: the app must run in development mode`);
  const html = await response.text();
  return [...html.matchAll(/href="\/dev\/mail\/([^"]+)"/g)].map((match) => decodeURIComponent(match[1]));
}

export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Headers and text of an .eml file as nodemailer writes it (one text part, base64 or quoted-printable). */
export function readMail(raw: string): { head: string; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  let body = raw.slice(split).trim();
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  return { head, body };
}

/**
 * Waits (30 s) for a mail to `to` that was not among `before` (file names listed before the action) and
 * has a /invite/… or /reset-password/… link; returns the link's path, as a person would click it.
 */
export async function linkFromMail(
  to: string,
  kind: string,
  before: string[],
): Promise<{ path: string; body: string }> {
  const known = new Set(before);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const file of await mailFiles()) {
      if (known.has(file)) continue;
      const { head, body } = readMail(
        await (await fetch(`${BASE_URL}/dev/mail/${encodeURIComponent(file)}`)).text(),
      );
      if (!head.toLowerCase().includes(to.toLowerCase())) continue;
      const match = new RegExp(`https?://[^\\s/]+(/${kind}/[A-Za-z0-9_-]{20,})`).exec(body);
      if (match) return { path: match[1], body };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${to} with a /${kind}/ link within 30 s`);
}

/** An officer of 北九州市 made the way the app makes one (invited by the organiser, accepted by mail). */
export async function newOfficer(label: string): Promise<{ email: string; name: string }> {
  const email = `e2e.${label}.${RUN}@city.example.lg.jp`;
  const token = await apiLogin(ORGANISER.email);
  const before = await mailFiles();
  await api(
    'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
    { input: { email, role: 'OFFICER', municipalityCode: '401005', name: `試験 ${label}` } },
    token,
  );
  const link = await linkFromMail(email, 'invite', before);
  await api('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token } }', {
    input: { token: link.path.split('/').pop(), password: NEW_PASSWORD, name: `試験 ${label}` },
  });
  return { email, name: `試験 ${label}` };
}
