import type { DataSource } from 'typeorm';

/**
 * The settings version each live index was last configured or rebuilt with (`search_index_settings`), shared by
 * every process on the database. During a rolling deploy of a release that changes the index settings, old
 * and new processes run side by side: each sees the other's settings as drift. The version recorded here lets
 * a process tell "drifted" from "configured by a newer release": it heals only an index whose recorded version
 * is not newer than its own (`CASE_INDEX_SETTINGS_VERSION`), so it never rebuilds to older settings.
 */
export class IndexSettingsVersions {
  constructor(private readonly dataSource: DataSource) {}

  /** The version recorded for `indexName` (null: none yet, e.g. an index from before versions were kept). */
  async recorded(indexName: string): Promise<number | null> {
    const rows = (await this.dataSource.query(
      'SELECT settings_version FROM search_index_settings WHERE index_name = $1',
      [indexName],
    )) as Array<{ settings_version: number }>;
    return rows[0]?.settings_version ?? null;
  }

  /**
   * Records that `indexName` now has the settings of `version`. A newer recorded version is kept (an older
   * process that rebuilt a missing index must not make newer ones think their settings are older), unless
   * `exact`: an operator's `search:reindex` (e.g. after rolling back to an older release) records its own.
   */
  async record(indexName: string, version: number, options: { exact?: boolean } = {}): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO search_index_settings (index_name, settings_version) VALUES ($1, $2)
       ON CONFLICT (index_name) DO UPDATE
          SET settings_version = ${options.exact ? 'EXCLUDED.settings_version' : 'GREATEST(search_index_settings.settings_version, EXCLUDED.settings_version)'},
              recorded_at = now()`,
      [indexName, version],
    );
  }
}
