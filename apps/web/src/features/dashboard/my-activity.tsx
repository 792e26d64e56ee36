import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MyMunicipalityActivityDocument } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';
import { formatDateTimeAsDate } from '../../shared/format';
import { sectionTitle, subTitle } from '../../shared/ui-classes';
import { adoptionStatusLabel, adoptionTone, badge, inquiryStatusLabel } from '../adoption/adoption-labels';
import { municipalityName } from '../municipalities/labels';

const SHOWN = 5;

/**
 * あなたの自治体: for an officer, the questions its municipality asked or was asked (those awaiting the
 * municipality's answer first) and the cases it follows, each linking to the thread or the case.
 */
export function MyActivity({ ownCode, language }: { ownCode: string; language: Language }) {
  const { t } = useTranslation();
  const { data } = useQuery(MyMunicipalityActivityDocument);
  if (!data) return null;
  const toAnswer = (i: (typeof data.myMunicipalityInquiries)[number]) =>
    i.status === 'OPEN' && i.publisherMunicipality.code === ownCode;
  const inquiries = [...data.myMunicipalityInquiries]
    .sort((a, b) => Number(toAnswer(b)) - Number(toAnswer(a)))
    .slice(0, SHOWN);
  const adoptions = data.myMunicipalityAdoptions.slice(0, SHOWN);
  const waiting = data.myMunicipalityInquiries.filter(toAnswer).length;
  return (
    <section
      aria-labelledby="dash-mine"
      className="mt-10 rounded-12 border border-blue-900 bg-blue-50 p-4 md:p-6"
    >
      <h2 id="dash-mine" className={sectionTitle}>
        {t('dashboard.mineHeading')}
      </h2>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="dash-mine-inquiries">
          <h3 id="dash-mine-inquiries" className={subTitle}>
            {t('dashboard.mineInquiries')}
          </h3>
          <p className="mt-1 text-std-16N-170">{t('dashboard.mineWaiting', { count: waiting })}</p>
          {inquiries.length === 0 ? (
            <p className="mt-2 text-std-16N-170">{t('dashboard.mineNoInquiries')}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2">
              {inquiries.map((i) => {
                const other =
                  i.publisherMunicipality.code === ownCode ? i.askerMunicipality : i.publisherMunicipality;
                return (
                  <li key={i.id} className="text-std-16N-170">
                    <span
                      className={`${badge} mr-2 ${i.status === 'ANSWERED' ? 'border-green-800 bg-white text-green-1000' : 'border-orange-800 bg-white text-orange-1100'}`}
                    >
                      {inquiryStatusLabel(i.status, language)}
                    </span>
                    {i.caseStudy ? (
                      <Link to={`/cases/${i.caseStudy.id}#inquiry-${i.id}`} className="link-text" lang="ja">
                        {i.subject}
                      </Link>
                    ) : (
                      <span lang="ja">{i.subject}</span>
                    )}
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {t('dashboard.mineWith', {
                        name: municipalityName(other, language),
                        date: formatDateTimeAsDate(i.lastMessageAt, language),
                      })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="dash-mine-adoptions">
          <h3 id="dash-mine-adoptions" className={subTitle}>
            {t('dashboard.mineAdoptions')}
          </h3>
          {adoptions.length === 0 ? (
            <p className="mt-2 text-std-16N-170">
              {t('dashboard.mineNoAdoptions')}{' '}
              <Link to="/precedents" className="link-text">
                {t('precedents.homeLink')}
              </Link>
            </p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2">
              {adoptions.map((a) => (
                <li key={a.id} className="text-std-16N-170">
                  <span className={`${badge} mr-2 ${adoptionTone(a.status)}`}>
                    {adoptionStatusLabel(a.status, language)}
                  </span>
                  {a.caseStudy ? (
                    <>
                      <Link to={`/cases/${a.caseStudy.id}#adoptions`} className="link-text" lang="ja">
                        {a.caseStudy.title}
                      </Link>
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('dashboard.mineFollowing', {
                          name: municipalityName(a.caseStudy.municipality, language),
                          date: formatDateTimeAsDate(a.updatedAt, language),
                        })}
                      </span>
                    </>
                  ) : (
                    t('dashboard.mineUnreadable')
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
