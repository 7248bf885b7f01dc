/**
 * ECB+ development data for the shared-fact evaluation: documents, the reliably annotated
 * sentences (upstream CSV) and the gold cross-document sentence pairs that mention one event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One ECB+ document as the evaluation uses it. */
export interface EcbDoc {
	id: string;
	topic: number;
	subtopic: string;
	/** one sentence per line (tokenised rendering) */
	text: string;
}

/** A pair of documents to compare and whether they report the same event. */
export interface DocPair {
	a: EcbDoc;
	b: EcbDoc;
	sameEvent: boolean;
}

/** Everything the evaluation reads. */
export interface EcbData {
	docs: EcbDoc[];
	/** `doc:sentence` keys of the reliably annotated sentences */
	listed: Set<string>;
	/** unordered gold pair keys, see {@link pairKey} */
	gold: Set<string>;
	/** `doc:sentence` keys of sentences with at least one annotated event mention */
	withEvents: Set<string>;
	pairs: DocPair[];
}

/** Default location of the data, relative to the repository root. */
export const ECB_DIR = '../shared/evaldata/ecbplus-dev';

/** Key of a sentence pair across two documents, independent of order. */
export function pairKey(docA: string, sentA: number, docB: string, sentB: number): string {
	const x = `${docA}:${sentA}`;
	const y = `${docB}:${sentB}`;
	return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** Reads the documents, the annotated-sentence list and the gold pairs; builds the doc pairs. */
export function loadEcbPlus(dir = ECB_DIR): EcbData {
	const docs: EcbDoc[] = readFileSync(join(dir, 'ecbplus_docs.jsonl'), 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => {
			const d = JSON.parse(l) as { doc_id: string; topic: number; subtopic: string; text: string };
			return { id: d.doc_id, topic: d.topic, subtopic: d.subtopic, text: d.text };
		})
		.sort((x, y) => x.id.localeCompare(y.id, 'en', { numeric: true }));
	const listed = new Set<string>();
	const csv = readFileSync(
		join(dir, 'upstream_cltl_ecbPlus/ECBplus_coreference_sentences.csv'),
		'utf8'
	);
	for (const line of csv.split('\n').slice(1)) {
		const [topic, file, sentence] = line.trim().split(',');
		if (sentence !== undefined) listed.add(`${topic}_${file}:${Number(sentence)}`);
	}
	const gold = new Set<string>();
	const goldText = readFileSync(
		join(dir, 'ecbplus_gold_shared_event_sentence_pairs.jsonl'),
		'utf8'
	);
	for (const line of goldText.split('\n')) {
		if (!line.trim()) continue;
		const g = JSON.parse(line) as { doc_a: string; sent_a: number; doc_b: string; sent_b: number };
		gold.add(pairKey(g.doc_a, g.sent_a, g.doc_b, g.sent_b));
	}
	const withEvents = new Set<string>();
	const mentions = JSON.parse(readFileSync(join(dir, 'ecbplus_event_mentions.json'), 'utf8')) as {
		doc_id: string;
		sent_id: number;
	}[];
	for (const m of mentions) withEvents.add(`${m.doc_id}:${m.sent_id}`);
	const pairs: DocPair[] = [];
	for (let i = 0; i < docs.length; i++) {
		for (let j = i + 1; j < docs.length; j++) {
			const a = docs[i];
			const b = docs[j];
			if (a.topic !== b.topic) continue;
			pairs.push({ a, b, sameEvent: a.subtopic === b.subtopic });
		}
	}
	return { docs, listed, gold, withEvents, pairs };
}
