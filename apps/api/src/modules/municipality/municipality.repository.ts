import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { normalizeForSearch, type MembershipStatus } from '@yokoten/case-studies';
import { MunicipalityEntity } from './municipality.entity';
import { DeclarationEntity } from './declaration.entity';

export interface MunicipalityQuery {
  prefectureCodes?: string[];
  kinds?: string[];
  membershipStatuses?: MembershipStatus[];
  search?: string;
  /** Return rows with code > afterCode (the register's own order). */
  afterCode?: string;
  limit: number;
}

export type MunicipalityRow = Omit<MunicipalityEntity, 'id' | 'createdAt' | 'updatedAt' | 'searchText'>;

export function searchTextOf(m: Pick<MunicipalityEntity, 'name' | 'kana' | 'nameEn'>): string {
  return normalizeForSearch([m.name, m.kana, m.nameEn ?? ''].join(' '));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The only code that touches the municipalities and declarations tables. */
@Injectable()
export class MunicipalityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get municipalities() {
    return this.dataSource.getRepository(MunicipalityEntity);
  }

  private get declarations() {
    return this.dataSource.getRepository(DeclarationEntity);
  }

  async findPage(
    q: MunicipalityQuery,
  ): Promise<{ rows: MunicipalityEntity[]; totalCount: number; hasNextPage: boolean }> {
    const base = this.municipalities.createQueryBuilder('m');
    if (q.prefectureCodes?.length)
      base.andWhere('m.prefecture_code IN (:...prefectureCodes)', { prefectureCodes: q.prefectureCodes });
    if (q.kinds?.length) base.andWhere('m.kind IN (:...kinds)', { kinds: q.kinds });
    if (q.membershipStatuses?.length)
      base.andWhere('m.membership_status IN (:...statuses)', { statuses: q.membershipStatuses });
    const terms = normalizeForSearch(q.search ?? '')
      .split(' ')
      .filter(Boolean);
    terms.forEach((term, i) =>
      base.andWhere(
        new Brackets((w) => {
          w.where(`m.search_text LIKE :t${i} ESCAPE '\\'`, { [`t${i}`]: `%${escapeLike(term)}%` });
          // Digits: the start of a 団体コード (the whole code, or its five-digit form without the check digit).
          if (/^[0-9]{1,6}$/.test(term)) w.orWhere(`m.code LIKE :c${i}`, { [`c${i}`]: `${term}%` });
        }),
      ),
    );
    const totalCount = await base.clone().getCount();
    const page = base
      .clone()
      .orderBy('m.code', 'ASC')
      .take(q.limit + 1);
    if (q.afterCode) page.andWhere('m.code > :after', { after: q.afterCode });
    const rows = await page.getMany();
    return { rows: rows.slice(0, q.limit), totalCount, hasNextPage: rows.length > q.limit };
  }

  findByCode(code: string): Promise<MunicipalityEntity | null> {
    return this.municipalities.findOne({ where: { code } });
  }

  findByIds(ids: readonly string[]): Promise<MunicipalityEntity[]> {
    return ids.length ? this.municipalities.find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  findDeclarationsByMunicipalityIds(ids: readonly string[]): Promise<DeclarationEntity[]> {
    return ids.length
      ? this.declarations.find({ where: { municipalityId: In([...ids]) } })
      : Promise.resolve([]);
  }

  /** Declarations of current members, newest first. */
  listDeclarations(): Promise<DeclarationEntity[]> {
    return this.declarations
      .createQueryBuilder('d')
      .innerJoin(MunicipalityEntity, 'm', 'm.id = d.municipality_id')
      .where(`m.membership_status = 'MEMBER'`)
      .orderBy('d.signed_at', 'ASC')
      .addOrderBy('m.code', 'ASC')
      .getMany();
  }

  async counts(): Promise<{
    memberCount: number;
    applicantCount: number;
    declarationCount: number;
    prefectureCount: number;
  }> {
    const [row] = await this.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE membership_status = 'MEMBER')::int AS "memberCount",
         count(*) FILTER (WHERE membership_status = 'APPLICANT')::int AS "applicantCount",
         count(DISTINCT prefecture_code) FILTER (WHERE membership_status = 'MEMBER')::int AS "prefectureCount",
         (SELECT count(*) FROM declarations d JOIN municipalities m2 ON m2.id = d.municipality_id
           WHERE m2.membership_status = 'MEMBER')::int AS "declarationCount"
       FROM municipalities`,
    );
    return row;
  }

  /**
   * Moves a municipality between membership states only if it is still in one of `from`
   * (a compare-and-set, so two organisers clicking at once cannot both win).
   */
  async transitionMembership(
    id: string,
    from: Array<MembershipStatus | null>,
    to: MembershipStatus,
    joinedOn: string | null | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityEntity | null> {
    const municipalities = manager.getRepository(MunicipalityEntity);
    const qb = municipalities
      .createQueryBuilder()
      .update(MunicipalityEntity)
      .set({ membershipStatus: to, ...(joinedOn !== undefined ? { joinedOn } : {}) })
      .where('id = :id', { id })
      .andWhere(
        new Brackets((w) => {
          const named = from.filter((s): s is MembershipStatus => s !== null);
          if (named.length) w.orWhere('membership_status IN (:...from)', { from: named });
          if (from.includes(null)) w.orWhere('membership_status IS NULL');
        }),
      )
      .returning('*');
    const result = await qb.execute();
    if (!result.affected) return null;
    return municipalities.findOneByOrFail({ id });
  }

  /** Runs `work` in one transaction (a membership change and its audit entry, mails…). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  insertDeclaration(
    values: Pick<
      DeclarationEntity,
      'municipalityId' | 'signerName' | 'signerTitle' | 'statement' | 'signedByUserId'
    > & { signedAt?: Date },
    manager?: EntityManager,
  ): Promise<DeclarationEntity> {
    const repo = (manager ?? this.dataSource.manager).getRepository(DeclarationEntity);
    return repo.save(repo.create(values));
  }

  /** Inserts or updates register rows by code, in one transaction; reports progress per chunk. */
  async upsertMany(
    rows: MunicipalityRow[],
    onProgress?: (done: number, total: number) => void,
    chunkSize = 500,
  ): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    let updated = 0;
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += chunkSize) {
        const chunk = rows.slice(i, i + chunkSize);
        // A row without a population or an English name (the official list has neither) must not wipe the
        // one already known, and a row with one updates it, whatever the other rows of the file carry.
        const incomplete = chunk.filter((r) => r.population === null || !r.nameEn).map((r) => r.code);
        const known = new Map(
          incomplete.length
            ? (
                await manager.getRepository(MunicipalityEntity).find({
                  select: { code: true, population: true, nameEn: true },
                  where: { code: In(incomplete) },
                })
              ).map((m) => [m.code, m])
            : [],
        );
        const values = chunk.map((r) => {
          const merged = {
            ...r,
            population: r.population ?? known.get(r.code)?.population ?? null,
            nameEn: r.nameEn || known.get(r.code)?.nameEn || null,
          };
          return { ...merged, searchText: searchTextOf(merged) };
        });
        const result: Array<{ inserted: boolean }> = await manager
          .createQueryBuilder()
          .insert()
          .into(MunicipalityEntity)
          .values(values)
          .orUpdate(
            ['name', 'kana', 'name_en', 'prefecture_code', 'kind', 'search_text', 'updated_at', 'population'],
            ['code'],
          )
          .returning('(xmax = 0) AS inserted')
          .execute()
          .then((r) => r.raw);
        for (const r of result) {
          if (r.inserted) inserted++;
          else updated++;
        }
        onProgress?.(Math.min(i + chunkSize, rows.length), rows.length);
      }
    });
    return { inserted, updated };
  }

  count(): Promise<number> {
    return this.municipalities.count();
  }
}
