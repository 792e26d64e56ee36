import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SignDeclarationDocument, type SignDeclarationInput } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem, problemMessage } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { flashState } from '../../shared/flash';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { buttonSolid, sectionTitle } from '../../shared/ui-classes';
import { focusPageHeadingSoon } from '../../shared/focus-heading';
import { FormErrorSummary } from '../../shared/error-summary';
import { forgetMembershipLists } from './membership-actions';

type Field = keyof SignDeclarationInput;
// In the order of the form, so that the error summary reads top to bottom like the fields.
const FIELDS: readonly Field[] = ['signerTitle', 'signerName', 'statement'];
// The API's limits (SignDeclarationInput), checked here so that the message can say what is wrong.
const MAX_LENGTH: Record<Field, number> = { signerTitle: 100, signerName: 100, statement: 4000 };

function isField(value: string | undefined): value is Field {
  return value !== undefined && (FIELDS as readonly string[]).includes(value);
}

/** The form an officer uses to sign the joint declaration for their own municipality. */
export function SignDeclarationForm({ municipalityName }: { municipalityName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<SignDeclarationInput>({
    signerName: '',
    signerTitle: '',
    statement: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [sign, { loading }] = useMutation(SignDeclarationDocument, { update: forgetMembershipLists });
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(formError) || Object.keys(errors).length > 0;

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors, errors, formError]);

  const label = (field: Field) => t(`sign.${field}`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const missing: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const length = [...values[field].trim()].length;
      if (!length) missing[field] = t('sign.required', { field: label(field) });
      else if (length > MAX_LENGTH[field])
        missing[field] = t('sign.tooLong', {
          field: label(field),
          max: formatNumber(MAX_LENGTH[field], currentLanguage()),
          length: formatNumber(length, currentLanguage()),
        });
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      await sign({
        variables: {
          input: {
            signerName: values.signerName.trim(),
            signerTitle: values.signerTitle.trim(),
            statement: values.statement.trim(),
          },
        },
      });
      void navigate('.', { replace: true, state: flashState('signed') });
      focusPageHeadingSoon();
    } catch (caught) {
      const problem = apiProblem(caught);
      const message = problemMessage(problem, t);
      // The API names the field, possibly as a path such as `input.statement`.
      const field = problem.field?.split('.').pop();
      if (problem.code === 'BAD_USER_INPUT' && isField(field)) {
        setErrors({ [field]: `${label(field)}：${message}` });
      } else {
        setFormError(message);
      }
    }
  }

  const bind = (field: Field) => ({
    id: `sign-${field}`,
    name: field,
    value: values[field],
    error: errors[field],
    required: true,
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [field]: event.target.value })),
  });

  return (
    <section aria-labelledby="sign-heading" className="mt-10 rounded-12 border-2 border-blue-900 p-4 md:p-6">
      <h2 id="sign-heading" className={sectionTitle}>
        {t('sign.heading')}
      </h2>
      <p className="mt-2 text-std-16N-170">{t('sign.lead', { name: municipalityName })}</p>

      {hasErrors && (
        <FormErrorSummary
          ref={summaryRef}
          heading={t('sign.errorSummary')}
          headingLevel="h3"
          formError={formError}
          fields={FIELDS.filter((field) => errors[field]).map((field) => ({
            fieldId: `sign-${field}`,
            message: errors[field] ?? '',
          }))}
        />
      )}

      <form
        className="mt-6 flex max-w-2xl flex-col gap-6"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <TextField
          label={label('signerTitle')}
          hint={t('sign.signerTitleHint')}
          autoComplete="off"
          {...bind('signerTitle')}
        />
        <TextField
          label={label('signerName')}
          hint={t('sign.signerNameHint')}
          autoComplete="off"
          {...bind('signerName')}
        />
        <TextAreaField
          label={label('statement')}
          hint={t('sign.statementHint')}
          rows={6}
          {...bind('statement')}
        />
        <div>
          <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
            {loading ? t('sign.submitting') : t('sign.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
