/**
 * Decorators applied bottom-up, as they would be written one above the other: the validators (and the
 * order of their messages) are those of the hand-written stack.
 */
export function Stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  const bottomUp = [...decorators].reverse();
  return (target, key) => {
    for (const decorate of bottomUp) decorate(target, key);
  };
}
