import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApplyToJoinDocument, type PrecedentMunicipalityFragment } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem, problemMessage } from '../../shared/errors';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { ErrorNotice } from '../../shared/status';
import { buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { canonicalMunicipalityCode, municipalityName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { MunicipalityPicker } from '../precedents/municipality-picker';

type Field = 'municipalityCode' | 'applicantName' | 'department' | 'email' | 'message';
const FIELDS: readonly Field[] = ['municipalityCode', 'applicantName', 'department', 'email', 'message'];
const MAX_LENGTH: Record<Field, number> = {
  municipalityCode: 6,
  applicantName: 100,
  department: 100,
  email: 254,
  message: 2000,
};
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /join: a municipality applies to join the network (参加申込); the 事務局 decides. */
export function JoinPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<Record<Field, string>>({
    municipalityCode: '',
    applicantName: '',
    department: '',
    email: '',
    message: '',
  });
  const [picked, setPicked] = useState<PrecedentMunicipalityFragment | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<{ municipality: string; email: string }>();
  const [apply, { loading }] = useMutation(ApplyToJoinDocument);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const label = (field: Field) => t(`join.${field}`);
  usePageTitle(done ? t('join.doneTitle') : t('join.title'));

  useEffect(() => {
    if (done) {
      doneRef.current?.focus();
      window.scrollTo(0, 0);
    }
  }, [done]);

  const set = (field: Field, value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: Partial<Record<Field, string>> = {};
    const code = canonicalMunicipalityCode(values.municipalityCode);
    if (!values.municipalityCode.trim()) found.municipalityCode = t('join.codeRequired');
    else if (!code) found.municipalityCode = t('join.codeInvalid');
    for (const field of ['applicantName', 'department', 'email'] as const) {
      if (!values[field].trim()) found[field] = t('join.required', { field: label(field) });
    }
    if (!found.email && !EMAIL_PATTERN.test(values.email.trim())) found.email = t('login.emailInvalid');
    for (const field of FIELDS) {
      if (!found[field] && [...values[field].trim()].length > MAX_LENGTH[field])
        found[field] = t('invite.tooLong', { field: label(field), max: MAX_LENGTH[field] });
    }
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length || !code) return;
    try {
      await apply({
        variables: {
          input: {
            municipalityCode: code,
            applicantName: values.applicantName.trim(),
            department: values.department.trim(),
            email: values.email.trim(),
            message: values.message.trim() || undefined,
          },
        },
      });
      setDone({
        municipality: picked?.code === code ? municipalityName(picked, language) : code,
        email: values.email.trim(),
      });
    } catch (caught) {
      const problem = apiProblem(caught);
      const field = problem.field?.split('.').pop() as Field | undefined;
      if (
        field === 'municipalityCode' &&
        (problem.code === 'CONFLICT' || problem.reason === 'ALREADY_MEMBER')
      )
        found.municipalityCode = t('join.alreadyMember');
      else if (
        field === 'municipalityCode' &&
        (problem.code === 'NOT_FOUND' || problem.reason === 'NOT_IN_REGISTER')
      )
        found.municipalityCode = t('join.codeUnknown');
      else if (field === 'email' && problem.reason && /DOMAIN/.test(problem.reason))
        found.email = t('join.emailDomain');
      else if (field && (FIELDS as readonly string[]).includes(field))
        found[field] = `${label(field)}：${problemMessage(problem, t)}`;
      if (Object.keys(found).length) {
        setErrors(found);
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  if (done) {
    return (
      <div className="mx-auto max-w-2xl">
        <h1 ref={doneRef} tabIndex={-1} className={pageTitle}>
          {t('join.doneTitle')}
        </h1>
        <div className="mt-6 rounded-12 border-2 border-success-2 bg-green-50 p-4 md:p-6">
          <p className="text-std-17B-170 text-green-1000">
            {t('join.doneLead', { municipality: done.municipality })}
          </p>
          <p className="mt-2 text-std-16N-170">{t('join.doneNext', { email: done.email })}</p>
        </div>
        <h2 className={`${sectionTitle} mt-8`}>{t('join.doneStepsHeading')}</h2>
        <ol className="mt-2 list-decimal pl-6 text-std-16N-170">
          <li>{t('join.doneStep1')}</li>
          <li>{t('join.doneStep2')}</li>
          <li>{t('join.doneStep3')}</li>
        </ol>
        <p className="mt-6 text-std-16N-170">
          <Link to="/" className="link-text">
            {t('join.backHome')}
          </Link>
        </p>
      </div>
    );
  }

  const summary: FieldError[] = FIELDS.filter((field) => errors[field]).map((field) => ({
    fieldId: `join-${field}`,
    message: errors[field] ?? '',
  }));

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className={pageTitle}>{t('join.title')}</h1>
      <p className="mt-4 text-std-16N-170">{t('join.lead')}</p>
      <p className="mt-2 text-std-16N-170">{t('join.leadWho')}</p>
      <div className="mt-8">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id="join-municipalityCode"
            label={label('municipalityCode')}
            hint={t('join.codeHint')}
            error={errors.municipalityCode}
            required
            inputMode="numeric"
            autoComplete="off"
            className="max-w-48"
            value={values.municipalityCode}
            onChange={(event) => set('municipalityCode', event.target.value)}
          />
          <div className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4">
            <MunicipalityPicker
              selectId="join-picker"
              legend={t('join.findLegend')}
              hint={t('join.findHint')}
              selected={picked}
              onSelect={(municipality) => {
                setPicked(municipality);
                if (municipality) set('municipalityCode', municipality.code);
              }}
            />
          </div>
          <TextField
            id="join-applicantName"
            label={label('applicantName')}
            error={errors.applicantName}
            required
            autoComplete="name"
            value={values.applicantName}
            onChange={(event) => set('applicantName', event.target.value)}
          />
          <TextField
            id="join-department"
            label={label('department')}
            hint={t('join.departmentHint')}
            error={errors.department}
            required
            autoComplete="off"
            value={values.department}
            onChange={(event) => set('department', event.target.value)}
          />
          <TextField
            id="join-email"
            label={label('email')}
            hint={t('join.emailHint')}
            error={errors.email}
            required
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            value={values.email}
            onChange={(event) => set('email', event.target.value)}
          />
          <TextAreaField
            id="join-message"
            label={label('message')}
            hint={t('join.messageHint')}
            error={errors.message}
            rows={5}
            value={values.message}
            onChange={(event) => set('message', event.target.value)}
          />
          <div>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('join.submitting') : t('join.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
