import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordDocument } from '../../graphql/generated/graphql';
import { apiProblem } from '../../shared/errors';
import { TextField } from '../../shared/form-fields';
import { ErrorNotice, SuccessNotice } from '../../shared/status';
import { buttonSolid, sectionTitle } from '../../shared/ui-classes';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { NewPasswordFields } from './password-fields';
import { checkPassword, passwordProblem, passwordReasonMessage } from './password-rules';

type Field = 'current' | 'password' | 'confirmation';
const FIELDS: readonly Field[] = ['current', 'password', 'confirmation'];

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    current: '',
    password: '',
    confirmation: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = t('account.currentRequired');
    const reason = values.password ? checkPassword(values.password, email) : null;
    if (!values.password) found.password = t('password.required');
    else if (reason) found.password = passwordReasonMessage(reason, t);
    if (!found.password && values.confirmation !== values.password)
      found.confirmation = t('password.mismatch');
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await change({
        variables: { input: { currentPassword: values.current, newPassword: values.password } },
      });
      setValues({ current: '', password: '', confirmation: '' });
      setErrors({});
      setSaved(t('account.passwordChanged'));
    } catch (caught) {
      const problem = apiProblem(caught);
      const passwordReason = passwordProblem(problem);
      const field = problem.field?.split('.').pop();
      if (passwordReason) {
        setErrors({ password: passwordReasonMessage(passwordReason, t) });
        setAttempt((n) => n + 1);
      } else if (
        field === 'currentPassword' ||
        problem.code === 'UNAUTHENTICATED' ||
        problem.reason === 'WRONG_PASSWORD'
      ) {
        setValues((previous) => ({ ...previous, current: '' }));
        setErrors({ current: t('account.currentWrong') });
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  const summary: FieldError[] = FIELDS.filter((field) => errors[field]).map((field) => ({
    fieldId: `change-${field}`,
    message: errors[field] ?? '',
  }));

  return (
    <section aria-labelledby="password-heading" className="mt-12">
      <h2 id="password-heading" className={sectionTitle}>
        {t('account.passwordHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170">{t('account.passwordLead')}</p>
      <SuccessNotice message={saved} onClose={() => setSaved(null)} />
      <div className="mt-4">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <TextField
            id="change-current"
            label={t('account.currentPassword')}
            error={errors.current}
            required
            type="password"
            name="current-password"
            autoComplete="current-password"
            value={values.current}
            onChange={(event) => set('current')(event.target.value)}
          />
          <NewPasswordFields
            idPrefix="change"
            email={email}
            password={values.password}
            confirmation={values.confirmation}
            onPassword={set('password')}
            onConfirmation={set('confirmation')}
            passwordError={errors.password}
            confirmationError={errors.confirmation}
          />
          <div>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('account.changingPassword') : t('account.changePassword')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
