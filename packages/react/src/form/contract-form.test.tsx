// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTasksExecutor, TOKEN } from '../../test/fixtures/tasks-api.ts';
import {
	CompleteTaskContract,
	CreateTaskContract,
	UpdateProfileContract,
} from '../../test/fixtures/tasks-contracts.ts';
import { type Problem, ProblemError } from '../client/charter-client.ts';
import { ContractForm } from './contract-form.tsx';
import { contractResolver } from './contract-resolver.ts';
import type { WidgetProps } from './widgets/widget-props.ts';

afterEach(cleanup);

/** What the real executor answers for an input (the problem of a refused call). */
async function serverProblem(operation: string, input: unknown): Promise<Problem> {
	const result = await createTasksExecutor().execute({
		operation,
		input,
		metadata: { transport: 'test', headers: { authorization: `Bearer ${TOKEN}` } },
	});
	if (result.ok) throw new Error(`${operation} accepted ${JSON.stringify(input)}`);
	return result.problem;
}

const change = (label: RegExp | string, value: string) =>
	fireEvent.change(screen.getByLabelText(label), { target: { value } });

function renderProfile(props: Partial<Parameters<typeof ContractForm>[0]> = {}) {
	const onSubmit = vi.fn();
	render(
		<ContractForm
			contract={UpdateProfileContract}
			onSubmit={onSubmit}
			submitLabel="Save"
			{...props}
		/>,
	);
	return onSubmit;
}

describe('<ContractForm> renders the input model', () => {
	it('gives each kind of field its control, labelled, with descriptions as linked help text', () => {
		renderProfile();
		const form = screen.getByRole('form', { name: 'Update your profile.' });
		expect(form.getAttribute('novalidate')).not.toBeNull();
		const control = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`));
		expect(control('Name').getAttribute('type')).toBe('text');
		expect(control('Age').getAttribute('type')).toBe('number');
		expect(control('Age').getAttribute('step')).toBe('1');
		expect(control('Score').getAttribute('step')).toBe('any');
		expect(control('Active').getAttribute('type')).toBe('checkbox');
		expect(control('Verified').tagName).toBe('SELECT');
		expect(control('Birthday').getAttribute('type')).toBe('date');
		expect(control('Wake at').getAttribute('type')).toBe('time');
		expect(control('Last seen').getAttribute('type')).toBe('datetime-local');
		expect(control('Email').getAttribute('type')).toBe('email');
		expect(control('Website').getAttribute('type')).toBe('url');
		expect(control('Settings').tagName).toBe('TEXTAREA');
		expect(control('Kind').tagName).toBe('OUTPUT');
		expect(control('Kind').textContent).toBe('"person"');
		const priority = control('Priority') as HTMLSelectElement;
		expect([...priority.options].map((o) => o.textContent)).toEqual([
			'Choose…',
			'LOW — Whenever there is time.',
			'HIGH — Before anything else.',
			'URGENT — Now. deprecated: use HIGH',
		]);
		const name = control('Name');
		expect(name.getAttribute('aria-required')).toBe('true');
		expect(control('Age').getAttribute('aria-required')).toBeNull();
		const help = document.getElementById(name.getAttribute('aria-describedby')!);
		expect(help?.textContent).toBe('Full name.');
		const address = screen.getByRole('group', { name: /Address/ });
		expect(within(address).getByLabelText(/City/)).toBeTruthy();
		expect(within(address).getByText('Where letters go.')).toBeTruthy();
		expect(screen.getByRole('group', { name: 'Tags' })).toBeTruthy();
	});

	it('adds and removes list items', async () => {
		const onSubmit = renderProfile({
			defaultValues: {
				name: 'Ada',
				email: 'ada@example.com',
				priority: 'LOW',
				address: { street: '1 Main St', city: 'Paris' },
			},
		});
		fireEvent.click(screen.getByRole('button', { name: 'Add tags' }));
		fireEvent.click(screen.getByRole('button', { name: 'Add tags' }));
		change(/^Tags item 1/, 'red');
		change(/^Tags item 2/, 'blue');
		fireEvent.click(screen.getByRole('button', { name: 'Remove tags item 1' }));
		expect((screen.getByLabelText(/^Tags item 1/) as HTMLInputElement).value).toBe('blue');
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
		expect(onSubmit.mock.calls[0]![0].tags).toEqual(['blue']);
	});
});

describe('<ContractForm> validates with Charter before sending', () => {
	it('an empty required field shows the validator message on it, and nothing is sent', async () => {
		const onSubmit = renderProfile();
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		const name = screen.getByLabelText(/^Name/);
		await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
		const described = name.getAttribute('aria-describedby')!.split(' ');
		expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual([
			'Full name.',
			'is required',
		]);
		expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
		expect(screen.getByLabelText(/^City/).getAttribute('aria-invalid')).toBe('true');
		// Optional fields and a required nullable one (empty is null) are not errors.
		expect(screen.getByLabelText(/^Age/).getAttribute('aria-invalid')).toBeNull();
		expect(screen.getByLabelText(/^Nickname/).getAttribute('aria-invalid')).toBeNull();
		expect(onSubmit).not.toHaveBeenCalled();
	});

	it('a given validator replaces the compiled one: its issues land on their fields, its value is sent', async () => {
		const seen: unknown[] = [];
		const validate = async (input: unknown) => {
			seen.push(input);
			const name = (input as { name?: string }).name;
			return name === 'Ada'
				? { ok: true as const, value: { name: 'Ada', email: 'ada@example.com', city: 'X' } }
				: { ok: false as const, issues: [{ path: '/name', code: 'custom', message: 'not Ada' }] };
		};
		const onSubmit = renderProfile({ validator: validate });
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		const name = screen.getByLabelText(/^Name/);
		await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
		expect(
			document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent,
		).toBe('not Ada');
		// The compiled validator would also have flagged the empty required e-mail; this one did not.
		expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBeNull();
		expect(onSubmit).not.toHaveBeenCalled();
		change(/^Name/, 'Ada');
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
		expect(onSubmit.mock.calls[0]![0]).toEqual({
			name: 'Ada',
			email: 'ada@example.com',
			city: 'X',
		});
		expect(seen.length).toBeGreaterThanOrEqual(2);
	});

	it('sends wire values: numbers, ISO instants, absent empty optionals, null for empty nullables', async () => {
		const onSubmit = renderProfile();
		change(/^Name/, 'Ada');
		change(/^Age/, '36');
		change(/^Score/, '9.5');
		fireEvent.click(screen.getByLabelText(/^Active/));
		change(/^Verified/, 'false');
		change(/^Birthday/, '1815-12-10');
		change(/^Wake at/, '07:30');
		change(/^Last seen/, '2026-01-05T09:30');
		change(/^Email/, 'ada@example.com');
		change(/^Website/, 'https://example.com/ada');
		change(/^Priority/, 'HIGH');
		change(/^Street/, '12 St James Sq');
		change(/^City/, 'London');
		change(/^Settings/, '{"theme":"dark"}');
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
		expect(onSubmit.mock.calls[0]![0]).toEqual({
			name: 'Ada',
			age: 36,
			score: 9.5,
			active: true,
			verified: false,
			birthday: '1815-12-10',
			wakeAt: '07:30',
			lastSeen: new Date('2026-01-05T09:30').toISOString(),
			email: 'ada@example.com',
			website: 'https://example.com/ada',
			priority: 'HIGH',
			nickname: null,
			kind: 'person',
			address: { street: '12 St James Sq', city: 'London' },
			settings: { theme: 'dark' },
		});
	});

	it('gives the same issues, messages and JSON pointers as the server for the same input', async () => {
		const input = {
			name: '',
			age: -1,
			active: 'yes',
			email: 'not-an-email',
			priority: 'SOON',
			nickname: null,
			kind: 'person',
			address: { street: 'x' },
		};
		const problem = await serverProblem('tasks.profile.update', structuredClone(input));
		expect(problem.code).toBe('VALIDATION_FAILED');
		const resolver = contractResolver(UpdateProfileContract.io.input);
		const result = await resolver(structuredClone(input), undefined, {
			fields: {},
			shouldUseNativeValidation: false,
		});
		const errors = result.errors as Record<string, any>;
		const fromForm = {
			'/name': errors.name?.message,
			'/age': errors.age?.message,
			'/active': errors.active?.message,
			'/email': errors.email?.message,
			'/priority': errors.priority?.message,
			'/address/city': errors.address?.city?.message,
		};
		const fromServer = Object.fromEntries(problem.issues!.map((i) => [i.path, i.message]));
		expect(fromForm).toEqual(fromServer);
	});
});

describe('<ContractForm> shows server problems', () => {
	it("puts each issue of a server's 422 on its field", async () => {
		const problem = await serverProblem('tasks.task.create', { title: 'x'.repeat(81) });
		expect(problem.issues).toEqual([
			{ path: '/title', code: 'maxLength', message: 'must NOT have more than 80 characters' },
		]);
		render(
			<ContractForm
				contract={CreateTaskContract}
				onSubmit={() => Promise.reject(new ProblemError(problem))}
			/>,
		);
		change(/^Title/, 'Fine here');
		fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
		const title = screen.getByLabelText(/^Title/);
		await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
		const ids = title.getAttribute('aria-describedby')!.split(' ');
		expect(document.getElementById(ids.at(-1)!)?.textContent).toBe(
			'must NOT have more than 80 characters',
		);
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('shows a problem without field issues as a form-level alert', async () => {
		const problem = await serverProblem('tasks.task.complete', { id: 'missing' });
		render(
			<ContractForm
				contract={CompleteTaskContract}
				defaultValues={{ id: 'missing' }}
				onSubmit={() => Promise.reject(new ProblemError(problem))}
			/>,
		);
		fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('no task missing'));
	});
});

/** A replacement control that upper-cases what is typed. */
const Stars = (props: WidgetProps) => (
	<input
		id={props.id}
		data-testid={`custom-${props.name}`}
		value={String(props.value ?? '')}
		onChange={(e) => props.onChange(e.target.value.toUpperCase())}
	/>
);

describe('<ContractForm> widgets are replaceable', () => {
	it('per scalar, per kind and per field; false leaves a field out and keeps its value', async () => {
		const onSubmit = renderProfile({
			widgets: { EmailAddress: Stars, enum: Stars },
			fields: { name: Stars, kind: false, website: false },
			defaultValues: { address: { street: 's', city: 'c' }, website: 'not a url' },
		});
		expect(screen.getByTestId('custom-email')).toBeTruthy();
		expect(screen.getByTestId('custom-priority')).toBeTruthy();
		expect(screen.getByTestId('custom-name')).toBeTruthy();
		expect(screen.queryByLabelText(/^Kind/)).toBeNull();
		expect(screen.queryByLabelText(/^Website/)).toBeNull();
		// The label still points at the replacement control.
		expect(screen.getByLabelText(/^Name/)).toBe(screen.getByTestId('custom-name'));
		fireEvent.change(screen.getByTestId('custom-name'), { target: { value: 'ada' } });
		fireEvent.change(screen.getByTestId('custom-email'), { target: { value: 'a@b.co' } });
		fireEvent.change(screen.getByTestId('custom-priority'), { target: { value: 'low' } });
		fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		// A field left out keeps its value; its error cannot sit on it, so the form's alert says it.
		await waitFor(() =>
			expect(screen.getByRole('alert').textContent).toBe('Website: must be a valid uri'),
		);
		expect(onSubmit).not.toHaveBeenCalled();
		expect(screen.getByTestId('custom-name')).toHaveProperty('value', 'ADA');
	});
});
