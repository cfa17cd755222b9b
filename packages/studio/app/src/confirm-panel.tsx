/** Asks before a destructive command is sent, showing who sends what. */
export function ConfirmPanel(props: {
	readonly operation: string;
	readonly who: string;
	readonly input: unknown;
	readonly onConfirm: () => void;
	readonly onCancel: () => void;
}) {
	return (
		<div role="alertdialog" aria-labelledby="confirm-title" className="confirm">
			<h3 id="confirm-title">Send {props.operation}?</h3>
			<p>This command is marked destructive. It runs as {props.who} with this input:</p>
			<pre>{JSON.stringify(props.input, null, 2)}</pre>
			<button type="button" onClick={props.onConfirm}>
				Yes, send it
			</button>{' '}
			<button type="button" className="link" onClick={props.onCancel}>
				Cancel
			</button>
		</div>
	);
}
