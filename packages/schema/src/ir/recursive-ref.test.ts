import { describe, expect, test } from 'vitest';
import { toJsonSchema } from '../json-schema/json-schema-emitter.ts';
import { listOf } from '../model/compose.ts';
import { defineSchemaModel } from '../model/define-schema-model.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';
import { compileValidator } from '../validate/compile-validator.ts';
import { typeFingerprint } from './type-fingerprint.ts';
import { recursiveRef, type TypeNode } from './type-node.ts';

// TreeNode refers to itself; Folder -> File -> Folder is a cycle of two.
const TreeNode: TypeNode = defineSchemaModel({
	name: 'TreeNode',
	fields: {
		label: { type: ScalarTypeEnum.String(), isOptional: false },
		children: { type: recursiveRef('TreeNode', () => TreeNode), isOptional: true, isArray: true },
	},
});
const File: TypeNode = defineSchemaModel({
	name: 'File',
	fields: {
		name: { type: ScalarTypeEnum.String(), isOptional: false },
		parent: { type: recursiveRef('Folder', () => Folder), isOptional: true },
	},
});
const Folder: TypeNode = defineSchemaModel({
	name: 'Folder',
	fields: {
		name: { type: ScalarTypeEnum.String(), isOptional: false },
		files: { type: listOf(File), isOptional: false },
	},
});

describe('recursive types', () => {
	test('the IR stays a tree: the back-reference is JSON with a $ref, its target read only on demand', () => {
		expect(JSON.parse(JSON.stringify(TreeNode))).toMatchObject({
			fields: { children: { type: { kind: 'json-schema', schema: { $ref: '#/$defs/TreeNode' } } } },
		});
		expect(typeFingerprint(Folder)).toMatch(/^[0-9a-f]{16}$/);
	});

	test('the emitted schema recurses through $defs, the root kept when something refers back to it', () => {
		const schema = toJsonSchema(TreeNode);
		expect(schema.$defs).toHaveProperty('TreeNode');
		expect(schema).toMatchObject({
			properties: { children: { type: 'array', items: { $ref: '#/$defs/TreeNode' } } },
		});
		// Entered at File, the cycle still closes: Folder is defined beside it.
		expect(toJsonSchema(File).$defs).toHaveProperty('Folder');
	});

	test('validation follows the recursion: a deep valid value passes, an invalid nested one fails at its pointer', () => {
		const tree = compileValidator(TreeNode);
		const deep = {
			label: 'a',
			children: [{ label: 'b', children: [{ label: 'c', children: [] }] }],
		};
		expect(tree.validate(deep).ok).toBe(true);
		const bad = tree.validate({ label: 'a', children: [{ label: 'b', children: [{ label: 3 }] }] });
		expect(bad.ok).toBe(false);
		expect(JSON.stringify(bad)).toContain('/children/0/children/0/label');

		const file = compileValidator(File);
		const nested = {
			name: 'f',
			parent: { name: 'root', files: [{ name: 'g', parent: { name: 'x', files: [] } }] },
		};
		expect(file.validate(nested).ok).toBe(true);
		const wrong = file.validate({
			name: 'f',
			parent: { name: 'root', files: [{ name: 'g', parent: { files: [] } }] },
		});
		expect(wrong.ok).toBe(false);
		expect(JSON.stringify(wrong)).toContain('/parent/files/0/parent');
	});
});
