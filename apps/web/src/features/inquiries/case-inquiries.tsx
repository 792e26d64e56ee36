import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import {
  AnswerInquiryDocument,
  AskInquiryDocument,
  CaseInquiriesDocument,
  SetInquiryPublicDocument,
  type InquiryFieldsFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { formatDateTimeAsDate } from '../../shared/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonSmallOutline, buttonSolid, sectionTitle, subTitle } from '../../shared/ui-classes';
import { loginPath } from '../auth/redirect';
import type { CurrentUser } from '../auth/use-current-user';
import { badge, formatDateTime, inquiryStatusLabel } from '../adoption/adoption-labels';
import { municipalityName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';

const MAX_SUBJECT = 200;
const MAX_BODY = 4000;

function ReplyForm({
  inquiry,
  asPublisher,
  onSent,
}: {
  inquiry: InquiryFieldsFragment;
  asPublisher: boolean;
  onSent: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const fieldId = `inquiry-reply-${inquiry.id}`;
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const [answer, { loading, error }] = useMutation(AnswerInquiryDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const text = body.trim();
    const found = text
      ? text.length > MAX_BODY
        ? [{ fieldId, message: t('inquiry.bodyTooLong') }]
        : []
      : [{ fieldId, message: asPublisher ? t('inquiry.answerRequired') : t('inquiry.bodyRequired') }];
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    try {
      await answer({ variables: { inquiryId: inquiry.id, input: { body: text } } });
      await onSent();
      setBody('');
      setSent(true);
    } catch {
      // shown by ErrorNotice
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-4 flex flex-col gap-4">
      <ErrorSummary errors={errors} attempt={attempt} />
      <SuccessNotice
        message={sent ? (asPublisher ? t('inquiry.answered') : t('inquiry.followedUp')) : null}
      />
      {error && <ErrorNotice error={error} />}
      <TextAreaField
        id={fieldId}
        label={asPublisher ? t('inquiry.answerLabel') : t('inquiry.followUpLabel')}
        hint={asPublisher ? t('inquiry.answerHint') : undefined}
        required
        lang="ja"
        className="min-h-28"
        maxLength={MAX_BODY}
        value={body}
        error={errors[0]?.message}
        onChange={(event) => setBody(event.target.value)}
      />
      <div>
        <button type="submit" className={buttonSolid} disabled={loading}>
          {asPublisher ? t('inquiry.answerSubmit') : t('inquiry.followUpSubmit')}
        </button>
      </div>
    </form>
  );
}

function FaqToggle({ inquiry }: { inquiry: InquiryFieldsFragment }) {
  const { t } = useTranslation();
  const [setPublic, { loading, error }] = useMutation(SetInquiryPublicDocument);
  const hintId = `inquiry-faq-hint-${inquiry.id}`;
  const canPublish = inquiry.status === 'ANSWERED' || inquiry.isPublic;
  return (
    <div className="mt-4 flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={buttonSmallOutline}
          aria-pressed={inquiry.isPublic}
          aria-describedby={hintId}
          disabled={loading || !canPublish}
          onClick={() =>
            void setPublic({ variables: { inquiryId: inquiry.id, isPublic: !inquiry.isPublic } }).catch(
              () => {},
            )
          }
        >
          {t('inquiry.faqToggle')}
        </button>
        <span role="status" className="text-std-16N-170">
          {inquiry.isPublic ? t('inquiry.faqOn') : t('inquiry.faqOff')}
        </span>
      </div>
      <span id={hintId} className="text-std-16N-170 text-solid-gray-600">
        {canPublish ? t('inquiry.faqHint') : t('inquiry.faqNeedsAnswer')}
      </span>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

function Thread({
  inquiry,
  ownCode,
  language,
  onChanged,
  headingLevel,
}: {
  inquiry: InquiryFieldsFragment;
  ownCode: string | undefined;
  language: Language;
  onChanged: () => Promise<unknown>;
  headingLevel: 3 | 4;
}) {
  const { t } = useTranslation();
  const headingId = `inquiry-${inquiry.id}-title`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const asPublisher = ownCode === inquiry.publisherMunicipality.code;
  const asAsker = ownCode === inquiry.askerMunicipality.code;
  return (
    <li>
      <article
        id={`inquiry-${inquiry.id}`}
        tabIndex={-1}
        aria-labelledby={headingId}
        className="rounded-12 border border-solid-gray-420 bg-white p-4 md:p-6"
      >
        <div className="flex flex-wrap items-center gap-2">
          <span
            className={`${badge} ${inquiry.status === 'ANSWERED' ? 'border-green-800 bg-green-50 text-green-1000' : 'border-orange-800 bg-orange-50 text-orange-1100'}`}
          >
            {inquiryStatusLabel(inquiry.status, language)}
          </span>
          {inquiry.isPublic && (
            <span className={`${badge} border-purple-800 bg-purple-50 text-purple-1000`}>
              {t('inquiry.faqBadge')}
            </span>
          )}
        </div>
        <Heading id={headingId} className={`mt-2 ${subTitle}`} lang="ja">
          {inquiry.subject}
        </Heading>
        <p className="mt-1 text-std-16N-170 text-solid-gray-700">
          {t('inquiry.between', {
            asker: municipalityName(inquiry.askerMunicipality, language),
            publisher: municipalityName(inquiry.publisherMunicipality, language),
            date: formatDateTimeAsDate(inquiry.createdAt, language),
          })}
        </p>
        <ol className="mt-4 flex flex-col gap-3" aria-label={t('inquiry.messagesLabel')}>
          {inquiry.messages.map((message) => {
            const fromPublisher = message.municipality.code === inquiry.publisherMunicipality.code;
            return (
              <li
                key={message.id}
                className={`rounded-8 border-l-4 p-3 ${fromPublisher ? 'border-green-800 bg-green-50' : 'border-blue-900 bg-blue-50'}`}
              >
                <p className="text-std-16B-170 text-solid-gray-900">
                  {fromPublisher ? t('inquiry.fromPublisher') : t('inquiry.fromAsker')}
                  {municipalityName(message.municipality, language)}
                  {message.author && (
                    <span lang="ja" className="ml-3 inline-block whitespace-nowrap font-normal">
                      {message.author.name}
                    </span>
                  )}
                  <span className="ml-2 inline-block whitespace-nowrap font-normal text-solid-gray-700">
                    <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, language)}</time>
                  </span>
                </p>
                <p lang="ja" className="mt-1 whitespace-pre-line text-std-16N-170">
                  {message.body}
                </p>
              </li>
            );
          })}
        </ol>
        {(asPublisher || asAsker) && (
          <ReplyForm inquiry={inquiry} asPublisher={asPublisher} onSent={onChanged} />
        )}
        {asPublisher && <FaqToggle inquiry={inquiry} />}
      </article>
    </li>
  );
}

/** A titled list of question threads (the case's own questions, or its FAQ), or a sentence when it is empty. */
function ThreadList({
  id,
  className,
  heading,
  empty,
  inquiries,
  ownCode,
  language,
  onChanged,
}: {
  id: string;
  className: string;
  heading: string;
  empty: string;
  inquiries: InquiryFieldsFragment[];
  ownCode: string | undefined;
  language: Language;
  onChanged: () => Promise<unknown>;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h3 id={id} className={subTitle}>
        {heading}
      </h3>
      {inquiries.length === 0 ? (
        <p className="mt-2 text-std-16N-170">{empty}</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-4">
          {inquiries.map((inquiry) => (
            <Thread
              key={inquiry.id}
              inquiry={inquiry}
              ownCode={ownCode}
              language={language}
              onChanged={onChanged}
              headingLevel={4}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function AskForm({ caseStudyId, onAsked }: { caseStudyId: string; onAsked: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const [ask, { loading, error }] = useMutation(AskInquiryDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const found: FieldError[] = [];
    if (!subject.trim()) found.push({ fieldId: 'inquiry-subject', message: t('inquiry.subjectRequired') });
    else if (subject.trim().length > MAX_SUBJECT)
      found.push({ fieldId: 'inquiry-subject', message: t('inquiry.subjectTooLong') });
    if (!body.trim()) found.push({ fieldId: 'inquiry-body', message: t('inquiry.bodyRequired') });
    else if (body.trim().length > MAX_BODY)
      found.push({ fieldId: 'inquiry-body', message: t('inquiry.bodyTooLong') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    try {
      await ask({ variables: { caseStudyId, input: { subject: subject.trim(), body: body.trim() } } });
      await onAsked();
      setSubject('');
      setBody('');
      setSent(true);
    } catch {
      // shown by ErrorNotice
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-6"
    >
      <h3 id={headingId} className={subTitle}>
        {t('inquiry.askHeading')}
      </h3>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('inquiry.askLead')}</p>
      <SuccessNotice message={sent ? t('inquiry.asked') : null} onClose={() => setSent(false)} />
      {error && <ErrorNotice error={error} />}
      <form noValidate onSubmit={(event) => void submit(event)} className="mt-4 flex flex-col gap-6">
        <ErrorSummary errors={errors} attempt={attempt} />
        <TextField
          id="inquiry-subject"
          label={t('inquiry.subjectLabel')}
          hint={t('inquiry.subjectHint')}
          required
          lang="ja"
          maxLength={MAX_SUBJECT}
          value={subject}
          error={errorFor('inquiry-subject')}
          onChange={(event) => setSubject(event.target.value)}
        />
        <TextAreaField
          id="inquiry-body"
          label={t('inquiry.bodyLabel')}
          hint={t('inquiry.bodyHint')}
          required
          lang="ja"
          maxLength={MAX_BODY}
          value={body}
          error={errorFor('inquiry-body')}
          onChange={(event) => setBody(event.target.value)}
        />
        <div>
          <button type="submit" className={buttonSolid} disabled={loading}>
            {t('inquiry.askSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function CaseInquiries({
  caseStudyId,
  publisherCode,
  published,
  user,
  member,
}: {
  caseStudyId: string;
  publisherCode: string;
  published: boolean;
  user: CurrentUser | null;
  /** The officer's municipality is a member of the network (only members ask). */
  member: boolean | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(CaseInquiriesDocument, {
    variables: { id: caseStudyId },
    skip: !user,
  });
  const ownCode = user?.role === 'OFFICER' ? user.municipality?.code : undefined;
  const isPublisher = ownCode === publisherCode;
  const threads = data?.caseStudy?.inquiries ?? [];
  // The mails link to /cases/:id#inquiry-:id; the thread arrives after the page, so go to it then.
  const jumped = useRef(false);
  useEffect(() => {
    if (jumped.current || !data || !location.hash.startsWith('#inquiry-')) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    jumped.current = true;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [data, location.hash]);
  const own = threads.filter(
    (i) => isPublisher || i.askerMunicipality.code === ownCode || (!ownCode && !i.isPublic),
  );
  const faqs = threads.filter((i) => i.isPublic && !own.includes(i));
  const canAsk = Boolean(ownCode && !isPublisher && published && member === true);

  return (
    <section
      aria-labelledby="case-inquiries"
      id="inquiries"
      className="mt-12 border-t border-solid-gray-420 pt-8"
    >
      <h2 id="case-inquiries" className={sectionTitle}>
        {t('inquiry.heading')}
      </h2>
      <p className="mt-2 max-w-3xl text-std-16N-170 text-solid-gray-700">
        {isPublisher ? t('inquiry.leadPublisher') : t('inquiry.lead')}
      </p>
      {!user ? (
        <p className="mt-4 text-std-16N-170">
          {t('inquiry.loginHint')}{' '}
          <Link className="link-text" to={loginPath(location.pathname)}>
            {t('nav.login')}
          </Link>
        </p>
      ) : error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        <>
          <ThreadList
            id="inquiry-own"
            className="mt-6"
            heading={
              isPublisher
                ? t('inquiry.receivedHeading')
                : ownCode
                  ? t('inquiry.ownHeading')
                  : t('inquiry.allHeading')
            }
            empty={isPublisher ? t('inquiry.noneReceived') : t('inquiry.noneOwn')}
            inquiries={own}
            ownCode={ownCode}
            language={language}
            onChanged={() => refetch()}
          />
          {canAsk && <AskForm caseStudyId={caseStudyId} onAsked={() => refetch()} />}
          <ThreadList
            id="inquiry-faq"
            className="mt-8"
            heading={t('inquiry.faqHeading')}
            empty={t('inquiry.noFaq')}
            inquiries={faqs}
            ownCode={ownCode}
            language={language}
            onChanged={() => refetch()}
          />
        </>
      )}
    </section>
  );
}
