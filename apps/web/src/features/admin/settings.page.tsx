import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  InvitationSettingsDocument,
  UpdateInvitationSettingsDocument,
  type InvitationSettingsQuery,
} from '../../graphql/generated/graphql';
import { apiProblem, problemMessage } from '../../shared/errors';
import { TextAreaField } from '../../shared/form-fields';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AccessNotice } from '../account/access-notice';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { ErrorSummary } from '../../shared/error-summary';

// lg.jp, city.example.lg.jp, yokoten.example: labels of letters, digits and hyphens joined by dots.
const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** /admin/settings: whether officers may only be invited at addresses under the allowed domains. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user, loading: userLoading } = useCurrentUser();
  const staff = isOrganiser(user);
  const { data, loading, error, refetch } = useQuery(InvitationSettingsDocument, { skip: !staff });
  usePageTitle(t('settings.title'));

  return (
    <div className="max-w-3xl">
      <h1 className={pageTitle}>{t('settings.title')}</h1>
      {!user ? (
        userLoading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : !staff ? (
        <AccessNotice reason="staffOnly" />
      ) : error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <Loading />
        ) : null
      ) : (
        <DomainSettings settings={data.invitationSettings} />
      )}
    </div>
  );
}

function DomainSettings({ settings }: { settings: InvitationSettingsQuery['invitationSettings'] }) {
  const { t } = useTranslation();
  const [restrict, setRestrict] = useState(settings.restrictOfficerDomains);
  const [domains, setDomains] = useState(settings.allowedDomains.join('\n'));
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateInvitationSettingsDocument);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(null);
    const list = [
      ...new Set(
        domains
          .split(/[\s,、，]+/)
          .map((domain) => domain.trim().toLowerCase().replace(/^@/, '').replace(/^\*\./, ''))
          .filter(Boolean),
      ),
    ];
    const wrong = list.filter((domain) => !DOMAIN.test(domain));
    const found = wrong.length
      ? t('settings.domainInvalid', { domains: wrong.join(', ') })
      : restrict && list.length === 0
        ? t('settings.domainsRequired')
        : undefined;
    setError(found);
    setAttempt((n) => n + 1);
    if (found) return;
    try {
      const result = await update({
        variables: { input: { restrictOfficerDomains: restrict, allowedDomains: list } },
      });
      setDomains((result.data?.updateInvitationSettings.allowedDomains ?? list).join('\n'));
      setSaved(t('settings.saved'));
    } catch (caught) {
      const problem = apiProblem(caught);
      if (problem.code === 'BAD_USER_INPUT' && problem.field?.includes('allowedDomains')) {
        setError(`${t('settings.domains')}：${problemMessage(problem, t)}`);
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  return (
    <section aria-labelledby="domains-heading" className="mt-8">
      <h2 id="domains-heading" className={sectionTitle}>
        {t('settings.domainsHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170">{t('settings.lead')}</p>
      <SuccessNotice message={saved} onClose={() => setSaved(null)} />
      <div className="mt-4">
        <ErrorSummary
          errors={error ? [{ fieldId: 'settings-domains', message: error }] : []}
          attempt={attempt}
        />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
          <label className="flex min-h-11 cursor-pointer items-start gap-3 py-1">
            <input
              type="checkbox"
              className="mt-1 size-5 shrink-0 accent-blue-900"
              checked={restrict}
              aria-describedby="settings-restrict-hint"
              onChange={(event) => setRestrict(event.target.checked)}
            />
            <span>
              <span className="block text-std-16B-170">{t('settings.restrict')}</span>
              <span id="settings-restrict-hint" className="block text-std-16N-170 text-solid-gray-700">
                {t('settings.restrictHint')}
              </span>
            </span>
          </label>
          <TextAreaField
            id="settings-domains"
            label={t('settings.domains')}
            hint={t('settings.domainsHint')}
            error={error}
            rows={5}
            spellCheck={false}
            autoCapitalize="none"
            value={domains}
            onChange={(event) => setDomains(event.target.value)}
          />
          <div>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('account.saving') : t('settings.save')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
