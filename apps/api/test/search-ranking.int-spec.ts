import { createTestApp, type TestApp } from './test-app';
import { indexSynced, insertCases, search, seedMunicipalities, type FixtureCase } from './search-fixtures';

jest.setTimeout(180_000);

/**
 * A judged ranking set over the whole corpus (issue #12): for each query, the case(s) whose subject it names
 * (in the title, or for two judgements in the summary or the tags) must come in the first N of a relevance
 * search, although fifteen other cases mention the same words in passing in their body, are newer, and
 * some mention them twice or right next to the query's other word. Everything goes through the writers' path
 * and the real engine; the assertions are what an official sees on the first results page.
 */

const MUNICIPALITIES = ['401005', '172065', '012084', '131237', '312011', '011002', '271004', '340006'];

interface Judgement {
  query: string;
  /** The cases that must all be in the first `topN` hits. */
  relevant: FixtureCase[];
  topN: number;
  /** Fifteen sentences with the query's words, each put in passing into the body of one other case. */
  mentions: string[];
}

/** Unrelated subjects for the distractors' titles and summaries (none contains a judged query's words). */
const OTHER_SUBJECTS = [
  ['公共施設の予約システム刷新', '体育館や公民館の予約をスマートフォンから申し込めるようにした。'],
  ['窓口のキャッシュレス決済導入', '住民票の手数料などを電子マネーで払えるようにした。'],
  ['学校給食の献立アプリ', '献立とアレルギー情報を保護者に配信した。'],
  ['観光案内の多言語チャットボット', '訪日客の問い合わせに四か国語で応答した。'],
  ['農業用水路の水位センサー', '大雨のときの見回りを減らした。'],
  ['職員の働き方改革プロジェクト', '会議の削減とペーパーレス化を進めた。'],
  ['図書館の電子書籍サービス', '来館できない住民にも本を届けた。'],
  ['防災情報の一斉配信', '避難情報を複数の手段で同時に届けた。'],
  ['商店街のポイントカード統合', '紙のスタンプカードをアプリに置き換えた。'],
  ['子ども食堂のネットワークづくり', '運営団体の情報交換の場を設けた。'],
  ['バス路線の再編とデマンド交通', '利用の少ない路線を予約型の交通に切り替えた。'],
  ['ふるさと納税の返礼品開発', '地元事業者と新しい返礼品をつくった。'],
  ['市民参加型の予算編成', '住民の提案を予算に反映する仕組みを試した。'],
  ['保育所の入所選考の自動化', '選考の点数計算を表計算から専用システムに移した。'],
  ['地域公民館のWi-Fi整備', '公民館で高齢者向けのスマホ教室を開けるようにした。'],
] as const;

const FUKUGYO: FixtureCase = {
  key: 'fukugyo',
  municipalityCode: '012084',
  title: '都市部の副業人材と地元企業をつなぐマッチング事業',
  summary: '首都圏で働く人と市内の中小企業を結び、新規事業や販路開拓を一緒に進めた。',
  body: '## 背景\n\n市内企業には新しい事業を担う人がいなかった。\n\n## 取り組み\n\n- 求人サイトと連携して募集\n- 月1回のオンライン面談',
  themes: ['SME_DX', 'TELEWORK_MIGRATION'],
};
const GIKAI: FixtureCase = {
  key: 'mojiokoshi-gikai',
  municipalityCode: '172065',
  title: '議会の会議録づくりを音声認識の文字起こしで自動化',
  summary: '本会議と委員会の録音をAIで文字に起こし、会議録の作成日数を半分にした。',
  themes: ['STAFF_DX'],
};
const AKIYA: FixtureCase = {
  key: 'akiya',
  municipalityCode: '312011',
  title: '空き家バンクをオンライン化し移住相談を倍増',
  summary: '物件情報を写真と動画で公開し、遠方からの内見予約を受け付けた。',
  themes: ['TELEWORK_MIGRATION'],
};
const DRONE: FixtureCase = {
  key: 'drone',
  municipalityCode: '340006',
  title: 'ドローンによる橋梁点検の実証',
  summary: '高所作業車を使わずに橋の点検を行い、費用と日数を減らした。',
  themes: ['STAFF_DX'],
};

const JUDGED: Judgement[] = [
  {
    query: '副業人材',
    topN: 5,
    relevant: [FUKUGYO],
    mentions: [
      '今後は副業人材の活用も検討したい。',
      '講師には副業人材を一部起用した。',
      '副業人材による支援は対象外とした。',
      '国の副業人材の制度も参考にした。',
      '他市の副業人材の事例を視察した。',
      '副業人材の受け入れ経験がある企業は少なかった。',
      '副業人材と同様に、地元の専門家にも声をかけた。',
      '一部の企業は副業人材に業務を委託した。',
      '副業人材マッチングの説明会にも出展した。',
      '副業人材との協働は次年度の課題である。',
      'アンケートでは副業人材への関心が高かった。',
      '副業人材の登録者数は把握していない。',
      '県の副業人材事業とは別に実施した。副業人材の紹介は受けていない。',
      '副業人材を含む外部人材の確保が課題となった。',
      '事業者から副業人材の紹介を求める声もあった。',
    ],
  },
  {
    query: '文字起こし',
    topN: 5,
    relevant: [
      GIKAI,
      {
        key: 'mojiokoshi-shingikai',
        municipalityCode: '312011',
        title: '審議会の議事録を文字起こしツールで作成',
        summary: '審議会の録音からの議事録作成を職員の手作業からツールに移した。',
        themes: ['STAFF_DX'],
      },
    ],
    mentions: [
      '説明会の動画には文字起こしを付けた。',
      '文字起こしは外部に委託した。',
      'インタビューの文字起こしを報告書に載せた。',
      '相談記録の文字起こしは行っていない。',
      '研修の録画を文字起こしして共有した。',
      '文字起こしの精度には課題が残った。',
      '住民説明会の文字起こしを公開した。',
      '職員が文字起こしを手作業で行う場面もあった。',
      '文字起こしアプリの試用も行った。文字起こしの結果は参考程度とした。',
      '会議の文字起こしは今後の検討事項とした。',
      '聞き取り調査は文字起こしのうえ分析した。',
      '動画の文字起こしで字幕を付けた。',
      '文字起こし作業の負担が大きかった。',
      'ワークショップの発言を文字起こしした。',
      '音声の文字起こしサービスを比較した。',
    ],
  },
  {
    query: '空き家バンク',
    topN: 5,
    relevant: [AKIYA],
    mentions: [
      '移住者には空き家バンクも紹介した。',
      '空き家バンクの物件を拠点に使った。',
      '空き家バンクとの連携は今後の課題。',
      '会場は空き家バンクで見つけた古民家である。',
      '空き家バンク登録物件の改修費は対象外とした。',
      '相談会では空き家バンクの案内も行った。',
      '空き家バンクの担当課とも情報を共有した。',
      '参加者の一部は空き家バンクを利用して転入した。',
      '空き家バンクの情報をチラシに載せた。',
      '空き家バンクの物件数は少なかった。空き家バンク以外の物件も紹介した。',
      '空き家バンクを見て問い合わせた人もいた。',
      '他市の空き家バンクの仕組みも参考にした。',
      '空き家バンクの掲載は別事業で行う。',
      '空き家バンクの登録を促すチラシも配った。',
      '空き家バンクと同じ窓口で受け付けた。',
    ],
  },
  {
    query: 'オープンデータ',
    topN: 5,
    relevant: [
      {
        key: 'opendata',
        municipalityCode: '131237',
        title: 'オープンデータカタログの公開と活用コンテスト',
        summary: '市の統計や施設情報を機械判読できる形で公開し、活用アイデアを募った。',
        themes: ['STAFF_DX'],
      },
    ],
    mentions: [
      '施設の一覧はオープンデータとしても公開した。',
      'オープンデータの活用は次の段階とした。',
      '国のオープンデータを参考に指標を決めた。',
      'オープンデータ化は見送った。',
      '利用実績をオープンデータで公開する予定である。',
      'オープンデータのサイトにも掲載した。',
      '県のオープンデータを使って地図をつくった。',
      '結果はオープンデータとして公開した。オープンデータの形式はCSVとした。',
      '事業者からはオープンデータの提供を求められた。',
      'オープンデータの整備は別の課が担当している。',
      '人口のオープンデータを使って対象地区を選んだ。',
      'オープンデータの更新頻度が課題である。',
      '避難所の位置はオープンデータから取り込んだ。',
      'オープンデータ推進の方針にも沿っている。',
      'オープンデータを活用した民間アプリと連携した。',
    ],
  },
  {
    query: '電子申請',
    topN: 5,
    relevant: [
      {
        key: 'denshi-shinsei',
        municipalityCode: '011002',
        title: '子育て手続きの電子申請を一本化',
        summary: '児童手当や保育所の申し込みをスマートフォンで完結できるようにした。',
        themes: ['STAFF_DX'],
      },
    ],
    mentions: [
      '申し込みは電子申請でも受け付けた。',
      '電子申請の利用率は三割だった。',
      '電子申請の仕組みは既存のものを使った。',
      '補助金の電子申請は来年度から始める。',
      '電子申請に不慣れな人には窓口で対応した。',
      '参加申込は電子申請と電話の両方とした。',
      '電子申請システムの改修は行っていない。',
      '電子申請のフォームは職員が作成した。電子申請の件数は少なかった。',
      '電子申請の案内を広報誌に載せた。',
      '事業者の電子申請にも対応した。',
      '電子申請で受け付けた件数を集計した。',
      'アンケートは電子申請の仕組みで回収した。',
      '電子申請の本人確認に課題が残った。',
      '電子申請と紙の申請を併用した。',
      '電子申請の操作説明会を開いた。',
    ],
  },
  {
    query: 'ドローン',
    topN: 5,
    relevant: [DRONE],
    mentions: [
      '広報用の写真はドローンで撮影した。',
      'ドローンの活用も検討した。',
      '防災訓練ではドローンも飛ばした。',
      'ドローン事業者も説明会に参加した。',
      'ドローンの操縦講習は別の事業で行った。',
      '観光動画にドローンの映像を使った。',
      'ドローン配送の実証とは別の事業である。',
      '農地の確認にドローンを使った例もある。ドローンの費用は対象外とした。',
      'ドローンでの撮影は天候で延期した。',
      '高校生がドローンの操作を体験した。',
      'ドローン関連の企業も参加した。',
      '災害時のドローン協定を結んでいる。',
      'ドローンの映像を会議で共有した。',
      '被害の確認にはドローンも使った。',
      'ドローンによる点検は今後の課題である。',
    ],
  },
  {
    query: '移動販売',
    topN: 5,
    relevant: [
      {
        key: 'ido-hanbai',
        municipalityCode: '012084',
        title: '中山間地域の移動販売車で買い物を支える',
        summary: '商店のない集落を週2回回り、食料品と日用品を届けた。',
        themes: ['TELEWORK_MIGRATION'],
      },
    ],
    mentions: [
      '集落では移動販売も行われている。',
      '移動販売の事業者とも連携した。',
      '見守りは移動販売の訪問時にも行った。',
      '移動販売車の停車場所で説明会を開いた。',
      '移動販売の利用者にもアンケートを配った。',
      '移動販売の支援は別の事業で行う。',
      '商工会の移動販売とは役割を分けた。',
      '移動販売の時刻表もアプリに載せた。移動販売の担当とも調整した。',
      '地域の移動販売の実態も調べた。',
      '移動販売に頼る世帯が多い。',
      '移動販売車にチラシを置いてもらった。',
      '移動販売の事業者が撤退した地区もある。',
      '移動販売と宅配の組み合わせを検討した。',
      '移動販売の売上は把握していない。',
      '移動販売の運転手も研修に参加した。',
    ],
  },
  {
    query: '地域おこし協力隊',
    topN: 5,
    relevant: [
      {
        key: 'kyoryokutai',
        municipalityCode: '172065',
        title: '地域おこし協力隊の任期後の定住を支える起業支援',
        summary: '任期中から事業計画づくりと資金調達を伴走し、任期後も市内で働けるようにした。',
        themes: ['TELEWORK_MIGRATION'],
      },
    ],
    mentions: [
      '運営は地域おこし協力隊が担った。',
      '地域おこし協力隊の隊員も参加した。',
      '地域おこし協力隊の提案から始まった。',
      '講師の一人は元地域おこし協力隊である。',
      '地域おこし協力隊の活動報告会と同時に開いた。',
      '地域おこし協力隊とは別の枠で募集した。',
      '地域おこし協力隊の募集にもこの仕組みを使った。',
      '地域おこし協力隊が撮影した写真を使った。地域おこし協力隊の任期は三年である。',
      '地域おこし協力隊の拠点を会場にした。',
      '地域おこし協力隊OBが事業者として参加した。',
      '広報は地域おこし協力隊に手伝ってもらった。',
      '地域おこし協力隊の発案でイベントを開いた。',
      '地域おこし協力隊の住まいにも空き家を使った。',
      '地域おこし協力隊の任期満了者も参加した。',
      '地域おこし協力隊との意見交換を重ねた。',
    ],
  },
  // Two words: the relevant title has both, apart; every distractor has them side by side in its body
  // (closer than in the title), so word proximity alone would put all fifteen first.
  {
    query: '副業人材 マッチング',
    topN: 5,
    relevant: [FUKUGYO],
    mentions: [
      '副業人材マッチングのサイトも紹介した。',
      '県の副業人材マッチング事業とは別に実施した。',
      '副業人材マッチングの説明会にも出展した。',
      '国の副業人材マッチングの補助は使っていない。',
      '副業人材マッチングを使った企業は一社だった。',
      '副業人材マッチングの事業者から提案を受けた。',
      '副業人材マッチングの活用は次年度に検討する。',
      '副業人材マッチングで講師を探した。副業人材マッチングの費用は対象外。',
      '副業人材マッチングの担当課とも情報を共有した。',
      '民間の副業人材マッチングも参考にした。',
      '副業人材マッチングの実績は把握していない。',
      '副業人材マッチングの案内をチラシに載せた。',
      '他市の副業人材マッチングを視察した。',
      '副業人材マッチングの利用を希望する声もあった。',
      '副業人材マッチングは別の課の事業である。',
    ],
  },
  {
    query: '会議録 文字起こし',
    topN: 5,
    relevant: [GIKAI],
    mentions: [
      '会議録文字起こしの委託は行っていない。',
      '打合せの会議録文字起こしを試した。',
      '会議録文字起こしの費用は別予算である。',
      '会議録文字起こしのツールは比較だけした。',
      '庁内の会議録文字起こしは各課に任せた。',
      '会議録文字起こしの精度は今後確かめる。',
      '会議録文字起こしを手作業で行う課もある。',
      '会議録文字起こしの仕組みは参考程度に調べた。会議録文字起こしは対象外。',
      '会議録文字起こしの要望も寄せられた。',
      '会議録文字起こしの時間は把握していない。',
      '会議録文字起こしの作業は外部に頼んだ。',
      '会議録文字起こしの負担が話題になった。',
      '会議録文字起こしの事例も紹介した。',
      '会議録文字起こしは次年度の課題である。',
      '会議録文字起こしの担当者も参加した。',
    ],
  },
  {
    query: 'ドローン 点検',
    topN: 5,
    relevant: [DRONE],
    mentions: [
      'ドローン点検の事業者も参加した。',
      'ドローン点検は別の事業で行った。',
      'ドローン点検の費用は対象外とした。',
      '他市のドローン点検の事例を視察した。',
      'ドローン点検の講習会も開いた。',
      'ドローン点検の導入は見送った。',
      'ドローン点検の結果は共有していない。',
      'ドローン点検の映像を会議で使った。ドローン点検の委託先は公募した。',
      'ドローン点検の実施は天候で延期した。',
      '県のドローン点検の指針を参考にした。',
      'ドローン点検と同じ業者に依頼した。',
      'ドローン点検の担当課とも調整した。',
      'ドローン点検の件数は把握していない。',
      'ドローン点検の要望もあった。',
      'ドローン点検の記録を台帳に載せた。',
    ],
  },
  {
    query: '空き家 移住',
    topN: 5,
    relevant: [AKIYA],
    mentions: [
      '空き家移住の相談会とは別に実施した。',
      '空き家移住の支援は対象外とした。',
      '空き家移住の希望者にも案内した。',
      '県の空き家移住の補助金も紹介した。',
      '空き家移住の実績は把握していない。',
      '空き家移住の担当課とも情報を共有した。',
      '空き家移住の事例を研修で紹介した。',
      '空き家移住の制度は次年度に見直す。空き家移住の窓口は別である。',
      '空き家移住の問い合わせもあった。',
      '空き家移住のパンフレットを置いた。',
      '空き家移住の体験ツアーとは別の事業である。',
      '空き家移住の支援策も参考にした。',
      '空き家移住の相談員が助言した。',
      '空き家移住の説明も行った。',
      '空き家移住の案内を広報誌に載せた。',
    ],
  },
  {
    // The subject is named in the summary only: summary before body.
    query: '見守り',
    topN: 5,
    relevant: [
      {
        key: 'mimamori',
        municipalityCode: '271004',
        title: '独り暮らしの高齢者を支えるIoTセンサー',
        summary: '電気の使用量から異変を知らせる見守りの仕組みを、希望する世帯に導入した。',
        themes: ['STAFF_DX'],
      },
    ],
    mentions: [
      '高齢者の見守りにも役立つと考えられる。',
      '見守りの担当課とも情報を共有した。',
      '見守り活動の団体にも声をかけた。',
      '子どもの見守りは対象外とした。',
      '地域の見守りボランティアが協力した。',
      '見守りの仕組みは今後の検討事項である。',
      '配達員が見守りを兼ねた。',
      '見守り協定を結ぶ事業者もあった。見守りの範囲は地区ごとに決めた。',
      '見守りの記録を共有する仕組みも試した。',
      '通学路の見守りにカメラを使う案もあった。',
      '民生委員の見守りとあわせて実施した。',
      '見守りの負担を減らすことも目的とした。',
      '見守り訪問の際にチラシを配った。',
      '見守りサービスの利用者は少なかった。',
      '見守りと防災を一体で考えた。',
    ],
  },
  {
    // The subject is a tag (RPA) and the title says it in other words: tags before body.
    query: 'RPA',
    topN: 5,
    relevant: [
      {
        key: 'rpa',
        municipalityCode: '401005',
        title: '定型業務の自動化で職員の残業を削減',
        summary: '給与や税の入力作業をソフトウェアロボットに任せ、年間2千時間を削減した。',
        tags: ['RPA', '業務改善'],
        themes: ['STAFF_DX'],
      },
    ],
    mentions: [
      '集計にはRPAも使った。',
      'RPAの導入は見送った。',
      'RPAで作った台帳を使った。',
      '別の課ではRPAを使っている。',
      'RPAの保守は委託している。',
      'RPAの研修も同時に開いた。',
      'RPAによる入力も試した。',
      'RPAとAI-OCRの組み合わせは次年度の課題。RPAの費用は別予算である。',
      'RPAで申請内容を転記した。',
      'RPAの担当者が助言した。',
      'RPAは一部の業務だけに使った。',
      'RPAでの自動化は難しかった。',
      'RPAの利用状況も調べた。',
      'RPAのシナリオを共有した。',
      '他市のRPA事例も参考にした。',
    ],
  },
];

/** Fifteen cases per judgement that mention its words only in the body, in passing, newer than the relevant ones. */
function distractorsOf(j: Judgement, n: number): FixtureCase[] {
  return j.mentions.map((sentence, i) => {
    const [title, summary] = OTHER_SUBJECTS[i % OTHER_SUBJECTS.length];
    return {
      key: `d${n}-${i}`,
      municipalityCode: MUNICIPALITIES[(n + i) % MUNICIPALITIES.length],
      title,
      summary,
      body:
        `## 背景\n\n${summary}市民からの要望が多かった。\n\n` +
        `## 取り組み\n\n- 担当課で仕様を検討した\n- ${sentence}\n- 事業者を公募で選んだ\n\n` +
        '## 成果\n\n利用者の満足度は八割を超えた。',
      themes: ['STAFF_DX'],
      // Newer than every relevant case: newest-first would put all fifteen first.
      publishedAt: new Date(Date.UTC(2026, 0, 1 + n, 0, i)).toISOString(),
    };
  });
}

const RELEVANT: FixtureCase[] = [
  ...new Map(JUDGED.flatMap((j) => j.relevant).map((c) => [c.key, c] as const)).values(),
].map((c) => ({ ...c, publishedAt: c.publishedAt ?? '2023-04-01T10:00:00+09:00' }));
const FIXTURES: FixtureCase[] = [...RELEVANT, ...JUDGED.flatMap((j, n) => distractorsOf(j, n))];

describe('searchCaseStudies: whole-corpus ranking against a judged set', () => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t);
    ids = await insertCases(t, FIXTURES);
    await indexSynced(t, 60_000);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the judged set is what it claims: the words only in the distractors’ bodies, never in their titles', () => {
    for (const [n, j] of JUDGED.entries()) {
      expect(j.mentions).toHaveLength(15);
      for (const d of distractorsOf(j, n))
        for (const word of j.query.split(' ')) {
          expect(d.body).toContain(word);
          expect(`${d.title} ${d.summary}`).not.toContain(word);
        }
    }
  });

  it.each(JUDGED.map((j) => [j.query, j] as const))(
    '%s: the case(s) it names come first, before fifteen passing mentions',
    async (query, j) => {
      const r = await search(t, { query, pageSize: 20 });
      const top = r.hits.map((h) => h.caseStudy.title);
      // Every distractor is found too (they do mention the words): the ranking, not the matching, decides.
      expect(r.totalHits).toBeGreaterThanOrEqual(j.relevant.length + 15);
      expect({ query, topN: top.slice(0, j.topN) }).toEqual({
        query,
        topN: expect.arrayContaining(j.relevant.map((c) => c.title)),
      });
      // And the relevant ones lead: nothing that only mentions the words in passing is above them.
      const relevantIds = new Set(j.relevant.map((c) => ids[c.key]));
      const firstDistractor = r.hits.findIndex((h) => !relevantIds.has(h.caseStudy.id));
      expect({ query, firstDistractorAt: firstDistractor }).toEqual({
        query,
        firstDistractorAt: j.relevant.length,
      });
    },
  );

  it('newest first still orders by date among the matches (an explicit sort beats relevance)', async () => {
    const r = await search(t, { query: '副業人材', sort: 'NEWEST', pageSize: 50 });
    expect(r.hits).toHaveLength(r.totalHits);
    const dates = r.hits.map((h) => Date.parse(h.caseStudy.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The relevant case is the oldest match, so it comes last here, however relevant.
    expect(r.hits.at(-1)?.caseStudy.id).toBe(ids.fukugyo);
  });
});
