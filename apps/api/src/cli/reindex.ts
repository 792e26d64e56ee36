/**
 * `npm run search:reindex`: rebuilds the search index from PostgreSQL (the truth) into a new index with the
 * same settings and swaps it in atomically; searches keep working throughout and updates made meanwhile
 * are applied to both indexes (see CaseIndexReindexer). Uses DATABASE_URL / MEILI_URL when set, else the
 * embedded services under DATA_DIR (stop the app first in that case, or point the variables at it).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { createSearchStack } from '../search/search-stack';
import { runCli } from './cli-runtime';

void runCli(
  async ({ config, services }) => {
    const dataSource = await new DataSource(dataSourceOptions(services.databaseUrl)).initialize();
    const search = createSearchStack(dataSource, services.search, config);
    try {
      process.stdout.write(`Rebuilding ${search.index.liveName} from PostgreSQL…\n`);
      let lastPrinted = 0;
      const result = await search.reindexer.reindex({
        onStep: (message) => process.stdout.write(`  ${message}\n`),
        onProgress: (done, total) => {
          if (done === total || Date.now() - lastPrinted > 500) {
            lastPrinted = Date.now();
            const pct = total ? Math.round((done / total) * 100) : 100;
            process.stdout.write(`  indexed ${done}/${total} (${pct}%)\n`);
          }
        },
      });
      const rate = result.ms > 0 ? Math.round((result.documents / result.ms) * 1000) : result.documents;
      process.stdout.write(
        `Done: ${result.documents} cases in ${(result.ms / 1000).toFixed(1)} s (${rate} docs/s); ` +
          `${result.updatesDuringRebuild} updates arrived during the rebuild and are in the new index.\n`,
      );
    } finally {
      search.close();
      await dataSource.destroy();
    }
  },
  { search: true },
);
