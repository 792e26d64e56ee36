import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStudyEditableFragment } from '../../graphql/generated/graphql';
import { caseFieldLabel, isCaseField } from './field-labels';

type Checklist = NonNullable<CaseStudyEditableFragment['publishChecklist']>;

/**
 * 公開前のチェックリスト, from the API's publishChecklist: ✓ or ✗ for each required part, and for a missing
 * one a link that takes the keyboard to the field.
 */
export const PublishChecklistPanel = forwardRef<
  HTMLHeadingElement,
  { checklist: Checklist | null | undefined; onGoTo: (field: string) => void; stale: boolean }
>(function PublishChecklistPanel({ checklist, onGoTo, stale }, headingRef) {
  const { t } = useTranslation();
  const done = checklist?.filter((item) => item.ok).length ?? 0;
  const total = checklist?.length ?? 0;
  return (
    <section aria-labelledby="checklist-heading">
      <h2
        id="checklist-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-std-20B-150 text-solid-gray-900"
      >
        {t('caseEditor.checklistHeading')}
      </h2>
      {!checklist ? (
        <p className="mt-2 text-std-16N-170">{t('caseEditor.checklistAfterSave')}</p>
      ) : (
        <>
          <p className="mt-2 text-std-16B-170">{t('caseEditor.checklistProgress', { done, total })}</p>
          {stale && (
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('caseEditor.checklistStale')}</p>
          )}
          <ul className="mt-3 flex flex-col gap-2">
            {checklist.map((item) => {
              const label = isCaseField(item.field)
                ? t(`caseEditor.checklist.${item.field}` as 'caseEditor.checklist.title', {
                    defaultValue: caseFieldLabel(item.field, t),
                  })
                : item.message;
              return (
                <li key={item.field} className="flex items-start gap-2 text-std-16N-170">
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-oln-16B-100 text-white ${
                      item.ok ? 'bg-green-900' : 'bg-error-2'
                    }`}
                  >
                    {item.ok ? '✓' : '✗'}
                  </span>
                  <span className="min-w-0">
                    <span className="sr-only">
                      {item.ok ? t('caseEditor.checklistOk') : t('caseEditor.checklistMissing')}
                    </span>
                    {item.ok ? (
                      label
                    ) : (
                      <a
                        href={`#case-${item.field}`}
                        className="link-text"
                        onClick={(event) => {
                          event.preventDefault();
                          onGoTo(item.field);
                        }}
                      >
                        {label}
                      </a>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});
