/**
 * The least any API in front of Meilisearch can add: one more Node HTTP hop that passes the engine request
 * through and the engine's answer back, and does nothing else (no GraphQL, no PostgreSQL, no permissions, no
 * highlights). `npm run bench:search` runs it as its own process beside the API and times it interleaved with
 * the other two paths, so the API's figures can be read against this floor on the same machine.
 *
 * Env: FLOOR_PORT (listen on 127.0.0.1), FLOOR_TARGET (the engine's search URL), FLOOR_KEY (its API key).
 * GET answers 200 (readiness); POST bodies go to FLOOR_TARGET as they are.
 */
import http from 'node:http';

const port = Number(process.env.FLOOR_PORT);
const target = process.env.FLOOR_TARGET ?? '';
const key = process.env.FLOOR_KEY ?? '';
const upstream = new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 });

function collect(stream: NodeJS.ReadableStream, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(Buffer.concat(chunks)));
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.end('ok');
    return;
  }
  collect(req, (body) => {
    const up = http.request(
      target,
      {
        method: 'POST',
        agent: upstream,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${key}`,
        },
      },
      (answer) =>
        collect(answer, (out) => {
          res.writeHead(answer.statusCode ?? 502, {
            'content-type': 'application/json',
            'content-length': out.length,
          });
          res.end(out);
        }),
    );
    up.setNoDelay(true);
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    up.end(body);
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
