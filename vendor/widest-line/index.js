import stringWidth from 'string-width';

// widest-line 6.0.0 (MIT, Sindre Sorhus) with a bounded memo. Ink 6.8 calls it for every
// text node on every frame to decide whether the text must wrap, and string-width takes
// tens of microseconds for any text that is not plain ASCII (a Chinese title, a status
// symbol): in a Chinese console that was a quarter of each keypress. The same texts
// come back frame after frame, so each is measured once. Cleared whole when full.
const LIMIT = 20_000;
const widths = new Map();

export default function widestLine(string) {
	let width = widths.get(string);
	if (width === undefined) {
		width = 0;
		for (const line of string.split('\n')) {
			width = Math.max(width, stringWidth(line));
		}

		if (widths.size >= LIMIT) {
			widths.clear();
		}

		widths.set(string, width);
	}

	return width;
}
