import type { MunicipalityKind } from '@yokoten/case-studies';

export interface DemoMunicipality {
  /** Six-digit 全国地方公共団体コード, check digit included. */
  code: string;
  name: string;
  /** Hiragana reading of the official name, suffix included. */
  kana: string;
  nameEn: string;
  prefectureCode: string;
  kind: MunicipalityKind;
  population: number;
}

/**
 * Sixty real local governments for the embedded demo: everyone named as a participant in the network's
 * source documents (北九州市, 広島県, 北見市, 鳥取県, 江戸川区, 加賀市, 北海道, plus 札幌市, 桑名市 and 沖縄県
 * from the Hokkaido working-group minutes) and enough others to fill every region, kind and population band.
 *
 * Municipal codes and kana readings were checked against the J-LIS list as republished by
 * code4fukui/localgovjp; prefecture codes are PP000 plus the check digit. Populations are 2020 census
 * figures for the prefectures and larger cities; for the small towns and villages and a few cities they are
 * approximations, each far enough from a band boundary that the band is right. Demo data only: update the
 * numbers here, never present them as official statistics.
 */
export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  // Hokkaido
  m('010006', '01', '北海道', 'ほっかいどう', 'Hokkaido', 'PREFECTURE', 5_224_614),
  m('011002', '01', '札幌市', 'さっぽろし', 'Sapporo', 'DESIGNATED_CITY', 1_973_395),
  m('012041', '01', '旭川市', 'あさひかわし', 'Asahikawa', 'CORE_CITY', 329_306),
  m('012084', '01', '北見市', 'きたみし', 'Kitami', 'CITY', 115_480),
  m('016331', '01', '上士幌町', 'かみしほろちょう', 'Kamishihoro', 'TOWN', 4_765),
  // Tohoku
  m('020001', '02', '青森県', 'あおもりけん', 'Aomori Prefecture', 'PREFECTURE', 1_237_984),
  m('041009', '04', '仙台市', 'せんだいし', 'Sendai', 'DESIGNATED_CITY', 1_096_704),
  m('032018', '03', '盛岡市', 'もりおかし', 'Morioka', 'CORE_CITY', 289_731),
  m('032085', '03', '遠野市', 'とおのし', 'Tono', 'CITY', 25_366),
  m('072028', '07', '会津若松市', 'あいづわかまつし', 'Aizuwakamatsu', 'CITY', 117_376),
  m('045811', '04', '女川町', 'おながわちょう', 'Onagawa', 'TOWN', 6_430),
  // Kanto
  m('130001', '13', '東京都', 'とうきょうと', 'Tokyo Metropolis', 'PREFECTURE', 14_047_594),
  m('111007', '11', 'さいたま市', 'さいたまし', 'Saitama', 'DESIGNATED_CITY', 1_324_025),
  m('141003', '14', '横浜市', 'よこはまし', 'Yokohama', 'DESIGNATED_CITY', 3_777_491),
  m('102016', '10', '前橋市', 'まえばしし', 'Maebashi', 'CORE_CITY', 332_149),
  m('082201', '08', 'つくば市', 'つくばし', 'Tsukuba', 'CITY', 241_656),
  m('131016', '13', '千代田区', 'ちよだく', 'Chiyoda', 'SPECIAL_WARD', 66_680),
  m('131130', '13', '渋谷区', 'しぶやく', 'Shibuya', 'SPECIAL_WARD', 243_883),
  m('131121', '13', '世田谷区', 'せたがやく', 'Setagaya', 'SPECIAL_WARD', 943_664),
  m('131237', '13', '江戸川区', 'えどがわく', 'Edogawa', 'SPECIAL_WARD', 697_932),
  m('133078', '13', '檜原村', 'ひのはらむら', 'Hinohara', 'VILLAGE', 2_194),
  // Chubu
  m('200000', '20', '長野県', 'ながのけん', 'Nagano Prefecture', 'PREFECTURE', 2_048_011),
  m('221309', '22', '浜松市', 'はままつし', 'Hamamatsu', 'DESIGNATED_CITY', 790_718),
  m('231002', '23', '名古屋市', 'なごやし', 'Nagoya', 'DESIGNATED_CITY', 2_332_176),
  m('172014', '17', '金沢市', 'かなざわし', 'Kanazawa', 'CORE_CITY', 463_254),
  m('172065', '17', '加賀市', 'かがし', 'Kaga', 'CITY', 63_220),
  m('182079', '18', '鯖江市', 'さばえし', 'Sabae', 'CITY', 68_302),
  m('202151', '20', '塩尻市', 'しおじりし', 'Shiojiri', 'CITY', 66_090),
  m('203211', '20', '軽井沢町', 'かるいざわまち', 'Karuizawa', 'TOWN', 20_036),
  m('205419', '20', '小布施町', 'おぶせまち', 'Obuse', 'TOWN', 10_721),
  m('204854', '20', '白馬村', 'はくばむら', 'Hakuba', 'VILLAGE', 8_929),
  // Kinki
  m('261009', '26', '京都市', 'きょうとし', 'Kyoto', 'DESIGNATED_CITY', 1_463_723),
  m('271004', '27', '大阪市', 'おおさかし', 'Osaka', 'DESIGNATED_CITY', 2_752_412),
  m('281000', '28', '神戸市', 'こうべし', 'Kobe', 'DESIGNATED_CITY', 1_525_152),
  m('282014', '28', '姫路市', 'ひめじし', 'Himeji', 'CORE_CITY', 530_495),
  m('242055', '24', '桑名市', 'くわなし', 'Kuwana', 'CITY', 138_613),
  m('282103', '28', '加古川市', 'かこがわし', 'Kakogawa', 'CITY', 260_878),
  m('294497', '29', '十津川村', 'とつかわむら', 'Totsukawa', 'VILLAGE', 3_061),
  // Chugoku
  m('310000', '31', '鳥取県', 'とっとりけん', 'Tottori Prefecture', 'PREFECTURE', 553_407),
  m('340006', '34', '広島県', 'ひろしまけん', 'Hiroshima Prefecture', 'PREFECTURE', 2_799_702),
  m('341002', '34', '広島市', 'ひろしまし', 'Hiroshima', 'DESIGNATED_CITY', 1_200_754),
  m('331007', '33', '岡山市', 'おかやまし', 'Okayama', 'DESIGNATED_CITY', 724_691),
  m('312011', '31', '鳥取市', 'とっとりし', 'Tottori', 'CORE_CITY', 188_465),
  m('342076', '34', '福山市', 'ふくやまし', 'Fukuyama', 'CORE_CITY', 460_930),
  m('336432', '33', '西粟倉村', 'にしあわくらそん', 'Nishiawakura', 'VILLAGE', 1_408),
  m('325252', '32', '海士町', 'あまちょう', 'Ama', 'TOWN', 2_267),
  // Shikoku
  m('372013', '37', '高松市', 'たかまつし', 'Takamatsu', 'CORE_CITY', 417_496),
  m('382019', '38', '松山市', 'まつやまし', 'Matsuyama', 'CORE_CITY', 511_192),
  m('363421', '36', '神山町', 'かみやまちょう', 'Kamiyama', 'TOWN', 4_827),
  m('363022', '36', '上勝町', 'かみかつちょう', 'Kamikatsu', 'TOWN', 1_401),
  m('393061', '39', '馬路村', 'うまじむら', 'Umaji', 'VILLAGE', 823),
  // Kyushu and Okinawa
  m('470007', '47', '沖縄県', 'おきなわけん', 'Okinawa Prefecture', 'PREFECTURE', 1_467_480),
  m('401005', '40', '北九州市', 'きたきゅうしゅうし', 'Kitakyushu', 'DESIGNATED_CITY', 939_029),
  m('401307', '40', '福岡市', 'ふくおかし', 'Fukuoka', 'DESIGNATED_CITY', 1_612_392),
  m('431001', '43', '熊本市', 'くまもとし', 'Kumamoto', 'DESIGNATED_CITY', 738_865),
  m('462012', '46', '鹿児島市', 'かごしまし', 'Kagoshima', 'CORE_CITY', 593_128),
  m('472018', '47', '那覇市', 'なはし', 'Naha', 'CORE_CITY', 317_625),
  m('422118', '42', '五島市', 'ごとうし', 'Goto', 'CITY', 34_391),
  m('432148', '43', '阿蘇市', 'あそし', 'Aso', 'CITY', 25_250),
  m('473812', '47', '竹富町', 'たけとみちょう', 'Taketomi', 'TOWN', 3_942),
];

// Positional rows keep sixty entries readable; the prefecture is written out, not derived from the code,
// so that the spec can catch a mistyped code that still happens to carry a valid check digit.
function m(
  code: string,
  prefectureCode: string,
  name: string,
  kana: string,
  nameEn: string,
  kind: MunicipalityKind,
  population: number,
): DemoMunicipality {
  return { code, name, kana, nameEn, prefectureCode, kind, population };
}
