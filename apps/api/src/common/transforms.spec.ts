import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { CreateCaseStudyInput } from '../modules/case-study/dto/create-case-study.input';
import { OutcomeInput } from '../modules/case-study/dto/case-study-fields';
import { AskInquiryInput } from '../modules/inquiry/dto/inquiry.input';
import { SignDeclarationInput } from '../modules/municipality/dto/sign-declaration.input';
import { oneLine, trim } from './transforms';

describe('input transforms', () => {
  it('trim takes the spaces around a value and leaves other values alone', () => {
    expect(trim({ value: '  窓口 ' })).toBe('窓口');
    expect(trim({ value: 3 })).toBe(3);
  });

  it('oneLine makes a pasted line break or tab one space', () => {
    expect(oneLine({ value: ' 窓口の\r\n  オンライン化\t(2025) ' })).toBe('窓口の オンライン化 (2025)');
    expect(oneLine({ value: null })).toBeNull();
  });

  it('one-line fields of cases, questions and declarations take a pasted line break as a space', () => {
    const text = '窓口の\nオンライン化';
    expect(plainToInstance(CreateCaseStudyInput, { title: text }).title).toBe('窓口の オンライン化');
    expect(plainToInstance(OutcomeInput, { label: '受講\n者数', unit: '人\n' })).toMatchObject({
      label: '受講 者数',
      unit: '人',
    });
    expect(plainToInstance(AskInquiryInput, { subject: text }).subject).toBe('窓口の オンライン化');
    expect(plainToInstance(SignDeclarationInput, { signerTitle: '北九州\n市長' }).signerTitle).toBe(
      '北九州 市長',
    );
    // Multi-line texts keep their lines.
    expect(plainToInstance(CreateCaseStudyInput, { summary: text }).summary).toBe(text);
  });
});
