/**
 * The explorer's own browser files, served beside GraphiQL as `explorer.js` and
 * `explorer.css`. They are files, not inline tags, so the page's Content-Security-Policy can
 * forbid every inline script and style.
 *
 * The script reads the endpoint from `#graphiql[data-endpoint]` and mounts GraphiQL (the UMD
 * globals `React`, `ReactDOM`, `GraphiQL`, `graphqlSse`) with a fetcher that POSTs queries and
 * mutations as JSON to that endpoint, with the headers of GraphiQL's headers editor (an
 * `Authorization: Bearer` line with no token is dropped), and streams subscriptions over
 * graphql-sse from the same endpoint.
 */
export const EXPLORER_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');

  function operationType(document, operationName) {
    var definitions = (document && document.definitions) || [];
    for (var i = 0; i < definitions.length; i++) {
      var d = definitions[i];
      if (d.kind !== 'OperationDefinition') continue;
      if (!operationName || (d.name && d.name.value === operationName)) return d.operation;
    }
    return 'query';
  }

  function requestHeaders(edited) {
    var headers = {};
    for (var key in edited || {}) {
      var value = String(edited[key]);
      // The template's "Bearer " with no token would fail as a bad credential.
      if (key.toLowerCase() === 'authorization' && /^bearer\\s*$/i.test(value.trim())) continue;
      headers[key] = value;
    }
    return headers;
  }

  async function* subscribe(params, headers) {
    var client = graphqlSse.createClient({
      url: endpoint,
      singleConnection: false,
      retryAttempts: 0,
      headers: function () { return headers; },
    });
    try {
      for await (var result of client.iterate(params)) yield result;
    } finally {
      client.dispose();
    }
  }

  async function post(params, headers) {
    var response = await fetch(endpoint, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers),
      body: JSON.stringify(params),
    });
    var text = await response.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      return { errors: [{ message: 'HTTP ' + response.status + ': the response is not JSON', extensions: { body: text.slice(0, 500) } }] };
    }
  }

  function fetcher(params, options) {
    var headers = requestHeaders(options && options.headers);
    if (operationType(options && options.documentAST, params.operationName) === 'subscription') {
      return subscribe(params, headers);
    }
    return post(params, headers);
  }

  var defaultQuery = [
    '# Charter GraphQL explorer',
    '#',
    '# Queries and mutations POST to ' + endpoint + ';',
    '# subscriptions stream from it (graphql-sse).',
    '# Signed-in operations: put your token after',
    '# "Bearer" in the Headers tab below.',
    '# Run: Ctrl+Enter (Cmd+Enter on a Mac).',
    '',
    '{',
    '  __typename',
    '}',
    '',
  ].join('\\n');

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: '{\\n  "Authorization": "Bearer "\\n}',
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }),
  );
})();
`;

/** Sizes the GraphiQL root to the window (a file, so no inline style is needed). */
export const EXPLORER_STYLE = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;
