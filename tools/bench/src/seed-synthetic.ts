/**
 * `npm run seed:synthetic -- 20000 [--seed 42]`: inserts N generated, published cases (recombined from the
 * demo cases, spread over the member municipalities and every theme) into PostgreSQL and indexes them
 * through the bulk path, printing progress and docs/s. For load tests: never run it against production.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@yokoten/api/database/data-source-options';
import { createSearchStack } from '@yokoten/api/search/search-stack';
import { runCli } from '@yokoten/api/cli/cli-runtime';
import { seedSyntheticCases } from './synthetic-cases';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;

void runCli(
  async ({ config, services }) => {
    if (config.NODE_ENV === 'production') {
      process.stderr.write('seed:synthetic refuses to run with NODE_ENV=production.\n');
      return 2;
    }
    if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) {
      process.stderr.write('usage: npm run seed:synthetic -- <count 1–1000000> [--seed <n>]\n');
      return 2;
    }
    const dataSource = await new DataSource(dataSourceOptions(services.databaseUrl)).initialize();
    const search = createSearchStack(dataSource, services.search, config);
    try {
      let last = 0;
      const report = await seedSyntheticCases(dataSource, search, count, {
        seed,
        onProgress: (phase, done, total) => {
          if (done === total || Date.now() - last > 1000) {
            last = Date.now();
            process.stdout.write(`  ${phase} ${done}/${total}\n`);
          }
        },
      });
      process.stdout.write(
        `Done: ${report.inserted} cases inserted in ${(report.insertMs / 1000).toFixed(1)} s; ` +
          `indexed in ${(report.indexMs / 1000).toFixed(1)} s (${report.docsPerSecond} docs/s) into ${search.index.liveName}.\n`,
      );
    } finally {
      search.close();
      await dataSource.destroy();
    }
  },
  { search: true },
);
