/* Folding for search: "dang" finds "Đảng". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "text.h"
#include "text_test.h"

static char *fold(const char *s, size_t len)
{
	struct text_buf b = {0};

	text_fold(&b, s, len);
	return text_buf_take(&b, NULL);
}

Test(text_fold, case_diacritics_and_d_with_stroke)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{"ĐẢNG ủy", "dang uy"},
		{"Đảng Ủy", "dang uy"},
		{"\u0110A\u0309NG U\u0309Y", "dang uy"},	/* NFD */
		{"Nghị quyết số 27-NQ/TW", "nghi quyet so 27-nq/tw"},
		{"Đồng chí Lê Đức Thọ", "dong chi le duc tho"},
		{"ặc ợ Ữ ư ơ ă â ê ô", "ac o u u o a a e o"},
		{"Ðảng", "dang"},	/* U+00D0 typed for Đ */
		{"Straße", "strasse"},
		{"a\xff\xc0" "b", "ab"},	/* bad bytes dropped */
		{"", ""},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = fold(cases[i].in, strlen(cases[i].in));
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		free(got);
	}
}

Test(text_fold, three_forms_fold_alike)
{
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		char *a = fold(f->nfc, strlen(f->nfc));
		char *b = fold(f->nfd, strlen(f->nfd));
		char *c = fold(f->tohop, strlen(f->tohop));

		cr_expect_str_eq(a, b, "row %zu", i);
		cr_expect_str_eq(a, c, "row %zu", i);
		for (const char *p = a; *p; p++)
			cr_expect((unsigned char)*p < 0x80, "row %zu", i);
		free(a);
		free(b);
		free(c);
	}
}

/* The matches of needle in hay, each as the original text it covers,
 * joined with "|". */
static char *matches(const char *hay, const char *needle)
{
	struct text_range *r;
	size_t n = text_find_folded(hay, strlen(hay), needle, strlen(needle),
				    &r);
	struct text_buf b = {0};

	text_buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		cr_expect_lt(r[i].start, r[i].end);
		cr_expect_leq(r[i].end, strlen(hay));
		if (i) {
			cr_expect_geq(r[i].start, r[i - 1].end);
			text_buf_addc(&b, '|');
		}
		text_buf_add(&b, hay + r[i].start, r[i].end - r[i].start);
	}
	cr_expect((n == 0) == (r == NULL));
	free(r);
	return text_buf_take(&b, NULL);
}

Test(text_fold, find_reports_original_byte_ranges)
{
	static const struct {
		const char *hay;
		const char *needle;
		const char *want;
	} cases[] = {
		{"Ban Chấp hành Đảng bộ", "dang", "Đảng"},
		{"BAN CHẤP HÀNH ĐẢNG BỘ", "dang", "ĐẢNG"},
		{"Ban Cha\u0302\u0301p ha\u0300nh "
		 "\u0110a\u0309ng bo\u0323\u0302",
		 "dang", "\u0110a\u0309ng"},
		{"Đảng ủy, đảng viên và Đảng", "dang", "Đảng|đảng|Đảng"},
		{"Đảng ủy", "ĐẢNG ỦY", "Đảng ủy"},
		{"dang uy", "Đảng ủy", "dang uy"},
		/* A match inside a cluster covers the whole cluster. */
		{"\u0110a\u0309ng", "an", "a\u0309n"},
		{"Tho\u0302ng", "o", "o\u0302"},
		{"Nghị quyết", "ket", ""},
		{"Nghị quyết", "", ""},
		{"Nghị quyết", "\u0301", ""},	/* folds to nothing */
		{"aaaa", "aa", "aa|aa"},	/* non-overlapping */
		{"Straße", "ss", "ß"},
		{"Straße", "s", "S|ß"},	/* two hits in "ss" are one */
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *got = matches(cases[i].hay, cases[i].needle);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got \"%s\"",
				 i, got);
		free(got);
	}
}

Test(text_fold, find_gives_byte_offsets)
{
	const char *hay = "Kết luận của Đảng";
	struct text_range *r;

	cr_assert_eq(text_find_folded(hay, strlen(hay), "dang", 4, &r), 1);
	cr_expect_eq(r[0].start, strlen("Kết luận của "));
	cr_expect_eq(r[0].end, strlen(hay));
	free(r);
}
