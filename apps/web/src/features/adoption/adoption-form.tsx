import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  MyCasesForAdoptionDocument,
  RecordAdoptionDocument,
  WithdrawAdoptionDocument,
  type AdoptionFieldsFragment,
  type AdoptionStatus,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { SelectField, TextAreaField } from '../../shared/form-fields';
import { ErrorNotice, SuccessNotice } from '../../shared/status';
import { buttonOutline, buttonSolid, fieldLabel, subTitle } from '../../shared/ui-classes';
import { ADOPTION_STATUSES, adoptionStatusLabel, caseStatusLabel } from './adoption-labels';

/**
 * 横展開を記録する: an officer of another member municipality says how far it has come with this case;
 * sending it again updates the one record and adds a step to its timeline.
 */
export function AdoptionForm({
  caseStudyId,
  mine,
  onSaved,
}: {
  caseStudyId: string;
  mine: AdoptionFieldsFragment | undefined;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [status, setStatus] = useState<AdoptionStatus>(mine?.status ?? 'CONSIDERING');
  const [note, setNote] = useState(mine?.note ?? '');
  const [adaptation, setAdaptation] = useState(mine?.adaptation ?? '');
  const [outcome, setOutcome] = useState(mine?.outcome ?? '');
  const [ownCase, setOwnCase] = useState(mine?.adopterCaseStudy?.id ?? '');
  const [saved, setSaved] = useState<'recorded' | 'withdrawn' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { data: own } = useQuery(MyCasesForAdoptionDocument);
  const [record, { loading, error, reset }] = useMutation(RecordAdoptionDocument);
  const [withdraw, { loading: withdrawing, error: withdrawError }] = useMutation(WithdrawAdoptionDocument);

  // Follow the record when it changes (saved here, or loaded after the form).
  useEffect(() => {
    if (!mine) return;
    setStatus(mine.status);
    setNote(mine.note ?? '');
    setAdaptation(mine.adaptation ?? '');
    setOutcome(mine.outcome ?? '');
    setOwnCase(mine.adopterCaseStudy?.id ?? '');
  }, [mine]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    reset();
    try {
      await record({
        variables: {
          caseStudyId,
          input: { status, note, adaptation, outcome, adopterCaseStudyId: ownCase || null },
        },
      });
      await onSaved();
      setSaved('recorded');
    } catch {
      // shown by ErrorNotice
    }
  };

  const ownCases = own?.myMunicipalityCaseStudies ?? [];
  return (
    <section
      aria-labelledby={headingId}
      className="mt-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-6"
    >
      <h3 id={headingId} className={subTitle}>
        {mine ? t('adoption.formUpdateHeading') : t('adoption.formHeading')}
      </h3>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('adoption.formLead')}</p>
      <SuccessNotice
        message={saved ? (saved === 'recorded' ? t('adoption.saved') : t('adoption.withdrawn')) : null}
        onClose={() => setSaved(null)}
      />
      {(error || withdrawError) && <ErrorNotice error={error ?? withdrawError} />}
      <form noValidate onSubmit={(event) => void submit(event)} className="mt-4 flex flex-col gap-6">
        <fieldset>
          <legend className={fieldLabel}>
            {t('adoption.statusLegend')}
            <span className="ml-2 text-std-16N-170 text-error-2">※{t('common.required')}</span>
          </legend>
          <p className="mt-1 text-std-16N-170 text-solid-gray-600">{t('adoption.statusHint')}</p>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {ADOPTION_STATUSES.map((value) => (
              <label key={value} className="flex min-h-11 items-center gap-2 text-std-16N-170">
                <input
                  type="radio"
                  name="adoption-status"
                  value={value}
                  checked={status === value}
                  onChange={() => setStatus(value)}
                  className="size-6 accent-blue-900"
                />
                {adoptionStatusLabel(value, language)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          label={t('adoption.noteLabel')}
          hint={t('adoption.noteHint')}
          lang="ja"
          maxLength={2000}
          className="min-h-24"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <TextAreaField
          label={t('adoption.adaptationLabel')}
          hint={t('adoption.adaptationHint')}
          lang="ja"
          maxLength={4000}
          className="min-h-24"
          value={adaptation}
          onChange={(event) => setAdaptation(event.target.value)}
        />
        <TextAreaField
          label={t('adoption.outcomeLabel')}
          hint={t('adoption.outcomeHint')}
          lang="ja"
          maxLength={4000}
          className="min-h-24"
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
        />
        <SelectField
          label={t('adoption.ownCaseLabel')}
          hint={t('adoption.ownCaseHint')}
          value={ownCase}
          onChange={(event) => setOwnCase(event.target.value)}
          options={[
            { value: '', label: t('adoption.ownCaseNone') },
            ...ownCases.map((c) => ({
              value: c.id,
              label:
                c.status === 'PUBLISHED' ? c.title : `${c.title}（${caseStatusLabel(c.status, language)}）`,
            })),
          ]}
        />
        <div className="flex flex-wrap gap-4">
          <button type="submit" className={buttonSolid} disabled={loading}>
            {mine ? t('adoption.update') : t('adoption.record')}
          </button>
          {mine && (
            <button
              type="button"
              className={buttonOutline}
              disabled={withdrawing}
              onClick={() => setConfirming(true)}
            >
              {t('adoption.withdraw')}
            </button>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('adoption.withdrawTitle')}
        body={t('adoption.withdrawBody')}
        confirmLabel={t('adoption.withdrawConfirm')}
        danger
        busy={withdrawing}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          void (async () => {
            try {
              await withdraw({ variables: { caseStudyId } });
              await onSaved();
              setSaved('withdrawn');
              setStatus('CONSIDERING');
              setNote('');
              setAdaptation('');
              setOutcome('');
              setOwnCase('');
            } catch {
              // shown by ErrorNotice
            } finally {
              setConfirming(false);
            }
          })();
        }}
      />
    </section>
  );
}
