#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

bool line_number_marker(const struct scan *sc, size_t i, int *num,
			size_t *text)
{
	const struct line *l = &sc->lines[i];
	const char *s = sc->s;
	size_t p = l->start;
	int v = 0;
	while (p < l->end && p - l->start < 2 && s[p] >= '0' && s[p] <= '9')
		v = v * 10 + (s[p++] - '0');
	if (p == l->start || v == 0 || p + 1 >= l->end || s[p] != '.')
		return false;
	size_t t = scan_skip_space(sc, p + 1, l->end);
	/* "1.5 triệu" or "1.Đối với": a marker is followed by a space. */
	if (t == p + 1 || t >= l->end)
		return false;
	*num = v;
	*text = t;
	return true;
}

/* ---- where a section ends -------------------------------------------- */

static bool no_lower_case(const struct scan *sc, const struct line *l)
{
	bool letters = false;
	for (size_t p = l->start; p < l->end;
	     p += ingest_u8_len((unsigned char)sc->s[p])) {
		if (!scan_is_alnum(sc, p) || (sc->s[p] >= '0' && sc->s[p] <= '9'))
			continue;
		if (!scan_is_upper(sc, p))
			return false;
		letters = true;
	}
	return letters;
}

/* A paragraph that belongs to the meeting as a whole rather than to the
 * section above it: the closing speech, other business ("Tại hội nghị
 * lần này …"), a photo caption, the signature, the web page's furniture.
 * Notices put these after the last section with no marker of their own. */
static bool is_closing(const struct scan *sc, const struct line *l)
{
	static const char *const starts[] = { "tai hoi nghi", "cung tai hoi nghi",
		"thuc hien theo quy che", "chia se", "binh luan", "tin lien quan",
		"nguon:", "anh:", "in bai", NULL };
	static const char *const first[] = { "be mac", "ket luan hoi nghi",
		"phat bieu ket luan", "phat bieu chi dao", "tai hoi nghi lan nay",
		"hoi nghi cung da", NULL };
	static const char *const caption[] = { "anh:", "tai hoi nghi", NULL };
	if (no_lower_case(sc, l))
		return true;
	for (const char *const *p = starts; *p; p++)
		if (scan_at(sc, l->start, l->end, *p, NULL))
			return true;
	size_t e = scan_sentence_end(sc, l->start, l->end);
	if (scan_has_any(sc, l->start, e, first))
		return true;
	return l->end - l->start < 160 && e + 1 >= l->end &&
	       scan_has_any(sc, l->start, l->end, caption);
}

/* How many lines from `first` (a heading) up to `limit` the section
 * keeps: the last one is cut at its first closing paragraph, the others
 * lose only closing paragraphs at their tail (a caption between
 * sections), as their next heading already bounds them. */
static size_t section_extent(const struct scan *sc, size_t first,
			     size_t limit, bool last)
{
	size_t end = limit;
	if (last) {
		for (size_t i = first + 1; i < limit; i++)
			if (is_closing(sc, &sc->lines[i])) {
				end = i;
				break;
			}
	}
	while (end > first + 1 && is_closing(sc, &sc->lines[end - 1]))
		end--;
	return end - first;
}

/* ---- which numbered lines are sections ------------------------------- */

static bool ends_with(const struct scan *sc, size_t i, char c)
{
	return sc->s[sc->lines[i].end - 1] == c;
}

/* A "2." right after a nested "1." could continue either list. An item
 * that ended with ";" promises more items; a line that ends with ":"
 * introduces content as headings do. */
static bool continues_nested(const struct scan *sc, size_t i, size_t prev_item)
{
	if (ends_with(sc, i, ':'))
		return false;
	return ends_with(sc, prev_item, ';') || ends_with(sc, prev_item, ',');
}

static void push_section(struct section **out, size_t *n, size_t *cap,
			 int seq, size_t line)
{
	*out = ingest_grow(*out, cap, *n + 1, sizeof **out);
	(*out)[(*n)++] = (struct section){ .seq = seq, .line = line };
}

/* Sections are "1.", "2.", … in order; numbers restarting at 1 inside a
 * section make a nested list (its items are tasks, found later). */
static size_t number_lines(const struct scan *sc, size_t first,
			   struct section **out)
{
	size_t n = 0, cap = 0, prev_item = 0;
	int cur = 0, nested = 0;
	for (size_t i = first; i < sc->nlines; i++) {
		int k;
		size_t t;
		if (!line_number_marker(sc, i, &k, &t))
			continue;
		bool next_section = k == cur + 1;
		bool next_nested = nested > 0 && k == nested + 1;
		if (next_nested &&
		    (!next_section || continues_nested(sc, i, prev_item))) {
			nested = k;
			prev_item = i;
		} else if (next_section) {
			push_section(out, &n, &cap, k, i);
			cur = k;
			nested = 0;
		} else if (k == 1 && cur > 0) {
			nested = 1;
			prev_item = i;
		}
	}
	return n;
}

static size_t heading_end(const struct scan *sc, size_t a, size_t b)
{
	size_t e = scan_sentence_end(sc, a, b);
	const char *colon = memchr(sc->s + a, ':', e - a);
	return colon ? (size_t)(colon - sc->s) : e;
}

size_t sections_find(const struct scan *sc, size_t first_line,
		     struct section **out)
{
	*out = NULL;
	size_t n = number_lines(sc, first_line, out);
	for (size_t i = 0; i < n; i++) {
		struct section *sec = &(*out)[i];
		size_t limit = i + 1 < n ? (*out)[i + 1].line : sc->nlines;
		sec->nlines = section_extent(sc, sec->line, limit, i + 1 == n);
		const struct line *l = &sc->lines[sec->line];
		int num;
		size_t t;
		line_number_marker(sc, sec->line, &num, &t);
		size_t e = heading_end(sc, t, l->end);
		sec->body = e < l->end ? e + 1 : l->end;
	}
	return n;
}

/* ---- the heading's title --------------------------------------------- */

/* ", hội nghị thống nhất nhận định:" — a comma, a subject ("hội nghị",
 * or a capitalised body such as "Ủy ban nhân dân tỉnh"), then what the
 * meeting did. Returns where that tail starts, or b. */
size_t scan_decision_tail(const struct scan *sc, size_t a, size_t b)
{
	static const char *const verbs[] = { "thong nhat", "nhan dinh",
		"cho y kien", "ket luan", "yeu cau", "chi dao", "de nghi",
		"bieu quyet", "thao luan", "dong y", "xem xet", "danh gia",
		"giao", "quyet nghi", NULL };
	static const char *const meetings[] = { "hoi nghi", "ky hop",
		"phien hop", "cuoc hop", NULL };
	for (size_t c = a; c < b; c++) {
		if (sc->s[c] != ',')
			continue;
		size_t w = scan_skip_space(sc, c + 1, b);
		if (w >= b ||
		    !(scan_is_upper(sc, w) || scan_has_prefix(sc, w, b, meetings)))
			continue;
		size_t p = w;
		for (int words = 0; words < 8; words++) {
			for (const char *const *v = verbs; *v; v++)
				if (scan_at(sc, p, b, *v, NULL))
					return c;
			size_t e;
			if (scan_word(sc, p, b, &e) == NPOS)
				break;
			p = scan_skip_space(sc, e, b);
		}
	}
	return b;
}

static bool is_trailing_mark(char c)
{
	return c == ',' || c == '.' || c == ';' || c == ':';
}

char *section_title(const struct scan *sc, const struct section *sec)
{
	const struct line *l = &sc->lines[sec->line];
	int num;
	size_t t;
	line_number_marker(sc, sec->line, &num, &t);
	size_t e = heading_end(sc, t, l->end);
	size_t cut = scan_decision_tail(sc, t, e);
	while (cut > t && (is_trailing_mark(sc->s[cut - 1])))
		cut--;
	cut = scan_trim_back(sc, t, cut);
	/* A heading that is all punctuation up front ("2. . Đồng thời …")
	 * still needs a title: the line, as it is. */
	if (cut == t)
		cut = l->end;
	return scan_copy(sc, t, cut);
}
