/**
 * @xianjie/contract — the API's wire shapes, written once: the API's view builders return these
 * types and its DTO classes implement the request types; the mini program's client speaks them.
 * Framework-free; it depends on @xianjie/rules for the domain's vocabulary only.
 */
export * from './limits';
export * from './paging';
export * from './errors';
export * from './common';
export * from './auth';
export * from './orgs';
export * from './transfers';
export * from './members';
export * from './progress';
export * from './retention';
export * from './statistics';
export * from './reminders';
export * from './requests';
export * from './imports';
