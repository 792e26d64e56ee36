// The demo accounts and the fixed words the journeys use (the demo data's password, DEMO_PASSWORD to override).

export interface DemoUser {
  email: string;
  password: string;
}

export const ORGANISER: DemoUser = {
  email: 'organiser@yokoten.example',
  password: process.env.DEMO_PASSWORD ?? 'yokoten-demo',
};
/** An officer of 北九州市 (401005). */
export const OFFICER: DemoUser = { email: 'officer.401005@yokoten.example', password: ORGANISER.password };
/** An officer of a mid-sized city (北見市) who looks for precedents of other municipalities. */
export const FOLLOWER: DemoUser = { email: 'officer.012084@yokoten.example', password: ORGANISER.password };

/** The demo roles the `login` fixture knows by name. */
export const DEMO_USERS = { organiser: ORGANISER, officer: OFFICER, follower: FOLLOWER } as const;
export type DemoRole = keyof typeof DEMO_USERS;

// A made-up word that no demo case contains, so that finding it proves the new case reached the index.
export const NEW_CASE_WORD = 'ミライコウバ';
export const NEW_CASE_TITLE = `町工場の若手が集う「${NEW_CASE_WORD}塾」で、製造現場のデータ活用を学ぶ`;

export const FINDER_DESCRIPTION =
  '市内の中小企業の社員にリスキリングの機会をつくりたい。ITパスポートの受験料も補助したい。';

// Addresses made by the accounts journeys are unique per run, so that they also run again on the same data.
export const RUN = Date.now().toString(36);
export const NEW_PASSWORD = 'Yokoten-横展-2026!';
