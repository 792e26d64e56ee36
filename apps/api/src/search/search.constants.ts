export const MEILI_CLIENT = Symbol('MEILI_CLIENT');
