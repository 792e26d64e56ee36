import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MunicipalityDetailFragment } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';
import { formatDateTimeAsDate } from '../../shared/format';
import { buttonOutline, sectionTitle } from '../../shared/ui-classes';
import { themeLabel } from '../adoption/adoption-labels';
import type { CurrentUser } from '../auth/use-current-user';
import { canEditProfile } from './profile-permissions';

/** The municipality's own words: its DX 窓口, introduction, plans and focus themes. */
export function MunicipalityPublicProfile({
  municipality,
  language,
  user,
}: {
  municipality: MunicipalityDetailFragment;
  language: Language;
  /** Passed in, not queried here: a query in this part of the page would be torn down mid-refetch when the
   * page shows 「読み込み中」 during a store reset (logout), which made the logout's resetStore fail. */
  user: CurrentUser | null;
}) {
  const { t } = useTranslation();
  const profile = municipality.profile;
  const canEdit = canEditProfile(user, municipality);
  if (!profile && !canEdit) return null;

  return (
    <section aria-labelledby="dx-profile-heading" className="mt-10">
      <h2 id="dx-profile-heading" className={sectionTitle}>
        {t('profile.publicHeading')}
      </h2>
      {!profile ? (
        <p className="mt-4 text-std-16N-170">{t('profile.empty')}</p>
      ) : (
        <>
          {profile.introduction && (
            <p lang="ja" className="mt-4 whitespace-pre-line text-std-17N-170">
              {profile.introduction}
            </p>
          )}
          <dl className="mt-4 border-t border-solid-gray-420">
            {profile.dxDepartment && (
              <div className="grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
                <dt className="text-std-16B-170">{t('profile.dxDepartment')}</dt>
                <dd lang="ja" className="text-std-16N-170">
                  {profile.dxDepartment}
                </dd>
              </div>
            )}
            {profile.contactEmail && (
              <div className="grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
                <dt className="text-std-16B-170">{t('profile.contactEmail')}</dt>
                <dd className="break-all text-std-16N-170">
                  <a className="link-text" href={`mailto:${profile.contactEmail}`}>
                    {profile.contactEmail}
                  </a>
                </dd>
              </div>
            )}
            {profile.contactPhone && (
              <div className="grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
                <dt className="text-std-16B-170">{t('profile.contactPhone')}</dt>
                <dd className="text-std-16N-170 tabular-nums">{profile.contactPhone}</dd>
              </div>
            )}
            {profile.focusThemes.length > 0 && (
              <div className="grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
                <dt className="text-std-16B-170">{t('profile.focusThemes')}</dt>
                <dd>
                  <ul className="flex flex-wrap gap-2">
                    {profile.focusThemes.map((theme) => (
                      <li
                        key={theme}
                        className="rounded-full border border-blue-900 bg-blue-50 px-3 py-0.5 text-dns-14B-130 text-blue-1000"
                      >
                        {themeLabel(theme, language)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {profile.planLinks.length > 0 && (
              <div className="grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
                <dt className="text-std-16B-170">{t('profile.plansHeading')}</dt>
                <dd>
                  <ul className="flex flex-col gap-1 text-std-16N-170">
                    {profile.planLinks.map((link) => (
                      <li key={`${link.label}-${link.url}`}>
                        <a className="link-text" href={link.url} rel="noopener noreferrer" lang="ja">
                          {link.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
          {profile.updatedAt && (
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">
              {t('profile.updatedAt', { date: formatDateTimeAsDate(profile.updatedAt, language) })}
            </p>
          )}
        </>
      )}
      {canEdit && (
        <p className="mt-4">
          <Link to={`/municipalities/${municipality.code}/profile`} className={buttonOutline}>
            {t('profile.edit')}
          </Link>
        </p>
      )}
    </section>
  );
}
