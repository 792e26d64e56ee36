import { ADOPTION_STATUS_LABELS, type AdoptionStatus, type CaseSearchFilter } from '@yokoten/case-studies';
import type { UserLocale } from '../auth/user.entity';
import { APP_URL, type MailMessage } from '../mail/mail.service';

const SIGNATURE: Record<UserLocale, string> = {
  JA: [
    '',
    '--',
    '全国自治体リスキリングネットワーク「横展」事務局',
    'このメールは送信専用です。ウォッチの解除・メール設定はアカウントページから変更できます。',
  ].join('\n'),
  EN: [
    '',
    '--',
    'Yokoten – cross-municipality knowledge-sharing network',
    'This address does not receive replies. Unwatch or change your mail settings on your account page.',
  ].join('\n'),
};

/** What happened to a watched case. */
export type WatchEvent =
  | { kind: 'updated' }
  | { kind: 'adopted'; followerName: string; status: AdoptionStatus }
  | { kind: 'faq'; subject: string; inquiryId: string };

export interface WatchMailFacts {
  caseId: string;
  caseTitle: string;
  event: WatchEvent;
}

const WATCHING_URL = `${APP_URL}/account/watching`;

/** One mail per watcher (their address is nobody else's business), in the watcher's language. */
export function watchMail(to: string, locale: UserLocale, f: WatchMailFacts): MailMessage {
  const caseUrl = `${APP_URL}/cases/${f.caseId}`;
  const e = f.event;
  if (locale === 'EN') {
    const what =
      e.kind === 'updated'
        ? { subject: 'updated', line: 'The publisher has published an update of this case.' }
        : e.kind === 'adopted'
          ? {
              subject: `${e.followerName}: ${ADOPTION_STATUS_LABELS[e.status].en}`,
              line: `${e.followerName} recorded that it follows this case (${ADOPTION_STATUS_LABELS[e.status].en}).`,
            }
          : {
              subject: 'new FAQ',
              line: `A question and its answer were made a FAQ of this case: “${e.subject}”.`,
            };
    return {
      kind: `watch-${e.kind}`,
      to,
      subject: `[Yokoten watch] “${f.caseTitle}”: ${what.subject}`,
      text: [
        `A case you watch: “${f.caseTitle}”`,
        '',
        what.line,
        '',
        `Case: ${e.kind === 'faq' ? `${caseUrl}#inquiry-${e.inquiryId}` : caseUrl}`,
        `What you watch: ${WATCHING_URL}`,
        SIGNATURE.EN,
      ].join('\n'),
    };
  }
  const what =
    e.kind === 'updated'
      ? { subject: '更新されました', line: '公開元の自治体が事例の更新を公開しました。' }
      : e.kind === 'adopted'
        ? {
            subject: `${e.followerName}が${ADOPTION_STATUS_LABELS[e.status].ja}`,
            line: `${e.followerName}がこの事例の横展開を登録しました（${ADOPTION_STATUS_LABELS[e.status].ja}）。`,
          }
        : {
            subject: 'FAQが追加されました',
            line: `問い合わせと回答がこの事例のFAQとして公開されました：「${e.subject}」`,
          };
  return {
    kind: `watch-${e.kind}`,
    to,
    subject: `【ウォッチ】「${f.caseTitle}」${what.subject}`,
    text: [
      `ウォッチしている事例：「${f.caseTitle}」`,
      '',
      what.line,
      '',
      `事例のページ：${e.kind === 'faq' ? `${caseUrl}#inquiry-${e.inquiryId}` : caseUrl}`,
      `ウォッチ中の一覧：${WATCHING_URL}`,
      SIGNATURE.JA,
    ].join('\n'),
  };
}

export interface DigestCase {
  id: string;
  title: string;
  municipalityName: string;
}

export interface DigestMailFacts {
  searchName: string;
  query: string;
  filter: CaseSearchFilter;
  cases: DigestCase[];
  /** Matches beyond the listed ones. */
  more: number;
}

/**
 * The search page's address for a saved search, in the web client's URL format (search-state.ts: lists
 * comma-separated under themes, targets, pref, band, kind, stages).
 */
export function searchUrlOf(query: string, filter: CaseSearchFilter): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  const lists: Array<[string, readonly string[] | null | undefined]> = [
    ['themes', filter.themes],
    ['targets', filter.targets],
    ['pref', filter.prefectureCodes],
    ['band', filter.populationBands],
    ['kind', filter.municipalityKinds],
    ['stages', filter.stages],
  ];
  for (const [key, values] of lists) if (values?.length) params.set(key, values.join(','));
  if (filter.fiscalYearFrom != null) params.set('fyFrom', String(filter.fiscalYearFrom));
  if (filter.fiscalYearTo != null) params.set('fyTo', String(filter.fiscalYearTo));
  if (filter.budgetYenMax != null) params.set('budget', String(filter.budgetYenMax));
  if (filter.municipalityCode) params.set('muni', filter.municipalityCode);
  const qs = params.toString();
  return `${APP_URL}/cases${qs ? `?${qs}` : ''}`;
}

/** The weekly digest of one saved search: the cases first published since the last one. */
export function digestMail(to: string, locale: UserLocale, f: DigestMailFacts): MailMessage {
  const searchUrl = searchUrlOf(f.query, f.filter);
  const list = f.cases.map((c) => `・${c.title}（${c.municipalityName}）\n  ${APP_URL}/cases/${c.id}`);
  if (locale === 'EN') {
    return {
      kind: 'saved-search-digest',
      to,
      subject: `[Yokoten] ${f.cases.length + f.more} new case(s) for “${f.searchName}”`,
      text: [
        `New cases published this week that match your saved search “${f.searchName}”:`,
        '',
        ...list,
        ...(f.more > 0 ? ['', `… and ${f.more} more.`] : []),
        '',
        `Run the search: ${searchUrl}`,
        `Your saved searches: ${WATCHING_URL}`,
        SIGNATURE.EN,
      ].join('\n'),
    };
  }
  return {
    kind: 'saved-search-digest',
    to,
    subject: `【横展】保存した検索「${f.searchName}」に新着事例が${f.cases.length + f.more}件あります`,
    text: [
      `保存した検索「${f.searchName}」に合う、この1週間に公開された事例です。`,
      '',
      ...list,
      ...(f.more > 0 ? ['', `ほか${f.more}件`] : []),
      '',
      `検索を開く：${searchUrl}`,
      `保存した検索の一覧：${WATCHING_URL}`,
      SIGNATURE.JA,
    ].join('\n'),
  };
}
