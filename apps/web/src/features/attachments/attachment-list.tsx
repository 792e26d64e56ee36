import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_KIND_LABELS,
  SESSION_ATTACHMENT_PURPOSE_LABELS,
  formatFileSize,
  type AttachmentKind,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';
import {
  CaseAttachmentsDocument,
  SessionAttachmentsDocument,
  type AttachmentFieldsFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { sectionTitle } from '../../shared/ui-classes';

export function kindLabel(kind: string, lang: 'ja' | 'en'): string {
  return ATTACHMENT_KIND_LABELS[kind as AttachmentKind]?.[lang] ?? kind;
}

export function purposeLabel(purpose: string, lang: 'ja' | 'en'): string {
  return SESSION_ATTACHMENT_PURPOSE_LABELS[purpose as SessionAttachmentPurpose]?.[lang] ?? purpose;
}

/** One file as a download link with its type and size (「PDF・1.2 MB」), caption and marks. */
export function AttachmentItem({ file }: { file: AttachmentFieldsFragment }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <a
        href={file.downloadUrl}
        download={file.name}
        className="link-text text-std-17B-170 break-all"
        lang="ja"
      >
        {file.name}
      </a>
      <span className="ml-2 text-std-16N-170 text-solid-gray-700">
        （
        {t('attachments.typeAndSize', {
          kind: kindLabel(file.kind, lang),
          size: formatFileSize(file.sizeBytes, lang),
        })}
        ）
      </span>
      {file.membersOnly && (
        <span className="ml-2 rounded-4 bg-solid-gray-100 px-2 py-0.5 text-std-16N-170 text-solid-gray-800">
          {t('attachments.membersOnlyBadge')}
        </span>
      )}
      {file.caption && (
        <span lang="ja" className="mt-1 block text-std-16N-170 text-solid-gray-800">
          {file.caption}
        </span>
      )}
    </>
  );
}

/**
 * 添付ファイル on the case page and the session page: every file the reader may see (members-only ones
 * for members), nothing when there is none. Sessions group them by purpose.
 */
export function AttachmentList({
  ownerType,
  id,
}: {
  ownerType: 'CASE_STUDY' | 'EXCHANGE_SESSION';
  id: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const caseQuery = useQuery(CaseAttachmentsDocument, {
    variables: { id },
    skip: ownerType !== 'CASE_STUDY',
  });
  const sessionQuery = useQuery(SessionAttachmentsDocument, {
    variables: { id },
    skip: ownerType !== 'EXCHANGE_SESSION',
  });
  const files =
    (ownerType === 'CASE_STUDY'
      ? caseQuery.data?.caseStudy?.attachments
      : sessionQuery.data?.exchangeSession?.attachments) ?? [];
  if (files.length === 0) return null;
  const headingId = `attachments-${id}`;
  const groups =
    ownerType === 'EXCHANGE_SESSION'
      ? [...new Set(files.map((f) => f.purpose ?? ''))].map((purpose) => ({
          purpose,
          files: files.filter((f) => (f.purpose ?? '') === purpose),
        }))
      : [{ purpose: '', files }];
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className={sectionTitle}>
        {ownerType === 'CASE_STUDY' ? t('attachments.caseHeading') : t('attachments.sessionHeading')}
      </h2>
      {groups.map((g) => (
        <div key={g.purpose}>
          {g.purpose && <h3 className="mt-4 text-std-20B-150">{purposeLabel(g.purpose, lang)}</h3>}
          <ul className="mt-3 flex flex-col gap-3">
            {g.files.map((f) => (
              <li key={f.id}>
                <AttachmentItem file={f} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
