/** Deterministic, plausible Japanese names for demo officers (no real person is meant). */
const SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山崎',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
  '前田',
  '藤田',
  '小川',
  '岡田',
];
const GIVEN = [
  '陽菜',
  '大翔',
  '結衣',
  '蓮',
  '美咲',
  '悠真',
  '彩',
  '健太',
  '真由美',
  '翔太',
  '由紀',
  '拓也',
  '恵',
  '直樹',
  '智子',
  '亮',
  '麻衣',
  '和也',
  '裕子',
  '誠',
];

export function demoOfficerName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]} ${GIVEN[(index * 7) % GIVEN.length]}`;
}

/** Who signs for a municipality: its head's title, by kind. */
export function headTitle(name: string, kind: string): string {
  return kind === 'PREFECTURE' ? `${name}知事` : `${name}長`;
}

const STATEMENTS = [
  (n: string) =>
    `${n}は、職員一人ひとりの学びを組織の力に変え、デジタルを活かした行政サービスの向上に取り組みます。得られた知見と失敗も含めた経験を、ネットワークの自治体と惜しみなく共有します。`,
  (n: string) =>
    `${n}は、地域の企業と市民のリスキリングを後押しし、「ひとの学びで、地域は進む」を実践します。先行する自治体に学び、私たちの取り組みもまた次の自治体へつなげます。`,
  (n: string) =>
    `${n}は、産学官金の連携によりデジタル人材を育て、地域経済の持続的な成長を目指します。事例と成果指標を公開し、横展開に協力します。`,
  (n: string) =>
    `${n}は、庁内のDX推進と職員のリスキリングを計画的に進め、住民に身近な行政の変革に挑みます。他の自治体との対話を通じて、より良い方法を探し続けます。`,
];

export function demoStatement(name: string, index: number): string {
  return STATEMENTS[index % STATEMENTS.length](name);
}
