/**
 * Validation of annotations and replies from untrusted JSON: client input to the API, and whole
 * stored annotations read back from an imported pack. Pure and total: any value in, a typed
 * value or a list of messages (written for the person who made the annotation) out.
 */
import {
	ANNOTATION_KINDS,
	CONTENT_FIELDS,
	ENTMAN_FUNCTIONS,
	EVIDENCE,
	RELATIONS,
	parseFrame,
	type Annotation,
	type AnnotationInput,
	type AnnotationKind,
	type AnnotationScope,
	type Author,
	type ComparisonTexts,
	type Reply,
	type ReplyInput
} from './model';
import {
	Issues,
	checkTargets,
	checkEnum,
	checkText,
	checkTimestamp,
	checkUrl,
	checkUuid,
	isRecord,
	own,
	type FieldError,
	type PassageRules,
	type ValidationResult
} from './validate-fields';

/** Result types, re-exported so callers need only this module. */
export type { FieldError, PassageRules, ValidationResult };

/** Longest note or reply: a paragraph or two of discussion, not an essay. */
const MAX_NOTE_LENGTH = 2000;
/** Longest evidence link (the usual limit of browsers and servers). */
const MAX_URL_LENGTH = 2000;
/** Replies one annotation may carry in an import: far above a class discussion. */
const MAX_REPLIES = 1000;

const INPUT_FIELDS = ['id', 'targets', ...CONTENT_FIELDS] as const;
const STORED_FIELDS = [...INPUT_FIELDS, 'author', 'scope', 'createdAt', 'updatedAt', 'replies'];
const REPLY_INPUT_FIELDS = ['id', 'annotationId', 'note'] as const;
const STORED_REPLY_FIELDS = [...REPLY_INPUT_FIELDS, 'author', 'createdAt', 'updatedAt'];

function result<T>(issues: Issues, value: T): ValidationResult<T> {
	return issues.list.length === 0 ? { ok: true, value } : { ok: false, errors: issues.list };
}

/** Reads the client-editable fields; kind rules say which optional ones may appear. */
function readInput(
	issues: Issues,
	raw: Record<string, unknown>,
	articles: ComparisonTexts,
	rules?: PassageRules
): AnnotationInput | undefined {
	const id = checkUuid(issues, 'id', own(raw, 'id'), 'The annotation id');
	const kind = checkEnum(issues, 'kind', own(raw, 'kind'), ANNOTATION_KINDS, 'The kind', true);
	if (kind === undefined) return undefined;
	const targets = checkTargets(issues, kind, own(raw, 'targets'), articles, rules);
	const note =
		checkText(issues, 'note', own(raw, 'note') ?? '', {
			label: 'The note',
			max: MAX_NOTE_LENGTH
		}) ?? '';
	const value: AnnotationInput = { id: id ?? '', kind, targets: targets ?? [], note };
	const only = (field: string, allowed: AnnotationKind, what: string): boolean => {
		const present = own(raw, field) !== undefined && own(raw, field) !== null;
		if (present && kind !== allowed)
			issues.add(field, `${what} only applies to a ${allowed.replace('-', ' ')}.`);
		return present && kind === allowed;
	};
	if (kind === 'shared-fact') {
		value.relation = checkEnum(issues, 'relation', own(raw, 'relation'), RELATIONS, 'The relation');
		if (value.relation === undefined && !issues.has('relation')) {
			issues.add(
				'relation',
				'Choose how the two passages relate: same fact, different detail or contradicts.'
			);
		}
	} else only('relation', 'shared-fact', 'A relation');
	if (only('evidence', 'shared-fact', 'An evidence status')) {
		value.evidence = checkEnum(
			issues,
			'evidence',
			own(raw, 'evidence'),
			EVIDENCE,
			'The evidence status'
		);
	}
	const url = own(raw, 'evidenceUrl');
	if (url !== '' && only('evidenceUrl', 'shared-fact', 'An evidence link')) {
		value.evidenceUrl = checkUrl(issues, 'evidenceUrl', url, MAX_URL_LENGTH);
	}
	if (only('frame', 'framing', 'A frame')) {
		const frame = checkText(issues, 'frame', own(raw, 'frame'), { label: 'The frame', max: 200 });
		if (frame !== undefined && !parseFrame(frame)) issues.add('frame', `Unknown frame "${frame}".`);
		else value.frame = frame;
	}
	if (only('entman', 'framing', 'An Entman function')) {
		value.entman = checkEnum(
			issues,
			'entman',
			own(raw, 'entman'),
			ENTMAN_FUNCTIONS,
			'The Entman function'
		);
	}
	if (only('attachedTo', 'framing', 'Attaching to a shared fact')) {
		value.attachedTo = checkUuid(
			issues,
			'attachedTo',
			own(raw, 'attachedTo'),
			'The shared fact id'
		);
		if (value.attachedTo !== undefined && value.attachedTo === id) {
			issues.add('attachedTo', 'A framing cannot be attached to itself.');
		}
	}
	const suggestion = own(raw, 'suggestionId');
	if (suggestion !== undefined && suggestion !== null) {
		value.suggestionId = checkText(issues, 'suggestionId', suggestion, {
			label: 'The suggestion id',
			max: 200,
			required: true
		});
	}
	if (
		kind === 'framing' &&
		value.frame === undefined &&
		value.entman === undefined &&
		!issues.has('frame') &&
		!issues.has('entman')
	) {
		issues.add('frame', 'Choose a frame or an Entman function for this framing.');
	}
	if (kind === 'note' && note.trim() === '' && !issues.has('note'))
		issues.add('note', 'Write the note before saving it.');
	for (const key of Object.keys(value) as (keyof AnnotationInput)[]) {
		if (value[key] === undefined) delete value[key];
	}
	return value;
}

/**
 * Validates what a client sends to create or update an annotation. Unknown fields are rejected
 * (each named), so a typo never silently drops data; server-owned fields (author, scope,
 * timestamps, replies) count as unknown here. Passages are a reader's selection unless `rules`
 * say otherwise (a change that keeps the stored ones: { from: 'kept' }).
 * @example validateAnnotationInput({ id, kind: 'note', targets: [t], note: 'Why?' }, articles).ok // true
 */
export function validateAnnotationInput(
	input: unknown,
	articles: ComparisonTexts,
	rules?: PassageRules
): ValidationResult<AnnotationInput> {
	const issues = new Issues();
	if (!isRecord(input))
		return {
			ok: false,
			errors: [{ field: '', message: 'Expected an annotation (a JSON object).' }]
		};
	issues.unknownFields(input, INPUT_FIELDS, '', 'an annotation');
	const value = readInput(issues, input, articles, rules);
	return value ? result(issues, value) : { ok: false, errors: issues.list };
}

function checkAuthor(issues: Issues, field: string, raw: unknown): Author | undefined {
	if (!isRecord(raw)) return issues.add(field, 'The author is missing.');
	issues.unknownFields(raw, ['id', 'name'], `${field}.`, 'an author');
	const id = checkText(issues, `${field}.id`, own(raw, 'id'), {
		label: 'The author id',
		max: 200,
		required: true
	});
	const name = checkText(issues, `${field}.name`, own(raw, 'name'), {
		label: 'The author name',
		max: 200
	});
	return id === undefined || name === undefined ? undefined : { id, name };
}

function checkScope(issues: Issues, raw: unknown): AnnotationScope | undefined {
	if (!isRecord(raw)) return issues.add('scope', 'The scope (workspace or room) is missing.');
	issues.unknownFields(raw, ['kind', 'id'], 'scope.', 'a scope');
	const kind = checkEnum(
		issues,
		'scope.kind',
		own(raw, 'kind'),
		['workspace', 'room'] as const,
		'The scope',
		true
	);
	const id = checkText(issues, 'scope.id', own(raw, 'id'), {
		label: 'The scope id',
		max: 200,
		required: true
	});
	return kind === undefined || id === undefined ? undefined : { kind, id };
}

function readReply(
	issues: Issues,
	raw: Record<string, unknown>,
	prefix: string,
	stored: boolean
): Reply | ReplyInput {
	issues.unknownFields(raw, stored ? STORED_REPLY_FIELDS : REPLY_INPUT_FIELDS, prefix, 'a reply');
	const id = checkUuid(issues, `${prefix}id`, own(raw, 'id'), 'The reply id') ?? '';
	const annotationId =
		checkUuid(issues, `${prefix}annotationId`, own(raw, 'annotationId'), 'The annotation id') ?? '';
	const note =
		checkText(issues, `${prefix}note`, own(raw, 'note'), {
			label: 'The reply',
			max: MAX_NOTE_LENGTH,
			required: true
		}) ?? '';
	if (!stored) return { id, annotationId, note };
	const author = checkAuthor(issues, `${prefix}author`, own(raw, 'author'));
	const createdAt = checkTimestamp(issues, `${prefix}createdAt`, own(raw, 'createdAt')) ?? '';
	const updatedAt = checkTimestamp(issues, `${prefix}updatedAt`, own(raw, 'updatedAt')) ?? '';
	return { id, annotationId, author: author ?? { id: '', name: '' }, note, createdAt, updatedAt };
}

/**
 * Validates what a client sends to create or update a reply (id, annotationId, note).
 * @example validateReplyInput({ id, annotationId, note: 'Agreed.' }).ok // true
 */
export function validateReplyInput(input: unknown): ValidationResult<ReplyInput> {
	const issues = new Issues();
	if (!isRecord(input))
		return { ok: false, errors: [{ field: '', message: 'Expected a reply (a JSON object).' }] };
	return result(issues, readReply(issues, input, '', false));
}

/**
 * Validates a whole stored reply (author and timestamps included), as read back from an import.
 * @example validateReply({ id, annotationId, author, note: 'Agreed.', createdAt, updatedAt }).ok // true
 */
export function validateReply(input: unknown): ValidationResult<Reply> {
	const issues = new Issues();
	if (!isRecord(input))
		return { ok: false, errors: [{ field: '', message: 'Expected a reply (a JSON object).' }] };
	return result(issues, readReply(issues, input, '', true) as Reply);
}

/**
 * Validates a whole stored annotation (author, scope, timestamps and replies included), as read
 * back from an import. Every reply must belong to the annotation. A passage on another version
 * of its article than `articles` is kept unplaced (looked up in `earlier`, that version's text
 * by version, when given); messages speak of the file.
 * @example validateAnnotation(JSON.parse(JSON.stringify(annotation)), articles).ok // true
 */
export function validateAnnotation(
	input: unknown,
	articles: ComparisonTexts,
	earlier?: ReadonlyMap<string, string>
): ValidationResult<Annotation> {
	const issues = new Issues();
	if (!isRecord(input))
		return {
			ok: false,
			errors: [{ field: '', message: 'Expected an annotation (a JSON object).' }]
		};
	issues.unknownFields(input, STORED_FIELDS, '', 'an annotation');
	const base = readInput(issues, input, articles, { from: 'file', earlier });
	const author = checkAuthor(issues, 'author', own(input, 'author'));
	const scope = checkScope(issues, own(input, 'scope'));
	const createdAt = checkTimestamp(issues, 'createdAt', own(input, 'createdAt'));
	const updatedAt = checkTimestamp(issues, 'updatedAt', own(input, 'updatedAt'));
	const rawReplies = own(input, 'replies') ?? [];
	const replies: Reply[] = [];
	if (!Array.isArray(rawReplies)) issues.add('replies', 'The replies must be a list.');
	else if (rawReplies.length > MAX_REPLIES)
		issues.add('replies', `Too many replies (${rawReplies.length}).`);
	else {
		rawReplies.forEach((r, i) => {
			if (!isRecord(r)) return issues.add(`replies[${i}]`, 'Each reply must be an object.');
			const reply = readReply(issues, r, `replies[${i}].`, true) as Reply;
			if (base && reply.annotationId !== base.id)
				issues.add(`replies[${i}].annotationId`, 'The reply belongs to another annotation.');
			replies.push(reply);
		});
	}
	if (!base || !author || !scope || !createdAt || !updatedAt)
		return { ok: false, errors: issues.list };
	return result(issues, { ...base, author, scope, createdAt, updatedAt, replies });
}
