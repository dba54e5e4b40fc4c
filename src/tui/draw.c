#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

void paint_blank(WINDOW *w, int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', width);
}

/* Marks the bytes of s that a folded search word matches. */
static void mark_matches(const char *s, size_t len, const char *words, bool *hit)
{
	memset(hit, 0, len);
	for (const char *p = words; *p;) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		struct text_range *r = NULL;
		size_t count = n ? text_find_folded(s, len, p, n, &r) : 0;
		for (size_t i = 0; i < count; i++)
			memset(hit + r[i].start, 1, r[i].end - r[i].start);
		free(r);
		p += n;
	}
}

/* Puts bytes of sanitized text on screen, as ASCII where the terminal
 * wants it. */
static void put_run(struct painter *p, WINDOW *w, const char *s, size_t len,
		    attr_t attr)
{
	if (!len)
		return;
	wattrset(w, attr);
	if (!p->ascii) {
		waddnstr(w, s, (int)len);
		return;
	}
	text_buf_clear(&p->out);
	text_to_ascii(&p->out, s, len);
	waddnstr(w, p->out.data, (int)p->out.len);
}

int paint_text(struct painter *p, WINDOW *w, int y, int x, int width,
	       const char *s, attr_t attr, const char *highlight, bool right)
{
	if (width <= 0)
		return 0;
	text_buf_clear(&p->clean);
	if (s)
		text_sanitize(&p->clean, s, strlen(s), TEXT_SINGLE_LINE);
	const char *clean = p->clean.data ? p->clean.data : "";
	struct text_fit fit = text_clip(clean, p->clean.len, width);
	int pad = width - fit.cells;
	wmove(w, y, x);
	if (right && pad > 0) {
		paint_blank(w, y, x, pad, attr);
		wmove(w, y, x + pad);
	}
	if (highlight && *highlight && fit.bytes) {
		bool *hit = malloc(fit.bytes);
		if (!hit)
			abort();
		mark_matches(clean, fit.bytes, highlight, hit);
		attr_t match = p->theme->attr[ROLE_MATCH];
		for (size_t i = 0; i < fit.bytes;) {
			size_t j = i;
			while (j < fit.bytes && hit[j] == hit[i])
				j++;
			put_run(p, w, clean + i, j - i, hit[i] ? match : attr);
			i = j;
		}
		free(hit);
	} else {
		put_run(p, w, clean, fit.bytes, attr);
	}
	if (fit.clipped) {
		const char *ellipsis = p->ascii ? "~" : TEXT_ELLIPSIS;
		put_run(p, w, ellipsis, strlen(ellipsis), attr);
	}
	/* Pad from where the text ends by our own measure, whatever curses
	 * made of it, so the next column starts where it should. */
	if (!right && pad > 0)
		paint_blank(w, y, x + fit.cells, pad, attr);
	return fit.cells;
}

/* Cleans s and clips it to at most `room` cells into out. */
static int clean_clipped(struct painter *p, struct text_buf *out, const char *s, int room)
{
	struct text_buf clean = {0};
	text_sanitize(&clean, s, strlen(s), TEXT_SINGLE_LINE);
	const char *c = clean.data ? clean.data : "";
	int cells = text_width(c, clean.len);
	text_put_cells(out, c, clean.len, cells < room ? cells : room,
		       p->ascii ? "~" : TEXT_ELLIPSIS);
	text_buf_free(&clean);
	return cells < room ? cells : room;
}

/* Paints one part of a title from *at in at most *room cells, after a
 * separator when it is not the first part, and moves on past it. */
static void paint_title_part(struct painter *p, WINDOW *w, int y, int *at, int *room,
			     const char *sep, const char *s, attr_t attr)
{
	int cells = text_width(sep, strlen(sep));
	if (!s || !*s || *room <= cells)
		return;
	struct text_buf t = {0};
	text_buf_addz(&t, sep);
	cells += clean_clipped(p, &t, s, *room - cells);
	paint_text(p, w, y, *at, cells, t.data, attr, NULL, false);
	text_buf_free(&t);
	*at += cells;
	*room -= cells;
}

/* " Name 42/9988 · context " in the top edge, or "[…]" when focused:
 * focus is shown by more than color, and the brackets survive clipping,
 * which takes the end first. The position has a role of its own, plain
 * by default: every move rewrites it, and plain text needs no attribute
 * codes around it on the wire. */
static void paint_title(struct painter *p, WINDOW *w, int y, int x, int room,
			const struct box_title *t, bool focused)
{
	attr_t attr = p->theme->attr[focused ? ROLE_TITLE_FOCUSED : ROLE_TITLE];
	int at = x;
	paint_text(p, w, y, at++, 1, focused ? "[" : " ", attr, NULL, false);
	paint_title_part(p, w, y, &at, &room, "", t->name, attr);
	paint_title_part(p, w, y, &at, &room, " ", t->position, p->theme->attr[ROLE_POSITION]);
	paint_title_part(p, w, y, &at, &room, " \xc2\xb7 ", t->context, attr);
	paint_text(p, w, y, at, 1, focused ? "]" : " ", attr, NULL, false);
}

void paint_box(struct painter *p, WINDOW *w, int y, int x, int h, int width,
	       const struct box_title *title, bool focused)
{
	if (h < 2 || width < 2)
		return;
	attr_t border = p->theme->attr[focused ? ROLE_BORDER_FOCUSED : ROLE_BORDER];
	wattrset(w, border);
	if (p->ascii) {
		mvwhline(w, y, x + 1, '-', width - 2);
		mvwhline(w, y + h - 1, x + 1, '-', width - 2);
		mvwvline(w, y + 1, x, '|', h - 2);
		mvwvline(w, y + 1, x + width - 1, '|', h - 2);
		mvwaddch(w, y, x, '+');
		mvwaddch(w, y, x + width - 1, '+');
		mvwaddch(w, y + h - 1, x, '+');
		mvwaddch(w, y + h - 1, x + width - 1, '+');
	} else {
		/* The Unicode box characters, not the terminal's line-drawing
		 * set: no charset switch around every border cell, which a
		 * scrolled row repeats at both its ends. */
		mvwhline_set(w, y, x + 1, WACS_HLINE, width - 2);
		mvwhline_set(w, y + h - 1, x + 1, WACS_HLINE, width - 2);
		mvwvline_set(w, y + 1, x, WACS_VLINE, h - 2);
		mvwvline_set(w, y + 1, x + width - 1, WACS_VLINE, h - 2);
		mvwadd_wch(w, y, x, WACS_ULCORNER);
		mvwadd_wch(w, y, x + width - 1, WACS_URCORNER);
		mvwadd_wch(w, y + h - 1, x, WACS_LLCORNER);
		mvwadd_wch(w, y + h - 1, x + width - 1, WACS_LRCORNER);
	}
	if (title && width > 6)
		paint_title(p, w, y, x + 2, width - 6, title, focused);
}
