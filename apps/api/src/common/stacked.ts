import { applyDecorators } from '@nestjs/common';

/**
 * Decorators in the order they would be written one above the other (applied bottom-up, as TypeScript does),
 * through Nest's applyDecorators (which applies its list first to last): the validators, and the order of their
 * messages, are those of the hand-written stack.
 */
export function Stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse()) as PropertyDecorator;
}
