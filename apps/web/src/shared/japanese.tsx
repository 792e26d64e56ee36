import { Fragment, type ReactNode } from 'react';

/** Stands for a Japanese value in a translated sentence; see `withJapanese`. */
export const JA = '\uE000';

/**
 * A translated sentence with a value written in Japanese (a person's name, a case's title) marked
 * lang="ja", so that a screen reader reads 「池田 美咲」 in Japanese inside an English sentence:
 * `withJapanese(t('home.welcome', { name: JA }), user.name)`.
 */
export function withJapanese(text: string, value: string): ReactNode {
  const parts = text.split(JA);
  if (parts.length === 1) return text;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <span lang="ja">{value}</span>}
      {part}
    </Fragment>
  ));
}
