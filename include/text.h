/* text.h — Vietnamese-aware UTF-8 text.
 *
 * The only module that measures, cuts, wraps, folds or compares text. It
 * knows nothing of SQLite or curses and is built on libunistring.
 *
 * Conventions:
 *   - Strings are (pointer, byte length) pairs; they need not be
 *     NUL-terminated. Returned strings are NUL-terminated all the same.
 *   - "Cells" are terminal columns. Widths follow libunistring's uc_width
 *     with a non-CJK locale (ambiguous characters take one cell).
 *   - Every function that returns an allocated object says so; the caller
 *     frees it with free() unless another function is named.
 *   - Functions that fit text to cells assume sanitized input (see
 *     text_sanitize): measuring is not sanitizing.
 */
#ifndef BIENBAN_TEXT_H
#define BIENBAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* ---- growable byte buffer ------------------------------------------- */

/* A reusable output buffer. Zero-initialise it ({0}); text_buf_free()
 * releases it. data is always NUL-terminated once anything was written.
 * Allocation failure aborts: the program cannot go on without memory. */
struct text_buf {
	char *data;
	size_t len;
	size_t cap;
};

void text_buf_add(struct text_buf *b, const char *s, size_t len);
void text_buf_addz(struct text_buf *b, const char *s);
void text_buf_addc(struct text_buf *b, char c);
void text_buf_printf(struct text_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void text_buf_clear(struct text_buf *b);	/* len = 0, keeps memory */
void text_buf_free(struct text_buf *b);
/* Appends one Unicode code point as UTF-8 (nothing for an invalid one). */
void text_buf_add_char(struct text_buf *b, unsigned codepoint);
/* Hands the buffer's memory to the caller (free() it) and resets b. */
char *text_buf_take(struct text_buf *b, size_t *len);

/* ---- validity, sanitizing, normalization ---------------------------- */

/* True when s[0..len) is valid UTF-8 (no overlongs, surrogates or code
 * points above U+10FFFF). */
bool text_is_valid_utf8(const char *s, size_t len);

enum text_sanitize_flags {
	TEXT_SINGLE_LINE = 0,		/* LF and TAB become one space */
	TEXT_KEEP_NEWLINES = 1 << 0,	/* LF stays LF (reader, notes) */
};

/* Makes untrusted text safe to put on a terminal, appending to out:
 *   - invalid UTF-8 becomes U+FFFD, one per bad byte sequence;
 *   - C0 controls (except LF/TAB, see flags), DEL and CR become their
 *     Unicode control pictures (ESC → "␛", BEL → "␇", DEL → "␡"), so an
 *     escape sequence shows as inert text;
 *   - C1 controls, bidi controls (U+061C, U+200E/F, U+202A–U+202E,
 *     U+2066–U+2069), U+200B, U+2060 and U+FEFF become U+FFFD;
 *   - the result is in NFC.
 * The output is valid UTF-8 with no byte below 0x20 except LF (when kept). */
void text_sanitize(struct text_buf *out, const char *s, size_t len,
		   enum text_sanitize_flags flags);

/* True for a character a terminal may obey or that hides or reorders
 * text: C0 controls, DEL, C1 controls, bidi controls (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069), line and paragraph separators and
 * invisible format characters (U+200B–U+200D, U+2060–U+2065, U+FEFF).
 * Machine-readable output writes these as escapes rather than raw. */
bool text_needs_escape(unsigned codepoint);

/* NFC of valid UTF-8, appended to out. ASCII and text that is already in
 * NFC are copied without calling the normalizer. Returns false (and
 * appends nothing) when s is not valid UTF-8. */
bool text_nfc(struct text_buf *out, const char *s, size_t len);

/* ---- display width, clipping, padding -------------------------------- */

/* Display width in cells of sanitized text. */
int text_width(const char *s, size_t len);

/* The width contract: how much of a string fits in a number of cells. */
struct text_fit {
	size_t bytes;	/* bytes of s that are drawn (whole graphemes) */
	int cells;	/* cells those bytes take (≤ the limit) */
	bool clipped;	/* true when s did not fit whole */
};

/* The longest prefix of whole grapheme clusters that fits in max_cells.
 * A double-width character that would straddle the limit is left out. */
struct text_fit text_fit(const char *s, size_t len, int max_cells);

/* Like text_fit, but when s does not fit, the prefix leaves one cell for
 * an ellipsis, which the caller draws (TEXT_ELLIPSIS, or "~" in ASCII).
 * cells counts the ellipsis when clipped. */
struct text_fit text_clip(const char *s, size_t len, int max_cells);

#define TEXT_ELLIPSIS "\xe2\x80\xa6"	/* … U+2026, one cell */

/* Where the last grapheme cluster of s starts (what a Backspace in a
 * prompt removes: a letter with all its marks). 0 for empty s. */
size_t text_last_grapheme(const char *s, size_t len);

/* Appends s clipped to `cells` (with `ellipsis` when cut) and then spaces
 * up to exactly `cells` cells. ellipsis must be one cell wide. Returns
 * the fit of s. */
struct text_fit text_put_cells(struct text_buf *out, const char *s,
			       size_t len, int cells, const char *ellipsis);

/* Same, but right-aligned (numbers in tables). */
struct text_fit text_put_cells_right(struct text_buf *out, const char *s,
				     size_t len, int cells,
				     const char *ellipsis);

/* ---- wrapping -------------------------------------------------------- */

/* One display line of a wrapped text: bytes [start, start+len) of the
 * original, not including the trailing space or newline. */
struct text_line {
	size_t start;
	size_t len;
	int cells;
};

/* Word-wraps sanitized text to `width` cells at the break opportunities
 * of u8_possible_linebreaks (u8_width_linebreaks would count the space
 * before a break as part of the line); LF is
 * a hard break; words wider than a line are broken at grapheme
 * boundaries. Returns the number of lines and stores a malloc'd array in
 * *lines (NULL for empty text). width < 1 is treated as 1. */
size_t text_wrap(const char *s, size_t len, int width,
		 struct text_line **lines);

/* ---- folding and matching -------------------------------------------- */

/* Folds for search, appending to out: case folded, diacritics removed,
 * đ/Đ → d ("ĐẢNG ủy" → "dang uy"). Invalid UTF-8 bytes are dropped. */
void text_fold(struct text_buf *out, const char *s, size_t len);

/* A byte range of an original string. */
struct text_range {
	size_t start;
	size_t end;
};

/* Finds every non-overlapping occurrence of `needle` (folded with
 * text_fold first, so any spelling works) in hay, comparing folded forms.
 * Ranges are in hay's bytes and cover whole grapheme clusters. Returns
 * the count and a malloc'd array in *ranges (NULL when none). */
size_t text_find_folded(const char *hay, size_t hay_len, const char *needle,
			size_t needle_len, struct text_range **ranges);

/* Picks an excerpt of at most max_cells cells of s around the first
 * place any word of `query` occurs (compared folded), starting a few
 * words before it; without a match, the beginning of s. The range lies
 * on grapheme boundaries. Returns true when a word matched. */
bool text_snippet(const char *s, size_t len, const char *query,
		  size_t query_len, int max_cells, struct text_range *where);

/* ---- collation --------------------------------------------------------- */

/* Compares two strings in Vietnamese dictionary order (CLDR's "vi"
 * tailoring): a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; tones as a
 * secondary difference (none < grave < hook < tilde < acute < dot below);
 * case last. Bytes that are not valid UTF-8 sort as U+FFFD. */
int text_collate(const char *a, size_t alen, const char *b, size_t blen);

/* Appends a binary sort key for s: memcmp() on two keys orders them as
 * text_collate does. The key contains no NUL bytes. */
void text_sort_key(struct text_buf *out, const char *s, size_t len);

/* ---- ASCII fallback ---------------------------------------------------- */

/* Transliterates sanitized text to printable ASCII for terminals whose
 * locale is not UTF-8, keeping case: "Nghị quyết" → "Nghi quyet",
 * "Đảng" → "Dang", "…" → "~", quotes and dashes to their ASCII kin. Each
 * grapheme becomes at least one character; wide characters become "??",
 * so the display width is kept. */
void text_to_ascii(struct text_buf *out, const char *s, size_t len);

/* ---- dates (text/date.c) ------------------------------------------------ */

/* A calendar date. */
struct text_date {
	int year;
	int month;	/* 1–12 */
	int day;	/* 1–31 */
};

/* Parses one whole date expression as written in Vietnamese notices:
 *   "31-3-2023", "31/03/2023", "2023-03-31", "ngày 9-11-2022",
 *   "trước ngày 15/4/2023", "quý II-2023" (last day of the quarter),
 *   "tháng 4/2023" and "trong tháng 5/2023" (last day of the month).
 * Case and diacritics are not significant. Returns false for anything
 * else, including impossible dates: no guessing. */
bool text_date_parse(const char *s, size_t len, struct text_date *out);

/* Finds the first date expression inside a longer text (a deadline in a
 * task sentence). On success stores the date and the expression's byte
 * range in s. */
bool text_date_find(const char *s, size_t len, struct text_date *out,
		    struct text_range *where);

/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void text_date_iso(const struct text_date *d, char buf[static 11]);

/* Parses a strict ISO "YYYY-MM-DD". */
bool text_date_from_iso(const char *s, size_t len, struct text_date *out);

#endif
