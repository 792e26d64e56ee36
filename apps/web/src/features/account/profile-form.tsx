import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  UpdateMyProfileDocument,
  type AccountProfileFragment,
  type Locale,
} from '../../graphql/generated/graphql';
import { changeLanguage, currentLanguage } from '../../i18n/i18n';
import { roleLabel } from '../../shared/domain-labels';
import { apiProblem, problemMessage } from '../../shared/errors';
import { SelectField, TextField } from '../../shared/form-fields';
import { ErrorNotice, SuccessNotice } from '../../shared/status';
import { buttonSolid, sectionTitle } from '../../shared/ui-classes';
import { municipalityName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';

type Field = 'name' | 'title' | 'department' | 'phone';
const FIELDS: readonly Field[] = ['name', 'title', 'department', 'phone'];
const MAX_LENGTH: Record<Field, number> = { name: 100, title: 100, department: 100, phone: 30 };
const PHONE_PATTERN = /^[0-9０-９+＋()（）\-－ー‐ ]*$/;

export function ProfileForm({ me }: { me: AccountProfileFragment }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<Record<Field, string>>({
    name: me.name,
    title: me.title ?? '',
    department: me.department ?? '',
    phone: me.phone ?? '',
  });
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateMyProfileDocument);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.name.trim()) found.name = t('account.nameRequired');
    for (const field of FIELDS) {
      if ([...values[field].trim()].length > MAX_LENGTH[field])
        found[field] = t('account.tooLong', { field: t(`account.${field}`), max: MAX_LENGTH[field] });
    }
    if (!found.phone && !PHONE_PATTERN.test(values.phone.trim())) found.phone = t('account.phoneInvalid');
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await update({
        variables: {
          input: {
            name: values.name.trim(),
            title: values.title.trim(),
            department: values.department.trim(),
            phone: values.phone.trim(),
            locale,
          },
        },
      });
      // The language chosen for mails is the language of the screen too.
      const next = locale === 'EN' ? 'en' : 'ja';
      if (next !== i18n.language) await changeLanguage(next);
      setSaved(t('account.profileSaved'));
    } catch (caught) {
      const problem = apiProblem(caught);
      const field = problem.field?.split('.').pop();
      if (problem.code === 'BAD_USER_INPUT' && (FIELDS as readonly string[]).includes(field ?? '')) {
        setErrors({ [field as Field]: `${t(`account.${field as Field}`)}：${problemMessage(problem, t)}` });
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  const bind = (field: Field) => ({
    id: `profile-${field}`,
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [field]: event.target.value })),
  });
  const summary: FieldError[] = FIELDS.filter((field) => errors[field]).map((field) => ({
    fieldId: `profile-${field}`,
    message: errors[field] ?? '',
  }));

  return (
    <section aria-labelledby="profile-heading" className="mt-10">
      <h2 id="profile-heading" className={sectionTitle}>
        {t('account.profileHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170">
        {t('account.roleLine', {
          role: roleLabel(me.role, language),
          municipality: me.municipality ? municipalityName(me.municipality, language) : '—',
        })}
      </p>
      <SuccessNotice message={saved} onClose={() => setSaved(null)} />
      <div className="mt-4">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField label={t('account.name')} required autoComplete="name" {...bind('name')} />
          <TextField label={t('account.title')} autoComplete="organization-title" {...bind('title')} />
          <TextField label={t('account.department')} autoComplete="off" {...bind('department')} />
          <TextField
            label={t('account.phone')}
            hint={t('account.phoneHint')}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            {...bind('phone')}
          />
          <SelectField
            id="profile-locale"
            label={t('account.locale')}
            hint={t('account.localeHint')}
            value={locale}
            onChange={(event) => setLocale(event.target.value === 'EN' ? 'EN' : 'JA')}
            options={[
              { value: 'JA', label: t('language.ja') },
              { value: 'EN', label: t('language.en') },
            ]}
          />
          <div>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('account.saving') : t('account.saveProfile')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
