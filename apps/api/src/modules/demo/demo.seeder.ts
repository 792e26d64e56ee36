import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MembershipStatus } from '@yokoten/case-studies';
import { DEMO_CASE_STUDIES, DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { hashPassword } from '../auth/password';
import { UserEntity } from '../auth/user.entity';
import { AppSettingEntity } from '../account/app-setting.entity';
import { DeclarationEntity } from '../municipality/declaration.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { searchTextOf } from '../municipality/municipality.repository';
import { seedDemoAdoptionsAndInquiries } from '../adoption/adoption.demo';
import { seedDemoSessions } from '../exchange-session/exchange-session.demo';
import { seedDemoCaseStudies, type DemoCaseInput } from './demo-case-studies';
import { demoOfficerName, demoStatement, headTitle } from './demo-people';

/** The network's kick-off, when the founding members signed the joint declaration (共同宣言). */
export const KICKOFF_DATE = '2023-05-10';
export const ORGANISER_EMAIL = 'organiser@yokoten.example';
export const ADMIN_EMAIL = 'admin@yokoten.example';
export const officerEmail = (code: string) => `officer.${code}@yokoten.example`;

/** Typical 役職 and 所属 of municipal DX officers, for the demo accounts. */
const DEMO_TITLES = ['主事', '主任', '係長', '課長補佐', '主査', '課長'];
const DEMO_DEPARTMENTS = ['DX推進課', '情報政策課', 'デジタル戦略課', '企画政策課', '人事課', '産業振興課'];

export interface DemoAccount {
  email: string;
  role: string;
  municipality?: string;
}

/** A few stay applicants and a couple have left, so the directory's filters have something to show. */
function membershipOf(index: number, total: number): { status: MembershipStatus; joinedOn: string | null } {
  if (index >= total - 3) return { status: 'APPLICANT', joinedOn: null };
  if (index === total - 4 || index === total - 5) return { status: 'WITHDRAWN', joinedOn: '2023-05-10' };
  const month = 5 + (index % 3) * 3; // founding members and two later waves
  return {
    status: 'MEMBER',
    joinedOn: index < 30 ? KICKOFF_DATE : `2023-${String(month).padStart(2, '0')}-01`,
  };
}

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Seeds only an empty database, in one transaction, so a half-seeded state never exists. `cases` is
   * for tests that want a smaller or different set than the demo's.
   */
  async seedIfEmpty(
    password: string,
    cases: readonly DemoCaseInput[] = DEMO_CASE_STUDIES,
  ): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
    const existing = await this.dataSource.getRepository(MunicipalityEntity).count();
    if (existing > 0) return { seeded: false, accounts: await this.listAccounts() };
    const total = DEMO_MUNICIPALITIES.length;
    this.logger.log({ msg: 'seeding demo data', municipalities: total });
    // One argon2id hash for every demo account: they share the demo password anyway, and hashing 60 times would slow the first start.
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const municipalities = await manager.getRepository(MunicipalityEntity).save(
        DEMO_MUNICIPALITIES.map((m, i) => {
          const { status, joinedOn } = membershipOf(i, total);
          return manager.getRepository(MunicipalityEntity).create({
            code: m.code,
            name: m.name,
            kana: m.kana,
            nameEn: m.nameEn,
            prefectureCode: m.prefectureCode,
            kind: m.kind,
            population: m.population,
            membershipStatus: status,
            joinedOn,
            searchText: searchTextOf(m),
          });
        }),
      );
      this.logger.log({ msg: 'seeding demo data: municipalities done', progress: `${total}/${total}` });
      const users = manager.getRepository(UserEntity);
      const savedUsers = await users.save([
        users.create({
          email: ORGANISER_EMAIL,
          name: '横展ネットワーク事務局',
          title: '事務局員',
          department: '横展ネットワーク事務局',
          role: 'ORGANISER',
          municipalityId: null,
          passwordHash,
        }),
        users.create({
          email: ADMIN_EMAIL,
          name: 'システム管理者',
          title: 'システム管理者',
          department: '横展ネットワーク事務局',
          role: 'ADMIN',
          municipalityId: null,
          passwordHash,
        }),
        ...municipalities
          .filter((m) => m.membershipStatus !== 'APPLICANT')
          .map((m, i) =>
            users.create({
              email: officerEmail(m.code),
              name: demoOfficerName(i),
              title: DEMO_TITLES[i % DEMO_TITLES.length],
              department: DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length],
              role: 'OFFICER',
              municipalityId: m.id,
              passwordHash,
            }),
          ),
      ]);
      this.logger.log({ msg: 'seeding demo data: accounts done' });
      // The demo accounts' own domain may be invited as officers, beside the default lg.jp.
      await manager.getRepository(AppSettingEntity).save({
        key: 'invitation',
        value: { restrictOfficerDomains: true, allowedDomains: ['lg.jp', 'yokoten.example'] },
      });
      const declarations = manager.getRepository(DeclarationEntity);
      // Founding members signed at the kick-off; of the later ones every other has signed since.
      const signers = municipalities.filter(
        (m, i) => m.membershipStatus === 'MEMBER' && (i < 30 || i % 2 === 0),
      );
      await declarations.save(
        signers.map((m, i) =>
          declarations.create({
            municipalityId: m.id,
            signerName: demoOfficerName(i + 100),
            signerTitle: headTitle(m.name, m.kind),
            statement: demoStatement(m.name, i),
            signedByUserId: null,
            signedAt: new Date(`${m.joinedOn ?? KICKOFF_DATE}T10:00:00+09:00`),
          }),
        ),
      );
      this.logger.log({ msg: 'seeding demo data: declarations done', declarations: signers.length });
      const officerByMunicipality = new Map(
        savedUsers.filter((u) => u.role === 'OFFICER').map((u) => [u.municipalityId as string, u.id]),
      );
      const result = await seedDemoCaseStudies(
        manager,
        cases,
        municipalities,
        officerByMunicipality,
        (done, total) =>
          this.logger.log({ msg: 'seeding demo data: case studies', progress: `${done}/${total}` }),
      );
      if (result.skipped.length)
        this.logger.warn({ msg: 'seeding demo data: case studies skipped', skipped: result.skipped });
      this.logger.log({
        msg: 'seeding demo data: case studies done',
        caseStudies: result.inserted,
        published: result.published,
        queuedForIndexing: result.published,
      });
      await seedDemoSessions(manager, {
        municipalities,
        passwordHash,
        now: new Date(),
        log: (event) => this.logger.log(event),
      });
      const spread = await seedDemoAdoptionsAndInquiries(manager, municipalities);
      this.logger.log({ msg: 'seeding demo data: adoptions and inquiries done', ...spread });
    });
    return { seeded: true, accounts: await this.listAccounts() };
  }

  private async listAccounts(): Promise<DemoAccount[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.municipality', 'm')
      .where(`u.email LIKE '%@yokoten.example'`)
      .orderBy('u.role', 'DESC')
      .addOrderBy('m.code', 'ASC')
      .getMany();
    return rows.map((u) => ({ email: u.email, role: u.role, municipality: u.municipality?.name }));
  }
}
