import type { EntityManager } from 'typeorm';
import type { AdoptionStatus } from '@yokoten/case-studies';
import { DEMO_CASE_STUDIES } from '@yokoten/demo-data';
import { UserEntity } from '../auth/user.entity';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { AdoptionEntity, AdoptionEventEntity } from './adoption.entity';
import { InquiryEntity, InquiryMessageEntity } from '../inquiry/inquiry.entity';

/** One demo adoption: who follows which demo case (by key), how far, and its own write-up if any. */
interface DemoAdoption {
  caseKey: string;
  follower: string;
  /** Steps of the timeline, oldest first, as [status, date]. */
  steps: Array<[AdoptionStatus, string]>;
  note: string;
  adaptation?: string;
  outcome?: string;
  ownCaseKey?: string;
}

/**
 * A realistic spread: 北見市's サケモデル taken up by other towns (遠野市 writes its own version, which is
 * then followed in turn), the ふるさと副業 co-lead model passed from 北見市 to 桑名市 to 沖縄県, 広島県's IT
 * Passport subsidy adopted by cities and towns, 江戸川区's staff training scaled down by small towns.
 */
export const DEMO_ADOPTIONS: readonly DemoAdoption[] = [
  {
    caseKey: 'kitami-salmon-model',
    follower: '032085',
    steps: [
      ['CONSIDERING', '2024-05-20'],
      ['PILOTING', '2024-10-01'],
      ['ADOPTED', '2025-04-01'],
    ],
    note: '高校生の地元回帰に応用できると考え、第1回定期共有会の後に北見市へ相談しました。',
    adaptation: '大学がないため、地元高校の卒業生を対象に、首都圏での就業経験の後に戻る流れをつくりました。',
    outcome: '2025年度は卒業生12人が登録し、うち2人が市内企業に就職しました。',
    ownCaseKey: 'tono-high-school-local-return',
  },
  {
    caseKey: 'kitami-salmon-model',
    follower: '072028',
    steps: [
      ['CONSIDERING', '2024-07-10'],
      ['PILOTING', '2025-01-15'],
    ],
    note: '会津大学の卒業生を対象に、首都圏のIT企業での経験者を呼び戻す仕組みを試行中です。',
    adaptation: '大学と市内IT企業の共同でインターンを組み込みました。',
  },
  {
    caseKey: 'kitami-salmon-model',
    follower: '016331',
    steps: [['CONSIDERING', '2025-06-02']],
    note: '町内に大学はありませんが、帯広の大学と連携できないか検討しています。',
  },
  {
    caseKey: 'tono-high-school-local-return',
    follower: '294497',
    steps: [['CONSIDERING', '2025-09-12']],
    note: '遠野市の高校版サケモデルを、村の高校生と大学生のオンライン交流に組み合わせられないか検討中です。',
  },
  {
    caseKey: 'kitami-furusato-co-lead',
    follower: '242055',
    steps: [
      ['CONSIDERING', '2023-11-01'],
      ['ADOPTED', '2024-04-01'],
    ],
    note: '北見市の仕組みをほぼそのまま導入しました。',
    adaptation: '対象を製造業の新事業に絞り、市内の金融機関に伴走役を頼みました。',
    outcome: '初年度に5社で協働プロジェクトが始まりました。',
    ownCaseKey: 'kuwana-furusato-co-lead',
  },
  {
    caseKey: 'kuwana-furusato-co-lead',
    follower: '470007',
    steps: [
      ['PILOTING', '2024-09-01'],
      ['ADOPTED', '2025-04-01'],
    ],
    note: '桑名市の製造業向けの設計を参考に、県単位で実施しました。',
    adaptation: '離島の事業者も参加できるよう、面談はすべてオンラインにしました。',
    ownCaseKey: 'okinawa-furusato-co-lead',
  },
  {
    caseKey: 'hiroshima-it-passport-subsidy',
    follower: '032085',
    steps: [
      ['CONSIDERING', '2023-09-01'],
      ['ADOPTED', '2024-04-01'],
    ],
    note: '市民向けではなく、まず市職員の受験を公費で支援する形にしました。',
    adaptation: '補助の対象を全職員に広げ、受験前の勉強会を庁内で開いています。',
    outcome: '2年間で職員48人が合格しました。',
    ownCaseKey: 'tono-staff-ipass',
  },
  {
    caseKey: 'hiroshima-it-passport-subsidy',
    follower: '342076',
    steps: [
      ['CONSIDERING', '2024-02-01'],
      ['PILOTING', '2024-06-01'],
    ],
    note: '県の制度に上乗せして、市内中小企業の社員の受験料を補助しています。',
  },
  {
    caseKey: 'hiroshima-it-passport-subsidy',
    follower: '372013',
    steps: [['ADOPTED', '2024-10-01']],
    note: '情報セキュリティの資格と組み合わせて補助しています。',
    ownCaseKey: 'takamatsu-sme-security-certification',
  },
  {
    caseKey: 'hiroshima-it-passport-subsidy',
    follower: '331007',
    steps: [['CONSIDERING', '2025-05-15']],
    note: '来年度予算に向けて検討中です。',
  },
  {
    caseKey: 'edogawa-staff-dx-training',
    follower: '203211',
    steps: [
      ['PILOTING', '2024-04-01'],
      ['ADOPTED', '2025-04-01'],
    ],
    note: '3層の研修体系を、小規模な町役場向けに2層にして導入しました。',
    ownCaseKey: 'karuizawa-town-staff-dx',
  },
  {
    caseKey: 'edogawa-staff-dx-training',
    follower: '133078',
    steps: [['PILOTING', '2025-01-10']],
    note: '職員40人の村なので、全員参加の1日研修として試行しています。',
  },
  {
    caseKey: 'tottori-elearning-companies',
    follower: '172065',
    steps: [
      ['CONSIDERING', '2023-12-01'],
      ['ADOPTED', '2024-06-01'],
    ],
    note: '鳥取県の共同調達の枠組みに参加して導入しました。',
  },
];

interface DemoInquiry {
  caseKey: string;
  asker: string;
  subject: string;
  /** Alternating messages, the asker's first; an even count ends with the publisher's answer. */
  messages: Array<[string, string]>;
  isPublic: boolean;
}

export const DEMO_INQUIRIES: readonly DemoInquiry[] = [
  {
    caseKey: 'hiroshima-it-passport-subsidy',
    asker: '032085',
    subject: '補助の対象者と申請の流れについて',
    messages: [
      ['2023-08-20T10:00:00+09:00', '補助の対象に市町村の職員は含まれますか。また、申請は合格後でしょうか。'],
      [
        '2023-08-22T15:30:00+09:00',
        '県内在住・在勤の社会人が対象で、市町村職員も含まれます。申請は合格後に、合格証書の写しを添えて行います。',
      ],
    ],
    isPublic: true,
  },
  {
    caseKey: 'kitami-furusato-co-lead',
    asker: '242055',
    subject: '副業人材への報酬の決め方',
    messages: [
      ['2023-10-05T09:00:00+09:00', '副業人材への報酬は、どのように決めていますか。'],
      ['2023-10-06T11:00:00+09:00', '月額の定額で、企業と人材の面談で業務量を決めてから額を提示しています。'],
      ['2023-10-06T13:00:00+09:00', 'ありがとうございます。契約書のひな形を共有いただけますか。'],
      ['2023-10-10T10:00:00+09:00', 'はい、事務局経由でお送りしました。'],
    ],
    isPublic: false,
  },
  {
    caseKey: 'kitakyushu-dx-platform',
    asker: '431001',
    subject: '支援企業の登録の条件',
    messages: [['2025-10-01T10:00:00+09:00', '支援企業として登録する条件や審査はありますか。']],
    isPublic: false,
  },
];

/**
 * Demo adoptions (with their timelines) and inquiries, inside the seeder's transaction. Pairs whose cases
 * were not seeded or whose municipalities are not members are skipped.
 */
export async function seedDemoAdoptionsAndInquiries(
  manager: EntityManager,
  municipalities: readonly MunicipalityEntity[],
): Promise<{ adoptions: number; inquiries: number }> {
  const byCode = new Map(
    municipalities.filter((m) => m.membershipStatus === 'MEMBER').map((m) => [m.code, m]),
  );
  const cases = await manager
    .getRepository(CaseStudyEntity)
    .find({ select: { id: true, municipalityId: true, title: true, status: true } });
  const caseId = new Map<string, CaseStudyEntity>();
  for (const demo of DEMO_CASE_STUDIES) {
    const m = byCode.get(demo.municipalityCode);
    const c = m && cases.find((x) => x.municipalityId === m.id && x.title === demo.title);
    if (c && c.status === 'PUBLISHED') caseId.set(demo.key, c);
  }
  const officers = await manager.getRepository(UserEntity).find({ where: { role: 'OFFICER' } });
  const officerOf = new Map(officers.map((u) => [u.municipalityId as string, u.id]));

  let adoptions = 0;
  for (const a of DEMO_ADOPTIONS) {
    const followed = caseId.get(a.caseKey);
    const follower = byCode.get(a.follower);
    const own = a.ownCaseKey ? caseId.get(a.ownCaseKey) : undefined;
    if (!followed || !follower || followed.municipalityId === follower.id) continue;
    const userId = officerOf.get(follower.id) ?? null;
    const [first] = a.steps;
    const [last] = a.steps.slice(-1);
    const at = (d: string) => new Date(`${d}T10:00:00+09:00`);
    const row = await manager.getRepository(AdoptionEntity).save(
      manager.getRepository(AdoptionEntity).create({
        caseStudyId: followed.id,
        municipalityId: follower.id,
        status: last[0],
        note: a.note,
        adaptation: a.adaptation ?? '',
        outcome: a.outcome ?? '',
        adopterCaseStudyId: own && own.municipalityId === follower.id ? own.id : null,
        recordedByUserId: userId,
        createdAt: at(first[1]),
        updatedAt: at(last[1]),
      }),
    );
    await manager.getRepository(AdoptionEventEntity).insert(
      a.steps.map(([status, date], i) => ({
        adoptionId: row.id,
        status,
        changedFields:
          i === 0
            ? ['status', 'note']
            : i === a.steps.length - 1
              ? [
                  'status',
                  ...(a.adaptation ? ['adaptation'] : []),
                  ...(a.outcome ? ['outcome'] : []),
                  ...(own ? ['adopterCaseStudyId'] : []),
                ]
              : ['status'],
        userId,
        createdAt: at(date),
      })),
    );
    adoptions += 1;
  }

  let inquiries = 0;
  for (const q of DEMO_INQUIRIES) {
    const c = caseId.get(q.caseKey);
    const asker = byCode.get(q.asker);
    if (!c || !asker || c.municipalityId === asker.id) continue;
    const answered = q.messages.length % 2 === 0;
    const thread = await manager.getRepository(InquiryEntity).save(
      manager.getRepository(InquiryEntity).create({
        caseStudyId: c.id,
        publisherMunicipalityId: c.municipalityId,
        askerMunicipalityId: asker.id,
        askerUserId: officerOf.get(asker.id) ?? null,
        subject: q.subject,
        status: answered ? 'ANSWERED' : 'OPEN',
        isPublic: q.isPublic && answered,
        lastMessageAt: new Date(q.messages[q.messages.length - 1][0]),
        createdAt: new Date(q.messages[0][0]),
      }),
    );
    await manager.getRepository(InquiryMessageEntity).insert(
      q.messages.map(([at, body], i) => {
        const side = i % 2 === 0 ? asker.id : c.municipalityId;
        return {
          inquiryId: thread.id,
          authorUserId: officerOf.get(side) ?? null,
          authorMunicipalityId: side,
          body,
          createdAt: new Date(at),
        };
      }),
    );
    inquiries += 1;
  }
  return { adoptions, inquiries };
}
