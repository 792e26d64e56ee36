import type { LabelMap } from './labels';

/**
 * The customary eight-region division (八地方区分). Mie counts as Kinki and Niigata, Yamanashi and Nagano as
 * Chubu, as in most school atlases and government statistics; Okinawa is folded into Kyushu because a
 * region of one prefecture would make a useless facet.
 */
export const REGION_CODES = [
  'HOKKAIDO',
  'TOHOKU',
  'KANTO',
  'CHUBU',
  'KINKI',
  'CHUGOKU',
  'SHIKOKU',
  'KYUSHU_OKINAWA',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const REGION_LABELS: LabelMap<RegionCode> = {
  HOKKAIDO: { ja: '北海道', en: 'Hokkaido' },
  TOHOKU: { ja: '東北', en: 'Tohoku' },
  KANTO: { ja: '関東', en: 'Kanto' },
  CHUBU: { ja: '中部', en: 'Chubu' },
  KINKI: { ja: '近畿', en: 'Kinki' },
  CHUGOKU: { ja: '中国', en: 'Chugoku' },
  SHIKOKU: { ja: '四国', en: 'Shikoku' },
  KYUSHU_OKINAWA: { ja: '九州・沖縄', en: 'Kyushu and Okinawa' },
};

export interface Prefecture {
  /** JIS X 0401 code, two digits with the leading zero: '01'..'47'. */
  code: string;
  name: string;
  nameEn: string;
  /** Hiragana reading of the full name, suffix included (あおもりけん), for kana search. */
  kana: string;
  region: RegionCode;
  /** Codes of the prefectures one can reach without a ferry (see the note on PREFECTURES). */
  neighbours: string[];
}

/**
 * All 47 prefectures in JIS order.
 *
 * `neighbours` is meant for "nearby municipalities" suggestions, so besides land borders it includes the
 * fixed links that people commute over: the Seikan Tunnel (01–02), the Tokyo Bay Aqua-Line (12–14), the
 * Kanmon tunnels and bridge (35–40), and the three Honshu–Shikoku routes: Akashi Kaikyo/Onaruto (28–36),
 * Seto-Ohashi (33–37) and Shimanami Kaido (34–38). Okinawa has none. The relation is symmetric (tested).
 */
export const PREFECTURES: readonly Prefecture[] = [
  {
    code: '01',
    name: '北海道',
    nameEn: 'Hokkaido',
    kana: 'ほっかいどう',
    region: 'HOKKAIDO',
    neighbours: ['02'],
  },
  {
    code: '02',
    name: '青森県',
    nameEn: 'Aomori',
    kana: 'あおもりけん',
    region: 'TOHOKU',
    neighbours: ['01', '03', '05'],
  },
  {
    code: '03',
    name: '岩手県',
    nameEn: 'Iwate',
    kana: 'いわてけん',
    region: 'TOHOKU',
    neighbours: ['02', '04', '05'],
  },
  {
    code: '04',
    name: '宮城県',
    nameEn: 'Miyagi',
    kana: 'みやぎけん',
    region: 'TOHOKU',
    neighbours: ['03', '05', '06', '07'],
  },
  {
    code: '05',
    name: '秋田県',
    nameEn: 'Akita',
    kana: 'あきたけん',
    region: 'TOHOKU',
    neighbours: ['02', '03', '04', '06'],
  },
  {
    code: '06',
    name: '山形県',
    nameEn: 'Yamagata',
    kana: 'やまがたけん',
    region: 'TOHOKU',
    neighbours: ['04', '05', '07', '15'],
  },
  {
    code: '07',
    name: '福島県',
    nameEn: 'Fukushima',
    kana: 'ふくしまけん',
    region: 'TOHOKU',
    neighbours: ['04', '06', '08', '09', '10', '15'],
  },
  {
    code: '08',
    name: '茨城県',
    nameEn: 'Ibaraki',
    kana: 'いばらきけん',
    region: 'KANTO',
    neighbours: ['07', '09', '11', '12'],
  },
  {
    code: '09',
    name: '栃木県',
    nameEn: 'Tochigi',
    kana: 'とちぎけん',
    region: 'KANTO',
    neighbours: ['07', '08', '10', '11'],
  },
  {
    code: '10',
    name: '群馬県',
    nameEn: 'Gunma',
    kana: 'ぐんまけん',
    region: 'KANTO',
    neighbours: ['07', '09', '11', '15', '20'],
  },
  {
    code: '11',
    name: '埼玉県',
    nameEn: 'Saitama',
    kana: 'さいたまけん',
    region: 'KANTO',
    neighbours: ['08', '09', '10', '12', '13', '19', '20'],
  },
  {
    code: '12',
    name: '千葉県',
    nameEn: 'Chiba',
    kana: 'ちばけん',
    region: 'KANTO',
    neighbours: ['08', '11', '13', '14'],
  },
  {
    code: '13',
    name: '東京都',
    nameEn: 'Tokyo',
    kana: 'とうきょうと',
    region: 'KANTO',
    neighbours: ['11', '12', '14', '19'],
  },
  {
    code: '14',
    name: '神奈川県',
    nameEn: 'Kanagawa',
    kana: 'かながわけん',
    region: 'KANTO',
    neighbours: ['12', '13', '19', '22'],
  },
  {
    code: '15',
    name: '新潟県',
    nameEn: 'Niigata',
    kana: 'にいがたけん',
    region: 'CHUBU',
    neighbours: ['06', '07', '10', '16', '20'],
  },
  {
    code: '16',
    name: '富山県',
    nameEn: 'Toyama',
    kana: 'とやまけん',
    region: 'CHUBU',
    neighbours: ['15', '17', '20', '21'],
  },
  {
    code: '17',
    name: '石川県',
    nameEn: 'Ishikawa',
    kana: 'いしかわけん',
    region: 'CHUBU',
    neighbours: ['16', '18', '21'],
  },
  {
    code: '18',
    name: '福井県',
    nameEn: 'Fukui',
    kana: 'ふくいけん',
    region: 'CHUBU',
    neighbours: ['17', '21', '25', '26'],
  },
  {
    code: '19',
    name: '山梨県',
    nameEn: 'Yamanashi',
    kana: 'やまなしけん',
    region: 'CHUBU',
    neighbours: ['11', '13', '14', '20', '22'],
  },
  {
    code: '20',
    name: '長野県',
    nameEn: 'Nagano',
    kana: 'ながのけん',
    region: 'CHUBU',
    neighbours: ['10', '11', '15', '16', '19', '21', '22', '23'],
  },
  {
    code: '21',
    name: '岐阜県',
    nameEn: 'Gifu',
    kana: 'ぎふけん',
    region: 'CHUBU',
    neighbours: ['16', '17', '18', '20', '23', '24', '25'],
  },
  {
    code: '22',
    name: '静岡県',
    nameEn: 'Shizuoka',
    kana: 'しずおかけん',
    region: 'CHUBU',
    neighbours: ['14', '19', '20', '23'],
  },
  {
    code: '23',
    name: '愛知県',
    nameEn: 'Aichi',
    kana: 'あいちけん',
    region: 'CHUBU',
    neighbours: ['20', '21', '22', '24'],
  },
  {
    code: '24',
    name: '三重県',
    nameEn: 'Mie',
    kana: 'みえけん',
    region: 'KINKI',
    neighbours: ['21', '23', '25', '26', '29', '30'],
  },
  {
    code: '25',
    name: '滋賀県',
    nameEn: 'Shiga',
    kana: 'しがけん',
    region: 'KINKI',
    neighbours: ['18', '21', '24', '26'],
  },
  {
    code: '26',
    name: '京都府',
    nameEn: 'Kyoto',
    kana: 'きょうとふ',
    region: 'KINKI',
    neighbours: ['18', '24', '25', '27', '28', '29'],
  },
  {
    code: '27',
    name: '大阪府',
    nameEn: 'Osaka',
    kana: 'おおさかふ',
    region: 'KINKI',
    neighbours: ['26', '28', '29', '30'],
  },
  {
    code: '28',
    name: '兵庫県',
    nameEn: 'Hyogo',
    kana: 'ひょうごけん',
    region: 'KINKI',
    neighbours: ['26', '27', '31', '33', '36'],
  },
  {
    code: '29',
    name: '奈良県',
    nameEn: 'Nara',
    kana: 'ならけん',
    region: 'KINKI',
    neighbours: ['24', '26', '27', '30'],
  },
  {
    code: '30',
    name: '和歌山県',
    nameEn: 'Wakayama',
    kana: 'わかやまけん',
    region: 'KINKI',
    neighbours: ['24', '27', '29'],
  },
  {
    code: '31',
    name: '鳥取県',
    nameEn: 'Tottori',
    kana: 'とっとりけん',
    region: 'CHUGOKU',
    neighbours: ['28', '32', '33', '34'],
  },
  {
    code: '32',
    name: '島根県',
    nameEn: 'Shimane',
    kana: 'しまねけん',
    region: 'CHUGOKU',
    neighbours: ['31', '34', '35'],
  },
  {
    code: '33',
    name: '岡山県',
    nameEn: 'Okayama',
    kana: 'おかやまけん',
    region: 'CHUGOKU',
    neighbours: ['28', '31', '34', '37'],
  },
  {
    code: '34',
    name: '広島県',
    nameEn: 'Hiroshima',
    kana: 'ひろしまけん',
    region: 'CHUGOKU',
    neighbours: ['31', '32', '33', '35', '38'],
  },
  {
    code: '35',
    name: '山口県',
    nameEn: 'Yamaguchi',
    kana: 'やまぐちけん',
    region: 'CHUGOKU',
    neighbours: ['32', '34', '40'],
  },
  {
    code: '36',
    name: '徳島県',
    nameEn: 'Tokushima',
    kana: 'とくしまけん',
    region: 'SHIKOKU',
    neighbours: ['28', '37', '38', '39'],
  },
  {
    code: '37',
    name: '香川県',
    nameEn: 'Kagawa',
    kana: 'かがわけん',
    region: 'SHIKOKU',
    neighbours: ['33', '36', '38'],
  },
  {
    code: '38',
    name: '愛媛県',
    nameEn: 'Ehime',
    kana: 'えひめけん',
    region: 'SHIKOKU',
    neighbours: ['34', '36', '37', '39'],
  },
  {
    code: '39',
    name: '高知県',
    nameEn: 'Kochi',
    kana: 'こうちけん',
    region: 'SHIKOKU',
    neighbours: ['36', '38'],
  },
  {
    code: '40',
    name: '福岡県',
    nameEn: 'Fukuoka',
    kana: 'ふくおかけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['35', '41', '43', '44'],
  },
  {
    code: '41',
    name: '佐賀県',
    nameEn: 'Saga',
    kana: 'さがけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['40', '42'],
  },
  {
    code: '42',
    name: '長崎県',
    nameEn: 'Nagasaki',
    kana: 'ながさきけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['41'],
  },
  {
    code: '43',
    name: '熊本県',
    nameEn: 'Kumamoto',
    kana: 'くまもとけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['40', '44', '45', '46'],
  },
  {
    code: '44',
    name: '大分県',
    nameEn: 'Oita',
    kana: 'おおいたけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['40', '43', '45'],
  },
  {
    code: '45',
    name: '宮崎県',
    nameEn: 'Miyazaki',
    kana: 'みやざきけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['43', '44', '46'],
  },
  {
    code: '46',
    name: '鹿児島県',
    nameEn: 'Kagoshima',
    kana: 'かごしまけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: ['43', '45'],
  },
  {
    code: '47',
    name: '沖縄県',
    nameEn: 'Okinawa',
    kana: 'おきなわけん',
    region: 'KYUSHU_OKINAWA',
    neighbours: [],
  },
];

/**
 * The pairs in `neighbours` that are joined by a bridge or tunnel rather than a land border, so that a
 * caller who wants land borders only can subtract them.
 */
export const FIXED_LINKS: readonly (readonly [string, string])[] = [
  ['01', '02'], // Seikan Tunnel
  ['12', '14'], // Tokyo Bay Aqua-Line
  ['28', '36'], // Akashi Kaikyo and Onaruto bridges
  ['33', '37'], // Seto-Ohashi
  ['34', '38'], // Shimanami Kaido
  ['35', '40'], // Kanmon tunnels and bridge
];

const BY_CODE: ReadonlyMap<string, Prefecture> = new Map(PREFECTURES.map((p) => [p.code, p]));

export function prefectureByCode(code: string): Prefecture | undefined {
  return BY_CODE.get(code);
}

/** True only for the exact two-digit form ('01', not '1' or 1): that is how codes are stored and indexed. */
export function isPrefectureCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}
