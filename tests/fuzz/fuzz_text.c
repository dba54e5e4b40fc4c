/* fuzz_text.c — libFuzzer target for the text layer.
 *
 * Arbitrary bytes go through every public function of text.h; each check
 * is a promise the header makes. The input's first byte picks the cell
 * widths, the rest is the text; the text's two halves are compared.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "../../src/text/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                    \
			abort();                                           \
		}                                                          \
	} while (0)

/* Valid UTF-8, no C0 but LF (when allowed), no DEL, no C1. */
static bool is_terminal_safe(const char *s, size_t len, bool lf_ok)
{
	const uint8_t *p = (const uint8_t *)s;

	if (u8_check(p, len))
		return false;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, p + i, len - i);
		if ((c < 0x20 && !(c == '\n' && lf_ok)) || c == 0x7f ||
		    (c >= 0x80 && c <= 0x9f))
			return false;
	}
	return true;
}

/* br[i] != 0 where a grapheme cluster starts, per libunistring's full
 * UAX #29 implementation; br[len] is set too. Free the result. */
static char *cluster_starts(const char *s, size_t len)
{
	char *br = malloc(len + 1);

	u8_grapheme_breaks((const uint8_t *)s, len, br);
	br[len] = 1;
	return br;
}

static void check_sanitize(const char *s, size_t len, struct text_buf *line,
			   struct text_buf *keep)
{
	text_sanitize(line, s, len, TEXT_SINGLE_LINE);
	text_sanitize(keep, s, len, TEXT_KEEP_NEWLINES);
	CHECK(is_terminal_safe(line->data, line->len, false));
	CHECK(is_terminal_safe(keep->data, keep->len, true));

	/* Sanitized text is NFC and sanitizing it again changes nothing. */
	struct text_buf again = {0};
	text_sanitize(&again, keep->data, keep->len, TEXT_KEEP_NEWLINES);
	CHECK(again.len == keep->len &&
	      memcmp(again.data, keep->data, keep->len) == 0);
	text_buf_free(&again);
}

/* text_nfc, fast path included, agrees with the normalizer. */
static void check_nfc(const char *s, size_t len)
{
	struct text_buf out = {0};
	bool valid = text_nfc(&out, s, len);

	CHECK(valid == text_is_valid_utf8(s, len));
	if (valid) {
		size_t n = 0;
		uint8_t *want = u8_normalize(UNINORM_NFC, (const uint8_t *)s,
					     len, NULL, &n);
		CHECK(want && n == out.len && memcmp(want, out.data, n) == 0);
		free(want);
	} else {
		CHECK(out.len == 0);
	}
	text_buf_free(&out);
}

static void check_clusters(const char *s, size_t len, const char *br)
{
	for (size_t i = 0; i < len; i++) {
		size_t n = text_grapheme_len(s + i, len - i);
		CHECK(n > 0 && i + n <= len);
		for (size_t j = i + 1; j < i + n; j++)
			CHECK(!br[j]);
		CHECK(br[i + n]);
		i += n - 1;
	}
}

static void check_fit(const char *s, size_t len, const char *br, int max)
{
	struct text_fit f = text_fit(s, len, max);
	CHECK(f.cells <= (max > 0 ? max : 0) && br[f.bytes]);
	CHECK(f.cells == text_width(s, f.bytes));
	CHECK(f.clipped == (f.bytes < len));

	struct text_fit c = text_clip(s, len, max);
	CHECK(c.cells <= (max > 0 ? max : 0) && br[c.bytes]);
	CHECK(c.clipped == f.clipped && c.bytes <= f.bytes);
	CHECK(c.cells == text_width(s, c.bytes) + (c.clipped && max > 0));

	struct text_buf out = {0};
	int cells = max > 0 ? max : 0;
	text_put_cells(&out, s, len, cells, NULL);
	CHECK(text_width(out.data, out.len) == cells);
	text_buf_clear(&out);
	text_put_cells_right(&out, s, len, cells, "~");
	CHECK(text_width(out.data, out.len) == cells);
	text_buf_free(&out);
}

static void check_wrap(const char *s, size_t len, const char *br, int width)
{
	struct text_line *lines;
	size_t n = text_wrap(s, len, width, &lines);
	size_t end = 0;

	CHECK((n == 0) == (lines == NULL) && (n == 0) == (len == 0));
	for (size_t i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		CHECK(l->start >= end && l->start + l->len <= len);
		CHECK(l->cells == text_width(s + l->start, l->len));
		CHECK(!memchr(s + l->start, '\n', l->len));
		CHECK(br[l->start] && br[l->start + l->len]);
		/* Too wide only when it is one grapheme. */
		CHECK(l->cells <= (width > 0 ? width : 1) ||
		      text_grapheme_len(s + l->start, l->len) == l->len);
		end = l->start + l->len;
	}
	free(lines);
}

static void check_fold(const char *hay, size_t hay_len, const char *br,
		       const char *needle, size_t needle_len)
{
	struct text_buf f = {0}, ff = {0};
	text_fold(&f, hay, hay_len);
	CHECK(text_is_valid_utf8(f.data, f.len));
	text_fold(&ff, f.data, f.len);
	CHECK(ff.len == f.len && memcmp(ff.data, f.data, f.len) == 0);

	struct text_range *r;
	size_t n = text_find_folded(hay, hay_len, needle, needle_len, &r);
	CHECK((n == 0) == (r == NULL));
	for (size_t i = 0; i < n; i++) {
		CHECK(r[i].start < r[i].end && r[i].end <= hay_len);
		CHECK(br[r[i].start] && br[r[i].end]);
		CHECK(i == 0 || r[i].start >= r[i - 1].end);
	}
	free(r);

	/* Whole clusters of the haystack are always found in it. */
	size_t start = 0, stop = 0;
	while (stop < hay_len && stop < 12)
		stop += text_grapheme_len(hay + stop, hay_len - stop);
	struct text_buf folded_part = {0};
	text_fold(&folded_part, hay + start, stop - start);
	n = text_find_folded(hay, hay_len, hay + start, stop - start, &r);
	CHECK(folded_part.len == 0 || n > 0);
	free(r);
	text_buf_free(&folded_part);
	text_buf_free(&ff);
	text_buf_free(&f);
}

static void check_collate(const char *a, size_t alen, const char *b,
			  size_t blen)
{
	struct text_buf ka = {0}, kb = {0};
	text_sort_key(&ka, a, alen);
	text_sort_key(&kb, b, blen);
	CHECK(strlen(ka.data) == ka.len && strlen(kb.data) == kb.len);

	int k = memcmp(ka.data, kb.data, ka.len < kb.len ? ka.len : kb.len);
	if (k == 0)
		k = (ka.len > kb.len) - (ka.len < kb.len);
	k = (k > 0) - (k < 0);
	int c = text_collate(a, alen, b, blen);
	CHECK(((c > 0) - (c < 0)) == k);
	CHECK(((text_collate(b, blen, a, alen) > 0) -
	       (text_collate(b, blen, a, alen) < 0)) == -k);
	CHECK(text_collate(a, alen, a, alen) == 0);

	/* The normalization form never matters. */
	if (text_is_valid_utf8(a, alen)) {
		size_t n = 0;
		uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)a,
					    alen, NULL, &n);
		CHECK(text_collate(a, alen, (const char *)nfd, n) == 0);
		free(nfd);
	}
	text_buf_free(&ka);
	text_buf_free(&kb);
}

static void check_ascii(const char *s, size_t len)
{
	struct text_buf out = {0};

	text_to_ascii(&out, s, len);
	for (size_t i = 0; i < out.len; i++) {
		char c = out.data[i];
		CHECK((c >= 0x20 && c < 0x7f) || c == '\n');
	}
	text_buf_free(&out);
}

static bool same_date(const struct text_date *a, const struct text_date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

static void check_date(const char *s, size_t len)
{
	struct text_date d, again;
	char iso[11];

	if (text_date_parse(s, len, &d)) {
		text_date_iso(&d, iso);
		CHECK(text_date_from_iso(iso, 10, &again));
		CHECK(same_date(&d, &again));
	}

	struct text_range r;
	if (text_date_find(s, len, &d, &r)) {
		CHECK(r.start < r.end && r.end <= len);
		CHECK(text_date_parse(s + r.start, r.end - r.start, &again));
		CHECK(same_date(&d, &again));
	}
	text_date_from_iso(s, len, &d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int cells = data[0] % 24 - 2;	/* -2 … 21, negatives included */
	const char *s = (const char *)data + 1;
	size_t len = size - 1, half = len / 2;

	struct text_buf line = {0}, keep = {0};
	check_sanitize(s, len, &line, &keep);
	check_nfc(s, len);

	/* Fields are fitted on one line; the reader wraps many. */
	char *br = cluster_starts(line.data, line.len);
	check_clusters(line.data, line.len, br);
	check_fit(line.data, line.len, br, cells);
	free(br);

	br = cluster_starts(keep.data, keep.len);
	check_clusters(keep.data, keep.len, br);
	check_wrap(keep.data, keep.len, br, cells);
	check_fold(keep.data, keep.len, br, s + half, len - half);
	free(br);

	check_collate(s, half, s + half, len - half);
	check_ascii(keep.data, keep.len);
	check_date(s, len);

	text_buf_free(&line);
	text_buf_free(&keep);
	return 0;
}
