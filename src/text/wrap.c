/* wrap.c — word wrapping for the reader.
 *
 * libunistring finds where lines may end (UAX #14); this file fills lines
 * greedily by display width, returns spans of the original text and
 * breaks the words that fit no line.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>

#include "text.h"
#include "internal.h"

struct lines {
	struct text_line *v;
	size_t n;
	size_t cap;
};

static void push(struct lines *ls, size_t start, size_t len, int cells)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 16;
		ls->v = text_xrealloc(ls->v, ls->cap, sizeof *ls->v);
	}
	ls->v[ls->n++] = (struct text_line){start, len, cells};
}

/* Adds the line s[start, end) without its trailing spaces, cutting it at
 * grapheme boundaries when a word alone is wider than the line. starts
 * marks the clusters (a space may belong to the one before it). */
static void add_line(struct lines *ls, const char *s, const char *starts,
		     size_t start, size_t end, int width)
{
	while (end > start && s[end - 1] == ' ' && starts[end - 1])
		end--;

	int cells = text_width(s + start, end - start);
	if (cells <= width) {
		push(ls, start, end - start, cells);
		return;
	}
	while (start < end) {
		struct text_fit fit = text_fit(s + start, end - start, width);
		if (fit.bytes == 0) {
			/* One grapheme wider than the whole line: it
			 * goes alone, as nothing smaller can be drawn. */
			fit.bytes = text_grapheme_len(s + start, end - start);
			fit.cells = text_width(s + start, fit.bytes);
		}
		push(ls, start, fit.bytes, fit.cells);
		start += fit.bytes;
	}
}

/* Marks the start of every grapheme cluster, so that a line is never
 * begun inside one (UAX #14 allows a break between a space and the
 * combining mark that belongs to it; UAX #29 does not). */
static char *cluster_starts(const char *s, size_t len)
{
	char *starts = memset(text_xmalloc(len, 1), 0, len);

	for (size_t i = 0; i < len; i += text_grapheme_len(s + i, len - i))
		starts[i] = 1;
	return starts;
}

/* Bytes of the newline character at s (LF, VT, FF, NEL, U+2028, …). */
static size_t newline_len(const uint8_t *s, size_t len)
{
	int n = u8_mblen(s, len);

	return n > 0 ? (size_t)n : 1;
}

/* Cells of the spaces that end s[from, to): they hang past the margin. */
static int trailing_spaces(const char *s, const char *starts, size_t from,
			   size_t to)
{
	int n = 0;

	while (to > from && s[to - 1] == ' ' && starts[to - 1]) {
		to--;
		n++;
	}
	return n;
}

/* The greedy fill. u8_width_linebreaks would do it, but it counts the
 * space before a break as part of the line, so a line whose words end
 * exactly at the margin would move down; this fills with the same UAX #14
 * opportunities (u8_possible_linebreaks) and lets that space hang. */
size_t text_wrap(const char *s, size_t len, int width,
		 struct text_line **lines)
{
	struct lines ls = {0};

	*lines = NULL;
	if (len == 0)
		return 0;
	if (width < 1)
		width = 1;

	const uint8_t *p = (const uint8_t *)s;
	char *brk = text_xmalloc(len, 1);
	char *starts = cluster_starts(s, len);
	size_t line = 0;	/* where the current line starts */
	size_t fits = 0;	/* the last opportunity known to fit */
	int used = 0;		/* cells of s[line, fits) */

	u8_possible_linebreaks(p, len, "UTF-8", brk);
	for (size_t i = 0; i <= len; i++) {
		bool end = i == len;
		bool newline = !end && (brk[i] == UC_BREAK_MANDATORY ||
					brk[i] == UC_BREAK_CR_BEFORE_LF);
		bool may_break = !end && brk[i] == UC_BREAK_POSSIBLE &&
				 starts[i];
		if (!end && !newline && !may_break)
			continue;

		int piece = text_width(s + fits, i - fits);
		int hanging = trailing_spaces(s, starts, line, i);
		if (fits > line && used + piece - hanging > width) {
			add_line(&ls, s, starts, line, fits, width);
			line = fits;
			used = 0;
		}
		used += piece;
		fits = i;

		if (!newline)
			continue;
		/* s[i] (or CR LF at s[i]) ends the line and is dropped. */
		add_line(&ls, s, starts, line, i, width);
		if (brk[i] == UC_BREAK_CR_BEFORE_LF)
			line = i + 2;
		else
			line = i + newline_len(p + i, len - i);
		fits = line;
		used = 0;
		i = line - 1;
	}
	/* A final newline ends the last line rather than opening one. */
	if (line < len)
		add_line(&ls, s, starts, line, len, width);

	free(starts);
	free(brk);
	*lines = ls.v;
	return ls.n;
}
