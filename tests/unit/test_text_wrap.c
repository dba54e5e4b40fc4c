/* Word wrapping for the reader. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <unigbrk.h>

#include "text.h"
#include "text_test.h"

/* The wrapped lines of s joined with "|", e.g. "Nghị quyết|Tỉnh ủy". */
static char *wrap_joined(const char *s, int width)
{
	struct text_line *lines;
	size_t n = text_wrap(s, strlen(s), width, &lines);
	struct text_buf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (i)
			text_buf_addc(&b, '|');
		text_buf_add(&b, s + lines[i].start, lines[i].len);
		cr_expect_eq(lines[i].cells,
			     text_width(s + lines[i].start, lines[i].len),
			     "line %zu of \"%s\"", i, s);
	}
	free(lines);
	return text_buf_take(&b, NULL);
}

Test(text_wrap, words_wrap_at_spaces)
{
	static const struct {
		const char *s;
		int width;
		const char *want;
	} cases[] = {
		{"Nghị quyết Tỉnh ủy quý II-2023", 10,
		 "Nghị quyết|Tỉnh ủy|quý|II-2023"},
		{"Nghị quyết Tỉnh ủy quý II-2023", 30,
		 "Nghị quyết Tỉnh ủy quý II-2023"},
		{"Nghi\u0323 quye\u0302\u0301t Ti\u0309nh u\u0309y", 10,
		 "Nghi\u0323 quye\u0302\u0301t|Ti\u0309nh u\u0309y"},
		{"a b c d", 3, "a b|c d"},
		{"a    b", 2, "a|b"},	/* spaces at a break vanish */
		{"  thụt lề", 6, "  thụt|lề"},	/* indentation stays */
		{"一二三四", 4, "一二|三四"},
		{"ab", 0, "a|b"},	/* width < 1 is 1 */
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = wrap_joined(cases[i].s, cases[i].width);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		free(got);
	}
}

Test(text_wrap, newlines_are_hard_breaks)
{
	static const struct {
		const char *s;
		const char *want;
	} cases[] = {
		{"a\nb", "a|b"},
		{"a\n\nb", "a||b"},
		{"a\n", "a"},		/* a final newline opens no line */
		{"\n", ""},
		{"a \nb", "a|b"},
		{"a\u2028b", "a|b"},	/* LINE SEPARATOR */
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = wrap_joined(cases[i].s, 20);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		free(got);
	}

	struct text_line *lines;
	cr_expect_eq(text_wrap("\n", 1, 20, &lines), 1);
	free(lines);
}

Test(text_wrap, long_words_break_at_grapheme_boundaries)
{
	static const struct {
		const char *s;
		int width;
		const char *want;
	} cases[] = {
		{"abcdefghij", 4, "abcd|efgh|ij"},
		{"xy abcdefghij", 4, "xy|abcd|efgh|ij"},
		{"Nghi\u0323quye\u0302\u0301t", 3,
		 "Ngh|i\u0323qu|ye\u0302\u0301t"},
		{"中文", 1, "中|文"},	/* wider than the line: alone */
		{"👨\u200d👩\u200d👧👨\u200d👩\u200d👧", 2,
		 "👨\u200d👩\u200d👧|👨\u200d👩\u200d👧"},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = wrap_joined(cases[i].s, cases[i].width);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		free(got);
	}
}

Test(text_wrap, lines_fit_and_start_on_clusters)
{
	const char *s = "Ngày 31-3-2023, Ban Chấp hành Đảng bộ tỉnh Bến Tre "
			"khóa XI tổ chức Hội nghị lần thứ 12 (mở rộng) để "
			"đánh giá tình hình, kết quả thực hiện Nghị quyết "
			"Tỉnh ủy quý I-2023.\n\nThông báo kết quả Hội nghị.";
	size_t len = strlen(s);
	char br[1024];

	u8_grapheme_breaks((const uint8_t *)s, len, br);
	for (int width = 1; width < 60; width++) {
		struct text_line *lines;
		size_t n = text_wrap(s, len, width, &lines);
		cr_assert_gt(n, 2);
		for (size_t i = 0; i < n; i++) {
			const struct text_line *l = &lines[i];
			cr_expect_leq(l->cells, width, "width %d line %zu",
				      width, i);
			cr_expect(br[l->start], "width %d line %zu", width, i);
			cr_expect(l->len == 0 ||
				  s[l->start + l->len - 1] != ' ');
			if (i)
				cr_expect_geq(l->start, lines[i - 1].start +
						  lines[i - 1].len);
		}
		free(lines);
	}
}

Test(text_wrap, empty_text_has_no_lines)
{
	struct text_line *lines = (struct text_line *)1;

	cr_expect_eq(text_wrap("", 0, 10, &lines), 0);
	cr_expect_null(lines);
}
