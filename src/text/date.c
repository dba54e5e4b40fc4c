/* date.c — the dates of Vietnamese notices and task lists.
 *
 * Deadlines are written "31-3-2023", "ngày 9/11/2022", "ngày 31 tháng 3
 * năm 2023", "quý II-2023" or "trong tháng 5/2023". The text is folded
 * first (case, diacritics and đ gone, NFC or NFD alike), so the grammar
 * below only sees ASCII words such as "quy", "thang", "ngay".
 *
 * A date is returned only when it exists: no guessing, no two-digit years.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "internal.h"

enum { YEAR_MIN = 1900, YEAR_MAX = 2200 };

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool make_date(int y, int m, int d, struct text_date *out)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return false;
	*out = (struct text_date){y, m, d};
	return true;
}

/* ---- a cursor over folded text ------------------------------------ */

struct scan {
	const char *s;
	size_t len;
	size_t pos;
};

static int peek(const struct scan *sc, size_t ahead)
{
	return sc->pos + ahead < sc->len ?
		       (unsigned char)sc->s[sc->pos + ahead] : -1;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Letters and digits of any script (non-ASCII bytes) continue a word. */
static bool is_word_byte(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Spaces, tabs, newlines and U+00A0, which notices use between a word
 * and its number. Returns the bytes of the space at the cursor. */
static size_t space_len(const struct scan *sc)
{
	int c = peek(sc, 0);

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c == 0xc2 && peek(sc, 1) == 0xa0)
		return 2;
	return 0;
}

static bool skip_spaces(struct scan *sc)
{
	size_t start = sc->pos, n;

	while ((n = space_len(sc)) > 0)
		sc->pos += n;
	return sc->pos > start;
}

/* eat_word once the first byte matched. */
static bool eat_word_rest(struct scan *sc, const char *w)
{
	size_t n = strlen(w);

	if (sc->len - sc->pos < n || memcmp(sc->s + sc->pos, w, n) != 0)
		return false;
	struct scan after = {sc->s, sc->len, sc->pos + n};
	if (is_word_byte(peek(&after, 0)) && space_len(&after) == 0)
		return false;
	sc->pos += n;
	return true;
}

/* The whole word w at the cursor, followed by no letter or digit.
 * Tried at every word against a dozen words: the first byte settles
 * nearly all of them, here, without a call. */
static inline bool eat_word(struct scan *sc, const char *w)
{
	return peek(sc, 0) == (unsigned char)w[0] && eat_word_rest(sc, w);
}

/* A run of min..max digits, all of it (so "20231" is no year). */
static bool eat_number(struct scan *sc, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n <= max && is_digit(peek(sc, (size_t)n)))
		v = v * 10 + (peek(sc, (size_t)n++) - '0');
	if (n < min || n > max)
		return false;
	sc->pos += (size_t)n;
	*out = v;
	return true;
}

static bool eat_char(struct scan *sc, int c)
{
	if (peek(sc, 0) != c)
		return false;
	sc->pos++;
	return true;
}

/* ---- the grammar ----------------------------------------------------- */

/* One of the separators in seps; *sep tells which, so that the second
 * separator of a date can be required to match the first. */
static bool eat_sep(struct scan *sc, const char *seps, int *sep)
{
	int c = peek(sc, 0);

	if (c <= 0 || !strchr(seps, c))
		return false;
	sc->pos++;
	*sep = c;
	return true;
}

/* d-m-yyyy, d/m/yyyy or d.m.yyyy. */
static bool parse_dmy(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;
	int d, m, y, sep;

	if (!eat_number(&t, 1, 2, &d) || !eat_sep(&t, "-/.", &sep) ||
	    !eat_number(&t, 1, 2, &m) || !eat_char(&t, sep) ||
	    !eat_number(&t, 4, 4, &y) || !make_date(y, m, d, out))
		return false;
	*sc = t;
	return true;
}

/* yyyy-mm-dd or yyyy/mm/dd. */
static bool parse_ymd(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;
	int d, m, y, sep;

	if (!eat_number(&t, 4, 4, &y) || !eat_sep(&t, "-/", &sep) ||
	    !eat_number(&t, 1, 2, &m) || !eat_char(&t, sep) ||
	    !eat_number(&t, 1, 2, &d) || !make_date(y, m, d, out))
		return false;
	*sc = t;
	return true;
}

/* What stands between a month or quarter and its year: "-", "/", "." or
 * the word "năm" (year), spaces allowed around. */
static bool eat_year_joint(struct scan *sc)
{
	struct scan t = *sc;

	skip_spaces(&t);
	if (!eat_char(&t, '-') && !eat_char(&t, '/') && !eat_char(&t, '.') &&
	    !eat_word(&t, "nam"))
		return false;
	skip_spaces(&t);
	*sc = t;
	return true;
}

/* "31 tháng 3 năm 2023", the form of official letterheads, after "ngày". */
static bool parse_spelled(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;
	int d, m, y;

	if (!eat_number(&t, 1, 2, &d) || !skip_spaces(&t) ||
	    !eat_word(&t, "thang") || !skip_spaces(&t) ||
	    !eat_number(&t, 1, 2, &m) || !eat_year_joint(&t) ||
	    !eat_number(&t, 4, 4, &y) || !make_date(y, m, d, out))
		return false;
	*sc = t;
	return true;
}

/* "4/2023" or "4 năm 2023" after "tháng": the month's last day. */
static bool parse_month(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;
	int m, y;

	if (!eat_number(&t, 1, 2, &m) || !eat_year_joint(&t) ||
	    !eat_number(&t, 4, 4, &y) || m < 1 || m > 12 ||
	    !make_date(y, m, days_in_month(y, m), out))
		return false;
	*sc = t;
	return true;
}

/* I, II, III, IV or 1–4. */
static bool eat_quarter(struct scan *sc, int *q)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv"};

	for (int i = 0; i < 4; i++) {
		if (eat_word(sc, roman[i])) {
			*q = i + 1;
			return true;
		}
	}
	return eat_number(sc, 1, 1, q) && *q >= 1 && *q <= 4;
}

/* "II-2023", "2/2023" or "II năm 2023" after "quý": the quarter's last
 * day. */
static bool parse_quarter(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;
	int q, y;

	if (!eat_quarter(&t, &q) || !eat_year_joint(&t) ||
	    !eat_number(&t, 4, 4, &y) ||
	    !make_date(y, q * 3, q == 1 || q == 4 ? 31 : 30, out))
		return false;
	*sc = t;
	return true;
}

static bool parse_numeric(struct scan *sc, struct text_date *out)
{
	return parse_ymd(sc, out) || parse_dmy(sc, out);
}

/* A keyword ("ngay", "thang", "quy"), spaces, then what it introduces. */
static bool parse_after(struct scan *sc, const char *word,
			bool (*rest)(struct scan *, struct text_date *),
			struct text_date *out)
{
	struct scan t = *sc;

	if (!eat_word(&t, word) || !skip_spaces(&t) || !rest(&t, out))
		return false;
	*sc = t;
	return true;
}

static bool parse_core(struct scan *sc, struct text_date *out)
{
	return parse_after(sc, "ngay", parse_numeric, out) ||
	       parse_after(sc, "ngay", parse_spelled, out) ||
	       parse_after(sc, "thang", parse_month, out) ||
	       parse_after(sc, "quy", parse_quarter, out) ||
	       parse_numeric(sc, out);
}

/* Words that may lead into a deadline: "trước" (before), "đến" (until),
 * "hạn" and "hạn chót" (deadline), "chậm nhất" (at the latest), "trong"
 * (within), "vào" (on), "cuối" and "hết" (end of), optionally with ":". */
static bool eat_lead_word(struct scan *sc)
{
	static const char *const words[] = {
		"truoc", "den", "han", "chot", "cham", "nhat", "trong",
		"vao", "cuoi", "het",
	};

	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (eat_word(sc, words[i])) {
			eat_char(sc, ':');
			skip_spaces(sc);
			return true;
		}
	}
	return false;
}

/* A date expression at the cursor: lead words, then the date itself. */
static bool parse_expr(struct scan *sc, struct text_date *out)
{
	struct scan t = *sc;

	for (int i = 0; i < 3 && eat_lead_word(&t); i++)
		;
	if (!parse_core(&t, out))
		return false;
	*sc = t;
	return true;
}

/* ---- the public functions -------------------------------------------- */

bool text_date_parse(const char *s, size_t len, struct text_date *out)
{
	struct text_buf folded = {0};
	struct text_date d;

	text_fold(&folded, s, len);
	struct scan sc = {folded.data, folded.len, 0};
	skip_spaces(&sc);
	bool ok = parse_expr(&sc, &d);
	skip_spaces(&sc);
	ok = ok && sc.pos == sc.len;
	text_buf_free(&folded);
	if (ok)
		*out = d;
	return ok;
}

/* A date expression may start at a word's first byte. */
static bool at_word_start(const struct scan *sc)
{
	if (!is_word_byte(peek(sc, 0)) || peek(sc, 0) >= 0x80)
		return false;
	if (sc->pos == 0)
		return true;

	struct scan before = {sc->s, sc->len, sc->pos - 1};
	if (before.pos > 0 && peek(&before, 0) == 0xa0) {
		before.pos--;	/* the second byte of U+00A0 */
		return space_len(&before) == 2;
	}
	return !is_word_byte(peek(&before, 0));
}

/* Folded bytes [from, to) are the whole folding of some grapheme
 * clusters, so that the original range reads the same on its own ("2023"
 * followed by a spacing mark ends inside a cluster: no date). */
static bool on_cluster_edges(const struct text_folded *f, size_t from,
			     size_t to)
{
	return (from == 0 || f->from[from - 1] != f->from[from]) &&
	       (to == f->text.len || f->from[to] != f->from[to - 1]);
}

/* The first date expression in s[0..len), its range in s. */
static bool find_in(const char *s, size_t len, struct text_date *out,
		    struct text_range *where)
{
	struct text_folded f = {0};
	struct text_date d;
	bool found = false;

	text_fold_mapped(&f, s, len);
	/* The first place, left to right, where an expression starts. */
	for (size_t pos = 0; pos < f.text.len; pos++) {
		struct scan sc = {f.text.data, f.text.len, pos};
		if (at_word_start(&sc) && parse_expr(&sc, &d) &&
		    on_cluster_edges(&f, pos, sc.pos)) {
			*out = d;
			where->start = f.from[pos];
			where->end = f.to[sc.pos - 1];
			found = true;
			break;
		}
	}
	text_folded_free(&f);
	return found;
}

/* Where a window of s that starts at a may end: just after a comma or
 * semicolon at least DATE_WINDOW bytes on that an ASCII byte follows,
 * else at len. No expression of the grammar above holds either mark,
 * and none reads past one (a word or a number ends there, a separator
 * or a space does not match it); the ASCII byte after the mark keeps
 * the mark a grapheme cluster of its own. So up to the window's end,
 * folding and reading the window are folding and reading all of s. */
#define DATE_WINDOW 128

static size_t window_end(const char *s, size_t a, size_t len)
{
	for (size_t p = a + DATE_WINDOW; p + 1 < len; p++)
		if ((s[p] == ',' || s[p] == ';') && (unsigned char)s[p + 1] < 0x80)
			return p + 1;
	return len;
}

bool text_date_find(const char *s, size_t len, struct text_date *out,
		    struct text_range *where)
{
	/* A long text (a summary's first sentence) mostly has its date
	 * near the start, and folding all of it first would cost more than
	 * the search: it is searched a window at a time. */
	for (size_t a = 0;;) {
		size_t w = window_end(s, a, len);
		if (find_in(s + a, w - a, out, where)) {
			where->start += a;
			where->end += a;
			return true;
		}
		if (w >= len)
			return false;
		a = w;
	}
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void text_date_iso(const struct text_date *d, char buf[static 11])
{
	/* Clamped so that even a garbage date fills exactly 10 bytes. */
	snprintf(buf, 11, "%04d-%02d-%02d", clamp(d->year, 0, 9999),
		 clamp(d->month, 0, 99), clamp(d->day, 0, 99));
}

bool text_date_from_iso(const char *s, size_t len, struct text_date *out)
{
	struct scan sc = {s, len, 0};
	int y, m, d;

	if (len != 10 || !eat_number(&sc, 4, 4, &y) || !eat_char(&sc, '-') ||
	    !eat_number(&sc, 2, 2, &m) || !eat_char(&sc, '-') ||
	    !eat_number(&sc, 2, 2, &d))
		return false;
	return make_date(y, m, d, out);
}
