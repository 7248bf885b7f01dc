import type { Annotation, Target } from '$lib/domain/annotation/model';
import { focusSentence } from '$lib/reading/selection';
import { annotationDomId, sentenceDomId } from '$lib/reading/view';

/**
 * After "N new — show" the button goes away: focus the first item shown instead, where the reader
 * can see it. Its card in the annotation list when that is on screen, else its first passage in
 * the text; false when neither is shown (the caller keeps focus somewhere sensible).
 */
export function focusShown(
	annotation: Annotation | undefined,
	sentenceAt: (target: Target) => number | null
): boolean {
	if (!annotation) return false;
	const card = document.getElementById(annotationDomId(annotation.id));
	if (card?.checkVisibility()) {
		card.focus();
		return true;
	}
	for (const target of annotation.targets) {
		const index = sentenceAt(target);
		const sentence =
			index === null ? null : document.getElementById(sentenceDomId(target.side, index));
		if (!sentence?.checkVisibility()) continue;
		focusSentence(sentence);
		sentence.scrollIntoView({ block: 'nearest' });
		return true;
	}
	return false;
}
