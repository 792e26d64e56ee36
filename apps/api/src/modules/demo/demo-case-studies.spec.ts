import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DEMO_CASE_STUDIES } from '@yokoten/demo-data';
import { CreateCaseStudyInput } from '../case-study/dto/create-case-study.input';
import { missingForPublish } from '../case-study/publish-checklist';

function problems(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${e.property}: ${m}`),
    ...problems(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** The demo data goes in through the seed, not the API, so it is held to the API's rules here. */
describe('DEMO_CASE_STUDIES', () => {
  it('has unique keys and titles', () => {
    expect(new Set(DEMO_CASE_STUDIES.map((c) => c.key)).size).toBe(DEMO_CASE_STUDIES.length);
    expect(new Set(DEMO_CASE_STUDIES.map((c) => c.title)).size).toBe(DEMO_CASE_STUDIES.length);
  });

  it.each(DEMO_CASE_STUDIES.map((c) => [c.key, c] as const))('%s passes CreateCaseStudyInput', (_key, c) => {
    const { key: _k, status: _s, publishedAt: _p, ...fields } = c;
    const input = plainToInstance(CreateCaseStudyInput, JSON.parse(JSON.stringify(fields)));
    const errors = validateSync(input, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    expect(problems(errors)).toEqual([]);
  });

  it('every published demo case meets the publish checklist', () => {
    const failing = DEMO_CASE_STUDIES.filter((c) => c.status === 'PUBLISHED')
      .map((c) => ({
        key: c.key,
        missing: missingForPublish({ ...c, outcomes: [...c.outcomes] } as never)?.missing,
      }))
      .filter((r) => r.missing);
    expect(failing).toEqual([]);
  });
});
