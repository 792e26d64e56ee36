import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { MunicipalityDocument, type MunicipalityDetailFragment } from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { formatCalendarDate, formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { Breadcrumbs } from '../../shared/breadcrumbs';
import { RecordPending, useRecordPage } from '../../shared/record-page';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { municipalityKindLabel, populationBandLabel } from '../../shared/domain-labels';
import {
  canonicalMunicipalityCode,
  isValidMunicipalityCode,
  municipalityName,
  prefectureName,
} from './labels';
import { MembershipActions } from './membership-actions';
import { MembershipBadge } from './membership-badge';
import { MunicipalityPublicProfile } from './municipality-public-profile';
import { DescriptionRow } from '../../shared/description-row';
import { SignDeclarationForm } from './sign-declaration-form';

/** A fact of this page: the terms in a 14rem column beside their descriptions from a small screen up. */
function Row(props: { label: string; children: ReactNode }) {
  return <DescriptionRow labelColumn="14rem" {...props} />;
}

function Profile({
  municipality,
  language,
}: {
  municipality: MunicipalityDetailFragment;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="profile-heading" className="mt-8">
      <h2 id="profile-heading" className={sectionTitle}>
        {t('municipality.profileHeading')}
      </h2>
      <dl className="mt-2 border-t border-solid-gray-420">
        <Row label={t('municipality.name')}>
          <span lang="ja">{municipality.name}</span>
        </Row>
        <Row label={t('municipality.kana')}>
          <span lang="ja">{municipality.kana}</span>
        </Row>
        {municipality.nameEn && (
          <Row label={t('municipality.nameEn')}>
            <span lang="en">{municipality.nameEn}</span>
          </Row>
        )}
        <Row label={t('municipality.code')}>
          <span className="tabular-nums">{municipality.code}</span>
        </Row>
        <Row label={t('municipality.prefecture')}>{prefectureName(municipality.prefecture, language)}</Row>
        <Row label={t('municipality.kind')}>{municipalityKindLabel(municipality.kind, language)}</Row>
        <Row label={t('municipality.population')}>
          {municipality.population === null
            ? t('common.unknown')
            : t('common.people', {
                count: municipality.population,
                formatted: formatNumber(municipality.population, language),
              })}
        </Row>
        <Row label={t('municipality.populationBand')}>
          {municipality.populationBand
            ? populationBandLabel(municipality.populationBand, language)
            : t('common.unknown')}
        </Row>
        <Row label={t('municipality.membershipStatus')}>
          <MembershipBadge status={municipality.membershipStatus} />
        </Row>
        <Row label={t('municipality.joinedOn')}>
          {municipality.joinedOn ? formatCalendarDate(municipality.joinedOn, language) : t('common.notSet')}
        </Row>
      </dl>
    </section>
  );
}

function DeclarationSection({
  municipality,
  language,
}: {
  municipality: MunicipalityDetailFragment;
  language: Language;
}) {
  const { t } = useTranslation();
  const declaration = municipality.declaration;
  return (
    <section aria-labelledby="declaration-heading" className="mt-10">
      <h2 id="declaration-heading" className={sectionTitle}>
        {t('municipality.declarationHeading')}
      </h2>
      {declaration ? (
        <figure className="mt-4 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-6">
          <p className="text-std-16B-170">
            {t('municipality.declarationSigned', {
              date: formatDateTimeAsDate(declaration.signedAt, language),
            })}
          </p>
          <blockquote
            lang="ja"
            className="mt-3 whitespace-pre-line border-l-4 border-blue-900 pl-4 text-std-17N-170"
          >
            {declaration.statement}
          </blockquote>
          <figcaption className="mt-3 text-std-16N-170">
            {t('declarations.signedBy', { title: declaration.signerTitle, name: declaration.signerName })}
          </figcaption>
        </figure>
      ) : (
        <p className="mt-4 text-std-16N-170">{t('municipality.declarationNotSigned')}</p>
      )}
    </section>
  );
}

export function MunicipalityPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const { user } = useCurrentUser();
  // A code whose check digit fails cannot exist: answer "not found" without asking the API.
  const validCode = isValidMunicipalityCode(code);
  const { data, loading, error, refetch } = useQuery(MunicipalityDocument, {
    variables: { code },
    skip: !validCode,
  });
  const municipality = data?.municipality;
  const { state, title } = useRecordPage({
    record: municipality,
    valid: validCode,
    loading,
    error,
    titles: {
      found: (found) => municipalityName(found, language),
      notFound: t('municipality.notFoundTitle'),
      fallback: t('municipality.titleFallback'),
    },
  });

  const canSign =
    user?.role === 'OFFICER' &&
    Boolean(municipality) &&
    user.municipality?.code === municipality?.code &&
    !municipality?.declaration;
  // /municipalities/40100 or ４０１００５: go to the municipality the code stands for.
  const canonical = validCode ? code : canonicalMunicipalityCode(code);
  if (canonical && canonical !== code) return <Navigate to={`/municipalities/${canonical}`} replace />;

  // One h1 element in every state (loading, not found, loaded): focus moved to it on navigation
  // stays put when the data arrives.
  return (
    <div>
      {municipality && (
        <Breadcrumbs
          label={t('municipality.breadcrumb')}
          links={[
            { to: '/', text: t('nav.home') },
            { to: '/municipalities', text: t('nav.municipalities') },
          ]}
          current={title}
        />
      )}
      <div className="flex flex-wrap items-center gap-4">
        <h1 className={pageTitle}>{title}</h1>
        {municipality && <MembershipBadge status={municipality.membershipStatus} />}
      </div>
      {state === 'notFound' ? (
        <>
          <p className="mt-4 text-std-16N-170">{t('municipality.notFoundBody', { code })}</p>
          <p className="mt-6">
            <Link to="/municipalities" className="link-text">
              {t('municipality.backToList')}
            </Link>
          </p>
        </>
      ) : !municipality ? (
        <RecordPending error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <p className="mt-2 text-std-17N-170 text-solid-gray-700">
            <span lang="ja">{language === 'en' ? municipality.name : municipality.kana}</span>
            {language === 'ja' ? '・' : ', '}
            {prefectureName(municipality.prefecture, language)}
          </p>
          <Profile municipality={municipality} language={language} />
          <MunicipalityPublicProfile municipality={municipality} language={language} user={user} />
          <section aria-labelledby="municipality-cases" className="mt-10">
            <h2 id="municipality-cases" className={sectionTitle}>
              {t('municipality.casesHeading')}
            </h2>
            <p className="mt-4 text-std-16N-170">
              <Link to={`/cases?${new URLSearchParams({ muni: municipality.code })}`} className="link-text">
                {t('case.moreFromMunicipality', { name: municipalityName(municipality, language) })}
              </Link>
            </p>
          </section>
          <DeclarationSection municipality={municipality} language={language} />
          {canSign && <SignDeclarationForm municipalityName={municipalityName(municipality, language)} />}
          {isOrganiser(user) && <MembershipActions municipality={municipality} />}
        </>
      )}
    </div>
  );
}
