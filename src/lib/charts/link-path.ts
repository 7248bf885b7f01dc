// The link curve on its own, without d3: the reading view's gutter draws it on every page, and
// importing it from alignment-map-layout pulled d3-scale (and d3-format, d3-interpolate, d3-color,
// d3-array, whose top-level code survives tree-shaking) into the page's first JavaScript.
import { round } from './text-fit';

/**
 * A horizontal cubic link, as d3-shape's `linkHorizontal` draws it (control points halfway across,
 * level with each end). Written out because d3-shape ships as one bundle whose top-level code
 * survives tree-shaking: importing it for this one curve cost ~19 KB of minified client JS.
 * @example linkPath(0, 0, 10, 4) // 'M0,0C5,0,5,4,10,4'
 */
export function linkPath(x1: number, y1: number, x2: number, y2: number): string {
	const mx = round((x1 + x2) / 2);
	return `M${x1},${y1}C${mx},${y1},${mx},${y2},${x2},${y2}`;
}
