/**
 * The vocabulary the JSON-LD export (jsonld.ts) and import (jsonld-import.ts) share: the W3C
 * context, Parallax's extension prefix and the IRIs of ids. One place, so the two directions
 * cannot drift apart.
 */

/** The Web Annotation context every annotation, page and collection names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of Parallax's extension terms (compact IRIs such as `parallax:relation`). */
export const PARALLAX_PREFIX = 'parallax';

/** Parallax's extension property `name` as a compact IRI. */
export function px(name: string): string {
	return `${PARALLAX_PREFIX}:${name}`;
}

/** urn:uuid IRI of an annotation or reply id (stable across servers, unlike a URL). */
export function uuidIri(id: string): string {
	return `urn:uuid:${id}`;
}
