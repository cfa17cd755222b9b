/*
 * `@charter/rest/client`, kept for code that imported the typed client from here before it
 * became its own package: everything comes from `@charter/client`.
 */
export * from '@charter/client';
