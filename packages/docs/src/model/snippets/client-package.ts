/**
 * The module the TypeScript snippets import the typed client from (the browser-safe entry of
 * the client until it is its own package, `@charter/client`). The one place that knows
 * it: when the client moves to its own package, this line changes and every snippet follows.
 */
export const CLIENT_PACKAGE = '@charter/rest/client';
