import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { waitForDemoSearch } from './bootstrap';
import { IndexMissingError } from './search/case-index';

/** PostgreSQL says `expected` cases are published; the engine answers the counts in turn (an Error: it throws). */
function fixture(expected: number, counts: Array<number | Error>) {
  const dataSource = { query: async () => [{ expected }] } as unknown as DataSource;
  let calls = 0;
  const index = {
    documentCount: async () => {
      const next = counts[Math.min(calls, counts.length - 1)];
      calls += 1;
      if (next instanceof Error) throw next;
      return next;
    },
  };
  const logs: unknown[] = [];
  const warnings: unknown[] = [];
  const logger = {
    log: (m: unknown) => logs.push(m),
    warn: (m: unknown) => warnings.push(m),
    error: () => undefined,
  } as LoggerService;
  return { dataSource, index, logger, logs, warnings, calls: () => calls };
}

const notFound = new IndexMissingError('case_studies');

describe('waitForDemoSearch (the first start waits until its demo cases can be found)', () => {
  it('waits through a missing index and a partial one, reporting the progress, until every case is there', async () => {
    const f = fixture(120, [notFound, 0, 60, 120]);
    await expect(waitForDemoSearch(f.dataSource, f.index, f.logger, { pollMs: 1 })).resolves.toBe(true);
    expect(f.calls()).toBe(4);
    expect(f.logs).toEqual([
      { msg: 'indexing demo data', progress: '0/120' },
      { msg: 'indexing demo data', progress: '60/120' },
      { msg: 'indexing demo data', progress: '120/120' },
    ]);
    expect(f.warnings).toEqual([]);
  });

  it('a missing index is not an engine error: after the timeout it is not given as the reason', async () => {
    const f = fixture(120, [notFound]);
    await expect(
      waitForDemoSearch(f.dataSource, f.index, f.logger, { timeoutMs: 20, pollMs: 1 }),
    ).resolves.toBe(false);
    expect(f.warnings).toEqual([expect.objectContaining({ lastError: undefined })]);
  });

  it('stops waiting when the engine does not get there, and says why', async () => {
    const f = fixture(120, [new Error('connect ECONNREFUSED 127.0.0.1:7700')]);
    await expect(
      waitForDemoSearch(f.dataSource, f.index, f.logger, { timeoutMs: 20, pollMs: 1 }),
    ).resolves.toBe(false);
    expect(f.warnings).toEqual([
      expect.objectContaining({ lastError: 'connect ECONNREFUSED 127.0.0.1:7700' }),
    ]);
  });
});
