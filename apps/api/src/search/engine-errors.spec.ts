import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch, MeilisearchTaskTimeOutError } from 'meilisearch';
import { IndexMissingError, SearchTaskFailedError } from './case-index';
import {
  askEngine,
  classifyEngineError,
  SearchEngineError,
  SearchUnavailableError,
  type EngineFault,
} from './engine-errors';
import { createNodeHttpClient, type NodeHttpClient } from './node-http-client';

/**
 * The errors are the real ones: the meilisearch client on our transport, against a stand-in engine that
 * answers as each case says, or a port nothing listens on.
 */
describe('engine errors: what is an outage and what is a bug', () => {
  let server: http.Server;
  let base: string;
  let answer: (res: http.ServerResponse) => void;
  let transport: NodeHttpClient;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (transport = createNodeHttpClient({ timeoutMs: 200 })));
  afterEach(() => transport.destroy());
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const search = (host = base) =>
    new Meilisearch({ host, httpClient: transport.request }).index('cases').search('x');
  const failure = async (work: Promise<unknown>): Promise<unknown> => {
    try {
      await work;
    } catch (err) {
      return err;
    }
    throw new Error('expected the call to fail');
  };
  const engineSays = (status: number, code: string) => (res: http.ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `${code} happened`, code, type: 'invalid_request', link: '' }));
  };
  const closedPort = async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  };

  it.each<[string, EngineFault, number, string]>([
    ['a 5xx from the engine', 'unreachable', 503, 'internal'],
    ['the index missing (the heal rebuilds it)', 'index-missing', 404, 'index_not_found'],
    [
      'a filter the index does not allow (drifted settings)',
      'index-misconfigured',
      400,
      'invalid_search_filter',
    ],
    ['a sort the index does not allow', 'index-misconfigured', 400, 'invalid_search_sort'],
    ['a 4xx our own parameters caused', 'bug', 400, 'invalid_search_hits_per_page'],
    ['a refused API key', 'bug', 403, 'invalid_api_key'],
  ])('%s: %s', async (_name, fault, status, code) => {
    answer = engineSays(status, code);
    expect(classifyEngineError(await failure(search()))).toBe(fault);
  });

  it('connection refused: unreachable', async () => {
    const err = await failure(search(`http://127.0.0.1:${await closedPort()}`));
    expect(classifyEngineError(err)).toBe('unreachable');
  });

  it('connection reset mid-answer: unreachable', async () => {
    answer = (res) => res.socket?.destroy();
    expect(classifyEngineError(await failure(search()))).toBe('unreachable');
  });

  it('no answer within the timeout: unreachable', async () => {
    answer = () => undefined;
    expect(classifyEngineError(await failure(search()))).toBe('unreachable');
  });

  it('a garbled answer (a communication error): unreachable', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
    };
    expect(classifyEngineError(await failure(search()))).toBe('unreachable');
  });

  it('our own errors: the write path, a task wait, a TypeError', () => {
    expect(classifyEngineError(new IndexMissingError('cases'))).toBe('index-missing');
    expect(classifyEngineError(new MeilisearchTaskTimeOutError(1, 60_000))).toBe('unreachable');
    const refused = new SearchTaskFailedError({
      uid: 1,
      type: 'documentAdditionOrUpdate',
      status: 'failed',
      error: { code: 'invalid_document_id', message: 'bad id', type: 'invalid_request', link: '' },
    } as unknown as ConstructorParameters<typeof SearchTaskFailedError>[0]);
    expect(classifyEngineError(refused)).toBe('bug');
    expect(classifyEngineError(new TypeError("Cannot read properties of undefined (reading 'hits')"))).toBe(
      'bug',
    );
    expect(classifyEngineError(undefined)).toBe('bug');
  });

  describe('askEngine', () => {
    const index = { noticeTrouble: jest.fn() };
    beforeEach(() => index.noticeTrouble.mockClear());

    it('an outage is SEARCH_UNAVAILABLE, the heal not asked', async () => {
      const err = await failure(
        askEngine(index, async () => search(`http://127.0.0.1:${await closedPort()}`)),
      );
      expect(err).toBeInstanceOf(SearchUnavailableError);
      expect(index.noticeTrouble).not.toHaveBeenCalled();
    });

    it('a missing or misconfigured index is SEARCH_UNAVAILABLE and asks the heal to check now', async () => {
      answer = engineSays(404, 'index_not_found');
      expect(await failure(askEngine(index, search))).toBeInstanceOf(SearchUnavailableError);
      answer = engineSays(400, 'invalid_search_facets');
      expect(await failure(askEngine(index, search))).toBeInstanceOf(SearchUnavailableError);
      expect(index.noticeTrouble).toHaveBeenCalledTimes(2);
    });

    it('a bug is an internal error that names the cause, not an outage', async () => {
      answer = engineSays(400, 'invalid_search_hits_per_page');
      const refused = await failure(askEngine(index, search));
      expect(refused).toBeInstanceOf(SearchEngineError);
      expect(refused).not.toBeInstanceOf(SearchUnavailableError);
      expect((refused as Error).message).toContain('[invalid_search_hits_per_page]');

      const bug = new TypeError('x is not a function');
      const thrown = await failure(
        askEngine(index, () => {
          throw bug;
        }),
      );
      expect(thrown).toBeInstanceOf(SearchEngineError);
      expect((thrown as Error).cause).toBe(bug);
      expect(index.noticeTrouble).not.toHaveBeenCalled();
    });

    it('passes the answer through', async () => {
      answer = (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ hits: [{ id: 'a' }], query: 'x', processingTimeMs: 1 }));
      };
      expect((await askEngine(index, search)).hits).toEqual([{ id: 'a' }]);
    });
  });
});
