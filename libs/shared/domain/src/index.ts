export * from './lib/enums';
export * from './lib/limits';
export * from './lib/api-types';
export * from './lib/permissions';
