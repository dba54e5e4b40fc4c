#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What a meeting is called, folded and as a title begins. */
static const struct keyword {
	const char *folded;
	const char *title;
} keywords[] = {
	{ "hoi nghi", "Hội nghị" },
	{ "ky hop", "Kỳ họp" },
	{ "phien hop", "Phiên họp" },
	{ "cuoc hop", "Cuộc họp" },
	{ "buoi lam viec", "Buổi làm việc" },
};

#define NKEYWORDS (sizeof keywords / sizeof keywords[0])

/* A meeting phrase found in a line: "Hội nghị [Body] lần thứ 12". */
struct phrase {
	const struct keyword *kw;
	size_t start, kw_end;	/* the keyword */
	size_t end;		/* end of the whole phrase */
	size_t body, body_end;	/* a name between keyword and "lần thứ" */
	size_t num, num_end;	/* the session number, or NPOS */
};

/* ---- session numbers ------------------------------------------------- */

static bool is_roman(const struct scan *sc, size_t a, size_t e)
{
	for (size_t p = a; p < e; p++)
		if (!strchr("IVXLC", sc->s[p]))
			return false;
	return e > a && e - a <= 8;
}

static bool is_number(const struct scan *sc, size_t a, size_t e)
{
	for (size_t p = a; p < e; p++)
		if (sc->s[p] < '0' || sc->s[p] > '9')
			return false;
	return e > a && e - a <= 4;
}

static const char *const number_words[] = { "nhat", "hai", "ba", "tu",
	"nam", "sau", "bay", "tam", "chin", "muoi", NULL };

/* "lần thứ 12", "thứ XI", "lần thứ sáu": where the number token starts. */
static size_t session_word(const struct scan *sc, size_t a, size_t b,
			   size_t *end, int *value)
{
	size_t w = scan_word(sc, a, b, end);
	if (w == NPOS)
		return NPOS;
	*value = 0;
	if (is_number(sc, w, *end) || is_roman(sc, w, *end))
		return w;
	for (int i = 0; number_words[i]; i++) {
		size_t e;
		if (scan_at(sc, w, *end, number_words[i], &e) && e == *end) {
			*value = i + 1;
			return w;
		}
	}
	return NPOS;
}

/* "12", "XI" as written; "sáu" as the digits a list can sort by. */
static char *session_text(const struct scan *sc, const struct phrase *ph)
{
	size_t e;
	int value;
	session_word(sc, ph->num, ph->num_end, &e, &value);
	if (value == 0)
		return scan_copy(sc, ph->num, ph->num_end);
	struct text_buf t = { 0 };
	text_buf_printf(&t, "%d", value);
	return text_buf_take(&t, NULL);
}

/* "thứ" (ordinal), not "thu" (to collect): "Hội nghị thu năm 2023" has
 * no session five. Folding makes them one word; the source does not. */
static bool ordinal_at(const struct scan *sc, size_t w, size_t b, size_t *e)
{
	size_t t = w;
	if (scan_at(sc, w, b, "lan thu", e)) {
		size_t x;
		scan_word(sc, w, b, &x);
		t = scan_skip_space(sc, x, b);
	} else if (!scan_at(sc, w, b, "thu", e)) {
		return false;
	}
	return !scan_literal(sc, t, "thu") && !scan_literal(sc, t, "Thu") &&
	       !scan_literal(sc, t, "THU");
}

/* ---- meeting phrases ------------------------------------------------- */

/* Looks for "lần thứ N" / "thứ N" within a few words of the keyword,
 * staying inside the phrase (no punctuation). */
static bool numbered(const struct scan *sc, struct phrase *ph, size_t b)
{
	size_t p = ph->kw_end, e;
	int value;
	for (int words = 0; words < 14; words++) {
		size_t w = scan_skip_space(sc, p, b);
		if (w >= b || scan_is_stop_mark(sc, w))
			return false;
		size_t lead = ordinal_at(sc, w, b, &e) ? w : NPOS;
		size_t num = lead == NPOS ? NPOS :
			     session_word(sc, e, b, &ph->num_end, &value);
		if (num != NPOS) {
			ph->num = num;
			ph->end = ph->num_end;
			ph->body = scan_skip_space(sc, ph->kw_end, lead);
			ph->body_end = scan_trim_back(sc, ph->body, lead);
			return true;
		}
		if (scan_word(sc, w, b, &e) == NPOS)
			return false;
		p = e;
	}
	return false;
}

/* A phrase without a number: "Phiên họp thường kỳ tháng 3/2023", up to
 * punctuation, a capitalised name or a linking word. */
static void unnumbered(const struct scan *sc, struct phrase *ph, size_t b)
{
	static const char *const links[] = { "cua", "de", "nham", "ve", "tai",
		"voi", "vao", "do", "duoc", "da", "la", NULL };
	size_t p = ph->kw_end;
	ph->end = p;
	for (int words = 0; words < 8; words++) {
		size_t w = scan_skip_space(sc, p, b), e = w;
		if (w >= b || scan_is_stop_mark(sc, w) || scan_is_upper(sc, w) ||
		    scan_has_prefix(sc, w, b, links))
			return;
		while (e < b && !scan_is_space(sc, e) && !scan_is_stop_mark(sc, e))
			e += ingest_u8_len((unsigned char)sc->s[e]);
		/* "3/2023." keeps its digits but not the full stop. */
		if (e == w)
			return;
		ph->end = p = e;
	}
}

static bool phrase_in(const struct scan *sc, size_t a, size_t b,
		      bool want_number, struct phrase *ph)
{
	for (size_t k = 0; k < NKEYWORDS; k++) {
		size_t from = a, e;
		size_t at;
		while ((at = scan_find(sc, from, b, keywords[k].folded, &e)) != NPOS) {
			*ph = (struct phrase){ .kw = &keywords[k], .start = at,
					       .kw_end = e, .num = NPOS,
					       .body = NPOS };
			if (numbered(sc, ph, b))
				return true;
			if (!want_number) {
				unnumbered(sc, ph, b);
				return true;
			}
			from = e;
		}
	}
	return false;
}

/* The title as a reader wants it: "Hội nghị lần thứ 12" even where the
 * notice wrote "hội nghị Ban Chấp hành … lần thứ 12" (the body is kept
 * apart); a keyword in lower case gets its capital. */
static char *phrase_title(const struct scan *sc, const struct phrase *ph)
{
	struct text_buf t = { 0 };
	if (scan_is_upper(sc, ph->start))
		text_buf_add(&t, sc->s + ph->start, ph->kw_end - ph->start);
	else
		text_buf_addz(&t, ph->kw->title);
	size_t rest = ph->kw_end;
	if (ph->body != NPOS && ph->body < ph->body_end && scan_is_upper(sc, ph->body))
		rest = ph->body_end;
	if (rest < ph->end) {
		size_t r = scan_skip_space(sc, rest, ph->end);
		text_buf_addc(&t, ' ');
		text_buf_add(&t, sc->s + r, ph->end - r);
	}
	char *title = text_buf_take(&t, NULL);
	scan_collapse(title);
	return title;
}

/* ---- the opening paragraph ------------------------------------------- */

static bool opens_with_time(const struct scan *sc, const struct line *l)
{
	static const char *const starts[] = { "ngay", "sang", "chieu", "toi",
		"trong ngay", "hom nay", "vao ngay", "sang ngay", "chieu ngay", NULL };
	return scan_has_prefix(sc, l->start, l->end, starts);
}

/* The paragraph that says who met, when and why. */
static size_t summary_line(const struct scan *sc, size_t pre)
{
	for (size_t i = 1; i < pre; i++)
		if (opens_with_time(sc, &sc->lines[i]))
			return i;
	size_t best = NPOS, len = 0;
	for (size_t i = pre > 1 ? 1 : 0; i < pre; i++) {
		size_t l = sc->lines[i].end - sc->lines[i].start;
		struct phrase ph;
		if (l > len && l > 80 &&
		    phrase_in(sc, sc->lines[i].start, sc->lines[i].end, false, &ph)) {
			best = i;
			len = l;
		}
	}
	return best;
}

/* ---- body, date, chair, place ---------------------------------------- */

/* "…, Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI tổ chức Hội nghị …":
 * the subject of the clause that holds the meeting. */
static char *body_before(const struct scan *sc, const struct line *l,
			 const struct phrase *ph)
{
	static const char *const verbs[] = { "da to chuc", "to chuc", "tien hanh",
		"khai mac", "da hop", "hop", NULL };
	size_t c = ph->start;
	while (c > l->start && sc->s[c - 1] != ',' && sc->s[c - 1] != '.')
		c--;
	c = scan_skip_space(sc, c, ph->start);
	for (size_t p = c; p < ph->start; p++) {
		if (!scan_has_prefix(sc, p, ph->start, verbs) || p == c ||
		    !scan_is_space(sc, p - 1))
			continue;
		size_t e = scan_trim_back(sc, c, p);
		if (e > c && scan_is_upper(sc, c))
			return scan_copy(sc, c, e);
		return NULL;
	}
	return NULL;
}

static char *body_after(const struct scan *sc, const struct line *l,
			const struct phrase *ph)
{
	if (ph->body != NPOS && ph->body < ph->body_end && scan_is_upper(sc, ph->body))
		return scan_copy(sc, ph->body, ph->body_end);
	size_t a = scan_skip_space(sc, ph->end, l->end), e;
	if (a < l->end && sc->s[a] == '(') {
		const char *close = memchr(sc->s + a, ')', l->end - a);
		if (close)
			a = scan_skip_space(sc, (size_t)(close - sc->s) + 1, l->end);
	}
	if (scan_at(sc, a, l->end, "cua", &e))
		a = scan_skip_space(sc, e, l->end);
	size_t end = scan_name_end(sc, a, l->end, 16);
	return end > a ? scan_copy(sc, a, end) : NULL;
}

static char *iso_of(const struct text_date *d)
{
	char iso[11];
	text_date_iso(d, iso);
	return ingest_strndup(iso, 10);
}

/* A line that is only a date (and maybe a time): the dateline. */
static bool dateline(const struct scan *sc, const struct line *l,
		     struct text_date *d)
{
	struct text_range r;
	return l->end - l->start <= 40 &&
	       scan_find_date(sc, l->start, l->end, d, &r) && r.start == l->start;
}

static char *held_on(const struct scan *sc, size_t pre, size_t summary)
{
	struct text_date d;
	struct text_range r;
	/* "Ngày 31-3-2023, …" dates the meeting; a date further on in the
	 * paragraph ("quý I-2023") is what it discussed. */
	if (summary != NPOS && opens_with_time(sc, &sc->lines[summary])) {
		const struct line *l = &sc->lines[summary];
		size_t e = scan_sentence_end(sc, l->start, l->end);
		if (scan_find_date(sc, l->start, e, &d, &r))
			return iso_of(&d);
	}
	for (size_t i = 0; i < pre; i++)
		if (dateline(sc, &sc->lines[i], &d))
			return iso_of(&d);
	if (pre > 0 && scan_find_date(sc, sc->lines[0].start,
				      sc->lines[pre - 1].end, &d, &r))
		return iso_of(&d);
	return NULL;
}

/* Titles and ranks that follow "đồng chí" before the name does. */
static bool is_rank_word(const struct scan *sc, size_t w, size_t e)
{
	static const char *const ranks[] = { "bi", "pho", "chu", "uy", "ban",
		"thuong", "giam", "truong", "tinh", "huyen", "thanh", "dang",
		"hoi", "so", "bo", "thu", "dai", "cuc", "vien", "ubnd", "hdnd",
		"tong", "quoc", "trung", NULL };
	for (const char *const *r = ranks; *r; r++) {
		size_t x;
		if (scan_at(sc, w, e, *r, &x) && x == e)
			return true;
	}
	return false;
}

/* A person's name: two to five capitalised words, not a rank. */
static size_t person_name(const struct scan *sc, size_t a, size_t b,
			  size_t *end)
{
	for (size_t p = a; p < b;) {
		size_t w = scan_skip_space(sc, p, b), e;
		if (w >= b)
			break;
		if (scan_word(sc, w, b, &e) == NPOS) {
			p = w + ingest_u8_len((unsigned char)sc->s[w]);
			continue;
		}
		size_t q = e, n = 1;
		if (scan_is_upper(sc, w) && !is_rank_word(sc, w, e)) {
			size_t x, next = scan_skip_space(sc, q, b);
			while (n < 5 && next > q && scan_word(sc, next, b, &x) == next &&
			       scan_is_upper(sc, next)) {
				q = x;
				n++;
				next = scan_skip_space(sc, q, b);
			}
			if (n >= 2) {
				*end = q;
				return w;
			}
		}
		p = q;
	}
	return NPOS;
}

static char *chair_in(const struct scan *sc, size_t a, size_t b,
		      const char *const *triggers)
{
	for (size_t s = a; s < b;) {
		size_t e = scan_sentence_end(sc, s, b);
		for (const char *const *t = triggers; *t; t++) {
			size_t at = scan_find(sc, s, e, *t, NULL), x;
			size_t who = at == NPOS ? NPOS :
				     scan_find(sc, s, at, "dong chi", &x);
			if (who == NPOS)
				continue;
			size_t end, name = person_name(sc, x, at, &end);
			if (name != NPOS)
				return scan_copy(sc, name, end);
		}
		s = e + 1;
	}
	return NULL;
}

static char *chair(const struct scan *sc, size_t pre)
{
	static const char *const opening[] = { "phat bieu khai mac", "chu tri",
		NULL };
	static const char *const anywhere[] = { "phat bieu khai mac",
		"chu tri hoi nghi", "chu tri ky hop", "chu tri phien hop",
		"chu tri cuoc hop", NULL };
	for (size_t i = 0; i < pre; i++) {
		char *c = chair_in(sc, sc->lines[i].start, sc->lines[i].end, opening);
		if (c)
			return c;
	}
	for (size_t i = pre; i < sc->nlines; i++) {
		char *c = chair_in(sc, sc->lines[i].start, sc->lines[i].end, anywhere);
		if (c)
			return c;
	}
	return NULL;
}

/* "… tại Hội trường Tỉnh ủy, …" in the opening sentence. */
static char *place(const struct scan *sc, const struct line *l)
{
	size_t e = scan_sentence_end(sc, l->start, l->end), x;
	for (size_t p = l->start; (p = scan_find(sc, p, e, "tai", &x)) != NPOS; p = x) {
		size_t a = scan_skip_space(sc, x, e);
		size_t end = scan_name_end(sc, a, e, 12);
		if (end > a)
			return scan_copy(sc, a, end);
	}
	return NULL;
}

/* ---- putting it together --------------------------------------------- */

static bool shouts(const struct scan *sc, size_t a, size_t b)
{
	for (size_t p = a; p < b; p += ingest_u8_len((unsigned char)sc->s[p]))
		if (scan_is_alnum(sc, p) && !scan_is_upper(sc, p) &&
		    (sc->s[p] < '0' || sc->s[p] > '9'))
			return false;
	return true;
}

/* The title: a numbered phrase in the headline or the opening paragraph,
 * else any phrase there, else anywhere before the first section. A
 * headline in capitals yields to the paragraph, which is written as the
 * title should read. */
static bool find_phrase(const struct scan *sc, size_t pre, size_t summary,
			struct phrase *ph, size_t *line)
{
	size_t order[2] = { 0, summary };
	for (int want = 1; want >= 0; want--)
		for (int k = 0; k < 2; k++) {
			size_t i = order[k];
			if (i == NPOS || i >= pre ||
			    !phrase_in(sc, sc->lines[i].start, sc->lines[i].end, want, ph))
				continue;
			struct phrase alt;
			if (k == 0 && shouts(sc, ph->start, ph->end) && summary != NPOS &&
			    summary < pre && phrase_in(sc, sc->lines[summary].start,
						       sc->lines[summary].end, want, &alt)) {
				*ph = alt;
				i = summary;
			}
			*line = i;
			return true;
		}
	for (int want = 1; want >= 0; want--)
		for (size_t i = 0; i < pre; i++)
			if (phrase_in(sc, sc->lines[i].start, sc->lines[i].end, want, ph)) {
				*line = i;
				return true;
			}
	return false;
}

void meeting_find(const struct scan *sc, size_t pre, struct notice *n)
{
	size_t summary = summary_line(sc, pre), line = 0;
	struct phrase ph;
	if (find_phrase(sc, pre, summary, &ph, &line)) {
		n->title = phrase_title(sc, &ph);
		if (ph.num != NPOS)
			n->session = session_text(sc, &ph);
	}
	if (summary != NPOS) {
		const struct line *l = &sc->lines[summary];
		n->summary = scan_copy(sc, l->start, l->end);
		struct phrase sp;
		if (phrase_in(sc, l->start, l->end, false, &sp))
			n->body = body_before(sc, l, &sp);
		n->place = place(sc, l);
	}
	if (!n->body && n->title)
		n->body = body_after(sc, &sc->lines[line], &ph);
	n->held_on = held_on(sc, pre, summary);
	n->chair = chair(sc, pre);
}
