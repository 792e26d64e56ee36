import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_CAPTION_MAX_CHARS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_OWNER,
  SESSION_ATTACHMENT_PURPOSES,
  formatFileSize,
  type AttachmentOwnerType,
  type SessionAttachmentPurpose,
} from '@yokoten/case-studies';
import {
  CaseAttachmentsDocument,
  DeleteAttachmentDocument,
  SessionAttachmentsDocument,
  UpdateAttachmentDocument,
  type AttachmentFieldsFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { apiProblem, problemMessage } from '../../shared/errors';
import {
  buttonOutline,
  buttonSmallOutline,
  fieldHint,
  fieldLabel,
  selectInput,
  subTitle,
  textInput,
} from '../../shared/ui-classes';
import { AttachmentItem, purposeLabel } from './attachment-list';
import { uploadAttachment, type UploadError } from './upload';

interface Pending {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

const MB = ATTACHMENT_MAX_BYTES / (1024 * 1024);

/**
 * The attachments section of the case editor and the session console: pick files (several at once),
 * upload them with a progress bar each, then caption, mark members-only or delete them. Uploads go to
 * POST /attachments (upload.ts); the list and edits are GraphQL.
 */
export function AttachmentsSection({
  ownerType,
  ownerId,
}: {
  ownerType: AttachmentOwnerType;
  ownerId: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const purposeId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const isSession = ownerType === 'EXCHANGE_SESSION';
  const caseQuery = useQuery(CaseAttachmentsDocument, {
    variables: { id: ownerId },
    skip: isSession,
    fetchPolicy: 'cache-and-network',
  });
  const sessionQuery = useQuery(SessionAttachmentsDocument, {
    variables: { id: ownerId },
    skip: !isSession,
    fetchPolicy: 'cache-and-network',
  });
  const files: AttachmentFieldsFragment[] =
    (isSession ? sessionQuery.data?.exchangeSession?.attachments : caseQuery.data?.caseStudy?.attachments) ??
    [];
  const refetch = () => (isSession ? sessionQuery.refetch() : caseQuery.refetch());
  // While a file's text is being extracted (seconds), look again now and then, so 「準備中」 goes away.
  const anyPending = files.some((f) => f.textStatus === 'PENDING');
  const { startPolling, stopPolling } = isSession ? sessionQuery : caseQuery;
  useEffect(() => {
    if (!anyPending) return undefined;
    startPolling(3_000);
    return () => stopPolling();
  }, [anyPending, startPolling, stopPolling]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [membersOnly, setMembersOnly] = useState(false);
  const [purpose, setPurpose] = useState<SessionAttachmentPurpose>('AGENDA');
  const [status, setStatus] = useState('');

  const uploadMessage = (e: UploadError): string => {
    switch (e.code) {
      case 'ATTACHMENT_TOO_LARGE':
        return t('attachments.errors.tooLarge', { mb: MB });
      case 'ATTACHMENT_TYPE_NOT_ALLOWED':
        return t('attachments.errors.type');
      case 'ATTACHMENT_QUOTA_EXCEEDED':
        return t('attachments.errors.quota', { count: ATTACHMENTS_PER_OWNER });
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
        return t('attachments.errors.forbidden');
      case 'TOO_MANY_REQUESTS':
        return t('attachments.errors.tooMany');
      case 'NETWORK_ERROR':
        return t('attachments.errors.network');
      default:
        return e.message ?? t('attachments.errors.other');
    }
  };

  const onPick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const picked = [...list];
    if (fileInput.current) fileInput.current.value = '';
    let room = ATTACHMENTS_PER_OWNER - files.length;
    const queue = picked.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setPending((p) => [...p, ...queue.map(({ file, key }) => ({ key, name: file.name, progress: 0 }))]);
    let done = 0;
    for (const { file, key } of queue) {
      const fail = (message: string) =>
        setPending((p) => p.map((x) => (x.key === key ? { ...x, error: message } : x)));
      // Checked here too, so a 200 MB file is not sent only to be refused.
      if (file.size > ATTACHMENT_MAX_BYTES) {
        fail(t('attachments.errors.tooLarge', { mb: MB }));
        continue;
      }
      if (room <= 0) {
        fail(t('attachments.errors.quota', { count: ATTACHMENTS_PER_OWNER }));
        continue;
      }
      try {
        await uploadAttachment({
          ownerType,
          ownerId,
          file,
          membersOnly,
          purpose: isSession ? purpose : null,
          onProgress: (fraction) =>
            setPending((p) => p.map((x) => (x.key === key ? { ...x, progress: fraction } : x))),
        });
        room--;
        done++;
        setPending((p) => p.filter((x) => x.key !== key));
      } catch (e) {
        fail(uploadMessage(e as UploadError));
      }
    }
    if (done > 0) {
      setStatus(t('attachments.uploaded', { count: done }));
      await refetch();
    }
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 border-t border-solid-gray-420 pt-8">
      <h2 id={headingId} className={subTitle}>
        {t('attachments.editorHeading')}
      </h2>
      <p id={hintId} className={fieldHint}>
        {t('attachments.hint', { mb: MB, count: ATTACHMENTS_PER_OWNER })}
      </p>
      {isSession && (
        <div>
          <label htmlFor={purposeId} className={fieldLabel}>
            {t('attachments.purpose')}
          </label>
          <select
            id={purposeId}
            className={`${selectInput} mt-1 max-w-md`}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as SessionAttachmentPurpose)}
          >
            {SESSION_ATTACHMENT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {purposeLabel(p, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="flex items-center gap-2 text-std-16N-170">
        <input
          type="checkbox"
          className="size-5"
          checked={membersOnly}
          onChange={(e) => setMembersOnly(e.target.checked)}
        />
        {t('attachments.newMembersOnly')}
      </label>
      <div>
        <label htmlFor={inputId} className={fieldLabel}>
          {t('attachments.pick')}
        </label>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby={hintId}
          disabled={files.length >= ATTACHMENTS_PER_OWNER}
          className="mt-1 block text-std-16N-170 file:mr-3 file:rounded-8 file:border file:border-solid-gray-900 file:bg-white file:px-4 file:py-2"
          onChange={(e) => void onPick(e.target.files)}
        />
      </div>
      {pending.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label={t('attachments.uploading')}>
          {pending.map((p) => (
            <li key={p.key} className="flex flex-col gap-1">
              <span lang="ja" className="text-std-16B-170 break-all">
                {p.name}
              </span>
              {p.error ? (
                <span
                  role="alert"
                  className="flex flex-wrap items-center gap-2 text-std-16B-170 text-error-2"
                >
                  {p.error}
                  <button
                    type="button"
                    className={buttonSmallOutline}
                    onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}
                  >
                    {t('attachments.dismiss')}
                  </button>
                </span>
              ) : (
                <progress
                  className="h-3 w-full max-w-md"
                  max={1}
                  value={p.progress}
                  aria-label={t('attachments.progressLabel', { name: p.name })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={status ? 'text-std-16N-170 text-success-2' : 'sr-only'}>
        {status}
      </p>
      {files.length > 0 ? (
        <ul className="flex flex-col gap-4">
          {files.map((f) => (
            <EditableFile key={f.id} file={f} onChanged={() => void refetch()} onStatus={setStatus} />
          ))}
        </ul>
      ) : (
        <p className="text-std-16N-170 text-solid-gray-700">{t('attachments.none')}</p>
      )}
    </section>
  );
}

function EditableFile({
  file,
  onChanged,
  onStatus,
}: {
  file: AttachmentFieldsFragment;
  onChanged: () => void;
  onStatus: (s: string) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const [caption, setCaption] = useState(file.caption);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [update, { loading: saving }] = useMutation(UpdateAttachmentDocument);
  const [remove, { loading: deleting }] = useMutation(DeleteAttachmentDocument);
  const save = async (input: { caption?: string; membersOnly?: boolean }) => {
    setError('');
    try {
      await update({ variables: { id: file.id, input } });
      onStatus(t('attachments.saved', { name: file.name }));
    } catch (e) {
      setError(problemMessage(apiProblem(e), t));
    }
  };
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-3">
      <div>
        <AttachmentItem file={file} />
        {file.textStatus === 'PENDING' && (
          <span className="ml-2 text-std-16N-170 text-solid-gray-700">{t('attachments.textPending')}</span>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={captionId} className="block text-std-16B-170">
            {t('attachments.caption')}
          </label>
          <input
            id={captionId}
            className={`${textInput} mt-1`}
            value={caption}
            maxLength={ATTACHMENT_CAPTION_MAX_CHARS}
            onChange={(e) => setCaption(e.target.value)}
            onKeyDown={(e) => {
              // Enter saves the caption, never the surrounding case form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void save({ caption });
              }
            }}
          />
        </div>
        <button
          type="button"
          className={buttonOutline}
          disabled={saving || caption === file.caption}
          onClick={() => void save({ caption })}
        >
          {t('attachments.saveCaption')}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-std-16N-170">
          <input
            type="checkbox"
            className="size-5"
            checked={file.membersOnly}
            disabled={saving}
            onChange={(e) => void save({ membersOnly: e.target.checked }).then(onChanged)}
          />
          {t('attachments.membersOnly')}
        </label>
        <button type="button" className={buttonSmallOutline} onClick={() => setConfirming(true)}>
          {t('attachments.delete')}
          <span className="sr-only">{`: ${file.name}`}</span>
        </button>
      </div>
      {error && (
        <p role="alert" className="text-std-16B-170 text-error-2">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('attachments.deleteTitle')}
        body={t('attachments.deleteBody', {
          name: file.name,
          size: formatFileSize(file.sizeBytes, currentLanguage()),
        })}
        confirmLabel={t('attachments.delete')}
        danger
        busy={deleting}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await remove({ variables: { id: file.id } });
            setConfirming(false);
            onStatus(t('attachments.deleted', { name: file.name }));
            onChanged();
          } catch (e) {
            setConfirming(false);
            setError(problemMessage(apiProblem(e), t));
          }
        }}
      />
    </li>
  );
}
