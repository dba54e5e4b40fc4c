/* width.c — grapheme clusters, display width, clipping and padding.
 *
 * One width contract for the whole program: text is cut only between
 * grapheme clusters, a cluster takes the cells libunistring gives its
 * characters (what curses will advance the cursor by), and a double-width
 * character that does not fit is left out rather than half drawn.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "internal.h"

#define ZWJ 0x200d	/* U+200D ZERO WIDTH JOINER */

static size_t decode(ucs4_t *c, const char *s, size_t len)
{
	return (size_t)u8_mbtouc(c, (const uint8_t *)s, len);
}

/* libunistring 1.0's uc_is_grapheme_break (behind u8_grapheme_next) only
 * sees pairs of characters, so it splits emoji ZWJ sequences (UAX #29
 * rule GB11) and regional-indicator flags (GB12/13), which need the
 * characters before. This walks one cluster with that context and defers
 * to libunistring for every other rule. */
size_t text_grapheme_len(const char *s, size_t len)
{
	if (len == 0)
		return 0;

	ucs4_t prev;
	size_t i = decode(&prev, s, len);
	/* GB11: the cluster so far ends in Extended_Pictographic Extend*,
	 * or in that followed by one ZWJ. */
	bool pict = uc_is_property_extended_pictographic(prev);
	bool pict_zwj = false;
	/* GB12, GB13: regional indicators pair up, so one joins the cluster
	 * when an odd number of them end it (not only when they are all of
	 * it: a prepended character may come first). */
	size_t ri_run = uc_is_property_regional_indicator(prev) ? 1 : 0;

	while (i < len) {
		ucs4_t c;
		size_t n = decode(&c, s + i, len - i);
		bool is_pict = uc_is_property_extended_pictographic(c);
		bool joins;

		if (pict_zwj && is_pict)
			joins = true;
		else if (ri_run % 2 == 1 && uc_is_property_regional_indicator(c))
			joins = true;
		else
			joins = !uc_is_grapheme_break(prev, c);
		if (!joins)
			break;

		pict_zwj = pict && c == ZWJ;
		if (uc_graphemeclusterbreak_property(c) != GBP_EXTEND)
			pict = is_pict;
		ri_run = uc_is_property_regional_indicator(c) ? ri_run + 1 : 0;
		prev = c;
		i += n;
	}
	return i;
}

int text_width(const char *s, size_t len)
{
	/* u8_width skips control characters, which is why text is
	 * sanitized before it is measured. */
	return u8_width((const uint8_t *)s, len, "UTF-8");
}

struct text_fit text_fit(const char *s, size_t len, int max_cells)
{
	struct text_fit fit = {0};

	/* A negative limit is no room, as in text_clip: zero-width clusters
	 * (U+2061 and the like) still fit, so the two agree on what was cut. */
	if (max_cells < 0)
		max_cells = 0;

	while (fit.bytes < len) {
		size_t n = text_grapheme_len(s + fit.bytes, len - fit.bytes);
		int w = text_width(s + fit.bytes, n);
		if (w > max_cells - fit.cells) {
			fit.clipped = true;
			break;
		}
		fit.bytes += n;
		fit.cells += w;
	}
	return fit;
}

struct text_fit text_clip(const char *s, size_t len, int max_cells)
{
	if (max_cells < 0)
		max_cells = 0;

	struct text_fit whole = text_fit(s, len, max_cells);
	if (!whole.clipped || max_cells == 0)
		return whole;	/* at 0 cells there is no room for "…" */

	struct text_fit fit = text_fit(s, len, max_cells - 1);
	fit.cells += 1;
	fit.clipped = true;
	return fit;
}

static void add_spaces(struct text_buf *out, int n)
{
	for (; n > 0; n--)
		text_buf_addc(out, ' ');
}

/* The visible part of s in `cells` cells: the clipped prefix and, when
 * cut, the ellipsis. */
static void add_clipped(struct text_buf *out, const char *s,
			struct text_fit fit, const char *ellipsis)
{
	text_buf_add(out, s, fit.bytes);
	if (fit.clipped && fit.cells > 0)
		text_buf_addz(out, ellipsis ? ellipsis : TEXT_ELLIPSIS);
}

struct text_fit text_put_cells(struct text_buf *out, const char *s,
			       size_t len, int cells, const char *ellipsis)
{
	struct text_fit fit = text_clip(s, len, cells);

	add_clipped(out, s, fit, ellipsis);
	add_spaces(out, cells - fit.cells);
	return fit;
}

struct text_fit text_put_cells_right(struct text_buf *out, const char *s,
				     size_t len, int cells,
				     const char *ellipsis)
{
	struct text_fit fit = text_clip(s, len, cells);

	add_spaces(out, cells - fit.cells);
	add_clipped(out, s, fit, ellipsis);
	return fit;
}

size_t text_last_grapheme(const char *s, size_t len)
{
	/* Clusters are found from the start (the regional-indicator rule
	 * counts from there); a prompt's line is short. */
	size_t at = 0, last = 0;
	while (at < len) {
		last = at;
		size_t n = text_grapheme_len(s + at, len - at);
		at += n ? n : 1;
	}
	return last;
}
