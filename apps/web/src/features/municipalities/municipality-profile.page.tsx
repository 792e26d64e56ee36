import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CASE_THEMES } from '@yokoten/case-studies';
import {
  MunicipalityDocument,
  UpdateMunicipalityProfileDocument,
  type CaseTheme,
  type MunicipalityDetailFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem, problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { ErrorNotice, Loading } from '../../shared/status';
import {
  buttonOutline,
  buttonSmallOutline,
  buttonSolid,
  pageTitle,
  sectionTitle,
} from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AccessNotice } from '../account/access-notice';
import { themeLabel } from '../adoption/adoption-labels';
import { useCurrentUser } from '../auth/use-current-user';
import { CheckboxGroup } from '../case-studies/choice-groups';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { isValidMunicipalityCode, municipalityName } from './labels';
import { canEditProfile } from './profile-permissions';

type Field = 'dxDepartment' | 'contactEmail' | 'contactPhone' | 'introduction';
const FIELDS: readonly Field[] = ['dxDepartment', 'contactEmail', 'contactPhone', 'introduction'];
const MAX_LENGTH: Record<Field, number> = {
  dxDepartment: 200,
  contactEmail: 254,
  contactPhone: 30,
  introduction: 4000,
};
const MAX_LINKS = 10;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface LinkRow {
  key: number;
  label: string;
  url: string;
}

/** /municipalities/:code/profile: the DX 窓口, introduction, plans and focus themes others see. */
export function MunicipalityProfilePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(MunicipalityDocument, {
    variables: { code },
    skip: !isValidMunicipalityCode(code),
  });
  const municipality = data?.municipality;
  const name = municipality ? municipalityName(municipality, currentLanguage()) : '';
  const title = municipality ? t('profile.title', { name }) : t('profile.titleFallback');
  usePageTitle(title);

  return (
    <div className="max-w-3xl">
      <h1 className={pageTitle}>{title}</h1>
      {!user ? (
        userLoading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <Loading />
      ) : !municipality ? (
        <p className="mt-4 text-std-16N-170">{t('municipality.notFoundBody', { code })}</p>
      ) : !canEditProfile(user, municipality) ? (
        <AccessNotice reason="staffOnly" />
      ) : (
        <ProfileEditor municipality={municipality} />
      )}
    </div>
  );
}

function ProfileEditor({ municipality }: { municipality: MunicipalityDetailFragment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const profile = municipality.profile;
  const [values, setValues] = useState<Record<Field, string>>({
    dxDepartment: profile?.dxDepartment ?? '',
    contactEmail: profile?.contactEmail ?? '',
    contactPhone: profile?.contactPhone ?? '',
    introduction: profile?.introduction ?? '',
  });
  const [themes, setThemes] = useState<CaseTheme[]>(profile?.focusThemes ?? []);
  const [links, setLinks] = useState<LinkRow[]>(
    (profile?.planLinks ?? []).map((link, index) => ({ key: index, label: link.label, url: link.url })),
  );
  const [nextKey, setNextKey] = useState(links.length);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [save, { loading }] = useMutation(UpdateMunicipalityProfileDocument);
  const label = (field: Field) => t(`profile.${field}`);

  function addLink() {
    setLinks((previous) => [...previous, { key: nextKey, label: '', url: '' }]);
    const key = nextKey;
    setNextKey((n) => n + 1);
    // The new row's first field takes focus, so that a keyboard user types where the row appeared.
    window.setTimeout(() => document.getElementById(`plan-${key}-label`)?.focus(), 0);
  }

  function removeLink(index: number) {
    setLinks((previous) => previous.filter((_, i) => i !== index));
    window.setTimeout(() => document.getElementById('plan-add')?.focus(), 0);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: Record<string, string> = {};
    for (const field of FIELDS) {
      if ([...values[field].trim()].length > MAX_LENGTH[field])
        found[`profile-${field}`] = t('invite.tooLong', { field: label(field), max: MAX_LENGTH[field] });
    }
    if (values.contactEmail.trim() && !EMAIL_PATTERN.test(values.contactEmail.trim()))
      found['profile-contactEmail'] = t('login.emailInvalid');
    links.forEach((link, index) => {
      const n = index + 1;
      if (!link.label.trim()) found[`plan-${link.key}-label`] = t('profile.linkLabelRequired', { n });
      if (!/^https?:\/\/\S+$/.test(link.url.trim()))
        found[`plan-${link.key}-url`] = t('profile.linkUrlInvalid', { n });
    });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await save({
        variables: {
          code: municipality.code,
          input: {
            dxDepartment: values.dxDepartment.trim(),
            contactEmail: values.contactEmail.trim(),
            contactPhone: values.contactPhone.trim(),
            introduction: values.introduction.trim(),
            planLinks: links.map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
            focusThemes: themes,
          },
        },
      });
      void navigate(`/municipalities/${municipality.code}`, { state: flashState('profileSaved') });
    } catch (caught) {
      const problem = apiProblem(caught);
      const path = problem.field?.replace(/^input\./, '') ?? '';
      const linkMatch = /^planLinks\.(\d+)\.(label|url)$/.exec(path);
      if (problem.code === 'BAD_USER_INPUT' && (FIELDS as readonly string[]).includes(path)) {
        setErrors({ [`profile-${path}`]: `${label(path as Field)}：${problemMessage(problem, t)}` });
        setAttempt((n) => n + 1);
      } else if (problem.code === 'BAD_USER_INPUT' && linkMatch && links[Number(linkMatch[1])]) {
        const row = links[Number(linkMatch[1])];
        setErrors({
          [`plan-${row.key}-${linkMatch[2]}`]:
            linkMatch[2] === 'url'
              ? t('profile.linkUrlInvalid', { n: Number(linkMatch[1]) + 1 })
              : `${t('profile.linkLabel')}：${problemMessage(problem, t)}`,
        });
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  const summary: FieldError[] = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }));
  const bind = (field: Field) => ({
    id: `profile-${field}`,
    name: field,
    label: label(field),
    value: values[field],
    error: errors[`profile-${field}`],
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [field]: event.target.value })),
  });

  return (
    <>
      <p className="mt-4 text-std-16N-170">{t('profile.lead')}</p>
      <div className="mt-8">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex flex-col gap-8" noValidate onSubmit={(event) => void onSubmit(event)}>
          <section aria-labelledby="contact-heading" className="flex flex-col gap-6">
            <h2 id="contact-heading" className={sectionTitle}>
              {t('profile.contactHeading')}
            </h2>
            <TextField hint={t('profile.dxDepartmentHint')} autoComplete="off" {...bind('dxDepartment')} />
            <TextField
              type="email"
              inputMode="email"
              spellCheck={false}
              autoComplete="off"
              {...bind('contactEmail')}
            />
            <TextField type="tel" inputMode="tel" autoComplete="off" {...bind('contactPhone')} />
          </section>
          <TextAreaField hint={t('profile.introductionHint')} rows={6} {...bind('introduction')} />
          <section aria-labelledby="plans-heading">
            <h2 id="plans-heading" className={sectionTitle}>
              {t('profile.plansHeading')}
            </h2>
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('profile.plansHint')}</p>
            {links.length === 0 && <p className="mt-3 text-std-16N-170">{t('profile.noLinks')}</p>}
            <ol className="mt-3 flex flex-col gap-4">
              {links.map((link, index) => (
                <li key={link.key}>
                  <fieldset className="rounded-12 border border-solid-gray-420 p-4">
                    <legend className="px-1 text-std-16B-170">
                      {t('profile.linkLegend', { n: index + 1 })}
                    </legend>
                    <div className="flex flex-col gap-4">
                      <TextField
                        id={`plan-${link.key}-label`}
                        label={t('profile.linkLabel')}
                        hint={t('profile.linkLabelHint')}
                        error={errors[`plan-${link.key}-label`]}
                        required
                        value={link.label}
                        onChange={(event) =>
                          setLinks((previous) =>
                            previous.map((row, i) =>
                              i === index ? { ...row, label: event.target.value } : row,
                            ),
                          )
                        }
                      />
                      <TextField
                        id={`plan-${link.key}-url`}
                        label={t('profile.linkUrl')}
                        hint={t('profile.linkUrlHint')}
                        error={errors[`plan-${link.key}-url`]}
                        required
                        type="url"
                        inputMode="url"
                        spellCheck={false}
                        value={link.url}
                        onChange={(event) =>
                          setLinks((previous) =>
                            previous.map((row, i) =>
                              i === index ? { ...row, url: event.target.value } : row,
                            ),
                          )
                        }
                      />
                      <div>
                        <button
                          type="button"
                          className={buttonSmallOutline}
                          onClick={() => removeLink(index)}
                        >
                          {t('profile.removeLink', { n: index + 1 })}
                        </button>
                      </div>
                    </div>
                  </fieldset>
                </li>
              ))}
            </ol>
            {links.length < MAX_LINKS && (
              <button id="plan-add" type="button" className={`${buttonOutline} mt-4`} onClick={addLink}>
                {t('profile.addLink')}
              </button>
            )}
          </section>
          <CheckboxGroup
            id="profile-themes"
            name="focusThemes"
            legend={t('profile.focusThemes')}
            hint={t('profile.focusThemesHint')}
            options={CASE_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme, language) }))}
            selected={themes}
            onChange={setThemes}
          />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('account.saving') : t('profile.save')}
            </button>
            <Link
              to={`/municipalities/${municipality.code}`}
              className="link-text inline-flex min-h-11 items-center"
            >
              {t('profile.cancel')}
            </Link>
          </div>
        </form>
      </div>
    </>
  );
}
