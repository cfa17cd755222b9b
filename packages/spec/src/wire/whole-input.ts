/*
 * REST carries an object input member by member: query parameters, body members, path
 * parameters. Any other input (a string, a number, a list...; see `isObjectRoot`) travels
 * whole: as the JSON body of a command, or as the `input` query parameter of a query
 * (repeated for a list), the name MCP wraps such an input in too.
 */

/** The query parameter that carries a query's whole input when it is not an object. */
export const WHOLE_INPUT_PARAMETER = 'input';
