/* scan_paragraphs.c — from physical lines to the paragraphs the parser
 * reads.
 *
 * A published notice puts each paragraph, list item and heading on one
 * line. A copy out of a PDF or an e-mail breaks every line at 50 to 80
 * columns (fold -s, an editor, a mailer, a PDF viewer that indents the
 * lines that go on), and the parser must read it as the original. Each
 * line break of such a copy is judged as a careful reader judges it,
 * from what is on both sides of it rather than from the next line
 * alone:
 *
 *  1. A blank line ends a paragraph.
 *  2. A line that starts with a list or section marker ("1.", "2)",
 *     "(3)", "a)", "-", "+", "•", "I.", "Điều 1.") starts a new item
 *     when the line before finished a clause (. ; : ! ?), or when it is
 *     the next marker of the paragraph's own list ("a) …" then "b)").
 *     After a line that stops mid-sentence, the "marker" is a word the
 *     wrap moved to the start of a line ("giới thiệu thêm / 2. đồng
 *     chí", "kinh tế / - xã hội") and the line goes on. A number that
 *     follows no earlier marker of its kind ("5." where no "4." opened
 *     a line) is no marker either; "(7)" after an inline "(6) …;" goes
 *     on the inline list.
 *  3. A line that stops well short of the width ended its paragraph:
 *     the first word of the next line would have fitted.
 *  4. In a copy whose continuations are indented (a PDF), indentation
 *     tells: an indented line goes on, a line flush with its
 *     paragraph's first starts anew.
 *  5. A line that stops mid-sentence, or a next line in lower case,
 *     goes on.
 *  6. A full stop at the end of a list item or section heading, then a
 *     capital, ends the item: an item is one sentence or ends with one,
 *     and what follows a list is the text after it ("- Thu ngân sách
 *     đạt 27%." / "Để hoàn thành …, giao nhiệm vụ:").
 *  7. Otherwise a sentence that ends at the end of a full line and a
 *     capital on the next is a paragraph going on: long paragraphs of
 *     several sentences are what the wrap cuts most.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "internal.h"

/* How wide a piece of text is, each way a wrapping tool may count it:
 * editors count characters, some tools (fold, some mailers) bytes, and
 * a text that came decomposed (NFD, as some systems save it) was
 * wrapped as it was, before the parser composed it. */
struct extent {
	size_t bytes, chars;	/* as the text is now (NFC) */
	size_t nfd_bytes, nfd_chars;
};

/* A physical line: its text, trimmed, how far it is indented (bytes
 * of leading space before `start`), and how wide it is, indentation
 * included (measured once, when the text is found to be wrapped). */
struct pline {
	size_t start, end, indent;
	struct extent ext;
};

/* How wide the lines of a wrapped text may be, indentation included. */
struct wrap {
	struct extent max;
	bool indented;		/* continuations are indented (a PDF copy) */
};

/* ---- markers at the start of a line ---------------------------------- */

enum marker_kind {
	MK_NONE,
	MK_BULLET,		/* "- ", "+ ", "• " */
	MK_DOT,			/* "3. " */
	MK_RPAREN,		/* "3)" */
	MK_PAREN,		/* "(3)" */
	MK_LETTER,		/* "c)" */
	MK_HEADING,		/* "II. ", "Điều 4.", "Mục 2." */
};

/* The numbered kinds, for the record of which numbers opened a line. */
#define NUMBERED_KINDS 3
#define MAX_NUMBER 1000

struct marker {
	enum marker_kind kind;
	int value;		/* the number, or the letter's place (a = 1) */
	size_t end;		/* where the text after it starts */
};

static bool is_roman(char c)
{
	return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}

/* "II. ", "Điều 4.", "Chương III.", "Mục 2.", "Phần I.": headings of
 * the larger documents, never tasks, but they start a paragraph. Bare
 * digits are a number ("2023. " ends a sentence), not a heading. */
static size_t heading_at(const struct scan *sc, size_t p, size_t b)
{
	static const char *const words[] = { "Điều ", "Chương ", "Mục ",
		"Phần ", NULL };
	bool named = false;
	for (const char *const *w = words; *w && !named; w++)
		if (scan_literal(sc, p, *w)) {
			p += strlen(*w);
			named = true;
		}
	size_t q = p;
	while (q < b && (is_roman(sc->s[q]) ||
			 (named && sc->s[q] >= '0' && sc->s[q] <= '9')))
		q++;
	if (q == p || q - p > 4 || q + 1 >= b || sc->s[q] != '.' || sc->s[q + 1] != ' ')
		return 0;
	return q + 1;
}

static struct marker marker_at(const struct scan *sc, size_t p, size_t b)
{
	const char *s = sc->s;
	struct marker m = { .kind = MK_NONE };
	size_t q, len;
	int v;
	if ((len = scan_bullet(sc, p, b)))
		return (struct marker){ MK_BULLET, 0, p + len };
	if (s[p] == '(' && (q = scan_number(sc, p + 1, b, &v)) > p + 1 &&
	    q < b && s[q] == ')')
		return (struct marker){ MK_PAREN, v, q + 1 };
	if ((q = scan_number(sc, p, b, &v)) > p && q + 1 < b) {
		if (s[q] == ')')
			return (struct marker){ MK_RPAREN, v, q + 1 };
		if (s[q] == '.' && s[q + 1] == ' ')
			return (struct marker){ MK_DOT, v, q + 1 };
	}
	if (s[p] >= 'a' && s[p] <= 'z' && p + 1 < b && s[p + 1] == ')')
		return (struct marker){ MK_LETTER, s[p] - 'a' + 1, p + 2 };
	if ((q = heading_at(sc, p, b)))
		return (struct marker){ MK_HEADING, 0, q };
	return m;
}

/* Slot of a numbered kind in the record, or -1. */
static int numbered_slot(enum marker_kind k)
{
	return k == MK_DOT ? 0 : k == MK_RPAREN ? 1 : k == MK_PAREN ? 2 : -1;
}

/* Which numbers of each numbered kind have opened a paragraph so far:
 * a "3." is a marker when "2." was one. */
struct opened {
	unsigned char seen[NUMBERED_KINDS][MAX_NUMBER];
};

static void opened_note(struct opened *o, const struct marker *m)
{
	int slot = numbered_slot(m->kind);
	if (slot >= 0 && m->value > 0 && m->value < MAX_NUMBER)
		o->seen[slot][m->value] = 1;
}

/* Whether m goes on a list: the first of one, or the next after a
 * number that opened an earlier paragraph. Bullets, letters and
 * headings have no order worth checking. */
static bool in_sequence(const struct opened *o, const struct marker *m)
{
	int slot = numbered_slot(m->kind);
	if (slot < 0)
		return true;
	return m->value == 1 ||
	       (m->value > 1 && m->value < MAX_NUMBER && o->seen[slot][m->value - 1]);
}

/* Whether a paragraph that starts with m is a list item: headings
 * ("II.", "Điều 4.") are not, nor a section's "4." (see struct para). */
static bool is_item(const struct opened *o, const struct marker *m)
{
	if (m->kind == MK_NONE || m->kind == MK_HEADING)
		return false;
	if (m->kind != MK_DOT)
		return true;
	return m->value > 0 && m->value < MAX_NUMBER && o->seen[0][m->value];
}

/* Whether `next` is the marker after `first` in one list: "b)" after
 * "a)", "3." after "2.", "-" after "-". */
static bool next_in_list(const struct marker *first, const struct marker *next)
{
	if (first->kind != next->kind || first->kind == MK_HEADING)
		return false;
	return first->kind == MK_BULLET || next->value == first->value + 1;
}

/* ---- what ends a line ------------------------------------------------ */

static size_t chars(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t p = a; p < b; p++)
		n += ((unsigned char)s[p] & 0xC0) != 0x80;
	return n;
}

/* The extent of s[a..b) after `indent` bytes of spaces. The
 * decomposed measures are taken only of a text that came decomposed:
 * for any other they are the composed ones. */
static struct extent extent_of(const struct scan *sc, size_t a, size_t b,
			       size_t indent)
{
	struct extent e = { .bytes = indent + b - a,
			    .chars = indent + chars(sc->s, a, b) };
	e.nfd_bytes = e.bytes;
	e.nfd_chars = e.chars;
	if (sc->decomposed && b > a) {
		size_t len = 0;
		uint8_t *d = u8_normalize(UNINORM_NFD, (const uint8_t *)sc->s + a,
					  b - a, NULL, &len);
		if (!d)
			abort();
		e.nfd_bytes = indent + len;
		e.nfd_chars = indent + chars((const char *)d, 0, len);
		free(d);
	}
	return e;
}

/* Whether any measure of e passes that of max. */
static bool wider(const struct extent *e, const struct extent *max)
{
	return e->bytes > max->bytes || e->chars > max->chars ||
	       e->nfd_bytes > max->nfd_bytes || e->nfd_chars > max->nfd_chars;
}

static void widen(struct extent *max, const struct extent *e)
{
	max->bytes = e->bytes > max->bytes ? e->bytes : max->bytes;
	max->chars = e->chars > max->chars ? e->chars : max->chars;
	max->nfd_bytes = e->nfd_bytes > max->nfd_bytes ? e->nfd_bytes : max->nfd_bytes;
	max->nfd_chars = e->nfd_chars > max->nfd_chars ? e->nfd_chars : max->nfd_chars;
}

/* Whether the line ends a clause: . ; : ! ? last, or before a closing
 * quote or bracket ("… “Dân chủ - Kỷ cương”." or "… (mở rộng).")
 * A comma or a word is the middle of a sentence. */
static bool ends_clause(const struct scan *sc, const struct pline *l)
{
	size_t e = l->end;
	const char *s = sc->s;
	while (e > l->start) {
		char c = s[e - 1];
		if (strchr(".;:!?", c))
			return true;
		if (c == ')' || c == '"' || c == '\'')
			e--;
		else if (e - l->start >= 3 && memcmp(s + e - 3, "\xe2\x80\x9d", 3) == 0)
			e -= 3;	/* ” */
		else
			return false;
	}
	return false;
}

/* Whether the text at p could open a sentence: a capital, a digit, an
 * opening quote. A lower-case word goes on the sentence before. */
static bool opens_sentence_at(const struct scan *sc, size_t p)
{
	char c = sc->s[p];
	if (c == '"' || c == '(' || (c >= '0' && c <= '9'))
		return true;
	return scan_is_upper(sc, p) || scan_literal(sc, p, "\xe2\x80\x9c");
}

/* Whether prev was cut by the wrap: the first word of l would not have
 * fitted after it, with the column after that word (fold -s moves a
 * word down when the space after it does not fit). A line that stops
 * earlier ended its paragraph. */
static bool filled(const struct scan *sc, const struct wrap *w,
		   const struct pline *prev, const struct pline *l)
{
	size_t e = l->start;
	/* A wrap breaks at a space, never at a no-break space. */
	while (e < l->end && sc->s[e] != ' ' && sc->s[e] != '\t')
		e++;
	const struct extent *line = &prev->ext;
	struct extent word = extent_of(sc, l->start, e, 0);
	/* The line, a space, the word and the column after it. */
	struct extent joined = { line->bytes + word.bytes + 2, line->chars + word.chars + 2,
				 line->nfd_bytes + word.nfd_bytes + 2,
				 line->nfd_chars + word.nfd_chars + 2 };
	return wider(&joined, &w->max);
}

/* "(6) …; (7) …" wrapped before "(7)": the marker goes on a list that
 * the paragraph holds, inline. */
static bool inline_item(const struct scan *sc, size_t para, const struct pline *l)
{
	int v;
	size_t q = sc->s[l->start] == '(' ? l->start + 1 : l->start;
	size_t e = scan_number(sc, q, l->end, &v);
	if (e == q || v < 2)
		return false;
	char want[16];
	int n = snprintf(want, sizeof want, q > l->start ? " (%d)" : " %d)", v - 1);
	/* The item before is a few lines up, not pages: bound the look. */
	if (l->start - para > 4096)
		para = l->start - 4096;
	for (size_t p = para; p + (size_t)n <= l->start; p++)
		if (memcmp(sc->s + p, want, (size_t)n) == 0 ||
		    (sc->s[p] == '\n' && memcmp(sc->s + p + 1, want + 1, (size_t)n - 1) == 0))
			return true;
	return false;
}

/* ---- the reading rules ----------------------------------------------- */

/* The paragraph being built: its first physical line, its marker, and
 * whether it is a list item (rule 6). A "4." whose number opens a line
 * for the first time heads a section, whose body runs on for several
 * sentences; a "2." that came before is an item of a nested list. */
struct para {
	const struct pline *first;
	struct marker marker;
	bool item;
};

/* Rule 2: line l starts with marker m. */
static bool marker_continues(const struct scan *sc, const struct wrap *w,
			     const struct para *para, const struct pline *prev,
			     const struct pline *l, const struct marker *m)
{
	if (ends_clause(sc, prev))
		return false;
	/* "a) … Đầu tư" then "b) Giao …": items need no closing mark. A
	 * number or a dash must also open a sentence: "giới thiệu thêm /
	 * 2. đồng chí" is a count, "kinh tế / - xã hội" a dash. */
	if (next_in_list(&para->marker, m) &&
	    ((m->kind != MK_DOT && m->kind != MK_BULLET) ||
	     opens_sentence_at(sc, scan_skip_space(sc, m->end, l->end))))
		return false;
	return filled(sc, w, prev, l);
}

/* Rules 3 to 7: line l starts with no marker. */
static bool text_continues(const struct scan *sc, const struct wrap *w,
			   const struct para *para, const struct pline *prev,
			   const struct pline *l)
{
	if (w->indented)
		return l->indent > para->first->indent;
	if (!filled(sc, w, prev, l))
		return false;
	if (!ends_clause(sc, prev) || !opens_sentence_at(sc, l->start))
		return true;
	char last = sc->s[prev->end - 1];
	bool full_stop = last == '.' || last == '!' || last == '?';
	return !(full_stop && para->item);
}

/* Whether line l goes on the paragraph that prev (the line above it)
 * belongs to, in a wrapped text. */
static bool continues(const struct scan *sc, const struct wrap *w,
		      const struct opened *opened, const struct para *para,
		      const struct pline *prev, const struct pline *l)
{
	struct marker m = marker_at(sc, l->start, l->end);
	bool is_marker = m.kind != MK_NONE && in_sequence(opened, &m) &&
			 !inline_item(sc, para->first->start, l);
	if (is_marker)
		return marker_continues(sc, w, para, prev, l, &m);
	return text_continues(sc, w, para, prev, l);
}

/* ---- is the text wrapped at all? ------------------------------------- */

/* Widest line, indentation included; false when a line is too long
 * for any wrap (more than 100 characters; more than 400 bytes are more
 * than 100 characters, so a published notice's first paragraph need
 * not be counted). */
static bool widest(const struct scan *sc, struct pline *l, size_t n,
		   struct wrap *w)
{
	*w = (struct wrap){ 0 };
	for (size_t i = 0; i < n; i++) {
		if (l[i].end - l[i].start > 400)
			return false;
		l[i].ext = extent_of(sc, l[i].start, l[i].end, l[i].indent);
		if (l[i].ext.chars - l[i].indent > 100)
			return false;
		widen(&w->max, &l[i].ext);
	}
	return true;
}

/* Whether the text's continuation lines are indented (a PDF copy): a
 * good share of the lines that follow another line sit further right
 * than the text's least indented lines. */
static bool indents_continuations(const struct pline *l, size_t n)
{
	size_t least = (size_t)-1, follow = 0, further = 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].start != l[i].end && l[i].indent < least)
			least = l[i].indent;
	for (size_t i = 1; i < n; i++) {
		if (l[i].start == l[i].end || l[i - 1].start == l[i - 1].end)
			continue;
		follow++;
		further += l[i].indent > least;
	}
	return further >= 2 && further * 3 >= follow;
}

/* A text whose lines all stop short of 100 characters, several of them
 * near the widest (or past 40 characters), was wrapped by an editor, a
 * mail program or a PDF viewer: its paragraphs run over several lines.
 * Published notices put a paragraph on one line. */
static bool hard_wrapped(const struct scan *sc, struct pline *l, size_t n,
			 struct wrap *w)
{
	if (!widest(sc, l, n, w))
		return false;
	size_t long_lines = 0, near_widest = 0;
	const struct extent *m = &w->max;
	for (size_t i = 0; i < n; i++) {
		const struct extent *e = &l[i].ext;
		long_lines += e->chars - l[i].indent >= 40;
		near_widest += m->chars >= 30 &&
			       (e->bytes * 5 >= m->bytes * 4 || e->chars * 5 >= m->chars * 4);
	}
	if (long_lines < 3 && near_widest < 3)
		return false;
	w->indented = indents_continuations(l, n);
	return true;
}

/* ---- building the paragraphs ----------------------------------------- */

/* Physical lines, trimmed; a blank one is kept as an empty line, as it
 * ends a paragraph. */
static size_t physical_lines(const struct scan *sc, struct pline **out)
{
	size_t n = 0, cap = 0, start = 0;
	*out = NULL;
	for (size_t i = 0; i <= sc->n; i++) {
		const char *lf = memchr(sc->s + i, '\n', sc->n - i);
		i = lf ? (size_t)(lf - sc->s) : sc->n;
		size_t a = scan_skip_space(sc, start, i), b = scan_trim_back(sc, a, i);
		*out = ingest_grow(*out, &cap, n + 1, sizeof **out);
		(*out)[n++] = (struct pline){ .start = a, .end = b, .indent = a - start };
		start = i + 1;
	}
	return n;
}

static void add_line(struct scan *sc, size_t *cap, const struct pline *l)
{
	sc->lines = ingest_grow(sc->lines, cap, sc->nlines + 1, sizeof *sc->lines);
	sc->lines[sc->nlines++] = (struct line){ .start = l->start, .end = l->end };
}

/* Every line its own paragraph: the published shape. */
static void one_per_line(struct scan *sc, const struct pline *phys, size_t n)
{
	size_t cap = 0;
	for (size_t i = 0; i < n; i++)
		if (phys[i].start != phys[i].end)
			add_line(sc, &cap, &phys[i]);
}

static void wrapped_paragraphs(struct scan *sc, const struct pline *phys,
			       size_t n, const struct wrap *w)
{
	struct opened *opened = calloc(1, sizeof *opened);
	if (!opened)
		abort();
	struct para para = { 0 };
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct pline *l = &phys[i];
		if (l->start == l->end)
			continue;
		const struct pline *prev = i > 0 && phys[i - 1].start != phys[i - 1].end
					   ? &phys[i - 1] : NULL;
		if (prev && para.first && continues(sc, w, opened, &para, prev, l)) {
			sc->lines[sc->nlines - 1].end = l->end;
			continue;
		}
		add_line(sc, &cap, l);
		para = (struct para){ .first = l, .marker = marker_at(sc, l->start, l->end) };
		para.item = is_item(opened, &para.marker);
		opened_note(opened, &para.marker);
	}
	free(opened);
}

void scan_paragraphs(struct scan *sc)
{
	struct pline *phys;
	struct wrap w;
	size_t n = physical_lines(sc, &phys);
	if (hard_wrapped(sc, phys, n, &w))
		wrapped_paragraphs(sc, phys, n, &w);
	else
		one_per_line(sc, phys, n);
	free(phys);
}
