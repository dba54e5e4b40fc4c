/* collate.c — Vietnamese dictionary order (CLDR "vi").
 *
 * A small multi-level collation in the manner of the Unicode Collation
 * Algorithm, for the one tailoring bienban needs:
 *
 *   primary    the letters, a < ă < â < b < c < d < đ < e < ê < … < o < ô
 *              < ơ < … < u < ư < …; spaces and punctuation < digits <
 *              Latin letters < other scripts;
 *   secondary  the tones, none < grave < hook < tilde < acute < dot below,
 *              then any other mark;
 *   tertiary   lower case < upper case;
 *   identical  the NFD code points, so that only canonically equivalent
 *              strings compare equal.
 *
 * Everything works on NFD, so NFC, NFD and the legacy "tổ hợp" mix give
 * identical keys. text_collate compares keys, so the two can never
 * disagree.
 *
 * Key layout: the weights of each level in turn, levels separated by
 * 0x01. Every weight byte is at least 0x02, so a string that is a prefix
 * of another sorts first, and no byte is ever NUL.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "internal.h"

#define LEVEL_SEP 0x01

/* Primary weights: single bytes, or a lead byte and three bytes of code
 * point. The lead decides the length, so keys stay prefix-free. */
enum {
	P_ASCII_PUNCT = 0x03,	/* 0x03 + (c - 0x20), up to 0x61 */
	P_OTHER_PUNCT = 0x62,	/* + code point */
	P_DIGIT = 0x63,		/* 0x63 + value, up to 0x6c */
	P_LETTER = 0x70,	/* 0x70 + rank in the alphabet, up to 0x90 */
	P_OTHER_LATIN = 0x91,	/* + code point */
	P_OTHER_SCRIPT = 0x92,	/* + code point */
};

/* Secondary weights. */
enum {
	S_BASE = 0x02,		/* every character that has a primary */
	S_GRAVE = 0x03,		/* huyền, then hỏi, ngã, sắc, nặng */
	S_OTHER_MARK = 0x08,	/* + code point */
};

/* Tertiary weights. */
enum { T_LOWER = 0x02, T_UPPER = 0x03 };

/* The Vietnamese alphabet, with the Latin letters it does not use (f, j,
 * w, z) where the Latin alphabet has them. */
static const ucs4_t alphabet[] = {
	'a', 0x0103 /* ă */, 0x00e2 /* â */, 'b', 'c', 'd', 0x0111 /* đ */,
	'e', 0x00ea /* ê */, 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
	'o', 0x00f4 /* ô */, 0x01a1 /* ơ */, 'p', 'q', 'r', 's', 't',
	'u', 0x01b0 /* ư */, 'v', 'w', 'x', 'y', 'z',
};

/* The tone marks in CLDR's order: grave, hook above, tilde, acute, dot
 * below. */
static const ucs4_t tones[] = { 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

static int alphabet_rank(ucs4_t lower)
{
	if (lower == 0x00f0)
		lower = 0x0111;	/* ð, the look-alike often typed for đ */
	for (size_t i = 0; i < sizeof alphabet / sizeof *alphabet; i++)
		if (alphabet[i] == lower)
			return (int)i;
	return -1;
}

static void add_byte(struct text_buf *b, unsigned char c)
{
	text_buf_addc(b, (char)c);
}

/* A lead byte and a code point in three 7-bit groups, each ≥ 0x02. */
static void add_wide(struct text_buf *b, unsigned char lead, ucs4_t c)
{
	add_byte(b, lead);
	add_byte(b, (unsigned char)(0x02 + ((c >> 14) & 0x7f)));
	add_byte(b, (unsigned char)(0x02 + ((c >> 7) & 0x7f)));
	add_byte(b, (unsigned char)(0x02 + (c & 0x7f)));
}

static bool is_mark(ucs4_t c)
{
	return uc_combining_class(c) != 0 ||
	       uc_is_general_category(c, UC_CATEGORY_M);
}

/* Controls and format characters (ZWJ, soft hyphen) weigh nothing. */
static bool is_ignorable(ucs4_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Cc) ||
	       uc_is_general_category(c, UC_CATEGORY_Cf);
}

static int digit_value(ucs4_t c)
{
	int v = uc_decimal_value(c);

	return v >= 0 ? v : uc_digit_value(c);
}

/* The primary weight of a base character, already lower-cased and with
 * its Vietnamese vowel mark (if any) composed in. */
static void add_primary(struct text_buf *p, ucs4_t c)
{
	int rank = alphabet_rank(c);
	int digit = digit_value(c);

	if (rank >= 0)
		add_byte(p, (unsigned char)(P_LETTER + rank));
	else if (digit >= 0)
		add_byte(p, (unsigned char)(P_DIGIT + digit));
	else if (uc_is_general_category(c, UC_CATEGORY_L) ||
		 uc_is_general_category(c, UC_CATEGORY_Nl))
		add_wide(p, uc_is_script(c, uc_script('a')) ?
			 P_OTHER_LATIN : P_OTHER_SCRIPT, c);
	else if (c >= 0x20 && c < 0x7f)
		add_byte(p, (unsigned char)(P_ASCII_PUNCT + (c - 0x20)));
	else
		add_wide(p, P_OTHER_PUNCT, c);
}

static void add_secondary(struct text_buf *s, ucs4_t mark)
{
	for (size_t i = 0; i < sizeof tones / sizeof *tones; i++) {
		if (tones[i] == mark) {
			add_byte(s, (unsigned char)(S_GRAVE + i));
			return;
		}
	}
	add_wide(s, S_OTHER_MARK, mark);
}

/* Among the marks after a base, the one that makes it another letter of
 * the alphabet (breve, circumflex or horn: a → ă), or n when none does.
 * NFD puts the dot below before them ("ặ" = a, U+0323, U+0306), so all
 * the marks are looked at. */
static size_t find_letter_mark(ucs4_t base, const ucs4_t *marks, size_t n,
			       ucs4_t *letter)
{
	for (size_t i = 0; i < n; i++) {
		ucs4_t composed = uc_composition(base, marks[i]);
		if (composed && alphabet_rank(composed) >= 0) {
			*letter = composed;
			return i;
		}
	}
	return n;
}

struct levels {
	struct text_buf primary, secondary, tertiary;
};

/* Weighs the base character c and the marks that follow it. */
static void add_unit(struct levels *lv, ucs4_t c, const ucs4_t *marks,
		     size_t n)
{
	ucs4_t lower = uc_tolower(c);
	ucs4_t letter = lower;
	size_t letter_mark = find_letter_mark(lower, marks, n, &letter);

	add_primary(&lv->primary, letter);
	add_byte(&lv->secondary, S_BASE);
	add_byte(&lv->tertiary, lower != c ? T_UPPER : T_LOWER);
	for (size_t i = 0; i < n; i++)
		if (i != letter_mark)
			add_secondary(&lv->secondary, marks[i]);
}

static void add_levels(struct levels *lv, const ucs4_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c = s[i++];
		if (is_ignorable(c))
			continue;
		if (is_mark(c)) {
			/* A mark with no base before it. */
			add_secondary(&lv->secondary, c);
			continue;
		}
		size_t first = i;
		while (i < n && is_mark(s[i]))
			i++;
		add_unit(lv, c, s + first, i - first);
	}
}

/* The NFD code points as UTF-8, with the two bytes below 0x02 escaped
 * (0x00 → 01 01, 0x01 → 01 02) to keep the key free of NUL and in
 * order. */
static void add_identical(struct text_buf *out, const ucs4_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t tmp[6];
		int k = u8_uctomb(tmp, s[i], sizeof tmp);
		for (int j = 0; j < k; j++) {
			if (tmp[j] < 0x02) {
				add_byte(out, LEVEL_SEP);
				add_byte(out, (unsigned char)(tmp[j] + 1));
			} else {
				add_byte(out, tmp[j]);
			}
		}
	}
}

/* s decoded (bad bytes become U+FFFD, as the header promises) and put in
 * NFD; *n receives the length. Free the result. */
static ucs4_t *decode_nfd(const char *s, size_t len, size_t *n)
{
	ucs4_t *cps = text_xmalloc(len, sizeof *cps);
	size_t count = 0;

	for (size_t i = 0; i < len; count++)
		i += (size_t)u8_mbtouc(&cps[count], (const uint8_t *)s + i,
				       len - i);

	ucs4_t *nfd = u32_normalize(UNINORM_NFD, cps, count, NULL, n);
	if (!nfd)
		abort();	/* valid input: only ENOMEM is left */
	free(cps);
	return nfd;
}

void text_sort_key(struct text_buf *out, const char *s, size_t len)
{
	struct levels lv = {{0}, {0}, {0}};
	size_t n = 0;
	ucs4_t *nfd = decode_nfd(s, len, &n);

	add_levels(&lv, nfd, n);
	text_buf_add(out, lv.primary.data, lv.primary.len);
	add_byte(out, LEVEL_SEP);
	text_buf_add(out, lv.secondary.data, lv.secondary.len);
	add_byte(out, LEVEL_SEP);
	text_buf_add(out, lv.tertiary.data, lv.tertiary.len);
	add_byte(out, LEVEL_SEP);
	add_identical(out, nfd, n);

	text_buf_free(&lv.primary);
	text_buf_free(&lv.secondary);
	text_buf_free(&lv.tertiary);
	free(nfd);
}

/* Where comparing may start instead of at 0: the end of the longest
 * common prefix that is followed, in both strings, by an ASCII byte or
 * the end. An ASCII byte is never a mark, so the prefix ends with a whole
 * unit (a base and its marks), decodes and normalizes alone, and gives
 * both keys the same weights at every level; and each level's weights
 * are prefix-free. So the keys of what follows compare as the whole keys
 * do. Index lookups compare a key with its neighbours, which share long
 * prefixes (an owner's name, a task's opening words). */
static size_t common_start(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t m = 0, min = alen < blen ? alen : blen;
	while (m < min && a[m] == b[m])
		m++;
	bool a_ok = m == alen || (unsigned char)a[m] < 0x80;
	bool b_ok = m == blen || (unsigned char)b[m] < 0x80;
	if (a_ok && b_ok)
		return m;
	while (m > 0 && (unsigned char)a[m - 1] >= 0x80)
		m--;
	return m > 0 ? m - 1 : 0;
}

/* ---- the fast path: a Latin letter standing alone ------------------- */

/* Each letter's primary weights (at most a lead and three bytes), as
 * the key of the letter alone has them: filled once from text_sort_key,
 * so the two cannot disagree. An index lookup compares a row's key with
 * some twenty others, and each comparison reads primaries letter by
 * letter; computing a whole key for each letter was most of the cost
 * of inserting a row. */
static struct {
	unsigned char len;
	unsigned char w[4];
} latin_primary[TEXT_LATIN_COUNT];
static bool latin_primary_ready;

static void latin_primary_init(void)
{
	struct text_buf key = {0};
	for (ucs4_t c = TEXT_LATIN_LOW; c < TEXT_LATIN_EXT_END; c = text_latin_next(c)) {
		uint8_t u[6];
		int k = u8_uctomb(u, c, sizeof u);
		text_buf_clear(&key);
		text_sort_key(&key, (const char *)u, (size_t)k);
		const char *sep = memchr(key.data, LEVEL_SEP, key.len);
		size_t n = sep ? (size_t)(sep - key.data) : key.len;
		size_t at = text_latin_index(c);
		latin_primary[at].len = (unsigned char)(n <= sizeof latin_primary[at].w ? n : 0);
		memcpy(latin_primary[at].w, key.data, latin_primary[at].len);
	}
	text_buf_free(&key);
	latin_primary_ready = true;
}

/* Whether the character ending at s[after] stands alone: what follows
 * is the end, an ASCII byte or a Latin letter, never a mark that would
 * join it in one unit (and could change its weights). */
static bool stands_alone(const char *s, size_t len, size_t after)
{
	const uint8_t *u = (const uint8_t *)s;
	ucs4_t next;
	return after >= len || u[after] < 0x80 ||
	       (u8_mbtoucr(&next, u + after, len - after) > 0 && text_in_latin(next));
}

/* The primary weight of a printable ASCII character that stands alone
 * (no mark follows it), as add_primary gives it; -1 otherwise. */
static int ascii_primary(const char *s, size_t len, size_t i)
{
	if (i >= len || !stands_alone(s, len, i + 1))
		return -1;
	unsigned char c = (unsigned char)s[i];
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c - 'A' + 'a');
	if (c >= 'a' && c <= 'z')
		return P_LETTER + alphabet_rank(c);
	if (c >= '0' && c <= '9')
		return P_DIGIT + (c - '0');
	return c >= 0x20 && c < 0x7f ? P_ASCII_PUNCT + (c - 0x20) : -1;
}

/* The bytes of s up to the next ASCII byte after the first: a stretch
 * that ends where a unit must end (see common_start). */
static size_t segment_len(const char *s, size_t len)
{
	size_t j = 1;
	while (j < len && (unsigned char)s[j] >= 0x80)
		j++;
	return j < len ? j : len;
}

/* Appends the primary weights of the letter at s[i] when it is one of
 * those and no mark follows it (a mark would join it in one unit);
 * returns the bytes it took, 0 when the general path must do it. */
static size_t latin_letter_primary(const char *s, size_t len, size_t i, struct text_buf *p)
{
	ucs4_t c;
	int k = u8_mbtoucr(&c, (const uint8_t *)s + i, len - i);
	if (k <= 0 || !text_in_latin(c) || !stands_alone(s, len, i + (size_t)k))
		return 0;
	if (!latin_primary_ready)
		latin_primary_init();
	size_t at = text_latin_index(c);
	if (!latin_primary[at].len)
		return 0;
	text_buf_add(p, (const char *)latin_primary[at].w, latin_primary[at].len);
	return (size_t)k;
}

/* Appends the primary weights of the segment of s at *i and moves *i
 * past it. Segments end where units do, so their weights, one after the
 * other, are the primary level of the whole key. */
static void next_primary(const char *s, size_t len, size_t *i, struct text_buf *p)
{
	int w = ascii_primary(s, len, *i);
	if (w >= 0) {
		add_byte(p, (unsigned char)w);
		(*i)++;
		return;
	}
	size_t n = latin_letter_primary(s, len, *i, p);
	if (n) {
		*i += n;
		return;
	}
	n = segment_len(s + *i, len - *i);
	struct text_buf key = {0};
	text_sort_key(&key, s + *i, n);
	const char *sep = memchr(key.data, LEVEL_SEP, key.len);
	text_buf_add(p, key.data, sep ? (size_t)(sep - key.data) : key.len);
	text_buf_free(&key);
	*i += n;
}

/* Compares the primary levels alone, reading only as far as they agree:
 * -1 or 1 where they differ (or one ends first: its key has LEVEL_SEP
 * there), 0 when they are the same throughout. */
static int compare_primaries(const char *a, size_t alen, const char *b, size_t blen)
{
	struct text_buf pa = {0}, pb = {0};
	size_t i = 0, j = 0, k = 0;
	int r;
	for (;; k++) {
		while (pa.len <= k && i < alen)
			next_primary(a, alen, &i, &pa);
		while (pb.len <= k && j < blen)
			next_primary(b, blen, &j, &pb);
		if (pa.len <= k || pb.len <= k) {
			r = (pa.len > k) - (pb.len > k);
			break;
		}
		if (pa.data[k] != pb.data[k]) {
			r = (unsigned char)pa.data[k] < (unsigned char)pb.data[k] ? -1 : 1;
			break;
		}
	}
	text_buf_free(&pa);
	text_buf_free(&pb);
	return r;
}

int text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0))
		return 0;

	size_t start = common_start(a, alen, b, blen);
	a += start, alen -= start;
	b += start, blen -= start;
	/* The primary level decides nearly always, and soon. */
	int r = compare_primaries(a, alen, b, blen);
	if (r)
		return r;

	struct text_buf ka = {0}, kb = {0};
	text_sort_key(&ka, a, alen);
	text_sort_key(&kb, b, blen);

	size_t min = ka.len < kb.len ? ka.len : kb.len;
	r = memcmp(ka.data, kb.data, min);
	if (r == 0)
		r = (ka.len > kb.len) - (ka.len < kb.len);

	text_buf_free(&ka);
	text_buf_free(&kb);
	return (r > 0) - (r < 0);
}
