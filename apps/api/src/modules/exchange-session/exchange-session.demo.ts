import type { EntityManager } from 'typeorm';
import { assignTables, atJst, formatTerm, jstDate, termOf } from '@yokoten/case-studies';
import { UserEntity } from '../auth/user.entity';
import type { MunicipalityEntity } from '../municipality/municipality.entity';
import { ExchangeSessionEntity, type AgendaItemValue } from './exchange-session.entity';
import { newCheckInCode } from './registration.repository';
import { RegistrationEntity } from './registration.entity';
import { SessionTableEntity } from './session-table.entity';

/**
 * Demo sessions: the kick-off of 10 May 2023 as it happened (「自治体リスキリング共同宣言」, keynote and two
 * case presentations, then theme tables 企業・市民向け事業 / 庁内職員向け事業 with 27 people from 14
 * municipalities), and an open session about six weeks after the seed time, nearly full, with a waitlist.
 */

/** Named in the kick-off report, then other founding members to make fourteen. */
const KICKOFF_CODES = ['310000', '131237', '401005', '340006', '012084', '172065', '010006', '011002'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export async function seedDemoSessions(
  manager: EntityManager,
  opts: {
    municipalities: MunicipalityEntity[];
    passwordHash: string;
    now: Date;
    log: (event: Record<string, unknown>) => void;
  },
): Promise<{ sessions: number; registrations: number }> {
  const members = opts.municipalities.filter((m) => m.membershipStatus === 'MEMBER');
  const officers = await manager
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where(`u.role = 'OFFICER' AND u.email LIKE 'officer.%'`)
    .getMany();
  const officerOf = new Map(officers.map((u) => [u.municipalityId as string, u]));
  const organiser = await manager.getRepository(UserEntity).findOne({ where: { role: 'ORGANISER' } });
  const sessions = manager.getRepository(ExchangeSessionEntity);
  const tablesRepo = manager.getRepository(SessionTableEntity);
  const regs = manager.getRepository(RegistrationEntity);

  // ---- the kick-off, FINISHED
  const named = KICKOFF_CODES.map((c) => members.find((m) => m.code === c)).filter((m) => m !== undefined);
  const kickoffMunicipalities = [...named, ...members.filter((m) => !named.includes(m))]
    .filter((m) => officerOf.has(m.id))
    .slice(0, 14);
  const colleagues = await manager.getRepository(UserEntity).save(
    kickoffMunicipalities.slice(0, 13).map((m, i) =>
      manager.getRepository(UserEntity).create({
        email: `colleague.${m.code}@demo.yokoten.example`,
        name: `${['井上', '木村', '林', '清水', '森', '池田', '阿部', '石川', '前田', '小川', '岡田', '長谷川', '村上'][i]} ${['真理', '大輔', '香織', '隆', '愛', '浩二', '里奈', '聡', '千尋', '剛', '美穂', '修', '優子'][i]}`,
        role: 'OFFICER',
        municipalityId: m.id,
        passwordHash: opts.passwordHash,
      }),
    ),
  );
  const kickoffStart = new Date('2023-05-10T13:00:00+09:00');
  const agenda: AgendaItemValue[] = [
    item(
      'OPENING',
      '開会・ネットワーク発足のご挨拶',
      '横展ネットワーク事務局',
      null,
      '2023-05-10T13:00:00+09:00',
      10,
    ),
    item(
      'KEYNOTE',
      'なぜ今リスキリングに取り組むべきなのか ～官民連携によるリスキリング推進に向けて～',
      '後藤 宗明',
      '一般社団法人ジャパン・リスキリング・イニシアチブ 代表理事',
      '2023-05-10T13:10:00+09:00',
      40,
    ),
    item(
      'CASE_PRESENTATION',
      '地域企業の人材育成事例（オンライン受講促進事業）',
      '田中 拓也',
      '鳥取県商工労働部 雇用人材局産業人材課 未来創造人材室',
      '2023-05-10T13:50:00+09:00',
      25,
    ),
    item(
      'CASE_PRESENTATION',
      '庁内DX人材育成事例',
      '渡邊 良光',
      '江戸川区役所 経営企画部DX推進課',
      '2023-05-10T14:15:00+09:00',
      25,
    ),
    item(
      'DECLARATION',
      '「自治体リスキリング共同宣言」',
      null,
      '参加自治体',
      '2023-05-10T14:45:00+09:00',
      30,
    ),
    item(
      'TABLE_DISCUSSION',
      '参加自治体による情報交換会（テーマ別テーブル）',
      null,
      null,
      '2023-05-10T15:30:00+09:00',
      90,
    ),
  ];
  const kickoff = await sessions.save(
    sessions.create({
      title: '「自治体リスキリング共同宣言」キックオフ・情報交換会',
      term: termOf(kickoffStart),
      description:
        'ネットワーク発足日のキックオフ。第一部は有識者と先進自治体による基調講演と共同宣言、第二部は「企業・市民向け事業」「庁内職員向け事業」のテーマ別テーブルに分かれた情報交換会。',
      startsAt: kickoffStart,
      endsAt: new Date('2023-05-10T17:00:00+09:00'),
      format: 'HYBRID',
      venue: '東京都内会場（デモ）',
      venueDetails: '第二部の情報交換会は会場参加のみ。',
      meetingUrl: 'https://meet.example.jp/yokoten-kickoff-2023',
      capacity: 40,
      perMunicipalityLimit: 2,
      registrationOpensAt: new Date('2023-04-10T10:00:00+09:00'),
      registrationClosesAt: new Date('2023-05-08T17:00:00+09:00'),
      allocationMode: 'FIRST_COME',
      status: 'FINISHED',
      agenda,
      materials: [
        { title: '基調講演資料（デモ）', url: 'https://example.jp/yokoten/2023-05-10/keynote.pdf' },
        { title: '鳥取県 発表資料（デモ）', url: 'https://example.jp/yokoten/2023-05-10/tottori.pdf' },
        { title: '江戸川区 発表資料（デモ）', url: 'https://example.jp/yokoten/2023-05-10/edogawa.pdf' },
      ],
      reportMinutes: [
        '第一部：後藤宗明氏（ジャパン・リスキリング・イニシアチブ）が、リスキリングは個人の自由な「学び直し」ではなく組織が実施責任を持つ「業務」であること、今後5年間で労働者のコアスキルの44%が変化するという予測を紹介。',
        '鳥取県は県内企業・求職者向けのeラーニングによるオンライン受講促進事業と、自治体間の共同調達の取り組みを、江戸川区は庁内DX人材育成の事例を発表した。続いて参加自治体が「自治体リスキリング共同宣言」を行った。',
        '第二部：「企業・市民向け事業」「庁内職員向け事業」のテーブルに分かれて情報交換。14自治体・27名が参加し、各自治体の事業概要をもとに共通の課題感やノウハウを共有した。「他の自治体の取り組みがとても参考になった」との声が多く寄せられた。',
        '次回は9月にセミナー＆情報交換会（オンライン）を予定。',
      ].join('\n\n'),
      reportAttendeeCount: 27,
      reportMunicipalityCount: 14,
      finishedAt: new Date('2023-05-10T17:30:00+09:00'),
      registrationSeq: 27,
      capacityAlertLevel: 50,
      reminderSentAt: new Date('2023-05-09T13:00:00+09:00'),
      createdByUserId: organiser?.id ?? null,
    }),
  );
  const kickoffTables = await tablesRepo.save([
    tablesRepo.create({
      sessionId: kickoff.id,
      name: 'テーブルA',
      theme: '企業・市民向け事業',
      seats: 14,
      position: 0,
    }),
    tablesRepo.create({
      sessionId: kickoff.id,
      name: 'テーブルB',
      theme: '庁内職員向け事業',
      seats: 14,
      position: 1,
    }),
  ]);
  const attendees = [...kickoffMunicipalities.map((m) => officerOf.get(m.id) as UserEntity), ...colleagues];
  const kickoffRegs = attendees.map((u, i) =>
    regs.create({
      sessionId: kickoff.id,
      userId: u.id,
      municipalityId: u.municipalityId as string,
      registeredByUserId: u.id,
      status: 'CONFIRMED',
      arrivalSeq: i + 1,
      waitlistPosition: null,
      // Prefectures and cities lean to 企業・市民向け, wards and staff-training leads to 庁内.
      tablePreferences:
        i % 2 === 0 ? [kickoffTables[0].id, kickoffTables[1].id] : [kickoffTables[1].id, kickoffTables[0].id],
      checkInCode: newCheckInCode(),
      checkedInAt: new Date(kickoffStart.getTime() - 20 * 60_000 + i * 30_000),
      registeredAt: new Date(Date.UTC(2023, 3, 11 + (i % 20), 1 + (i % 8))),
      confirmedAt: new Date(Date.UTC(2023, 3, 11 + (i % 20), 1 + (i % 8))),
    }),
  );
  seatAtTables(kickoffRegs, kickoffTables);
  await regs.save(kickoffRegs);
  opts.log({
    msg: 'seeding demo data: kick-off session done',
    registrations: kickoffRegs.length,
    municipalities: kickoffMunicipalities.length,
  });

  // ---- an OPEN session in about six weeks, nearly full, with a waitlist
  const startsAt = atJst(jstDate(new Date(opts.now.getTime() + 45 * DAY)), 14);
  const term = termOf(startsAt);
  const open = await sessions.save(
    sessions.create({
      title: `定期共有会 ${formatTerm(term, 'ja')}：DX人材育成の「次の一手」`,
      term,
      description:
        '先進自治体の事例発表と、テーマ別テーブルでの情報交換。今回は庁内DX人材の育成計画、企業向けリスキリング支援の成果指標、U・Iターン人材の活用を取り上げます。',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      format: 'HYBRID',
      venue: '北九州市 COMPASS小倉（デモ）',
      venueDetails: 'JR小倉駅から徒歩5分。受付は開始15分前から。',
      meetingUrl: 'https://meet.example.jp/yokoten-regular-session',
      capacity: 36,
      perMunicipalityLimit: 2,
      registrationOpensAt: new Date(opts.now.getTime() - 7 * DAY),
      registrationClosesAt: new Date(startsAt.getTime() - 3 * DAY),
      allocationMode: 'FIRST_COME',
      status: 'OPEN',
      agenda: [
        item(
          'KEYNOTE',
          'DXプラットフォームとリスキリングキャンパスの3年間',
          null,
          '北九州市',
          startsAt.toISOString(),
          40,
        ),
        item(
          'CASE_PRESENTATION',
          'リスキリング推進宣言制度とITパスポート取得支援',
          null,
          '広島県 商工労働局産業人材課',
          new Date(startsAt.getTime() + 40 * 60_000).toISOString(),
          30,
        ),
        item(
          'TABLE_DISCUSSION',
          'テーマ別テーブルでの情報交換',
          null,
          null,
          new Date(startsAt.getTime() + 80 * 60_000).toISOString(),
          90,
        ),
      ],
      materials: [],
      registrationSeq: 40,
      capacityAlertLevel: 100,
      createdByUserId: organiser?.id ?? null,
    }),
  );
  const openTables = await tablesRepo.save([
    tablesRepo.create({
      sessionId: open.id,
      name: 'テーブルA',
      theme: '企業・市民向け事業',
      seats: 12,
      position: 0,
    }),
    tablesRepo.create({
      sessionId: open.id,
      name: 'テーブルB',
      theme: '庁内職員向け事業',
      seats: 12,
      position: 1,
    }),
    tablesRepo.create({
      sessionId: open.id,
      name: 'テーブルC',
      theme: '移住・副業・外部人材',
      seats: 12,
      position: 2,
    }),
  ]);
  const registrants = members
    .map((m) => officerOf.get(m.id))
    .filter((u) => u !== undefined)
    .slice(0, 40);
  const openRegs = registrants.map((u, i) => {
    const waitlisted = i >= open.capacity;
    const at = new Date(open.registrationOpensAt.getTime() + (i + 1) * 3 * HOUR);
    const t = openTables.map((x) => x.id);
    return regs.create({
      sessionId: open.id,
      userId: u.id,
      municipalityId: u.municipalityId as string,
      registeredByUserId: u.id,
      status: waitlisted ? 'WAITLISTED' : 'CONFIRMED',
      arrivalSeq: i + 1,
      waitlistPosition: waitlisted ? i - open.capacity + 1 : null,
      tablePreferences: [t[i % 3], t[(i + 1) % 3]],
      checkInCode: newCheckInCode(),
      registeredAt: at,
      confirmedAt: waitlisted ? null : at,
    });
  });
  await regs.save(openRegs);
  opts.log({
    msg: 'seeding demo data: open session done',
    confirmed: openRegs.filter((r) => r.status === 'CONFIRMED').length,
    waitlisted: openRegs.filter((r) => r.status === 'WAITLISTED').length,
  });
  return { sessions: 2, registrations: kickoffRegs.length + openRegs.length };
}

function item(
  kind: AgendaItemValue['kind'],
  title: string,
  speaker: string | null,
  affiliation: string | null,
  startsAt: string | null,
  durationMinutes: number | null,
): AgendaItemValue {
  return {
    kind,
    title,
    speaker,
    affiliation,
    startsAt: startsAt ? new Date(startsAt).toISOString() : null,
    durationMinutes,
    caseStudyId: null,
  };
}

/** Seats the kick-off's attendees the way the organiser's tool would. */
function seatAtTables(rows: RegistrationEntity[], tables: SessionTableEntity[]): void {
  const result = assignTables(
    tables.map((t) => ({ id: t.id, seats: t.seats })),
    rows.map((r, i) => ({
      id: String(i),
      municipalityId: r.municipalityId,
      preferences: r.tablePreferences,
    })),
  );
  for (const a of result.assignments) rows[Number(a.participantId)].assignedTableId = a.tableId;
}
