import { Field, Int, type FieldOptions } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isPrefectureCode, isValidMunicipalityCode } from '@yokoten/case-studies';
import { Stacked } from './stacked';

/** 全国地方公共団体コード with a valid JIS X 0402 check digit. */
export function IsMunicipalityCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMunicipalityCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property }) =>
          `${property} must be a 6-digit 全国地方公共団体コード with a valid check digit (例: 131016)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidMunicipalityCode(value),
      },
    });
}

export function IsPrefectureCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPrefectureCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property }) => `${property} must contain JIS prefecture codes 01–47`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isPrefectureCode(value) },
    });
}

/** A list of input objects, each validated: at most `maxItems`; an `optional` one may be left out or null. */
export function NestedInputList(
  type: () => new () => object,
  maxItems: number,
  options: { optional?: boolean; description?: string; defaultValue?: unknown[] } = {},
): PropertyDecorator {
  const { optional = false, ...fieldOptions } = options;
  return Stacked(
    Field(() => [type()], (optional ? { nullable: true, ...fieldOptions } : fieldOptions) as FieldOptions),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** One input object, validated: an `optional` one may be left out or null. */
export function NestedInput(
  type: () => new () => object,
  options: { optional?: boolean; description?: string } = {},
): PropertyDecorator {
  const { optional = false, ...fieldOptions } = options;
  return Stacked(
    Field(type, optional ? { nullable: true, ...fieldOptions } : fieldOptions),
    ...(optional ? [IsOptional()] : []),
    ValidateNested(),
    Type(type),
  );
}

/** `first` of a paged list: the page size, 1–`max`, `defaultValue` when left out. */
export function PageSizeField(defaultValue: number, max: number): PropertyDecorator {
  return Stacked(
    Field(() => Int, { nullable: true, defaultValue, description: `Page size, 1–${max}` }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** `after` of a paged list: the end cursor of the previous page, at most `maxLength` characters. */
export function CursorField(maxLength: number, description?: string): PropertyDecorator {
  return Stacked(
    Field(() => String, description === undefined ? { nullable: true } : { nullable: true, description }),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
  );
}
