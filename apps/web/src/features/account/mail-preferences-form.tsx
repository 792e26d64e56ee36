import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UpdateMyProfileDocument, type AccountProfileFragment } from '../../graphql/generated/graphql';
import { ErrorNotice, SuccessNotice } from '../../shared/status';
import { buttonSolid, sectionTitle } from '../../shared/ui-classes';

type Preference = 'sessionNotices' | 'adoptionNotices' | 'inquiryNotices' | 'watchNotices';
const PREFERENCES: readonly Preference[] = [
  'sessionNotices',
  'adoptionNotices',
  'inquiryNotices',
  'watchNotices',
];

/** Which mails to receive; account mails (invitations, password reset, decisions) always come. */
export function MailPreferencesForm({ me }: { me: AccountProfileFragment }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Preference, boolean>>({
    sessionNotices: me.mailPreferences.sessionNotices,
    adoptionNotices: me.mailPreferences.adoptionNotices,
    inquiryNotices: me.mailPreferences.inquiryNotices,
    watchNotices: me.mailPreferences.watchNotices,
  });
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateMyProfileDocument);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(null);
    try {
      await update({ variables: { input: { mailPreferences: values } } });
      setSaved(t('account.mailSaved'));
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <section aria-labelledby="mail-heading" className="mt-12">
      <h2 id="mail-heading" className={sectionTitle}>
        {t('account.mailHeading')}
      </h2>
      <SuccessNotice message={saved} onClose={() => setSaved(null)} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <form className="mt-4 flex flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset aria-describedby="mail-hint">
          <legend className="text-std-17B-170 text-solid-gray-800">{t('account.mailLegend')}</legend>
          <p id="mail-hint" className="mt-1 text-std-16N-170 text-solid-gray-600">
            {t('account.mailHint')}
          </p>
          <div className="mt-3 flex flex-col gap-3">
            {PREFERENCES.map((preference) => (
              <label key={preference} className="flex min-h-11 cursor-pointer items-start gap-3 py-1">
                <input
                  type="checkbox"
                  name={preference}
                  className="mt-1 size-5 shrink-0 accent-blue-900"
                  checked={values[preference]}
                  aria-describedby={`mail-${preference}-hint`}
                  onChange={(event) =>
                    setValues((previous) => ({ ...previous, [preference]: event.target.checked }))
                  }
                />
                <span>
                  <span className="block text-std-16B-170">{t(`account.${preference}`)}</span>
                  <span id={`mail-${preference}-hint`} className="block text-std-16N-170 text-solid-gray-700">
                    {t(`account.${preference}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
            {loading ? t('account.saving') : t('account.saveMail')}
          </button>
        </div>
      </form>
    </section>
  );
}
