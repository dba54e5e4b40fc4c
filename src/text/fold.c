/* fold.c — folding for search, and finding folded matches.
 *
 * People type "dang uy" for "Đảng ủy". Folding case-folds, decomposes and
 * drops the nonspacing marks (tones and vowel marks alike) and maps đ to
 * d, which has no decomposition and which SQLite's remove_diacritics
 * therefore keeps.
 *
 * Folding works one grapheme cluster at a time, so every folded byte can
 * be traced back to the cluster it came from and a match can be shown on
 * the original text, whatever its normalization form.
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

/* đ has no decomposition; ð (U+00F0, from Ð U+00D0) is the look-alike
 * legacy keyboards and fonts often put in its place. */
static bool is_d_with_stroke(ucs4_t c)
{
	return c == 0x0111 || c == 0x00f0;
}

/* Decodes s[0..n) into cps, dropping invalid bytes; returns the count. */
static size_t decode_valid(const uint8_t *s, size_t n, ucs4_t *cps)
{
	size_t count = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, s + i, n - i);
		if (k < 0) {
			i++;	/* invalid or truncated: drop a byte */
			continue;
		}
		cps[count++] = c;
		i += (size_t)k;
	}
	return count;
}

static void add_folded(struct text_buf *out, const ucs4_t *cps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ucs4_t c = cps[i];
		if (uc_is_general_category(c, UC_CATEGORY_Mn))
			continue;
		if (is_d_with_stroke(c))
			c = 'd';
		uint8_t tmp[6];
		int k = u8_uctomb(tmp, c, sizeof tmp);
		text_buf_add(out, (const char *)tmp, (size_t)k);
	}
}

/* Appends the folded form of one grapheme cluster. */
static void fold_cluster(struct text_buf *out, const uint8_t *s, size_t n)
{
	if (n == 1 && s[0] < 0x80) {
		char c = (char)s[0];
		text_buf_addc(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		return;
	}

	ucs4_t small[32], folded_small[64];
	ucs4_t *cps = n <= 32 ? small : text_xmalloc(n, sizeof *cps);
	size_t count = decode_valid(s, n, cps);
	size_t m = sizeof folded_small / sizeof *folded_small;
	/* Case folding with NFD output splits every tone and vowel mark
	 * off its letter, ready to be dropped. */
	ucs4_t *folded = u32_casefold(cps, count, NULL, UNINORM_NFD,
				      folded_small, &m);
	if (!folded)
		abort();	/* valid input: only ENOMEM is left */

	add_folded(out, folded, m);
	if (folded != folded_small)
		free(folded);
	if (cps != small)
		free(cps);
}

/* ---- the fast path: one letter that folds to one ASCII letter --------- */

/* What each letter of the Latin blocks folds to when that is one ASCII
 * byte, else 0: filled once from fold_cluster itself, so the two cannot
 * disagree. */
static unsigned char latin_fold[TEXT_LATIN_COUNT];
static bool latin_fold_ready;


static void latin_fold_init(void)
{
	struct text_buf b = {0};
	for (ucs4_t c = TEXT_LATIN_LOW; c < TEXT_LATIN_EXT_END; c = text_latin_next(c)) {
		uint8_t u[6];
		int k = u8_uctomb(u, c, sizeof u);
		text_buf_clear(&b);
		fold_cluster(&b, u, (size_t)k);
		bool ascii = b.len == 1 && (unsigned char)b.data[0] < 0x80;
		latin_fold[text_latin_index(c)] = ascii ? (unsigned char)b.data[0] : 0;
	}
	text_buf_free(&b);
	latin_fold_ready = true;
}

/* Whether a grapheme cluster surely ends before s[i]: the end, ASCII
 * other than the LF of a CR LF, or a Latin letter. */
static bool starts_cluster(const uint8_t *s, size_t len, size_t i)
{
	if (i >= len)
		return true;
	if (s[i] < 0x80)
		return !(s[i] == '\n' && s[i - 1] == '\r');
	ucs4_t c;
	return u8_mbtoucr(&c, s + i, len - i) > 0 && text_in_latin(c);
}

/* Folds the cluster at s[i] without libunistring's normalizer when it
 * is a single ASCII character or a single Latin letter that folds to one
 * ASCII byte — nearly every letter of Vietnamese text in NFC. Returns
 * the bytes consumed, 0 when the general path must do it. */
static size_t fold_fast(struct text_buf *out, const uint8_t *s, size_t len, size_t i)
{
	ucs4_t c = s[i];
	int k = 1;
	if (c >= 0x80) {
		k = u8_mbtoucr(&c, s + i, len - i);
		if (k <= 0 || !text_in_latin(c))
			return 0;
		if (!latin_fold_ready)
			latin_fold_init();
		c = latin_fold[text_latin_index(c)];
		if (!c)
			return 0;
	} else if (c == '\r') {
		return 0;
	} else if (c >= 'A' && c <= 'Z') {
		c = c - 'A' + 'a';
	}
	if (!starts_cluster(s, len, i + (size_t)k))
		return 0;
	text_buf_addc(out, (char)c);
	return (size_t)k;
}

void text_fold(struct text_buf *out, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;

	/* A NUL-terminated result even when nothing is appended. */
	text_buf_add(out, "", 0);
	for (size_t i = 0; i < len;) {
		size_t n = fold_fast(out, p, len, i);
		if (!n) {
			n = text_grapheme_len(s + i, len - i);
			fold_cluster(out, p + i, n);
		}
		i += n;
	}
}

static void map_range(struct text_folded *f, size_t from, size_t to,
		      size_t start, size_t end)
{
	if (f->text.len > f->cap) {
		f->cap = f->text.len * 2;
		f->from = text_xrealloc(f->from, f->cap, sizeof *f->from);
		f->to = text_xrealloc(f->to, f->cap, sizeof *f->to);
	}
	for (size_t i = from; i < to; i++) {
		f->from[i] = start;
		f->to[i] = end;
	}
}

void text_fold_mapped(struct text_folded *f, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;

	/* Folding seldom lengthens a text: room for len bytes up front
	 * spares the map its doublings. */
	if (f->cap < len) {
		f->cap = len;
		f->from = text_xrealloc(f->from, f->cap, sizeof *f->from);
		f->to = text_xrealloc(f->to, f->cap, sizeof *f->to);
	}
	text_buf_add(&f->text, "", 0);
	for (size_t i = 0; i < len;) {
		size_t before = f->text.len;
		size_t n = fold_fast(&f->text, p, len, i);
		if (!n) {
			n = text_grapheme_len(s + i, len - i);
			fold_cluster(&f->text, p + i, n);
		}
		map_range(f, before, f->text.len, i, i + n);
		i += n;
	}
}

void text_folded_free(struct text_folded *f)
{
	text_buf_free(&f->text);
	free(f->from);
	free(f->to);
	*f = (struct text_folded){0};
}

struct ranges {
	struct text_range *v;
	size_t n;
	size_t cap;
};

/* Adds a match; one that shares a cluster with the previous match (two
 * hits inside the "ss" of a folded "ß") extends it instead, so ranges
 * never overlap. */
static void add_range(struct ranges *rs, size_t start, size_t end)
{
	if (rs->n > 0 && start < rs->v[rs->n - 1].end) {
		rs->v[rs->n - 1].end = end;
		return;
	}
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 8;
		rs->v = text_xrealloc(rs->v, rs->cap, sizeof *rs->v);
	}
	rs->v[rs->n++] = (struct text_range){start, end};
}

/* Every non-overlapping occurrence of pat in the folded text. */
static void find_all(struct ranges *rs, const struct text_folded *f,
		     const struct text_buf *pat)
{
	const char *text = f->text.data;
	size_t at = 0;

	while (at + pat->len <= f->text.len) {
		const char *hit = memmem(text + at, f->text.len - at,
					 pat->data, pat->len);
		if (!hit)
			break;
		size_t i = (size_t)(hit - text);
		add_range(rs, f->from[i], f->to[i + pat->len - 1]);
		at = i + pat->len;
	}
}

size_t text_find_folded(const char *hay, size_t hay_len, const char *needle,
			size_t needle_len, struct text_range **ranges)
{
	struct text_buf pat = {0};
	struct ranges rs = {0};

	text_fold(&pat, needle, needle_len);
	/* An empty pattern would match everywhere: it matches nothing. */
	if (pat.len > 0) {
		struct text_folded f = {0};
		text_fold_mapped(&f, hay, hay_len);
		find_all(&rs, &f, &pat);
		text_folded_free(&f);
	}
	text_buf_free(&pat);
	*ranges = rs.v;
	return rs.n;
}
