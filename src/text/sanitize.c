/* sanitize.c — making untrusted text safe for a terminal, and NFC.
 *
 * Text comes from a database anyone may have written to, so before it
 * reaches curses every byte is accounted for: bad UTF-8 and anything that
 * could move the cursor, change the terminal's state or reorder what is
 * shown becomes a visible, inert character.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "internal.h"

#define REPLACEMENT 0xFFFD	/* U+FFFD REPLACEMENT CHARACTER */
#define DOTTED_CIRCLE 0x25CC	/* U+25CC, the base Unicode shows marks on */
#define CONTROL_PICTURES 0x2400	/* U+2400 ␀ … U+241F, then U+2421 ␡ */
#define PICTURE_DEL 0x2421

bool text_is_valid_utf8(const char *s, size_t len)
{
	/* u8_check rejects overlongs, surrogates and values past U+10FFFF. */
	return u8_check((const uint8_t *)s, len) == NULL;
}

/* Characters that are invisible yet change how the terminal or the bidi
 * algorithm treats what follows: C1 controls (0x9b is a one-byte CSI on
 * some terminals), bidi embeddings, overrides, isolates and marks, and
 * the zero-width characters used to hide text. */
static bool is_hidden_control(ucs4_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200b ||
	       c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       c == 0x2060 || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

/* What one decoded character is shown as. */
static ucs4_t sanitize_char(ucs4_t c, enum text_sanitize_flags flags)
{
	if (c == '\n')
		return (flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ';
	if (c == '\t')
		return ' ';	/* no column is known here to expand it to */
	if (c < 0x20)
		return CONTROL_PICTURES + c;
	if (c == 0x7f)
		return PICTURE_DEL;
	if (is_hidden_control(c))
		return REPLACEMENT;
	return c;
}

/* A mark that would attach to whatever the terminal drew before it:
 * at the start of a string that is the neighbouring column. */
static bool needs_base(ucs4_t c)
{
	int p = uc_graphemeclusterbreak_property(c);

	return p == GBP_EXTEND || p == GBP_SPACINGMARK || p == GBP_ZWJ;
}

static void add_char(struct text_buf *b, ucs4_t c)
{
	uint8_t tmp[6];
	int n = u8_uctomb(tmp, c, sizeof tmp);

	text_buf_add(b, (const char *)tmp, (size_t)n);
}

/* Printable ASCII (and LF when kept) needs neither replacing nor NFC,
 * and is most of what bienban shows. */
static bool is_plain_ascii(const char *s, size_t len,
			   enum text_sanitize_flags flags)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' && (flags & TEXT_KEEP_NEWLINES))
			continue;
		if (c < 0x20 || c >= 0x7f)
			return false;
	}
	return true;
}

void text_sanitize(struct text_buf *out, const char *s, size_t len,
		   enum text_sanitize_flags flags)
{
	if (is_plain_ascii(s, len, flags)) {
		text_buf_add(out, s, len);
		return;
	}

	struct text_buf clean = {0};
	const uint8_t *p = (const uint8_t *)s;
	bool line_start = true;

	for (size_t i = 0; i < len;) {
		ucs4_t c;
		/* u8_mbtouc yields U+FFFD for a bad sequence and tells how
		 * many bytes it spans. */
		int n = u8_mbtouc(&c, p + i, len - i);
		i += (size_t)n;
		c = sanitize_char(c, flags);
		if (line_start && needs_base(c))
			add_char(&clean, DOTTED_CIRCLE);
		add_char(&clean, c);
		line_start = c == '\n';
	}
	if (!text_nfc(out, clean.data, clean.len))
		abort();	/* clean is valid UTF-8 by construction */
	text_buf_free(&clean);
}

/* True when NFC leaves c alone wherever it stands: it has no combining
 * class, cannot combine with a character before it, and is either not
 * decomposable or the very precomposed form NFC would produce (as the
 * Vietnamese letters U+1EA0–U+1EF9 are). */
static bool nfc_inert(ucs4_t c)
{
	if (c < 0x300)
		return true;	/* below the first combining mark: all inert */
	if (uc_combining_class(c) != 0 ||
	    uc_is_general_category(c, UC_CATEGORY_M))
		return false;
	/* Hangul vowel and trailing jamo compose with what precedes. */
	if (c >= 0x1161 && c <= 0x11c2)
		return false;

	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int n = uc_canonical_decomposition(c, d);
	if (n < 0)
		return true;
	/* uc_composition honours the composition exclusions, so this
	 * accepts exactly the primary composites. */
	return n == 2 && uc_composition(d[0], d[1]) == c;
}

/* The Vietnamese letters with a tone mark (U+1EA0–U+1EF9, in the Latin
 * Extended Additional block) are a good part of every notice, and
 * nfc_inert asks libunistring four questions about each: its answers
 * for the block are kept, filled once from nfc_inert itself. */
#define LATIN_ADD 0x1e00
#define LATIN_ADD_END 0x1f00

static bool latin_add_inert[LATIN_ADD_END - LATIN_ADD];
static bool latin_add_ready;

static bool nfc_inert_cached(ucs4_t c)
{
	if (c < LATIN_ADD || c >= LATIN_ADD_END)
		return nfc_inert(c);
	if (!latin_add_ready) {
		for (ucs4_t k = LATIN_ADD; k < LATIN_ADD_END; k++)
			latin_add_inert[k - LATIN_ADD] = nfc_inert(k);
		latin_add_ready = true;
	}
	return latin_add_inert[c - LATIN_ADD];
}

/* What one pass over a text tells before normalizing it. */
enum nfc_quick {
	NFC_NOT_UTF8,
	NFC_ALREADY,	/* every character inert: the text is its NFC */
	NFC_MAYBE,	/* valid, with a character that may change */
};

/* Checks validity and inertness in one pass, as both read every
 * character: u8_mbtoucr refuses exactly what u8_check refuses. Lead
 * bytes C2–CB with their continuation byte are U+0080–U+02FF, valid
 * and below the first combining mark: passed over without decoding. */
static enum nfc_quick nfc_quick(const uint8_t *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] < 0xcc && i + 1 < len &&
		    (s[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtoucr(&c, s + i, len - i);
		if (k < 0)
			return NFC_NOT_UTF8;
		i += (size_t)k;
		if (!nfc_inert_cached(c))
			return u8_check(s + i, len - i) ? NFC_NOT_UTF8 : NFC_MAYBE;
	}
	return NFC_ALREADY;
}

bool text_nfc(struct text_buf *out, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;

	switch (nfc_quick(p, len)) {
	case NFC_NOT_UTF8:
		return false;
	case NFC_ALREADY:
		text_buf_add(out, s, len);
		return true;
	case NFC_MAYBE:
		break;
	}

	size_t n = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, p, len, NULL, &n);
	if (!nfc)
		abort();	/* input is valid, so only ENOMEM is left */
	text_buf_add(out, (const char *)nfc, n);
	free(nfc);
	return true;
}

bool text_needs_escape(unsigned c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c ||
	       (c >= 0x200b && c <= 0x200f) || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) ||
	       c == 0xfeff;
}
