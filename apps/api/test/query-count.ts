import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { currentRequestId } from '../src/common/request-id';

type Sql = string | { text: string };
const textOf = (q: unknown): string =>
  typeof q === 'string' ? q : ((q as { text?: string } | undefined)?.text ?? String(q));

/**
 * The SQL statements sent while `run` is in flight on behalf of an HTTP request (the request id's async
 * context), through TypeORM's query runner (`runner`) or any node-postgres client (`client`, which also sees
 * the pool queries TypeORM does not make). Statements of the background workers that share the process
 * (search sync, mail outbox) are left out, so a query-count assertion measures the request alone.
 */
export async function requestStatements(
  level: 'runner' | 'client',
  run: () => Promise<unknown>,
): Promise<string[]> {
  const seen: string[] = [];
  const record = (q: unknown) => {
    if (currentRequestId()) seen.push(textOf(q));
  };
  if (level === 'runner') {
    const original = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof original>
    ) {
      record(args[0]);
      return original.apply(this, args);
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
  } else {
    const original = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      record(args[0] as Sql);
      return original.apply(this, args);
    } as never);
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
  }
  return seen;
}
