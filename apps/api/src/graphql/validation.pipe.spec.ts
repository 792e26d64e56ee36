import type { ArgumentMetadata } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { LoginArgs } from '../modules/auth/dto/login.args';
import { MunicipalitiesArgs } from '../modules/municipality/dto/municipalities.args';
import { SignDeclarationInput } from '../modules/municipality/dto/sign-declaration.input';
import { GraphqlValidationPipe } from './validation.pipe';

const pipe = new GraphqlValidationPipe();
// How @nestjs/graphql calls the pipe: @Args('input') gives data 'input'; @Args() with an ArgsType gives none.
const namedArg = (metatype: ArgumentMetadata['metatype'], data: string): ArgumentMetadata => ({
  type: 'body',
  metatype,
  data,
});
const argsType = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function failure(value: unknown, metadata: ArgumentMetadata): Promise<AppError> {
  try {
    await pipe.transform(value, metadata);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(value)} to fail validation`);
}

describe('GraphqlValidationPipe', () => {
  const valid = { signerName: '  北九 太郎 ', signerTitle: '北九州市長', statement: '宣言します。' };

  it('returns an instance of the input class with its transforms applied (trimmed strings)', async () => {
    const result = await pipe.transform(valid, namedArg(SignDeclarationInput, 'input'));
    expect(result).toBeInstanceOf(SignDeclarationInput);
    expect(result).toEqual({ signerName: '北九 太郎', signerTitle: '北九州市長', statement: '宣言します。' });
  });

  it('names the bad field with the argument path, as BAD_USER_INPUT', async () => {
    const error = await failure({ ...valid, statement: '   ' }, namedArg(SignDeclarationInput, 'input'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions).toMatchObject({ field: 'input.statement' });
    expect(error.message).toMatch(/^input\.statement: statement を入力してください/);
  });

  it('lists every bad field in `fields`, the first one in `field`', async () => {
    const error = await failure(
      { signerName: '', signerTitle: 'x'.repeat(101), statement: '' },
      namedArg(SignDeclarationInput, 'input'),
    );
    const fields = error.extensions.fields as Array<{ field: string; messages: string[] }>;
    expect(fields.map((f) => f.field)).toEqual(['input.signerName', 'input.signerTitle', 'input.statement']);
    expect(error.extensions.field).toBe('input.signerName');
    expect(fields[1].messages.join(' ')).toMatch(/100/);
  });

  it('refuses properties the input does not declare, naming them', async () => {
    const error = await failure({ ...valid, signedByUserId: 'x' }, namedArg(SignDeclarationInput, 'input'));
    expect(error.extensions.field).toBe('input.signedByUserId');
    expect(error.message).toMatch(/should not exist/);
  });

  it('names top-level arguments of an ArgsType without a prefix', async () => {
    const error = await failure({ email: 'not-an-email', password: 'x' }, argsType(LoginArgs));
    expect(error.extensions.field).toBe('email');
    expect((await failure({ first: 0 }, argsType(MunicipalitiesArgs))).extensions.field).toBe('first');
  });

  it('names nested fields by their path', async () => {
    const error = await failure({ filter: { prefectureCodes: ['13', '48'] } }, argsType(MunicipalitiesArgs));
    expect(error.extensions.field).toBe('filter.prefectureCodes');
    expect(error.message).toMatch(/01–47/);
  });

  it('lower-cases and trims an email before validating it', async () => {
    const result = await pipe.transform(
      { email: ' Organiser@Yokoten.EXAMPLE ', password: 'p' },
      argsType(LoginArgs),
    );
    expect(result).toMatchObject({ email: 'organiser@yokoten.example' });
  });

  it('passes values of primitive types through untouched', async () => {
    expect(await pipe.transform('401005', namedArg(String, 'code'))).toBe('401005');
    expect(await pipe.transform(5, namedArg(Number, 'limit'))).toBe(5);
  });

  describe('text no store accepts (NUL, a lone UTF-16 surrogate)', () => {
    it.each([
      [{ ...valid, statement: '宣言\u0000します' }, 'input.statement'],
      [{ ...valid, signerName: '北九\ud800太郎' }, 'input.signerName'],
      [{ ...valid, signerTitle: '\udc00市長' }, 'input.signerTitle'],
    ])('%j → BAD_USER_INPUT naming %s', async (value, field) => {
      const error = await failure(value, namedArg(SignDeclarationInput, 'input'));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe(field);
      expect(error.message).toContain(`${field}: 使用できない文字`);
    });

    it('keeps a surrogate pair (emoji, 𠮷) and other text', async () => {
      const result = await pipe.transform(
        { ...valid, statement: '𠮷野家で😀宣言します。' },
        namedArg(SignDeclarationInput, 'input'),
      );
      expect(result).toMatchObject({ statement: '𠮷野家で😀宣言します。' });
    });

    it('leaves the resolver’s context and info alone (not arguments)', async () => {
      const context = { note: 'a\u0000b' };
      await expect(pipe.transform(context, { type: 1 as never, metatype: Object })).resolves.toBe(context);
    });
  });

  it('passes a field resolver’s parent through as it is: not input, never turned into a DTO or validated', async () => {
    // ROOT (0) is how @nestjs/graphql passes @Parent(); a DTO class as its type would otherwise be validated.
    const parent = { signerName: '', extra: 'not declared' };
    await expect(pipe.transform(parent, { type: 0 as never, metatype: SignDeclarationInput })).resolves.toBe(
      parent,
    );
  });
});
