export * from './lib/enums';
export * from './lib/limits';
export * from './lib/api-types';
export * from './lib/permissions';
export * from './lib/canned-replies';
export * from './lib/account';
export * from './lib/desk-settings';
export * from './lib/mail';
