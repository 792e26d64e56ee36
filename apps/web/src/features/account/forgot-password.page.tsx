import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RequestPasswordResetDocument } from '../../graphql/generated/graphql';
import { TextField } from '../../shared/form-fields';
import { ErrorNotice } from '../../shared/status';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { ErrorSummary } from '../../shared/error-summary';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/**
 * /forgot-password: whatever the address, the answer is the same sentence (the API does the same work
 * either way), so that nobody can use this page to find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [sentTo, setSentTo] = useState<string>();
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);
  const doneRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('forgotPassword.title'));

  useEffect(() => {
    if (sentTo) doneRef.current?.focus();
  }, [sentTo]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const trimmed = email.trim();
    const found = !trimmed
      ? t('login.emailRequired')
      : !EMAIL_PATTERN.test(trimmed)
        ? t('login.emailInvalid')
        : undefined;
    setError(found);
    setAttempt((n) => n + 1);
    if (found) return;
    try {
      await request({ variables: { email: trimmed } });
      setSentTo(trimmed);
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <div className="mx-auto max-w-xl">
      <h1 className={pageTitle}>{t('forgotPassword.title')}</h1>
      {sentTo ? (
        <section
          aria-labelledby="forgot-done"
          className="mt-6 rounded-12 border-2 border-success-2 bg-green-50 p-4 md:p-6"
        >
          <h2 id="forgot-done" ref={doneRef} tabIndex={-1} className="text-std-20B-150 text-green-1000">
            {t('forgotPassword.doneHeading')}
          </h2>
          <p className="mt-2 text-std-16N-170">{t('forgotPassword.done')}</p>
          <p className="mt-2 text-std-16N-170">{t('forgotPassword.doneHelp')}</p>
          <p className="mt-4 text-std-16N-170">
            <Link to="/login" className="link-text">
              {t('forgotPassword.backToLogin')}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">{t('forgotPassword.lead')}</p>
          <div className="mt-8">
            <ErrorSummary
              errors={error ? [{ fieldId: 'forgot-email', message: error }] : []}
              attempt={attempt}
            />
            {failure !== undefined && <ErrorNotice error={failure} />}
            <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
              <TextField
                id="forgot-email"
                label={t('login.email')}
                hint={t('forgotPassword.emailHint')}
                error={error}
                required
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <div>
                <button
                  type="submit"
                  className={buttonSolid}
                  disabled={loading}
                  aria-busy={loading || undefined}
                >
                  {loading ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
                </button>
              </div>
            </form>
            <p className="mt-6 text-std-16N-170">
              <Link to="/login" className="link-text">
                {t('forgotPassword.backToLogin')}
              </Link>
            </p>
          </div>
        </>
      )}
    </div>
  );
}
