import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { AcceptInvitationDocument, InvitationByTokenDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { roleLabel } from '../../shared/domain-labels';
import { apiProblem, problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { formatDateTimeAsDate } from '../../shared/format';
import { TextField } from '../../shared/form-fields';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { municipalityName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { NewPasswordFields } from './password-fields';
import {
  checkPassword,
  isTokenError,
  passwordProblem,
  passwordReasonMessage,
  type TokenErrorCode,
} from './password-rules';
import { TokenProblem } from './token-problem';

type Field = 'name' | 'title' | 'department' | 'password' | 'confirmation';
const FIELDS: readonly Field[] = ['name', 'title', 'department', 'password', 'confirmation'];
const MAX_LENGTH = 100;

/**
 * /invite/:token: the person invited (or the first administrator, whose set-password link comes here
 * too) says who they are and chooses a password; accepting logs them in.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { token = '' } = useParams();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(InvitationByTokenDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [accept, { loading: accepting }] = useMutation(AcceptInvitationDocument);
  const preview = data?.invitationByToken;
  const setPassword = preview?.purpose === 'SET_PASSWORD';
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<unknown>();
  const [tokenError, setTokenError] = useState<TokenErrorCode>();
  const [accepted, setAccepted] = useState(false);
  const loadProblem = error ? apiProblem(error).code : undefined;
  const shownTokenError = tokenError ?? (loadProblem && isTokenError(loadProblem) ? loadProblem : undefined);
  const title = setPassword ? t('invite.setPasswordTitle') : t('invite.heading');
  usePageTitle(title);

  // The name the inviter typed is a suggestion: the form starts with it once the invitation has loaded.
  const form: Record<Field, string> = values ?? {
    name: preview?.name ?? '',
    title: '',
    department: '',
    password: '',
    confirmation: '',
  };
  const set = (field: Field, value: string) => setValues({ ...form, [field]: value });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview) return;
    setFormError(undefined);
    const found: Partial<Record<Field, string>> = {};
    if (!form.name.trim()) found.name = t('invite.nameRequired');
    for (const field of ['name', 'title', 'department'] as const) {
      if ([...form[field].trim()].length > MAX_LENGTH)
        found[field] = t('invite.tooLong', { field: t(`invite.${field}`), max: MAX_LENGTH });
    }
    const reason = form.password ? checkPassword(form.password, preview.email) : null;
    if (!form.password) found.password = t('password.required');
    else if (reason) found.password = passwordReasonMessage(reason, t);
    if (!found.password && form.confirmation !== form.password) found.confirmation = t('password.mismatch');
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await accept({
        variables: {
          input: {
            token,
            password: form.password,
            name: form.name.trim(),
            title: form.title.trim() || undefined,
            department: form.department.trim() || undefined,
          },
        },
      });
      // The session cookie is set: everything on screen is read again as the new user (the invitation
      // itself now answers TOKEN_USED, which is no longer this page's business).
      setAccepted(true);
      await client.resetStore().catch(() => undefined);
      void navigate('/', { replace: true, state: flashState('invitationAccepted') });
    } catch (caught) {
      const problem = apiProblem(caught);
      const passwordReason = passwordProblem(problem);
      const field = problem.field?.split('.').pop();
      if (isTokenError(problem.code)) setTokenError(problem.code);
      else if (passwordReason) {
        setErrors({ password: passwordReasonMessage(passwordReason, t) });
        setAttempt((n) => n + 1);
      } else if (
        problem.code === 'BAD_USER_INPUT' &&
        (field === 'name' || field === 'title' || field === 'department')
      ) {
        setErrors({ [field]: `${t(`invite.${field}`)}：${problemMessage(problem, t)}` });
        setAttempt((n) => n + 1);
      } else setFormError(caught);
    }
  }

  const summary: FieldError[] = FIELDS.filter((field) => errors[field]).map((field) => ({
    fieldId: `invite-${field}`,
    message: errors[field] ?? '',
  }));

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className={pageTitle}>{title}</h1>
      {accepted ? (
        <Loading />
      ) : shownTokenError ? (
        <TokenProblem code={shownTokenError} kind="invitation" />
      ) : error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : loading || !preview ? (
        <Loading />
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">
            {setPassword ? t('invite.setPasswordLead') : t('invite.lead')}
          </p>
          <dl className="mt-6 grid gap-x-4 gap-y-1 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:grid-cols-[10rem_1fr]">
            <dt className="text-std-16B-170">{t('invite.email')}</dt>
            <dd className="break-all text-std-16N-170">{preview.email}</dd>
            <dt className="text-std-16B-170">{t('invite.role')}</dt>
            <dd className="text-std-16N-170">{roleLabel(preview.role, language)}</dd>
            {preview.municipality && (
              <>
                <dt className="text-std-16B-170">{t('invite.municipality')}</dt>
                <dd className="text-std-16N-170">{municipalityName(preview.municipality, language)}</dd>
              </>
            )}
            {preview.inviterName && (
              <>
                <dt className="text-std-16B-170">{t('invite.invitedBy')}</dt>
                <dd className="text-std-16N-170" lang="ja">
                  {preview.inviterName}
                </dd>
              </>
            )}
            <dt className="text-std-16B-170">{t('invite.expires')}</dt>
            <dd className="text-std-16N-170">{formatDateTimeAsDate(preview.expiresAt, language)}</dd>
          </dl>

          <div className="mt-8">
            <ErrorSummary errors={summary} attempt={attempt} />
            {formError !== undefined && <ErrorNotice error={formError} />}
            <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
              <TextField
                id="invite-name"
                label={t('invite.name')}
                hint={t('invite.nameHint')}
                error={errors.name}
                required
                autoComplete="name"
                value={form.name}
                onChange={(event) => set('name', event.target.value)}
              />
              <TextField
                id="invite-title"
                label={t('invite.title')}
                hint={t('invite.titleHint')}
                error={errors.title}
                autoComplete="organization-title"
                value={form.title}
                onChange={(event) => set('title', event.target.value)}
              />
              <TextField
                id="invite-department"
                label={t('invite.department')}
                hint={t('invite.departmentHint')}
                error={errors.department}
                autoComplete="off"
                value={form.department}
                onChange={(event) => set('department', event.target.value)}
              />
              {/* A hidden username field lets password managers save the new password with the address. */}
              <input type="hidden" name="username" autoComplete="username" value={preview.email} />
              <NewPasswordFields
                idPrefix="invite"
                email={preview.email}
                password={form.password}
                confirmation={form.confirmation}
                onPassword={(value) => set('password', value)}
                onConfirmation={(value) => set('confirmation', value)}
                passwordError={errors.password}
                confirmationError={errors.confirmation}
              />
              <div>
                <button
                  type="submit"
                  className={buttonSolid}
                  disabled={accepting}
                  aria-busy={accepting || undefined}
                >
                  {accepting
                    ? t('invite.submitting')
                    : setPassword
                      ? t('invite.submitSetPassword')
                      : t('invite.submit')}
                </button>
              </div>
            </form>
          </div>
        </>
      )}
    </div>
  );
}
