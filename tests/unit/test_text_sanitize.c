/* Sanitizing, NFC and the buffer: what reaches the terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <uninorm.h>

#include "text.h"
#include "text_test.h"

#define FFFD "\xef\xbf\xbd"

static char *sanitize(const char *s, size_t len, enum text_sanitize_flags f)
{
	struct text_buf b = {0};

	text_sanitize(&b, s, len, f);
	return text_buf_take(&b, NULL);
}

static char *sanitize_z(const char *s)
{
	return sanitize(s, strlen(s), TEXT_SINGLE_LINE);
}

Test(text_sanitize, forms_table_is_nfc_nfd_and_tohop)
{
	/* Guards the table itself: the NFD column must really be NFD and
	 * the three columns canonically equivalent. */
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		size_t n = 0;
		uint8_t *nfd = u8_normalize(UNINORM_NFD,
					    (const uint8_t *)f->nfc,
					    strlen(f->nfc), NULL, &n);
		cr_assert_eq(n, strlen(f->nfd), "row %zu", i);
		cr_assert(memcmp(nfd, f->nfd, n) == 0, "row %zu", i);
		free(nfd);
		cr_assert_str_neq(f->nfc, f->nfd, "row %zu", i);
	}
}

Test(text_sanitize, three_forms_give_identical_nfc)
{
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		char *a = sanitize_z(f->nfc);
		char *b = sanitize_z(f->nfd);
		char *c = sanitize_z(f->tohop);

		cr_expect_str_eq(a, f->nfc, "row %zu", i);
		cr_expect_str_eq(b, f->nfc, "row %zu NFD", i);
		cr_expect_str_eq(c, f->nfc, "row %zu tổ hợp", i);
		free(a);
		free(b);
		free(c);
	}
}

Test(text_sanitize, invalid_utf8_becomes_replacement)
{
	static const char *bad[] = {
		"\xc0\xaf",		/* overlong "/" */
		"\xe0\x80\xaf",		/* overlong, three bytes */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xe1\xba",		/* truncated "ạ" */
		"\xf4\x90\x80\x80",	/* above U+10FFFF */
		"\x80",			/* lone continuation byte */
		"\xff",
		"\xfe\xfe",
		"\xc3",			/* truncated at the very end */
	};

	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		char in[32];
		snprintf(in, sizeof in, "a%sb", bad[i]);
		char *out = sanitize_z(in);
		size_t n = strlen(out);

		cr_assert(text_is_valid_utf8(out, n), "case %zu", i);
		cr_assert(n >= 5 && out[0] == 'a' && out[n - 1] == 'b',
			  "case %zu: %s", i, out);
		/* Nothing but U+FFFD between the two letters. */
		cr_assert_eq((n - 2) % 3, 0, "case %zu", i);
		for (size_t j = 1; j + 1 < n; j += 3)
			cr_assert(memcmp(out + j, FFFD, 3) == 0, "case %zu", i);
		free(out);
	}
}

Test(text_sanitize, valid_utf8_check)
{
	static const struct {
		const char *s;
		bool valid;
	} cases[] = {
		{"", true},
		{"Đảng", true},
		{"\xf0\x9f\x98\x80", true},	/* 😀 */
		{"\xf4\x8f\xbf\xbf", true},	/* U+10FFFF */
		{"\xc0\xaf", false},
		{"\xe0\x80\xaf", false},
		{"\xed\xa0\x80", false},
		{"\xe1\xba", false},
		{"\xf4\x90\x80\x80", false},
		{"\x80", false},
		{"\xff", false},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++)
		cr_expect_eq(text_is_valid_utf8(cases[i].s, strlen(cases[i].s)),
			     cases[i].valid, "case %zu", i);
}

Test(text_sanitize, every_c0_control_becomes_a_picture)
{
	for (unsigned c = 0; c < 0x20; c++) {
		char in[3] = {'x', (char)c, 'y'};
		char *line = sanitize(in, 3, TEXT_SINGLE_LINE);
		char *keep = sanitize(in, 3, TEXT_KEEP_NEWLINES);
		char want[8];

		if (c == '\n' || c == '\t')
			strcpy(want, "x y");
		else
			snprintf(want, sizeof want, "x\xe2\x90%cy",
				 (char)(0x80 + c));	/* U+2400 + c */
		cr_expect_str_eq(line, want, "control 0x%02x", c);
		if (c == '\n')
			strcpy(want, "x\ny");
		cr_expect_str_eq(keep, want, "control 0x%02x kept", c);
		cr_expect(is_inert(line, strlen(line), false), "0x%02x", c);
		cr_expect(is_inert(keep, strlen(keep), true), "0x%02x", c);
		free(line);
		free(keep);
	}
}

Test(text_sanitize, nul_byte_is_shown_not_a_terminator)
{
	char *out = sanitize("a\0b", 3, TEXT_SINGLE_LINE);

	cr_assert_str_eq(out, "a\xe2\x90\x80" "b");	/* ␀ */
	free(out);
}

Test(text_sanitize, del_and_every_c1_control_are_inert)
{
	char *del = sanitize_z("x\x7fy");
	cr_expect_str_eq(del, "x\xe2\x90\xa1y");	/* ␡ */
	free(del);

	for (unsigned c = 0x80; c <= 0x9f; c++) {
		char in[4] = {'x', (char)0xc2, (char)c, 'y'};
		char *out = sanitize(in, 4, TEXT_SINGLE_LINE);
		cr_expect_str_eq(out, "x" FFFD "y", "C1 U+%04X", c);
		free(out);
	}

	/* A raw 0x9b is CSI on 8-bit terminals. */
	char *raw = sanitize_z("x\x9b" "2Jy");
	cr_expect_str_eq(raw, "x" FFFD "2Jy");
	free(raw);
}

Test(text_sanitize, escape_sequences_come_out_inert)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{"\x1b[2J", "␛[2J"},
		{"\x1b]0;title\x07", "␛]0;title␇"},
		{"\x1b]52;c;AAAA\x07", "␛]52;c;AAAA␇"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		 "␛]8;;http://x␛\\link␛]8;;␛\\"},
		{"\x1b[31mred\x1b[0m", "␛[31mred␛[0m"},
		{"a\rb", "a␍b"},
		{"bell\x07", "bell␇"},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char *out = sanitize_z(cases[i].in);
		cr_expect_str_eq(out, cases[i].want, "case %zu", i);
		cr_expect(is_inert(out, strlen(out), false), "case %zu", i);
		free(out);
	}
}

Test(text_sanitize, bidi_and_hidden_characters_are_neutralized)
{
	static const char *hidden[] = {
		"\u061c", "\u200b", "\u200e", "\u200f", "\u202a", "\u202b",
		"\u202c", "\u202d", "\u202e", "\u2060", "\u2066", "\u2067",
		"\u2068", "\u2069", "\ufeff",
	};

	for (size_t i = 0; i < N_ELEMS(hidden); i++) {
		char in[16];
		snprintf(in, sizeof in, "x%sy", hidden[i]);
		char *out = sanitize_z(in);
		cr_expect_str_eq(out, "x" FFFD "y", "case %zu", i);
		free(out);
	}
	/* The joiner that builds emoji sequences is not hidden text. */
	char *zwj = sanitize_z("👨\u200d👩");
	cr_expect_str_eq(zwj, "👨\u200d👩");
	free(zwj);
}

Test(text_sanitize, orphan_mark_gets_a_dotted_circle)
{
	/* A leading combining mark would otherwise land on whatever the
	 * terminal drew in the column before. */
	char *out = sanitize("\u0301a\n\u0300b", strlen("\u0301a\n\u0300b"),
			     TEXT_KEEP_NEWLINES);
	cr_expect_str_eq(out, "\u25cc\u0301a\n\u25cc\u0300b");
	free(out);

	char *mid = sanitize_z("a \u0301");
	cr_expect_str_eq(mid, "a \u0301");
	free(mid);
}

Test(text_nfc, normalizes_copies_and_rejects)
{
	static const struct {
		const char *in;
		const char *want;	/* NULL: invalid input */
	} cases[] = {
		{"", ""},
		{"plain ASCII", "plain ASCII"},
		{"Nghị quyết", "Nghị quyết"},
		{"Nghi\u0323 quye\u0302\u0301t", "Nghị quyết"},
		{"Nghi\u0323 quy\u00ea\u0301t", "Nghị quyết"},
		{"\u212b", "\u00c5"},		/* singleton: Å sign → Å */
		{"a\u0323\u0302", "\u1ead"},	/* ậ */
		{"a\u0302\u0323", "\u1ead"},	/* marks in the wrong order */
		{"\u1100\u1161", "\uac00"},	/* Hangul jamo → 가 */
		{"\u0958", "\u0915\u093c"},	/* composition exclusion */
		{"bad\xff", NULL},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct text_buf b = {0};
		text_buf_addz(&b, ">");
		bool ok = text_nfc(&b, cases[i].in, strlen(cases[i].in));
		cr_expect_eq(ok, cases[i].want != NULL, "case %zu", i);
		if (cases[i].want) {
			cr_expect_str_eq(b.data + 1, cases[i].want,
					 "case %zu", i);
		} else {
			cr_expect_str_eq(b.data, ">", "case %zu: appended", i);
		}
		text_buf_free(&b);
	}
}

Test(text_buf, grows_formats_and_hands_over)
{
	struct text_buf b = {0};

	for (int i = 0; i < 100; i++)
		text_buf_printf(&b, "%d,", i);
	cr_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	cr_assert_eq(b.len, strlen(b.data));
	text_buf_clear(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_str_eq(b.data, "");
	text_buf_add(&b, "ab\0cd", 5);
	text_buf_addc(&b, 'e');
	cr_assert_eq(b.len, 6);
	cr_assert(memcmp(b.data, "ab\0cde", 7) == 0);

	size_t len = 0;
	char *s = text_buf_take(&b, &len);
	cr_assert_eq(len, 6);
	cr_assert_null(b.data);
	cr_assert_eq(b.len, 0);
	free(s);

	char *empty = text_buf_take(&b, &len);
	cr_assert_not_null(empty);
	cr_assert_str_eq(empty, "");
	free(empty);
	text_buf_free(&b);
}
