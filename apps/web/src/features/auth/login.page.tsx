import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginDocument } from '../../graphql/generated/graphql';
import { apiProblem, problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { TextField } from '../../shared/form-fields';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { safeNextPath } from './redirect';
import { FormErrorSummary } from '../../shared/error-summary';
import { useCurrentUser } from './use-current-user';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

// Deliberately loose: the server decides; this only catches obvious slips before a round trip.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export function LoginPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { user } = useCurrentUser();
  const [login, { loading }] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('login.title'));

  const hasErrors = Boolean(formError) || Object.keys(fieldErrors).length > 0;
  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors, formError, fieldErrors]);

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('login.emailRequired');
    else if (!EMAIL_PATTERN.test(email.trim())) errors.email = t('login.emailInvalid');
    if (!password) errors.password = t('login.passwordRequired');
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await login({ variables: { email: email.trim(), password } });
      // The session cookie is set: refetch everything on screen as the signed-in user.
      await client.resetStore();
      void navigate(next, { replace: true, state: flashState('loggedIn') });
    } catch (caught) {
      const problem = apiProblem(caught);
      setPassword('');
      if (problem.code === 'UNAUTHENTICATED') {
        setFormError(t('login.invalidCredentials'));
      } else if (problem.code === 'BAD_USER_INPUT' && problem.field === 'email') {
        setFieldErrors({ email: t('login.emailInvalid') });
      } else if (problem.code === 'BAD_USER_INPUT' && problem.field === 'password') {
        setFormError(t('login.invalidCredentials'));
      } else {
        setFormError(problemMessage(problem, t));
      }
    }
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className={pageTitle}>{t('login.title')}</h1>
      <p className="mt-4 text-std-16N-170">{t('login.lead')}</p>

      {user && (
        <p className="mt-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
          {t('login.alreadySignedIn', { name: user.name })}{' '}
          <Link to={next} className="link-text">
            {t('login.continue')}
          </Link>
        </p>
      )}

      {hasErrors && (
        <FormErrorSummary
          ref={summaryRef}
          heading={t('login.errorSummary')}
          headingLevel="h2"
          formError={formError}
          fields={(Object.entries(fieldErrors) as [Field, string][]).map(([field, message]) => ({
            fieldId: `login-${field}`,
            message,
          }))}
        />
      )}

      <form className="mt-8 flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="login-email"
          label={t('login.email')}
          hint={t('login.emailHint')}
          error={fieldErrors.email}
          required
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="flex flex-col gap-2">
          <TextField
            id="login-password"
            label={t('login.password')}
            error={fieldErrors.password}
            required
            type={showPassword ? 'text' : 'password'}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <label className="inline-flex items-center gap-2 text-std-16N-170">
            <input
              type="checkbox"
              className="size-5 accent-blue-900"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            {t('login.showPassword')}
          </label>
        </div>
        <p className="text-std-16N-170">
          <Link to="/forgot-password" className="link-text inline-flex min-h-11 items-center md:min-h-0">
            {t('login.forgotPassword')}
          </Link>
        </p>
        <div>
          <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
            {loading ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
