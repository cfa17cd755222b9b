/*
 * Type-level tests, checked by `npm run typecheck` (tsc), never run: `ClientMethodPath` names
 * a key's segments as `clientMethodPath` (`camelWords`) does at run time, for `-` and `_`
 * alike (client-methods.test.ts asserts the same paths at run time).
 */
import { expectTypeOf } from 'vitest';
import type { ClientMethodPath } from './client-methods.ts';

expectTypeOf<ClientMethodPath<'billing.invoice-line.add_all', '1.0.0'>>().toEqualTypeOf<
	['billing', 'invoiceLine', 'addAll']
>();
expectTypeOf<ClientMethodPath<'crm.contact_list-item.bulk-add_all', '2.1.0'>>().toEqualTypeOf<
	['crm', 'contactListItem', 'bulkAddAllV2']
>();
expectTypeOf<ClientMethodPath<'api_v1.item-2x.get', '1.0.0'>>().toEqualTypeOf<
	['apiV1', 'item2x', 'get']
>();
