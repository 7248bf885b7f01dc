import type {
	AnnotationInput,
	AnnotationKind,
	EntmanFunction,
	Evidence,
	Relation,
	Target
} from '$lib/domain/annotation/model';

/** The annotation being written or edited in the dialog. */
export interface AnnotationDraft {
	mode: 'create' | 'edit';
	id: string;
	kind: AnnotationKind;
	targets: Target[];
	relation: Relation;
	evidence: Evidence | '';
	evidenceUrl: string;
	frame: string;
	entman: EntmanFunction | '';
	note: string;
	attachedTo: string;
	suggestionId?: string;
	/** edit mode: the passages were changed (re-attached) and must be sent */
	retarget?: boolean;
}

/** A fresh draft with the form's defaults. */
export function emptyDraft(kind: AnnotationKind, targets: Target[]): AnnotationDraft {
	return {
		mode: 'create',
		id: crypto.randomUUID(),
		kind,
		targets,
		relation: 'same',
		evidence: '',
		evidenceUrl: '',
		frame: '',
		entman: '',
		note: '',
		attachedTo: ''
	};
}

/** The API's input from a draft: fields that do not apply to the kind are left out. */
export function toInput(draft: AnnotationDraft): AnnotationInput {
	const input: AnnotationInput = {
		id: draft.id,
		kind: draft.kind,
		targets: draft.targets,
		note: draft.note
	};
	if (draft.kind === 'shared-fact') {
		input.relation = draft.relation;
		if (draft.evidence) input.evidence = draft.evidence;
		if (draft.evidenceUrl.trim()) input.evidenceUrl = draft.evidenceUrl.trim();
		if (draft.suggestionId) input.suggestionId = draft.suggestionId;
	}
	if (draft.kind === 'framing') {
		if (draft.frame) input.frame = draft.frame;
		if (draft.entman) input.entman = draft.entman;
		if (draft.attachedTo) input.attachedTo = draft.attachedTo;
	}
	return input;
}
