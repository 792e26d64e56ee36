import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import type { SearchConnection } from '../search/search.module';
import { createSearchStack } from '../search/search-stack';
import type { ReindexResult } from '../search/case-index.reindexer';

/**
 * After a restore, Meilisearch still holds whatever it held before: rebuild the index from the restored
 * tables, the way `npm run search:reindex` does (new index, same settings, atomic swap).
 */
export async function rebuildSearchIndex(
  databaseUrl: string,
  search: SearchConnection,
  config: AppConfig,
  onStep: (message: string) => void = () => undefined,
): Promise<ReindexResult> {
  const options = dataSourceOptions(databaseUrl);
  const dataSource = await new DataSource({
    ...options,
    extra: { ...(options.extra as object), max: 4 },
  }).initialize();
  const stack = createSearchStack(dataSource, search, config);
  try {
    let lastPrinted = 0;
    return await stack.reindexer.reindex({
      onStep,
      onProgress: (done, total) => {
        if (done === total || Date.now() - lastPrinted > 1000) {
          lastPrinted = Date.now();
          onStep(`indexed ${done}/${total} published cases`);
        }
      },
    });
  } finally {
    stack.close();
    await dataSource.destroy();
  }
}
