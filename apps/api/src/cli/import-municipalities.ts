/**
 * `npm run municipalities:import -- <file.csv> [--skip-invalid]`
 *
 * Loads the official 全国地方公共団体コード list (総務省, saved as CSV; Shift_JIS or UTF-8) or a CSV
 * with the columns code,name,kana[,name_en,kind,population] into the register. Rows are validated
 * first; any bad row is listed with its line number and nothing is written, unless --skip-invalid.
 * Existing municipalities are updated by code; membership, and the populations and English names the
 * file does not give, are kept.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { MunicipalityRepository } from '../modules/municipality/municipality.repository';
import { decodeCsv, parseMunicipalityCsv } from '../modules/municipality/municipality-csv';
import { runCli } from './cli-runtime';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const skipInvalid = args.includes('--skip-invalid');

void runCli(async ({ services }) => {
  if (!file) {
    process.stderr.write('usage: npm run municipalities:import -- <file.csv> [--skip-invalid]\n');
    return 2;
  }
  const { rows, errors, skipped } = parseMunicipalityCsv(decodeCsv(readFileSync(file)));
  process.stdout.write(
    `${file}: ${rows.length} valid rows, ${errors.length} invalid, ${skipped.length} skipped\n`,
  );
  for (const s of skipped.slice(0, 5)) process.stdout.write(`  skipped line ${s.line}: ${s.message}\n`);
  if (skipped.length > 5) process.stdout.write(`  … and ${skipped.length - 5} more skipped\n`);
  for (const e of errors) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  if (errors.length && !skipInvalid) {
    process.stderr.write(
      'Nothing was imported. Fix the lines above, or run again with --skip-invalid to import the valid rows.\n',
    );
    return 1;
  }
  const dataSource = await new DataSource(dataSourceOptions(services.databaseUrl)).initialize();
  try {
    const result = await new MunicipalityRepository(dataSource).upsertMany(
      rows.map(({ line: _line, ...row }) => row),
      (done, total) =>
        process.stdout.write(`  imported ${done}/${total} (${Math.round((done / total) * 100)}%)\n`),
    );
    process.stdout.write(`Done: ${result.inserted} added, ${result.updated} updated.\n`);
    // The exit status stays 1: the file still has rows to fix.
    if (errors.length)
      process.stderr.write(`${errors.length} invalid rows (listed above) were left out (--skip-invalid).\n`);
  } finally {
    await dataSource.destroy();
  }
  return errors.length ? 1 : 0;
});
