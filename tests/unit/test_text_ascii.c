/* The ASCII fallback for terminals without UTF-8. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "text.h"
#include "text_test.h"

static char *to_ascii(const char *s)
{
	struct text_buf b = {0};

	text_to_ascii(&b, s, strlen(s));
	return text_buf_take(&b, NULL);
}

static bool is_printable_ascii(const char *s)
{
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7e)
			return false;
	return true;
}

Test(text_ascii, transliterates_and_keeps_width)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{"Nghị quyết số 27", "Nghi quyet so 27"},
		{"Đảng", "Dang"},
		{"ĐẢNG ỦY", "DANG UY"},
		{"Ðảng", "Dang"},	/* U+00D0 typed for Đ */
		{"“Tự diễn biến”", "\"Tu dien bien\""},
		{"‘a’", "'a'"},
		{"a – b — c", "a - b - c"},
		{"Còn nữa…", "Con nua~"},
		{"\u2400\u241b[2J", "??[2J"},	/* control pictures */
		{"x\ufffdy", "x?y"},
		{"中文", "????"},
		{"😀", "??"},
		{"👨\u200d👩\u200d👧", "??????"},	/* as wide as it is drawn */
		{"αβ", "??"},
		{"a\u00a0b", "a b"},
		{"ặc ợ Ữ Ỵ", "ac o U Y"},
		{"", ""},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *in = cases[i].in;
		char *got = to_ascii(in);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		cr_expect(is_printable_ascii(got), "case %zu", i);
		cr_expect_eq(text_width(got, strlen(got)),
			     text_width(in, strlen(in)), "case %zu", i);
		free(got);
	}
}

Test(text_ascii, three_forms_transliterate_alike)
{
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		char *a = to_ascii(f->nfc);
		char *b = to_ascii(f->nfd);
		char *c = to_ascii(f->tohop);

		cr_expect_str_eq(a, b, "row %zu", i);
		cr_expect_str_eq(a, c, "row %zu", i);
		cr_expect(is_printable_ascii(a), "row %zu", i);
		free(a);
		free(b);
		free(c);
	}
}

Test(text_ascii, newline_of_sanitized_text_is_kept)
{
	char *got = to_ascii("Một\nHai");

	cr_expect_str_eq(got, "Mot\nHai");
	free(got);
}
