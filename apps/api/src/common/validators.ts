import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isPrefectureCode, isValidMunicipalityCode } from '@yokoten/case-studies';

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
