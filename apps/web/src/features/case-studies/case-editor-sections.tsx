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
import type { FormValues } from './editor-model';
import type { CaseFormFields, TextFieldName } from './use-case-form';

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

/**
 * Props that tie an input to a field of the form: its id (`case-<field>`) and name, its label or legend (the
 * field's name), value, error and onChange; a section adds the hint and what is particular to the input.
 */
function useBind(form: CaseFormFields) {
  const { t } = useTranslation();
  const { values, errors, change, bind } = form;
  const label = (field: keyof FormValues) => t(`caseFields.${field}`);
  return {
    text: (field: TextFieldName) => ({ label: label(field), ...bind(field) }),
    /** A radio group: one answer. */
    choice: <K extends 'stage' | 'visibility'>(field: K) => ({
      id: `case-${field}`,
      name: field,
      legend: label(field),
      value: values[field],
      onChange: (value: FormValues[K]) => change(field, value),
    }),
    /** A checkbox group: several answers, each required to publish. */
    choices: <K extends 'themes' | 'targets' | 'fiscalYears'>(field: K) => ({
      id: `case-${field}`,
      name: field,
      legend: label(field),
      requiredToPublish: true,
      error: errors[field],
      selected: values[field],
      onChange: (next: FormValues[K]) => change(field, next),
    }),
  };
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
  const { text, choice } = useBind(form);
  return (
    <Section id="section-basics" title={t('caseEditor.sectionBasics')}>
      <TextField
        hint={t('caseEditor.titleHint')}
        labelExtra={<PublishRequiredMark />}
        aria-required
        maxLength={LIMITS.title}
        {...text('title')}
      />
      <TextAreaField
        hint={`${t('caseEditor.summaryHint', { min: LIMITS.summaryMin })} ${count(form.values.summary, LIMITS.summary)}`}
        labelExtra={<PublishRequiredMark />}
        rows={4}
        maxLength={LIMITS.summary}
        {...text('summary')}
      />
      <RadioGroup
        {...choice('stage')}
        hint={t('caseEditor.stageHint')}
        options={CASE_STAGES.map((stage) => ({
          value: stage,
          label: stageLabel(stage, language),
          description: t(`caseEditor.stageDescriptions.${stage}`),
        }))}
      />
      <RadioGroup
        {...choice('visibility')}
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
  const { text, choices } = useBind(form);
  const tags = splitTags(form.values.tags);
  return (
    <Section id="section-classification" title={t('caseEditor.sectionClassification')}>
      <CheckboxGroup
        {...choices('themes')}
        hint={t('caseEditor.themesHint')}
        options={CASE_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme, language) }))}
      />
      <CheckboxGroup
        {...choices('targets')}
        hint={t('caseEditor.targetsHint')}
        options={CASE_TARGETS.map((target) => ({ value: target, label: targetLabel(target, language) }))}
      />
      <div>
        <TextField
          hint={t('caseEditor.tagsHint', { max: LIMITS.tags })}
          autoComplete="off"
          {...text('tags')}
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
  const { text, choices } = useBind(form);
  const fiscalYears = choices('fiscalYears');
  const budget = parseYenAmount(form.values.budgetYen);
  // Typed one a line: shorter boxes.
  const lists = [
    ['fundingSources', t('caseEditor.fundingSourcesHint')],
    ['partners', t('caseEditor.partnersHint')],
  ] as const;
  return (
    <Section id="section-money" title={t('caseEditor.sectionMoney')}>
      <CheckboxGroup
        {...fiscalYears}
        hint={t('caseEditor.fiscalYearsHint')}
        options={fiscalYearOptions(fiscalYears.selected).map((year) => ({
          value: year,
          label: fiscalYearLabel(year, language),
        }))}
        onChange={(next) => fiscalYears.onChange([...next].sort((a, b) => a - b))}
      />
      <div>
        <TextField
          hint={t('caseEditor.budgetHint')}
          inputMode="numeric"
          autoComplete="off"
          className="md:max-w-xs"
          {...text('budgetYen')}
        />
        {budget !== null && Number.isFinite(budget) && (
          <p className="mt-2 text-std-16N-170 text-solid-gray-700">
            {t('caseEditor.budgetPreview', { value: formatYenShort(budget, language) })}
          </p>
        )}
      </div>
      {lists.map(([field, hint]) => (
        <TextAreaField key={field} hint={hint} rows={3} className="min-h-24" {...text(field)} />
      ))}
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
  const { text } = useBind(form);
  const fields = [
    ['lessonsLearned', t('caseEditor.lessonsHint')],
    ['challenges', t('caseEditor.challengesHint')],
    ['successConditions', t('caseEditor.successConditionsHint')],
  ] as const;
  return (
    <Section id="section-reflection" title={t('caseEditor.sectionReflection')}>
      {fields.map(([field, hint]) => (
        <TextAreaField key={field} hint={hint} rows={5} {...text(field)} />
      ))}
    </Section>
  );
}

export function ContactSection({ form }: { form: CaseFormFields }) {
  const { t } = useTranslation();
  const { text } = useBind(form);
  return (
    <Section id="section-contact" title={t('caseEditor.sectionContact')}>
      <p className="-mt-2 text-std-16N-170">{t('caseEditor.contactLead')}</p>
      <TextField
        hint={t('caseEditor.departmentHint')}
        labelExtra={<PublishRequiredMark />}
        autoComplete="organization"
        maxLength={LIMITS.department}
        {...text('contactDepartment')}
      />
      <TextField
        hint={t('caseEditor.emailHint')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        {...text('contactEmail')}
      />
      <TextField hint={t('caseEditor.phoneHint')} type="tel" autoComplete="tel" {...text('contactPhone')} />
    </Section>
  );
}
