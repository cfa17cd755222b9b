import { defineSchemaModel, f } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { defineQuery } from '../operations/define-operation.ts';
import { clientMethodPath, clientMethods } from './client-methods.ts';

const Model = defineSchemaModel({ name: 'M', fields: { id: f.string() } });
const query = (key: string, version: string) =>
	defineQuery({
		meta: { key, version },
		io: { input: Model, output: Model },
		policy: { auth: 'user' },
	});

describe('clientMethodPath', () => {
	it('nests by key segments and keeps the bare name for majors 0 and 1', () => {
		expect(clientMethodPath(query('todo.item.get', '1.4.0'))).toEqual(['todo', 'item', 'get']);
		expect(clientMethodPath(query('todo.item.get', '0.3.0'))).toEqual(['todo', 'item', 'get']);
	});

	it('appends V<major> to the last segment from major 2', () => {
		expect(clientMethodPath(query('todo.item.get', '2.1.0'))).toEqual(['todo', 'item', 'getV2']);
		expect(clientMethodPath(query('todo', '12.0.0'))).toEqual(['todoV12']);
	});

	it("writes a segment's words in camelCase", () => {
		expect(clientMethodPath(query('billing.invoice-line.add_all', '1.0.0'))).toEqual([
			'billing',
			'invoiceLine',
			'addAll',
		]);
		expect(clientMethodPath(query('crm.contact_list-item.bulk-add_all', '2.1.0'))).toEqual([
			'crm',
			'contactListItem',
			'bulkAddAllV2',
		]);
		expect(clientMethodPath(query('api_v1.item-2x.get', '1.0.0'))).toEqual([
			'apiV1',
			'item2x',
			'get',
		]);
	});
});

describe('clientMethods', () => {
	it('keeps the newest version within a major and every major apart', () => {
		const methods = clientMethods([
			query('todo.item.get', '1.1.0'),
			query('todo.item.get', '2.0.0'),
			query('todo.item.get', '1.0.0'),
		]);
		expect(methods.map(({ path, spec }) => `${path.join('.')}@${spec.meta.version}`)).toEqual([
			'todo.item.get@1.1.0',
			'todo.item.getV2@2.0.0',
		]);
	});

	it('refuses two keys that land on one method', () => {
		expect(() =>
			clientMethods([
				query('billing.invoice-line.add', '1.0.0'),
				query('billing.invoice_line.add', '1.0.0'),
			]),
		).toThrow(
			'client method billing.invoiceLine.add is claimed by billing.invoice-line.add@1.0.0 and billing.invoice_line.add@1.0.0',
		);
	});
});
