import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CasesLikeDraftDocument, type CaseTheme } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { municipalityName } from '../municipalities/labels';

const DELAY_MS = 800;
const LIMIT = 5;

/**
 * 似ている公開済みの事例, while an officer writes: the API's casesLikeDraft for what the form says so far,
 * so that a case the municipality (or a neighbour) already published is found before it is written twice.
 * Asked a moment after typing stops; nothing is shown until the draft says enough to compare.
 */
export function CasesLikeDraft({
  caseId,
  title,
  summary,
  themes,
  tags,
}: {
  caseId?: string;
  title: string;
  summary: string;
  themes: CaseTheme[];
  tags: string[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [input, setInput] = useState({
    title: '',
    summary: '',
    themes: [] as CaseTheme[],
    tags: [] as string[],
  });
  const key = JSON.stringify([title.trim(), summary.trim(), themes, tags]);
  useEffect(() => {
    const timer = setTimeout(
      () => setInput({ title: title.trim(), summary: summary.trim(), themes, tags }),
      DELAY_MS,
    );
    return () => clearTimeout(timer);
    // `key` stands for the four values: re-run when what they say changes, not when arrays are rebuilt.
  }, [key]);
  const enough = input.title.length + input.summary.length >= 4 || input.themes.length > 0;
  const { data, previousData } = useQuery(CasesLikeDraftDocument, {
    variables: { input: { ...input, limit: LIMIT + 1 } },
    skip: !enough,
  });
  const cases =
    (data ?? previousData)?.casesLikeDraft.filter((item) => item.id !== caseId).slice(0, LIMIT) ?? [];
  if (!enough || cases.length === 0) return null;
  return (
    <section aria-labelledby="like-draft-heading" className="border-t border-solid-gray-420 pt-4">
      <h2 id="like-draft-heading" className="text-std-17B-170 text-solid-gray-900">
        {t('caseEditor.likeDraftHeading')}
      </h2>
      <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('caseEditor.likeDraftLead')}</p>
      <ul className="mt-2 flex flex-col gap-2">
        {cases.map((item) => (
          <li key={item.id} className="text-std-16N-170">
            <a href={`/cases/${item.id}`} target="_blank" rel="noopener" className="link-text" lang="ja">
              {item.title}
            </a>
            <span className="sr-only">{t('caseEditor.opensInNewTab')}</span>
            <span className="block text-solid-gray-700">{municipalityName(item.municipality, language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
