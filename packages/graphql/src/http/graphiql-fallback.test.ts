import { describe, expect, it, vi } from 'vitest';
import { fixtureRegistry } from '../../test/fixtures/fixture-contracts.ts';
import { createGraphqlHandler } from './graphql-handler.ts';

// As if graphiql, react or react-dom were not installed.
vi.mock('./graphiql-assets.ts', () => ({ loadExplorerAssets: () => undefined }));

describe('GraphQL explorer without the GraphiQL files', () => {
	it('serves the minimal, self-contained explorer page and no assets', async () => {
		const handler = createGraphqlHandler(fixtureRegistry());
		const page = await handler.fetch(
			new Request('http://localhost/graphql', { headers: { accept: 'text/html' } }),
		);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<textarea id="query"');
		expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
		const asset = await handler.fetch(new Request('http://localhost/graphql/assets/react.js'));
		expect(asset.status).toBe(404);
	});
});
