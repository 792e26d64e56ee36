#!/usr/bin/env node
/* global Buffer, URL -- Node globals */
// A stand-in for the API, for working on the web client without PostgreSQL and Meilisearch:
// serves dist/apps/web (SPA fallback, /graphiql → explorer.html), GET /health and POST /graphql,
// executed by graphql-js against the committed apps/api/schema.gql with in-memory demo data taken
// from libs/case-studies. Sessions are an httpOnly cookie, like the real API. Not used in production.
//
//   node apps/web/e2e/mock-api.mjs            (PORT, default 3000)
//   BASE_URL=http://localhost:3000 node apps/web/e2e/run.mjs
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphql, GraphQLError } from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = join(root, 'dist/apps/web');
const port = Number(process.env.PORT ?? 3000);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'yokoten-demo';

// ---- demo data, read from the shared library's sources (plain literals) ----
const prefectureSource = readFileSync(join(root, 'libs/case-studies/src/prefectures.ts'), 'utf8');
const prefectures = new Map(
  [...prefectureSource.matchAll(/code: '(\d{2})',\s*name: '([^']+)',\s*nameEn: '([^']+)'/g)].map(
    ([, code, name, nameEn]) => [code, { code, name, nameEn, region: '' }],
  ),
);
const demoSource = readFileSync(join(root, 'libs/case-studies/src/municipalities.demo.ts'), 'utf8');
const rows = [
  ...demoSource.matchAll(
    /m\('(\d{6})', '(\d{2})', '([^']+)', '([^']+)', '([^']+)', '([A-Z_]+)', ([\d_]+)\)/g,
  ),
];

function band(population) {
  if (population < 10_000) return 'UNDER_10K';
  if (population < 50_000) return 'FROM_10K_TO_50K';
  if (population < 100_000) return 'FROM_50K_TO_100K';
  if (population < 300_000) return 'FROM_100K_TO_300K';
  if (population < 1_000_000) return 'FROM_300K_TO_1M';
  return 'OVER_1M';
}

const municipalities = rows.map(([, code, pref, name, kana, nameEn, kind, population], index) => ({
  id: `m${code}`,
  code,
  name,
  kana,
  nameEn,
  prefectureCode: pref,
  kind,
  population: Number(population.replaceAll('_', '')),
  // A few applicants and one withdrawn municipality, so that every status shows up.
  membershipStatus: index % 17 === 5 ? 'APPLICANT' : index % 23 === 11 ? 'WITHDRAWN' : 'MEMBER',
  joinedOn: index % 17 === 5 ? null : `2023-05-${String(10 + (index % 15)).padStart(2, '0')}`,
}));
const byCode = new Map(municipalities.map((m) => [m.code, m]));
const declarations = new Map();
municipalities
  .filter((m) => m.membershipStatus === 'MEMBER')
  .slice(0, 14)
  .forEach((m, i) =>
    declarations.set(m.code, {
      id: `d${m.code}`,
      code: m.code,
      signerName: ['武内 和久', '湯﨑 英彦', '辻 直孝', '平井 伸治', '斉藤 猛'][i % 5],
      signerTitle:
        m.kind === 'PREFECTURE'
          ? '知事'
          : m.kind === 'SPECIAL_WARD'
            ? '区長'
            : m.kind === 'TOWN'
              ? '町長'
              : '市長',
      statement: `${m.name}は、職員と市民のリスキリングを通じて地域のDXを進め、その成果と課題を全国の自治体と共有します。`,
      signedAt: new Date(Date.UTC(2023, 4, 9, 15 + (i % 3), 30)).toISOString(),
    }),
  );

const users = new Map([
  [
    'organiser@yokoten.example',
    { id: 'u0', email: 'organiser@yokoten.example', name: '横展 事務局', role: 'ORGANISER', code: null },
  ],
  ...municipalities
    .filter((m) => m.membershipStatus === 'MEMBER')
    .map((m) => [
      `officer.${m.code}@yokoten.example`,
      {
        id: `u${m.code}`,
        email: `officer.${m.code}@yokoten.example`,
        name: `${m.name} DX担当`,
        role: 'OFFICER',
        code: m.code,
      },
    ]),
]);
const sessions = new Map();

// ---- GraphQL ----
const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));
const fail = (message, code, field) =>
  new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
const fold = (s) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .trim();

function municipalityView(m) {
  const d = declarations.get(m.code);
  return {
    ...m,
    populationBand: band(m.population),
    prefecture: prefectures.get(m.prefectureCode),
    declaration: d ? declarationView(d) : null,
  };
}
function declarationView(d) {
  return { ...d, municipality: () => municipalityView(byCode.get(d.code)) };
}
function userView(u) {
  return u && { ...u, municipality: u.code ? municipalityView(byCode.get(u.code)) : null };
}
function requireOrganiser(ctx) {
  if (!ctx.user) throw fail('Login required', 'UNAUTHENTICATED');
  if (ctx.user.role === 'OFFICER') throw fail('Forbidden', 'FORBIDDEN');
}

const rootValue = {
  me: (_args, ctx) => userView(ctx.user),
  prefectures: () => [...prefectures.values()],
  municipality: ({ code }) => {
    if (!/^\d{6}$/.test(code)) throw fail('code must be 6 digits', 'BAD_USER_INPUT', 'code');
    const m = byCode.get(code);
    return m ? municipalityView(m) : null;
  },
  municipalities: ({ filter, first = 20, after }) => {
    if (first < 1 || first > 100) throw fail('first must be between 1 and 100', 'BAD_USER_INPUT', 'first');
    const search = filter?.search ? fold(filter.search) : '';
    const all = municipalities.filter(
      (m) =>
        (!filter?.prefectureCodes?.length || filter.prefectureCodes.includes(m.prefectureCode)) &&
        (!filter?.kinds?.length || filter.kinds.includes(m.kind)) &&
        (!filter?.membershipStatuses?.length || filter.membershipStatuses.includes(m.membershipStatus)) &&
        (!search || fold(m.name).includes(search) || fold(m.kana).includes(search)),
    );
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) + 1 : 0;
    const page = all.slice(start, start + first);
    const edges = page.map((m, i) => ({
      cursor: Buffer.from(String(start + i)).toString('base64url'),
      node: municipalityView(m),
    }));
    return {
      totalCount: all.length,
      edges,
      pageInfo: { hasNextPage: start + first < all.length, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
  declarations: () => [...declarations.values()].map(declarationView),
  networkStats: () => {
    const members = municipalities.filter((m) => m.membershipStatus === 'MEMBER');
    return {
      memberCount: members.length,
      applicantCount: municipalities.filter((m) => m.membershipStatus === 'APPLICANT').length,
      declarationCount: declarations.size,
      prefectureCount: new Set(members.map((m) => m.prefectureCode)).size,
    };
  },
  login: ({ email, password }, ctx) => {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw fail('email must be an email', 'BAD_USER_INPUT', 'email');
    const user = users.get(email.toLowerCase());
    if (!user || password !== PASSWORD) throw fail('Invalid email or password', 'UNAUTHENTICATED');
    const token = randomUUID();
    sessions.set(token, user);
    ctx.setCookie(`yokoten_session=${token}; HttpOnly; SameSite=Lax; Path=/`);
    return { token, user: userView(user) };
  },
  logout: (_args, ctx) => {
    if (ctx.token) sessions.delete(ctx.token);
    ctx.setCookie('yokoten_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
    return true;
  },
  admitMunicipality: ({ code }, ctx) => {
    requireOrganiser(ctx);
    const m = byCode.get(code);
    if (!m) throw fail('Unknown municipality', 'BAD_USER_INPUT', 'code');
    if (m.membershipStatus !== 'APPLICANT') throw fail('Not an applicant', 'BAD_USER_INPUT', 'code');
    m.membershipStatus = 'MEMBER';
    m.joinedOn = new Date().toISOString().slice(0, 10);
    return municipalityView(m);
  },
  withdrawMunicipality: ({ code }, ctx) => {
    requireOrganiser(ctx);
    const m = byCode.get(code);
    if (!m) throw fail('Unknown municipality', 'BAD_USER_INPUT', 'code');
    if (m.membershipStatus !== 'MEMBER') throw fail('Not a member', 'BAD_USER_INPUT', 'code');
    m.membershipStatus = 'WITHDRAWN';
    return municipalityView(m);
  },
  signDeclaration: ({ input }, ctx) => {
    if (!ctx.user) throw fail('Login required', 'UNAUTHENTICATED');
    if (ctx.user.role !== 'OFFICER') throw fail('Only officers sign', 'FORBIDDEN');
    for (const field of ['signerName', 'signerTitle', 'statement']) {
      if (!input[field]?.trim()) throw fail(`${field} should not be empty`, 'BAD_USER_INPUT', field);
    }
    if (declarations.has(ctx.user.code)) throw fail('Already signed', 'BAD_USER_INPUT', 'statement');
    const d = { id: `d${ctx.user.code}`, code: ctx.user.code, ...input, signedAt: new Date().toISOString() };
    declarations.set(ctx.user.code, d);
    return declarationView(d);
  },
};

// ---- HTTP ----
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function sendFile(res, path) {
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  res.end(readFileSync(path));
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', database: 'up', search: 'up', pendingIndexUpdates: 0 }));
    return;
  }
  if (url.pathname === '/graphql' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const token = /(?:^|;\s*)yokoten_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const cookies = [];
    const context = {
      token,
      user: token ? sessions.get(token) : undefined,
      setCookie: (c) => cookies.push(c),
    };
    let result;
    try {
      const { query, variables, operationName } = JSON.parse(body);
      result = await graphql({
        schema,
        source: query,
        rootValue,
        contextValue: context,
        variableValues: variables,
        operationName,
      });
    } catch {
      result = { errors: [{ message: 'Malformed request', extensions: { code: 'BAD_REQUEST' } }] };
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(cookies.length ? { 'set-cookie': cookies } : {}),
    });
    res.end(JSON.stringify(result));
    return;
  }
  if (url.pathname === '/graphiql') return sendFile(res, join(dist, 'explorer.html'));
  const file = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
  if (url.pathname.startsWith('/assets/')) {
    res.writeHead(404).end();
    return;
  }
  sendFile(res, join(dist, 'index.html'));
}).listen(port, () =>
  console.log(`mock API on http://localhost:${port} (${municipalities.length} municipalities)`),
);
