/* ascii.c — the fallback for terminals whose locale is not UTF-8.
 *
 * Vietnamese letters lose their marks ("Nghị quyết" → "Nghi quyet"), the
 * typographic punctuation of notices gets its ASCII kin, and anything else
 * becomes one "?" per cell, so columns line up as they would in UTF-8.
 */
#include "config.h"

#include <stdint.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "internal.h"

/* Characters whose ASCII kin is not their decomposition's base. */
static const struct {
	ucs4_t c;
	char ascii;
} kin[] = {
	{0x0110, 'D'}, {0x0111, 'd'},	/* Đ đ: no decomposition */
	{0x00d0, 'D'}, {0x00f0, 'd'},	/* Ð ð, typed for Đ đ */
	{0x2018, '\''}, {0x2019, '\''}, {0x201a, '\''}, {0x201b, '\''},
	{0x2032, '\''}, {0x02bc, '\''},
	{0x201c, '"'}, {0x201d, '"'}, {0x201e, '"'}, {0x201f, '"'},
	{0x2033, '"'}, {0x00ab, '"'}, {0x00bb, '"'},
	{0x2010, '-'}, {0x2011, '-'}, {0x2012, '-'}, {0x2013, '-'},
	{0x2014, '-'}, {0x2015, '-'}, {0x2212, '-'},
	{0x2026, '~'},			/* … as the ASCII ellipsis */
	{0x2022, '*'}, {0x00b7, '.'}, {0x00d7, 'x'},
};

static char kin_of(ucs4_t c)
{
	for (size_t i = 0; i < sizeof kin / sizeof *kin; i++)
		if (kin[i].c == c)
			return kin[i].ascii;
	return 0;
}

/* The character c is built on: "ế" → "e", "Ấ" → "A". */
static ucs4_t base_of(ucs4_t c)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

	while (uc_canonical_decomposition(c, d) > 0)
		c = d[0];
	return c;
}

static void add_repeated(struct text_buf *out, char c, int n)
{
	do
		text_buf_addc(out, c);
	while (--n > 0);
}

/* Appends the ASCII for one grapheme cluster s[0..n). */
static void add_cluster(struct text_buf *out, const char *s, size_t n)
{
	ucs4_t c;
	u8_mbtouc(&c, (const uint8_t *)s, n);
	int cells = text_width(s, n);
	char k = kin_of(c);
	ucs4_t base = base_of(c);

	if (c == '\n')
		text_buf_addc(out, '\n');	/* kept by text_sanitize */
	else if (c == '\t' || uc_is_general_category(c, UC_CATEGORY_Zs))
		add_repeated(out, ' ', cells);
	else if (k)
		text_buf_addc(out, k);
	else if (base > 0x20 && base < 0x7f && cells <= 1)
		text_buf_addc(out, (char)base);	/* marks dropped */
	else
		/* U+FFFD, control pictures, other scripts: one "?" a
		 * cell, "??" for a wide character. */
		add_repeated(out, '?', cells);
}

void text_to_ascii(struct text_buf *out, const char *s, size_t len)
{
	/* A NUL-terminated result even when nothing is appended. */
	text_buf_add(out, "", 0);
	for (size_t i = 0; i < len;) {
		size_t n = text_grapheme_len(s + i, len - i);
		add_cluster(out, s + i, n);
		i += n;
	}
}
