import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, MeilisearchRequestTimeOutError, type Config } from 'meilisearch';

export interface NodeHttpClientOptions {
  /** Per request, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Sockets per host: enough for the API's concurrent searches plus the sync's writes. */
  maxSockets?: number;
}

export interface NodeHttpClient {
  /** The meilisearch client's `httpClient`: resolves the parsed JSON body, rejects like the built-in one. */
  request: NonNullable<Config['httpClient']>;
  /** Closes the kept-alive sockets (on shutdown). */
  destroy(): void;
}

type Input = Parameters<NonNullable<Config['httpClient']>>[0];
type Init = Parameters<NonNullable<Config['httpClient']>>[1];

function headersOf(init: Init): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init?.headers) return out;
  new Headers(init.headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function bodyOf(init: Init): string | Buffer | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  // The client only sends strings (JSON, NDJSON, CSV); anything else is a programming error.
  throw new TypeError('meilisearch node http client: unsupported request body');
}

/** A kept-alive socket the server closed while idle: safe to resend on a fresh one. */
function isStaleSocketError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED';
}

/**
 * An HTTP client for the meilisearch JS client on node:http with a keep-alive Agent. Node 20's fetch
 * (undici) to a local Meilisearch stalled ~40 ms on a fifth to a third of small requests on our machines
 * (Nagle/delayed-ACK interplay on its pooled connections), while node:http answers in about a millisecond
 * (see docs/benchmarks.md, "transport").
 *
 * Errors: the client wraps whatever a custom httpClient throws in a MeilisearchRequestError ("Request to
 * … has failed"), so what callers see is that error with, as its `cause`: a MeilisearchApiError for a
 * non-2xx answer (Meilisearch's message, and `cause.code` such as `index_not_found`), a
 * MeilisearchRequestTimeOutError after `timeoutMs`, or the socket error (ECONNREFUSED …). `meiliApiError`
 * in case-index.ts digs the API error out.
 */
export function createNodeHttpClient(options: NodeHttpClientOptions): NodeHttpClient {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    // Below actix-web's default keep-alive (5 s), so we drop idle sockets before the server does.
    timeout: 4_000,
    maxSockets: options.maxSockets ?? 64,
    maxFreeSockets: options.maxSockets ?? 64,
    scheduling: 'lifo',
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const send = (url: URL, init: Init, retried: boolean): Promise<unknown> =>
    new Promise<unknown>((resolve, reject) => {
      const body = bodyOf(init);
      const headers = headersOf(init);
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const isHttps = url.protocol === 'https:';
      const req = (isHttps ? https : http).request(url, {
        method: init?.method ?? 'GET',
        headers,
        agent: isHttps ? httpsAgent : httpAgent,
      });
      req.setNoDelay(true);
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        init?.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const timer = setTimeout(() => {
        const err = new MeilisearchRequestTimeOutError(options.timeoutMs, { ...init, headers: {} });
        finish(() => reject(err));
        req.destroy();
      }, options.timeoutMs);
      const onAbort = () => {
        // The abort reason as it is: the client recognises its own timeout marker (waitTask) by identity.
        finish(() => reject(init?.signal?.reason));
        req.destroy();
      };
      if (init?.signal?.aborted) return onAbort();
      init?.signal?.addEventListener('abort', onAbort, { once: true });

      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => finish(() => reject(err)));
        res.on('end', () =>
          finish(() => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch (err) {
              if (status >= 200 && status < 300) {
                reject(err);
                return;
              }
              parsed = undefined;
            }
            if (status >= 200 && status < 300) {
              resolve(parsed);
              return;
            }
            const response = new Response(null, {
              status: status >= 200 && status <= 599 ? status : 500,
              statusText: res.statusMessage ?? '',
            });
            reject(
              new MeilisearchApiError(
                response,
                parsed as ConstructorParameters<typeof MeilisearchApiError>[1],
              ),
            );
          }),
        );
      });
      req.on('error', (err) => {
        if (settled) return;
        if (!retried && req.reusedSocket && isStaleSocketError(err)) {
          finish(() => resolve(send(url, init, true)));
          return;
        }
        finish(() => reject(err));
      });
      req.end(body);
    });

  return {
    request: (input: Input, init?: Init) =>
      send(
        input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url),
        init,
        false,
      ),
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
