/**
 * The docs page model: plain JSON built from the registry, with every label already in
 * human words. Renderers (Markdown, HTML) only lay it out; they never look at contracts.
 * Links (`href`) are relative to the site root, e.g. `operations/workflow.instance.pause@1.0.0.html`.
 */

/** A link to another page of the site. */
export interface PageLink {
	readonly text: string;
	readonly href: string;
}

/** One fact of a contract's header, shown once: `Type: operation (command)`. */
export interface Fact {
	readonly id: 'type' | 'version' | 'stability' | 'owners' | 'tags' | 'file';
	readonly label: string;
	readonly value: string;
}

/** How a type reads in a table: `list of WorkflowInstance`, linked to the model's page. */
export interface TypeRef {
	readonly text: string;
	readonly href?: string;
	/** What the scalar means on the wire (`An instant, ISO 8601 ...`). */
	readonly hint?: string;
}

export interface EnumValueRow {
	readonly value: string;
	readonly description?: string;
	readonly deprecated?: string;
}

/** One row of a field table. */
export interface FieldRow {
	readonly name: string;
	readonly type: TypeRef;
	readonly required: boolean;
	readonly nullable: boolean;
	readonly description?: string;
	/** Human constraints: `at least 1`, `format date-time`, `pattern ^[A-Z]{3}$`. */
	readonly constraints: readonly string[];
	readonly enumValues: readonly EnumValueRow[];
	readonly default?: string;
	readonly deprecated?: string;
}

/** An input, output or payload: its type and, for a model, its fields. */
export interface TypeSection {
	readonly type: TypeRef;
	readonly description?: string;
	readonly fields: readonly FieldRow[];
}

export interface WireSection {
	readonly rest: { readonly method: string; readonly path: string };
	readonly graphql: { readonly type: 'Query' | 'Mutation'; readonly field: string };
	readonly mcp: { readonly tool: string };
}

export interface PolicySection {
	readonly auth: string;
	/** Plain sentences, one per rule. */
	readonly sentences: readonly string[];
}

export interface ErrorRow {
	readonly code: string;
	readonly status: number;
	readonly description: string;
}

export interface EmittedEventRow {
	readonly key: string;
	readonly version: string;
	readonly when?: string;
	readonly href?: string;
}

export interface ScenarioRow {
	readonly key: string;
	readonly given: readonly string[];
	readonly when: readonly string[];
	readonly then: readonly string[];
}

export interface ExampleRow {
	readonly key: string;
	readonly description?: string;
	readonly scenario?: string;
	/** Pretty JSON of the input. */
	readonly request: string;
	/** Pretty JSON of the expected output, when the example succeeds. */
	readonly response?: string;
	/** Expected error code, when the example fails. */
	readonly error?: string;
}

/** Ready-to-run calls of the operation, all written from one input. */
export interface Snippets {
	/** curl on the REST route. */
	readonly curl: string;
	/** A TypeScript module calling the typed client. */
	readonly typescript: string;
	/** The GraphQL operation, and its variables as JSON. */
	readonly graphql: { readonly document: string; readonly variables: string };
	/** curl of an MCP `tools/call` on the Streamable HTTP endpoint. */
	readonly mcp: string;
}

/** What the try-it panel sends: the route, and the input it starts from (pretty JSON). */
export interface TryIt {
	readonly method: string;
	/** The route's path template, e.g. `/v1/todos/{id}`. */
	readonly path: string;
	/** True when the input is not an object: it travels whole (body, or `input=` for GET). */
	readonly wholeInput: boolean;
	readonly input: string;
}

export interface DeprecationBanner {
	readonly message: string;
	readonly replacedBy?: PageLink;
	readonly sunset?: string;
	readonly since?: string;
	readonly reason?: string;
}

/** The contract's authored definition, for display. */
export interface SourceSection {
	readonly file: string;
	readonly exportName?: string;
	readonly code: string;
}

/** Fields shared by every contract-like page. */
interface PageBase {
	/** Path of the page relative to the site root. */
	readonly path: string;
	readonly title: string;
	readonly description?: string;
}

export interface OperationPage extends PageBase {
	readonly kind: 'operation';
	readonly operationKind: 'command' | 'query';
	readonly key: string;
	readonly version: string;
	readonly stability: string;
	readonly owners: readonly string[];
	readonly tags: readonly string[];
	readonly goal?: string;
	readonly context?: string;
	readonly facts: readonly Fact[];
	readonly deprecation?: DeprecationBanner;
	readonly wire: WireSection;
	readonly input: TypeSection;
	readonly output: TypeSection;
	readonly policy: PolicySection;
	readonly errors: readonly ErrorRow[];
	readonly events: readonly EmittedEventRow[];
	readonly audit: readonly string[];
	readonly scenarios: readonly ScenarioRow[];
	readonly examples: readonly ExampleRow[];
	readonly snippets: Snippets;
	readonly tryIt: TryIt;
	/** A whole, valid output (an acceptance output completed, or a sample), pretty JSON. */
	readonly responseExample?: string;
	readonly source?: SourceSection;
	readonly features: readonly PageLink[];
	readonly otherVersions: readonly PageLink[];
}

export interface EventPage extends PageBase {
	readonly kind: 'event';
	readonly key: string;
	readonly version: string;
	readonly stability: string;
	readonly owners: readonly string[];
	readonly tags: readonly string[];
	/** `registered` events are contracts; `inline` ones are declared inside an operation's emits. */
	readonly origin: 'registered' | 'inline';
	readonly facts: readonly Fact[];
	readonly deprecation?: DeprecationBanner;
	readonly payload?: TypeSection;
	readonly pii: readonly string[];
	readonly emittedBy: readonly (PageLink & { readonly when?: string })[];
	readonly source?: SourceSection;
	readonly features: readonly PageLink[];
}

export interface ModelPage extends PageBase {
	readonly kind: 'model';
	readonly name: string;
	/** `model`, `enum` or `union`, in words. */
	readonly typeKind: 'model' | 'enum' | 'union';
	readonly fields: readonly FieldRow[];
	readonly enumValues: readonly EnumValueRow[];
	readonly variants: readonly TypeRef[];
	readonly discriminator?: string;
	/** The published JSON Schema, pretty-printed. */
	readonly jsonSchema: string;
	readonly usedBy: readonly PageLink[];
}

/** A guide: a Markdown page written by people, in a section of the guides. */
export interface GuidePage extends PageBase {
	readonly kind: 'guide';
	readonly section: string;
	/** The guide's Markdown, includes expanded. */
	readonly markdown: string;
	/** Its `##` headings, with their anchors, for the search and the page's contents. */
	readonly headings: readonly { readonly text: string; readonly id: string }[];
}

/** A section of the guides, in order, with its pages in order. */
export interface GuideSection {
	readonly title: string;
	readonly pages: readonly GuidePage[];
}

export type DocsPage = OperationPage | EventPage | ModelPage | GuidePage;

/** A group of the index: a feature, or `Other` for contracts in no feature. */
export interface IndexGroup {
	readonly id: string;
	readonly title: string;
	readonly description?: string;
	readonly operations: readonly IndexEntry[];
	readonly events: readonly IndexEntry[];
}

/** One contract, event or model as the index and search see it. */
export interface IndexEntry {
	readonly kind: 'command' | 'query' | 'event' | 'model' | 'enum' | 'union';
	/** The REST method and path of an operation. */
	readonly method?: string;
	readonly route?: string;
	readonly title: string;
	readonly version?: string;
	readonly description?: string;
	readonly stability?: string;
	readonly owners: readonly string[];
	readonly tags: readonly string[];
	readonly href: string;
}

/** The whole site as data. */
export interface DocsModel {
	readonly title: string;
	readonly guides: readonly GuideSection[];
	readonly groups: readonly IndexGroup[];
	readonly models: readonly IndexEntry[];
	readonly operations: readonly OperationPage[];
	readonly events: readonly EventPage[];
	readonly modelPages: readonly ModelPage[];
	/** Every tag, owner and stability in use, sorted, for the filters. */
	readonly filters: {
		readonly tags: readonly string[];
		readonly owners: readonly string[];
		readonly stabilities: readonly string[];
	};
}
