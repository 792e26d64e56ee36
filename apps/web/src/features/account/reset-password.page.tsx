import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ResetPasswordDocument } from '../../graphql/generated/graphql';
import { apiProblem } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { ErrorNotice } from '../../shared/status';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
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

/** /reset-password/:token, from the mail: a new password twice, then log in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [tokenError, setTokenError] = useState<TokenErrorCode>();
  const [reset, { loading }] = useMutation(ResetPasswordDocument);
  usePageTitle(t('resetPassword.title'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: typeof errors = {};
    const reason = password ? checkPassword(password) : null;
    if (!password) found.password = t('password.required');
    else if (reason) found.password = passwordReasonMessage(reason, t);
    if (!found.password && confirmation !== password) found.confirmation = t('password.mismatch');
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await reset({ variables: { input: { token, password } } });
      // Every session of this account has ended, this browser's too if it had one.
      await client.resetStore().catch(() => undefined);
      void navigate('/login', { replace: true, state: flashState('passwordReset') });
    } catch (caught) {
      const problem = apiProblem(caught);
      const passwordReason = passwordProblem(problem);
      if (isTokenError(problem.code)) setTokenError(problem.code);
      else if (passwordReason) {
        setErrors({ password: passwordReasonMessage(passwordReason, t) });
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  const summary: FieldError[] = (['password', 'confirmation'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: `reset-${field}`, message: errors[field] ?? '' }));

  return (
    <div className="mx-auto max-w-xl">
      <h1 className={pageTitle}>{t('resetPassword.title')}</h1>
      {tokenError ? (
        <TokenProblem code={tokenError} kind="reset" />
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">{t('resetPassword.lead')}</p>
          <div className="mt-8">
            <ErrorSummary errors={summary} attempt={attempt} />
            {failure !== undefined && <ErrorNotice error={failure} />}
            <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
              <NewPasswordFields
                idPrefix="reset"
                password={password}
                confirmation={confirmation}
                onPassword={setPassword}
                onConfirmation={setConfirmation}
                passwordError={errors.password}
                confirmationError={errors.confirmation}
              />
              <div>
                <button
                  type="submit"
                  className={buttonSolid}
                  disabled={loading}
                  aria-busy={loading || undefined}
                >
                  {loading ? t('resetPassword.submitting') : t('resetPassword.submit')}
                </button>
              </div>
            </form>
          </div>
        </>
      )}
    </div>
  );
}
