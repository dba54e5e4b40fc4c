/* Width, grapheme clusters, clipping and padding: the width contract. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <unigbrk.h>

#include "text.h"
#include "text_test.h"
#include "../../src/text/internal.h"

#define FAMILY "👨\u200d👩\u200d👧"	/* one ZWJ sequence */
#define FLAG_VN "🇻🇳"

Test(text_width, three_forms_have_one_cell_per_letter)
{
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		int letters = (int)u8_mbsnlen((const uint8_t *)f->nfc,
					      strlen(f->nfc));

		cr_expect_eq(text_width(f->nfc, strlen(f->nfc)), letters,
			     "row %zu", i);
		cr_expect_eq(text_width(f->nfd, strlen(f->nfd)), letters,
			     "row %zu NFD", i);
		cr_expect_eq(text_width(f->tohop, strlen(f->tohop)), letters,
			     "row %zu tổ hợp", i);
	}
}

Test(text_width, wide_characters_take_two_cells)
{
	static const struct {
		const char *s;
		int cells;
	} cases[] = {
		{"", 0},
		{"abc", 3},
		{"中文", 4},
		{"한국어", 6},
		{"😀", 2},
		{"a😀b", 4},
		{"ｆｕｌｌ", 8},	/* fullwidth Latin */
		{"…", 1},		/* ambiguous width: one cell here */
		{"“Dân chủ”", 9},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++)
		cr_expect_eq(text_width(cases[i].s, strlen(cases[i].s)),
			     cases[i].cells, "case %zu: %s", i, cases[i].s);
}

/* The cluster lengths of s, read with text_grapheme_len, as a string of
 * decimal counts ("1,5,1") for easy comparison. */
static void cluster_lengths(const char *s, char *out, size_t size)
{
	size_t len = strlen(s), used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < len;) {
		size_t n = text_grapheme_len(s + i, len - i);
		used += (size_t)snprintf(out + used, size - used, "%s%zu",
					 i ? "," : "", n);
		i += n;
	}
}

Test(text_width, clusters_keep_marks_and_emoji_sequences_whole)
{
	static const struct {
		const char *s;
		const char *lengths;
	} cases[] = {
		{"e\u0302\u0301t", "5,1"},		/* NFD ế */
		{"\u00ea\u0301t", "4,1"},		/* tổ hợp ế */
		{"\u1ebft", "3,1"},			/* NFC ế */
		{FAMILY "x", "18,1"},
		{"👍🏽!", "8,1"},			/* skin tone */
		{FLAG_VN FLAG_VN, "8,8"},		/* two flags */
		{FLAG_VN "\U0001F1FB", "8,4"},		/* and a half */
		{"👨\u200d\u200d👩", "10,4"},		/* not a ZWJ sequence */
		{"a\u200d👩", "4,4"},			/* nor this */
		{"\r\n", "2"},
		{"각", "3"},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char got[64];
		cluster_lengths(cases[i].s, got, sizeof got);
		cr_expect_str_eq(got, cases[i].lengths, "case %zu", i);
	}
}

Test(text_width, clusters_agree_with_libunistring_breaks)
{
	/* u8_grapheme_breaks knows all of UAX #29; text_grapheme_len must
	 * find the same clusters one at a time. */
	static const char *cases[] = {
		FAMILY FAMILY "ab", FLAG_VN FLAG_VN "\U0001F1FB",
		"Nghi\u0323 quye\u0302\u0301t", "👍🏽\u200d👩", "\u0301a",
		"a\u200d\u200d👩", "\r\na\u0308\u200d",
		/* A prepended mark takes the flag whole (the fuzzer's find). */
		"\u0600" FLAG_VN FLAG_VN "\U0001F1FB", "a\u0600\U0001F1FB\U0001F1F3\U0001F1FB",
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *s = cases[i];
		size_t len = strlen(s);
		char want[64], got[64] = {0};

		u8_grapheme_breaks((const uint8_t *)s, len, want);
		for (size_t j = 0; j < len;) {
			got[j] = 1;
			j += text_grapheme_len(s + j, len - j);
		}
		cr_expect(memcmp(got, want, len) == 0, "case %zu", i);
	}
}

struct fit_case {
	const char *s;
	int max;
	const char *drawn;	/* the prefix of s that fits */
	int cells;
	bool clipped;
};

static void check_fit(const struct fit_case *c, size_t n,
		      struct text_fit (*fn)(const char *, size_t, int))
{
	for (size_t i = 0; i < n; i++) {
		struct text_fit f = fn(c[i].s, strlen(c[i].s), c[i].max);
		cr_expect_eq(f.bytes, strlen(c[i].drawn), "case %zu", i);
		cr_expect(strncmp(c[i].s, c[i].drawn, f.bytes) == 0,
			  "case %zu", i);
		cr_expect_eq(f.cells, c[i].cells, "case %zu", i);
		cr_expect_eq(f.clipped, c[i].clipped, "case %zu", i);
	}
}

Test(text_width, fit_stops_before_what_does_not_fit)
{
	static const struct fit_case cases[] = {
		{"Đảng ủy", 0, "", 0, true},
		{"Đảng ủy", 1, "Đ", 1, true},
		{"Đảng ủy", 4, "Đảng", 4, true},
		{"Đảng ủy", 7, "Đảng ủy", 7, false},
		{"Đảng ủy", 99, "Đảng ủy", 7, false},
		{"\u0110a\u0309ng", 2, "\u0110a\u0309", 2, true},
		{"e\u0302\u0301t", 1, "e\u0302\u0301", 1, true},
		{"中文", 3, "中", 2, true},	/* no half of 文 */
		{"中文", 1, "", 0, true},
		{"a" FAMILY, 5, "a", 1, true},
		{FLAG_VN "x", 1, "", 0, true},
		{FLAG_VN "x", 2, FLAG_VN, 2, true},
		{"", 0, "", 0, false},
		{"abc", -5, "", 0, true},
		/* Zero-width characters fit in no room, a negative one too
		 * (found by fuzz_text: text_fit and text_clip disagreed). */
		{"\u2061", 0, "\u2061", 0, false},
		{"\u2061", -2, "\u2061", 0, false},
		{"\u2061x", -2, "\u2061", 0, true},
	};

	check_fit(cases, N_ELEMS(cases), text_fit);
}

Test(text_width, clip_leaves_a_cell_for_the_ellipsis)
{
	static const struct fit_case cases[] = {
		{"Nghị quyết", 0, "", 0, true},		/* nothing at all */
		{"Nghị quyết", 1, "", 1, true},		/* just "…" */
		{"Nghị quyết", 2, "N", 2, true},	/* "N…" */
		{"Nghị quyết", 5, "Nghị", 5, true},
		{"Nghị quyết", 10, "Nghị quyết", 10, false},
		{"Nghi\u0323 quye\u0302\u0301t", 5, "Nghi\u0323", 5, true},
		{"中文字", 4, "中", 3, true},	/* "中…": 文 would straddle */
		{"中文字", 5, "中文", 5, true},
		{"中文", 2, "", 1, true},
		{"ab", 1, "", 1, true},
		{"ab", 2, "ab", 2, false},
		{FAMILY "x", 1, "", 1, true},
		{"x" FAMILY, 3, "x", 2, true},
		{"\u2061", -2, "\u2061", 0, false},
	};

	check_fit(cases, N_ELEMS(cases), text_clip);
}

Test(text_width, emoji_sequences_and_marks_are_never_split)
{
	static const char *cases[] = {
		"a" FAMILY "b" FLAG_VN "c👍🏽d",
		"Nghi\u0323 quye\u0302\u0301t \u0110a\u0309ng",
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *s = cases[i];
		size_t len = strlen(s);
		char br[128];
		u8_grapheme_breaks((const uint8_t *)s, len, br);
		for (int max = 0; max < 20; max++) {
			struct text_fit f = text_fit(s, len, max);
			struct text_fit c = text_clip(s, len, max);
			cr_expect(f.bytes == len || br[f.bytes], "%zu %d", i,
				  max);
			cr_expect(c.bytes == len || br[c.bytes], "%zu %d", i,
				  max);
			cr_expect_leq(f.cells, max);
			cr_expect_leq(c.cells, max);
		}
	}
}

static char *put(const char *s, int cells, const char *ellipsis, bool right)
{
	struct text_buf b = {0};

	if (right)
		text_put_cells_right(&b, s, strlen(s), cells, ellipsis);
	else
		text_put_cells(&b, s, strlen(s), cells, ellipsis);
	return text_buf_take(&b, NULL);
}

Test(text_width, put_cells_clips_and_pads_to_exactly_n_cells)
{
	static const struct {
		const char *s;
		int cells;
		const char *ellipsis;
		bool right;
		const char *want;
	} cases[] = {
		{"abc", 5, NULL, false, "abc  "},
		{"abcdef", 4, NULL, false, "abc…"},
		{"abcdef", 4, "~", false, "abc~"},
		{"abcdef", 1, NULL, false, "…"},
		{"abcdef", 0, NULL, false, ""},
		{"Đảng ủy", 5, NULL, false, "Đảng…"},
		{"中文字", 4, NULL, false, "中… "},
		{"42", 5, NULL, true, "   42"},
		{"123456", 4, NULL, true, "123…"},
		{"中文字", 4, NULL, true, " 中…"},
		{"", 3, NULL, false, "   "},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = put(cases[i].s, cases[i].cells, cases[i].ellipsis,
				cases[i].right);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		cr_expect_eq(text_width(got, strlen(got)), cases[i].cells,
			     "case %zu", i);
		free(got);
	}
}
