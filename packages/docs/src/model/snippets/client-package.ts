/**
 * The module the TypeScript snippets import the typed client from. The one place that knows
 * it, so every snippet follows if it ever moves.
 */
export const CLIENT_PACKAGE = '@charter/client';
