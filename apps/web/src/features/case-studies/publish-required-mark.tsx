import { useTranslation } from 'react-i18next';

/**
 * The one marker of a part the publish checklist requires, the same on every such field (text, choices,
 * body, outcomes, contact): a labelled badge, not a colour or a ※ alone, so that it reads the same to
 * everyone and is announced as part of the field's name.
 */
export function PublishRequiredMark() {
  const { t } = useTranslation();
  return (
    <span
      data-publish-required
      className="ml-2 inline-block rounded-4 border border-error-2 px-1.5 align-middle text-std-16N-170 leading-6 text-error-2"
    >
      {t('caseEditor.requiredToPublish')}
    </span>
  );
}
