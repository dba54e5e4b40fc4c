#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "internal.h"

/* ---- characters ------------------------------------------------------ */

/* The text is valid UTF-8 (text_nfc checked it), so a byte below 0x80
 * is its own character and a lead byte says how many continuation
 * bytes follow, each with six bits: nothing to check, only to add. */
static ucs4_t cp_at(const char *s, size_t n, size_t a)
{
	const unsigned char *u = (const unsigned char *)s + a;
	if (a >= n)
		return 0xFFFD;
	if (u[0] < 0x80)
		return u[0];
	/* Inside a character (a caller looking one byte back): no
	 * character starts here, as u8_mbtouc would say. */
	if (u[0] < 0xC0)
		return 0xFFFD;
	if (u[0] < 0xE0)
		return (ucs4_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	if (u[0] < 0xF0)
		return (ucs4_t)(u[0] & 0x0F) << 12 | (ucs4_t)(u[1] & 0x3F) << 6 |
		       (u[2] & 0x3F);
	return (ucs4_t)(u[0] & 0x07) << 18 | (ucs4_t)(u[1] & 0x3F) << 12 |
	       (ucs4_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
}

/* Bytes of the space at s[a], 0 when there is none. Spaces as a typist
 * or a web page leaves them: NBSP is common in copied notices and must
 * separate words like a space. Read from the bytes, as every call site
 * asks this of nearly every character: U+00A0 is C2 A0, U+2000–U+200A
 * are E2 80 80–8A, U+202F is E2 80 AF, U+3000 is E3 80 80. */
static size_t space_len(const char *s, size_t n, size_t a)
{
	const unsigned char *u = (const unsigned char *)s + a;
	if (a >= n)
		return 0;
	if (u[0] < 0x80)
		return u[0] == ' ' || u[0] == '\t' || u[0] == '\n';
	if (u[0] == 0xC2)
		return n - a >= 2 && u[1] == 0xA0 ? 2 : 0;
	if (n - a < 3 || u[1] != 0x80)
		return 0;
	if (u[0] == 0xE2)
		return (u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xAF ? 3 : 0;
	return u[0] == 0xE3 && u[2] == 0x80 ? 3 : 0;
}

/* For ASCII, libunistring's upper case is A–Z and its letters and
 * digits A–Z, a–z, 0–9: answered here without a call, as letters are
 * tested one by one. */
bool scan_is_upper(const struct scan *sc, size_t a)
{
	ucs4_t c = cp_at(sc->s, sc->n, a);
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return uc_is_property_uppercase(c);
}

bool scan_is_alnum(const struct scan *sc, size_t a)
{
	if (a >= sc->n)
		return false;
	ucs4_t c = cp_at(sc->s, sc->n, a);
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	return uc_is_alnum(c);
}

bool scan_is_space(const struct scan *sc, size_t a)
{
	return space_len(sc->s, sc->n, a) > 0;
}

size_t scan_skip_space(const struct scan *sc, size_t a, size_t b)
{
	size_t l;
	while (a < b && (l = space_len(sc->s, sc->n, a)))
		a += l;
	return a;
}

static size_t prev_char(const struct scan *sc, size_t b)
{
	size_t p = b - 1;
	while (p > 0 && ((unsigned char)sc->s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

size_t scan_trim_back(const struct scan *sc, size_t a, size_t b)
{
	while (b > a && scan_is_space(sc, prev_char(sc, b)))
		b = prev_char(sc, b);
	return b;
}

size_t scan_word(const struct scan *sc, size_t a, size_t b, size_t *end)
{
	a = scan_skip_space(sc, a, b);
	if (a >= b || !scan_is_alnum(sc, a))
		return NPOS;
	size_t e = a;
	while (e < b && scan_is_alnum(sc, e))
		e += ingest_u8_len((unsigned char)sc->s[e]);
	*end = e;
	return a;
}

/* ---- the folded shadow ----------------------------------------------- */

struct fold_caps {
	size_t f, from;
};

/* Room in f and from (which grow together) for len more bytes and the
 * final NUL. */
static void fold_room(struct scan *sc, struct fold_caps *cap, size_t len)
{
	if (sc->fn + len + 1 <= cap->f)
		return;
	sc->f = ingest_grow(sc->f, &cap->f, sc->fn + len + 1, 1);
	sc->from = ingest_grow(sc->from, &cap->from, sc->fn + len + 1, sizeof *sc->from);
}

static void fold_push(struct scan *sc, struct fold_caps *cap,
		      const char *bytes, size_t len, size_t src)
{
	fold_room(sc, cap, len);
	for (size_t k = 0; k < len; k++) {
		sc->f[sc->fn] = bytes[k];
		sc->from[sc->fn++] = src;
	}
}

/* What one character (not a space) adds to the folded text. text_fold
 * decides what folding is; a character it drops that is not a combining
 * mark (punctuation, should it ever) is kept, so sentence marks stay
 * visible to patterns. */
static void fold_char(struct text_buf *out, const char *s, size_t len)
{
	text_buf_clear(out);
	text_fold(out, s, len);
	if (out->len)
		return;
	ucs4_t c = 0xFFFD;
	u8_mbtouc(&c, (const uint8_t *)s, len);
	if (!uc_is_general_category(c, UC_CATEGORY_M))
		text_buf_add(out, s, len);
}

/* Folding a character alone costs a call into text_fold; the letters of
 * Vietnamese in NFC (U+00C0–U+01B0, U+1EA0–U+1EF9) are a third of a
 * notice's characters, so their folds are kept, filled once from
 * fold_char itself so that the two cannot disagree. */
#define VI_LOW 0x00C0
#define VI_LOW_END 0x01B1
#define VI_EXT 0x1EA0
#define VI_EXT_END 0x1EFA
#define VI_FOLD_MAX 7

struct vi_fold {
	unsigned char len;	/* 0xFF: longer than VI_FOLD_MAX, not kept */
	char bytes[VI_FOLD_MAX];
};

static struct vi_fold vi_folds[(VI_LOW_END - VI_LOW) + (VI_EXT_END - VI_EXT)];
static bool vi_folds_ready;

static struct vi_fold *vi_fold_of(ucs4_t c)
{
	if (c >= VI_LOW && c < VI_LOW_END)
		return &vi_folds[c - VI_LOW];
	if (c >= VI_EXT && c < VI_EXT_END)
		return &vi_folds[(VI_LOW_END - VI_LOW) + (c - VI_EXT)];
	return NULL;
}

static void vi_folds_init(void)
{
	struct text_buf b = { 0 };
	for (ucs4_t c = VI_LOW; c < VI_EXT_END; c = c + 1 == VI_LOW_END ? VI_EXT : c + 1) {
		uint8_t u[6];
		int k = u8_uctomb(u, c, sizeof u);
		struct vi_fold *v = vi_fold_of(c);
		fold_char(&b, (const char *)u, (size_t)k);
		v->len = b.len <= VI_FOLD_MAX ? (unsigned char)b.len : 0xFF;
		if (b.len <= VI_FOLD_MAX)
			memcpy(v->bytes, b.data, b.len);
	}
	text_buf_free(&b);
	vi_folds_ready = true;
}

/* Folds the non-ASCII character s[i..i+l) onto the folded text. */
static void fold_wide(struct scan *sc, struct fold_caps *cap,
		      struct text_buf *one, size_t i, size_t l)
{
	if (space_len(sc->s, sc->n, i)) {
		fold_push(sc, cap, " ", 1, i);
		return;
	}
	ucs4_t c = cp_at(sc->s, sc->n, i);
	const struct vi_fold *v = vi_fold_of(c);
	if (v && !vi_folds_ready)
		vi_folds_init();
	if (v && v->len == 1) {
		/* Nearly every letter: one ASCII byte. */
		fold_room(sc, cap, 1);
		sc->from[sc->fn] = i;
		sc->f[sc->fn++] = v->bytes[0];
	} else if (v && v->len != 0xFF) {
		fold_push(sc, cap, v->bytes, v->len, i);
	} else {
		fold_char(one, sc->s + i, l);
		fold_push(sc, cap, one->data, one->len, i);
	}
}

static char fold_ascii(unsigned char b)
{
	if (b == '\n' || b == '\t')
		return ' ';
	return (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
}

/* What an ASCII byte is to sc->marks and sc->digits. */
enum byte_kind { OTHER, MARK, DIGIT };

static const unsigned char byte_kinds[128] = {
	['.'] = MARK, ['!'] = MARK, ['?'] = MARK, [':'] = MARK,
	['0'] = DIGIT, ['1'] = DIGIT, ['2'] = DIGIT, ['3'] = DIGIT,
	['4'] = DIGIT, ['5'] = DIGIT, ['6'] = DIGIT, ['7'] = DIGIT,
	['8'] = DIGIT, ['9'] = DIGIT,
};

/* Notes s-offset i, a mark or a digit, while the text is folded. */
static void index_byte(struct scan *sc, size_t i, enum byte_kind k)
{
	if (k == MARK) {
		sc->marks = ingest_grow(sc->marks, &sc->marks_cap, sc->nmarks + 1,
					sizeof *sc->marks);
		sc->marks[sc->nmarks++] = i;
	} else {
		sc->digits = ingest_grow(sc->digits, &sc->digits_cap,
					 sc->ndigits + 1, sizeof *sc->digits);
		sc->digits[sc->ndigits++] = i;
	}
}

/* The kept fold of the Vietnamese letter at s[i], read from its bytes
 * (C3–C6 and one byte, or E1 BA–BB and two), or NULL. */
static const struct vi_fold *vi_fold_at(const unsigned char *s, size_t n,
					size_t i)
{
	if (s[i] >= 0xC3 && s[i] <= 0xC6 && n - i >= 2)
		return vi_fold_of((ucs4_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F));
	if (s[i] == 0xE1 && n - i >= 3 && (s[i + 1] == 0xBA || s[i + 1] == 0xBB))
		return vi_fold_of(0x1000 | (ucs4_t)(s[i + 1] & 0x3F) << 6 |
				  (s[i + 2] & 0x3F));
	return NULL;
}

/* Folds from i on the characters that fold to one byte, ASCII and
 * nearly every Vietnamese letter, while the folded text has room below
 * `room`, and indexes the marks and digits among them; returns where
 * it stopped (at any other character). One loop for both, with the
 * fields in locals: the text changes between the two every few bytes,
 * and a store through a char pointer could change any field, which
 * would make the compiler reload them at every byte. */
static size_t fold_run(struct scan *sc, size_t i, size_t room)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	char *f = sc->f;
	size_t *from = sc->from, *at = sc->at, fn = sc->fn, n = sc->n;
	while (i < n && fn < room) {
		unsigned char b = s[i];
		if (b < 0x80) {
			at[i] = fn;
			from[fn] = i;
			f[fn++] = fold_ascii(b);
			if (byte_kinds[b] != OTHER)
				index_byte(sc, i, byte_kinds[b]);
			i++;
			continue;
		}
		if (!vi_folds_ready)
			vi_folds_init();
		const struct vi_fold *v = vi_fold_at(s, n, i);
		if (!v || v->len != 1)
			break;
		at[i] = at[i + 1] = fn;
		if (b >= 0xE0)
			at[i + 2] = fn;
		from[fn] = i;
		f[fn++] = v->bytes[0];
		i += b >= 0xE0 ? 3 : 2;
	}
	sc->fn = fn;
	return i;
}

/* Folds one character at a time so that every folded byte knows the
 * character it came from; a space of any kind becomes ' ' so that
 * patterns need only one spelling. */
static void fold_text(struct scan *sc)
{
	struct text_buf one = { 0 };
	/* ASCII folds to one byte, so the text's length is nearly always
	 * room enough. */
	struct fold_caps cap = { .f = sc->n + 1, .from = sc->n + 1 };
	sc->f = ingest_xrealloc(NULL, cap.f, 1);
	sc->from = ingest_xrealloc(NULL, cap.from, sizeof *sc->from);
	sc->at = ingest_xrealloc(NULL, sc->n + 1, sizeof *sc->at);
	for (size_t i = 0; i < sc->n;) {
		unsigned char b = (unsigned char)sc->s[i];
		fold_room(sc, &cap, 1);
		size_t stop = fold_run(sc, i, cap.f - 1);
		if (stop > i) {
			i = stop;
			continue;
		}
		size_t l = ingest_u8_len(b), fn = sc->fn;
		for (size_t k = 0; k < l; k++)
			sc->at[i + k] = fn;
		fold_wide(sc, &cap, &one, i, l);
		i += l;
	}
	sc->at[sc->n] = sc->fn;
	sc->f = ingest_grow(sc->f, &cap.f, sc->fn + 1, 1);
	sc->from = ingest_grow(sc->from, &cap.from, sc->fn + 1, sizeof *sc->from);
	sc->from[sc->fn] = sc->n;
	sc->f[sc->fn] = '\0';
	text_buf_free(&one);
}

/* ---- list markers ---------------------------------------------------- */

size_t scan_number(const struct scan *sc, size_t p, size_t b, int *v)
{
	size_t q = p;
	*v = 0;
	while (q < b && q - p < 3 && sc->s[q] >= '0' && sc->s[q] <= '9')
		*v = *v * 10 + (sc->s[q++] - '0');
	return q;
}

size_t scan_bullet(const struct scan *sc, size_t p, size_t b)
{
	static const char *const bullets[] = { "-", "+", "*", "\xe2\x80\x93",
		"\xe2\x80\x94", "\xe2\x80\xa2", NULL };
	for (const char *const *m = bullets; *m; m++) {
		size_t l = strlen(*m);
		if (p + l < b && strncmp(sc->s + p, *m, l) == 0 && sc->s[p + l] == ' ')
			return l;
	}
	return 0;
}

size_t scan_item_marker(const struct scan *sc, size_t p, size_t b)
{
	const char *s = sc->s;
	size_t q, len;
	int v;
	if (p >= b)
		return 0;
	if ((len = scan_bullet(sc, p, b)))
		return len;
	if (s[p] == '(' && (q = scan_number(sc, p + 1, b, &v)) > p + 1 &&
	    q < b && s[q] == ')')
		return q + 1 - p;
	if ((q = scan_number(sc, p, b, &v)) > p && q + 1 < b &&
	    (s[q] == ')' || (s[q] == '.' && s[q + 1] == ' ')))
		return q + 1 - p;
	if (s[p] >= 'a' && s[p] <= 'z' && p + 1 < b && s[p + 1] == ')')
		return 2;
	return 0;
}

void scan_init(struct scan *sc, const char *s, size_t n, bool decomposed)
{
	memset(sc, 0, sizeof *sc);
	sc->s = s;
	sc->n = n;
	sc->decomposed = decomposed;
	fold_text(sc);
	scan_paragraphs(sc);
}

void scan_free(struct scan *sc)
{
	free(sc->f);
	free(sc->from);
	free(sc->at);
	free(sc->lines);
	free(sc->marks);
	free(sc->digits);
	free(sc->doc_dates);
	free(sc->refs);
	memset(sc, 0, sizeof *sc);
}

/* ---- matching in the folded text ------------------------------------- */

static bool folded_alnum_before(const struct scan *sc, size_t fi)
{
	if (fi == 0)
		return false;
	const uint8_t *start = (const uint8_t *)sc->f;
	ucs4_t c = 0;
	if (!u8_prev(&c, start + fi, start))
		return false;
	return uc_is_alnum(c);
}

static bool folded_alnum_at(const struct scan *sc, size_t fi)
{
	if (fi >= sc->fn)
		return false;
	ucs4_t c = 0xFFFD;
	u8_mbtouc(&c, (const uint8_t *)sc->f + fi, sc->fn - fi);
	return uc_is_alnum(c);
}

static bool is_alnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Matches `word` at folded offset fi, not beyond fb; a space in the
 * pattern matches any run of spaces. Returns the folded end or NPOS. */
static size_t match_at(const struct scan *sc, size_t fi, size_t fb,
		       const char *word)
{
	size_t k = fi;
	for (const char *w = word; *w; w++) {
		if (*w == ' ') {
			if (k >= fb || sc->f[k] != ' ')
				return NPOS;
			while (k < fb && sc->f[k] == ' ')
				k++;
		} else {
			if (k >= fb || sc->f[k] != *w)
				return NPOS;
			k++;
		}
	}
	size_t wl = strlen(word);
	if (wl && is_alnum_ascii(word[0]) && folded_alnum_before(sc, fi))
		return NPOS;
	if (wl && is_alnum_ascii(word[wl - 1]) && folded_alnum_at(sc, k))
		return NPOS;
	return k;
}

/* s-offset just past the character that produced folded byte fe - 1. */
static size_t source_end(const struct scan *sc, size_t fe)
{
	if (fe == 0)
		return 0;
	size_t src = sc->from[fe - 1];
	return src + ingest_u8_len((unsigned char)sc->s[src]);
}

size_t scan_find(const struct scan *sc, size_t a, size_t b, const char *word,
		 size_t *end)
{
	if (a >= b || b > sc->n)
		return NPOS;
	size_t fb = sc->at[b];
	for (size_t fi = sc->at[a]; fi < fb; fi++) {
		const char *hit = memchr(sc->f + fi, word[0], fb - fi);
		if (!hit)
			break;
		fi = (size_t)(hit - sc->f);
		/* Most hits of a common first letter fail on the second. */
		if (word[1] != ' ' && word[1] != '\0' &&
		    (fi + 1 >= fb || sc->f[fi + 1] != word[1]))
			continue;
		size_t fe = match_at(sc, fi, fb, word);
		if (fe != NPOS) {
			if (end)
				*end = source_end(sc, fe);
			return sc->from[fi];
		}
	}
	return NPOS;
}

bool scan_at(const struct scan *sc, size_t a, size_t b, const char *word,
	     size_t *end)
{
	if (a >= b || b > sc->n)
		return false;
	size_t fe = match_at(sc, sc->at[a], sc->at[b], word);
	if (fe == NPOS)
		return false;
	if (end)
		*end = source_end(sc, fe);
	return true;
}

bool scan_has_any(const struct scan *sc, size_t a, size_t b,
		  const char *const *words)
{
	for (; *words; words++)
		if (scan_find(sc, a, b, *words, NULL) != NPOS)
			return true;
	return false;
}

/* ---- sentences ------------------------------------------------------- */

static bool opens_sentence(const struct scan *sc, size_t a)
{
	ucs4_t c = cp_at(sc->s, sc->n, a);
	return uc_is_property_uppercase(c) || c == 0x201C || c == '"' ||
	       c == 0x2018 || (c >= '0' && c <= '9');
}

/* "TP. Hồ Chí Minh", "ThS. Nguyễn …": a period that ends no sentence. */
static bool after_abbreviation(const struct scan *sc, size_t a, size_t dot)
{
	static const char *const abbr[] = { "tp", "tx", "ts", "ths", "pgs",
					    "gs", "bs", "th", "st", NULL };
	size_t w = dot;
	while (w > a && scan_is_alnum(sc, prev_char(sc, w)))
		w = prev_char(sc, w);
	if (w == dot || !scan_is_upper(sc, w))
		return false;
	for (const char *const *p = abbr; *p; p++) {
		size_t e;
		if (scan_at(sc, w, dot, *p, &e) && e == dot)
			return true;
	}
	return false;
}

/* Index of the first of v[0..n) (ascending) that is at least a. */
static size_t first_from(const size_t *v, size_t n, size_t a)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The next . ! ? or : in s[i..b), or b. */
static size_t next_sentence_mark(const struct scan *sc, size_t i, size_t b)
{
	size_t k = first_from(sc->marks, sc->nmarks, i);
	return k < sc->nmarks && sc->marks[k] < b ? sc->marks[k] : b;
}

size_t scan_sentence_end(const struct scan *sc, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		i = next_sentence_mark(sc, i, b);
		if (i >= b)
			break;
		char c = sc->s[i];
		size_t next = i + 1;
		if (next < b && !scan_is_space(sc, next))
			continue;
		size_t w = scan_skip_space(sc, next, b);
		if (w >= b)
			return i;
		if (!opens_sentence(sc, w) || (c == '.' && after_abbreviation(sc, a, i)))
			continue;
		return i;
	}
	return b;
}

/* ---- dates ----------------------------------------------------------- */

/* The dates are recorded left to right and never overlap: a binary
 * search finds the last one starting before b. */
bool scan_is_doc_date(const struct scan *sc, size_t a, size_t b)
{
	size_t lo = 0, hi = sc->ndoc_dates;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->doc_dates[mid].start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && sc->doc_dates[lo - 1].end > a;
}

/* Whether s[a..b) holds at least `want` (> 0) ASCII digits. */
static bool has_digits(const struct scan *sc, size_t a, size_t b, size_t want)
{
	size_t k = first_from(sc->digits, sc->ndigits, a) + want - 1;
	return k < sc->ndigits && sc->digits[k] < b;
}

bool scan_find_date(const struct scan *sc, size_t a, size_t b,
		    struct text_date *d, struct text_range *where)
{
	/* Every date text_date_find knows holds a year of four digits,
	 * and folding makes ASCII digits of nothing else: a range with
	 * fewer holds no date, and most task sentences have none. */
	if (!has_digits(sc, a, b, 4))
		return false;
	/* Each try reads the rest of the range again; a text citing dozens
	 * of dated documents before its deadline is no task anyway. */
	for (int tries = 0; a < b && tries < 16; tries++) {
		struct text_range r;
		if (!text_date_find(sc->s + a, b - a, d, &r))
			return false;
		r.start += a;
		r.end += a;
		if (r.end <= r.start || r.end > b)
			return false;
		if (!scan_is_doc_date(sc, r.start, r.end)) {
			*where = r;
			return true;
		}
		a = r.end;
	}
	return false;
}

/* ---- names ----------------------------------------------------------- */

/* Asked of every word of every name: read from the bytes, the curly
 * quotes being E2 80 9C and E2 80 9D (the text ends in a NUL, so
 * looking one byte on is safe until a byte differs). */
bool scan_is_stop_mark(const struct scan *sc, size_t p)
{
	const unsigned char *u = (const unsigned char *)sc->s + p;
	if (u[0] < 0x80)
		return u[0] != '\0' && strchr(",;.:()\"!?", u[0]) != NULL;
	return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D);
}

size_t scan_name_end(const struct scan *sc, size_t a, size_t b, int max_words)
{
	/* Written in lower case, these end a name: "Sở Tài chính" goes on
	 * past "Tài" but "… Trung ương tại Hà Nội" stops at "tại". */
	static const char *const links[] = { "ve", "va", "ngay", "nham", "de",
		"tai", "theo", "voi", "ban hanh", "trong", "to chuc", "cua",
		"la", "da", "se", "chu tri", "phoi hop", NULL };
	if (a >= b || !scan_is_upper(sc, a))
		return a;
	size_t p = a, end = a;
	for (int words = 0; words < max_words; words++) {
		size_t w = scan_skip_space(sc, p, b), e;
		if (w >= b || scan_is_stop_mark(sc, w) ||
		    (words > 0 && !scan_is_upper(sc, w) &&
		     scan_has_prefix(sc, w, b, links)))
			break;
		if (scan_word(sc, w, b, &e) == NPOS)
			break;
		end = p = e;
	}
	return end;
}

bool scan_has_prefix(const struct scan *sc, size_t a, size_t b,
		     const char *const *words)
{
	if (a >= b || b > sc->n)
		return false;
	/* Lists run to dozens of words, asked of every word of a name: the
	 * folded byte at a rules out nearly all of them at once. */
	char first = sc->f[sc->at[a]];
	for (; *words; words++)
		if (**words == first && scan_at(sc, a, b, *words, NULL))
			return true;
	return false;
}

bool scan_literal(const struct scan *sc, size_t a, const char *lit)
{
	size_t l = strlen(lit);
	return a <= sc->n && sc->n - a >= l && memcmp(sc->s + a, lit, l) == 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

void scan_collapse(char *s)
{
	size_t n = 0;
	for (size_t p = 0; s[p];) {
		if (!is_blank(s[p])) {
			s[n++] = s[p++];
			continue;
		}
		size_t q = p;
		bool newline = false;
		while (is_blank(s[q]))
			newline |= s[q++] == '\n';
		if (newline) {
			s[n++] = ' ';
			p = q;
		}
		for (; p < q; p++)
			s[n++] = s[p] == '\t' ? ' ' : s[p];
	}
	s[n] = '\0';
}

char *scan_copy(const struct scan *sc, size_t a, size_t b)
{
	char *d = ingest_strndup(sc->s + a, b - a);
	scan_collapse(d);
	return d;
}
