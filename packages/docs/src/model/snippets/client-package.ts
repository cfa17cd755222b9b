/**
 * The package the TypeScript snippets import the typed client from. The one place that knows
 * it: when the client moves to its own package, this line changes and every snippet follows.
 */
export const CLIENT_PACKAGE = '@charter/rest';
