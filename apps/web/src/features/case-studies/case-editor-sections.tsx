import { CASE_STUDY_LIMITS as LIMITS, parseYenAmount } from '@yokoten/case-studies';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { sectionTitle } from '../../shared/ui-classes';
import { CheckboxGroup, RadioGroup } from './choice-groups';
import { splitTags } from './editor-model';
import { formatYenShort } from './format';
import {
  CASE_STAGES,
  CASE_TARGETS,
  CASE_THEMES,
  VISIBILITIES,
  fiscalYearLabel,
  fiscalYearOf,
  stageLabel,
  targetLabel,
  themeLabel,
  visibilityLabel,
} from './labels';
import { MarkdownField, type MarkdownTab } from './markdown-field';
import { OutcomesEditor } from './outcomes-editor';
import { PublishRequiredMark } from './publish-required-mark';
import type { CaseFormFields } from './use-case-form';

// The sections of the case editor's form, top to bottom. Each gets the form's fields (use-case-form.ts)
// and shows its own inputs; the ids (`case-<field>`) are what the error summary and the checklist link to.

function Section({
  id,
  title,
  marker,
  children,
}: {
  id: string;
  title: string;
  /** A section that is itself one field (成果指標) carries the field's marker in its heading. */
  marker?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-6 border-t border-solid-gray-420 pt-8">
      <h2 id={id} className={sectionTitle}>
        {title}
        {marker}
      </h2>
      {children}
    </section>
  );
}

/** 「120 / 1,000文字」: the trimmed length against the limit. */
function useCharCount() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (value: string, max: number) =>
    t('caseEditor.charCount', { count: value.trim().length, max: formatNumber(max, language) });
}

export function BasicsSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const count = useCharCount();
  const { values, change, bind } = form;
  return (
    <Section id="section-basics" title={t('caseEditor.sectionBasics')}>
      <TextField
        label={t('caseFields.title')}
        hint={t('caseEditor.titleHint')}
        labelExtra={<PublishRequiredMark />}
        aria-required
        maxLength={LIMITS.title}
        {...bind('title')}
      />
      <TextAreaField
        label={t('caseFields.summary')}
        hint={`${t('caseEditor.summaryHint', { min: LIMITS.summaryMin })} ${count(values.summary, LIMITS.summary)}`}
        labelExtra={<PublishRequiredMark />}
        rows={4}
        maxLength={LIMITS.summary}
        {...bind('summary')}
      />
      <RadioGroup
        id="case-stage"
        name="stage"
        legend={t('caseFields.stage')}
        hint={t('caseEditor.stageHint')}
        value={values.stage}
        onChange={(value) => change('stage', value)}
        options={CASE_STAGES.map((stage) => ({
          value: stage,
          label: stageLabel(stage, language),
          description: t(`caseEditor.stageDescriptions.${stage}`),
        }))}
      />
      <RadioGroup
        id="case-visibility"
        name="visibility"
        legend={t('caseFields.visibility')}
        value={values.visibility}
        onChange={(value) => change('visibility', value)}
        options={VISIBILITIES.map((visibility) => ({
          value: visibility,
          label: visibilityLabel(visibility, language),
          description: t(`caseEditor.visibilityDescriptions.${visibility}`),
        }))}
      />
    </Section>
  );
}

export function BodySection({
  form,
  tab,
  onTabChange,
}: {
  form: CaseFormFields;
  tab: MarkdownTab;
  onTabChange: (tab: MarkdownTab) => void;
}) {
  const { t } = useTranslation();
  const count = useCharCount();
  return (
    <Section id="section-body" title={t('caseEditor.sectionBody')}>
      <MarkdownField
        value={form.values.body}
        onChange={(value) => form.change('body', value)}
        tab={tab}
        onTabChange={onTabChange}
        error={form.errors.body}
        count={`${t('caseEditor.bodyMin', { min: LIMITS.bodyMin })} ${count(form.values.body, LIMITS.body)}`}
      />
    </Section>
  );
}

export function ClassificationSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { values, errors, change, bind } = form;
  const tags = splitTags(values.tags);
  return (
    <Section id="section-classification" title={t('caseEditor.sectionClassification')}>
      <CheckboxGroup
        id="case-themes"
        name="themes"
        legend={t('caseFields.themes')}
        hint={t('caseEditor.themesHint')}
        requiredToPublish
        error={errors.themes}
        options={CASE_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme, language) }))}
        selected={values.themes}
        onChange={(next) => change('themes', next)}
      />
      <CheckboxGroup
        id="case-targets"
        name="targets"
        legend={t('caseFields.targets')}
        hint={t('caseEditor.targetsHint')}
        requiredToPublish
        error={errors.targets}
        options={CASE_TARGETS.map((target) => ({
          value: target,
          label: targetLabel(target, language),
        }))}
        selected={values.targets}
        onChange={(next) => change('targets', next)}
      />
      <div>
        <TextField
          label={t('caseFields.tags')}
          hint={t('caseEditor.tagsHint', { max: LIMITS.tags })}
          autoComplete="off"
          {...bind('tags')}
        />
        {tags.length > 0 && (
          <p className="mt-2 text-std-16N-170 text-solid-gray-700">
            {t('caseEditor.tagsPreview', { count: tags.length, tags: tags.join(' / ') })}
          </p>
        )}
      </div>
    </Section>
  );
}

/** The last ten fiscal years and the next, with any older one the case already has. */
function fiscalYearOptions(selected: readonly number[]): number[] {
  const current = fiscalYearOf(new Date());
  const years = new Set<number>(selected);
  for (let year = current + 1; year >= current - 9; year -= 1) years.add(year);
  return [...years].sort((a, b) => b - a);
}

export function MoneySection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { values, errors, change, bind } = form;
  const budget = parseYenAmount(values.budgetYen);
  return (
    <Section id="section-money" title={t('caseEditor.sectionMoney')}>
      <CheckboxGroup
        id="case-fiscalYears"
        name="fiscalYears"
        legend={t('caseFields.fiscalYears')}
        hint={t('caseEditor.fiscalYearsHint')}
        requiredToPublish
        error={errors.fiscalYears}
        options={fiscalYearOptions(values.fiscalYears).map((year) => ({
          value: year,
          label: fiscalYearLabel(year, language),
        }))}
        selected={values.fiscalYears}
        onChange={(next) =>
          change(
            'fiscalYears',
            [...next].sort((a, b) => a - b),
          )
        }
      />
      <div>
        <TextField
          label={t('caseFields.budgetYen')}
          hint={t('caseEditor.budgetHint')}
          inputMode="numeric"
          autoComplete="off"
          className="md:max-w-xs"
          {...bind('budgetYen')}
        />
        {budget !== null && Number.isFinite(budget) && (
          <p className="mt-2 text-std-16N-170 text-solid-gray-700">
            {t('caseEditor.budgetPreview', { value: formatYenShort(budget, language) })}
          </p>
        )}
      </div>
      <TextAreaField
        label={t('caseFields.fundingSources')}
        hint={t('caseEditor.fundingSourcesHint')}
        rows={3}
        className="min-h-24"
        {...bind('fundingSources')}
      />
      <TextAreaField
        label={t('caseFields.partners')}
        hint={t('caseEditor.partnersHint')}
        rows={3}
        className="min-h-24"
        {...bind('partners')}
      />
    </Section>
  );
}

export function OutcomesSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  return (
    <Section id="section-outcomes" title={t('caseFields.outcomes')} marker={<PublishRequiredMark />}>
      <OutcomesEditor
        rows={form.values.outcomes}
        errors={form.errors}
        onChange={(rows) => form.change('outcomes', rows)}
      />
    </Section>
  );
}

export function ReflectionSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const { bind } = form;
  return (
    <Section id="section-reflection" title={t('caseEditor.sectionReflection')}>
      <TextAreaField
        label={t('caseFields.lessonsLearned')}
        hint={t('caseEditor.lessonsHint')}
        rows={5}
        {...bind('lessonsLearned')}
      />
      <TextAreaField
        label={t('caseFields.challenges')}
        hint={t('caseEditor.challengesHint')}
        rows={5}
        {...bind('challenges')}
      />
      <TextAreaField
        label={t('caseFields.successConditions')}
        hint={t('caseEditor.successConditionsHint')}
        rows={5}
        {...bind('successConditions')}
      />
    </Section>
  );
}

export function ContactSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const { bind } = form;
  return (
    <Section id="section-contact" title={t('caseEditor.sectionContact')}>
      <p className="-mt-2 text-std-16N-170">{t('caseEditor.contactLead')}</p>
      <TextField
        label={t('caseFields.contactDepartment')}
        hint={t('caseEditor.departmentHint')}
        labelExtra={<PublishRequiredMark />}
        autoComplete="organization"
        maxLength={LIMITS.department}
        {...bind('contactDepartment')}
      />
      <TextField
        label={t('caseFields.contactEmail')}
        hint={t('caseEditor.emailHint')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        {...bind('contactEmail')}
      />
      <TextField
        label={t('caseFields.contactPhone')}
        hint={t('caseEditor.phoneHint')}
        type="tel"
        autoComplete="tel"
        {...bind('contactPhone')}
      />
    </Section>
  );
}
