/* internal.h — helpers shared by the files of the ingest layer only.
 *
 * Nothing here is part of the public API in include/ingest.h. The notice
 * parser works on one normalized text (struct scan) and a folded copy of
 * it, so that "HỘI NGHỊ", "Hội nghị" and "hội nghị" are one pattern while
 * every record still points at exact bytes of the original.
 */
#ifndef BIENBAN_INGEST_INTERNAL_H
#define BIENBAN_INGEST_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "ingest.h"
#include "text.h"

#define NPOS ((size_t)-1)

/* ---- memory and bytes (util.c) ---------------------------------------- */

/* Allocation failure aborts, as text_buf does: there is no sensible way
 * on without memory, and it keeps every caller free of dead branches. */
void *ingest_xrealloc(void *p, size_t n, size_t size);
char *ingest_strndup(const char *s, size_t len);

/* Returns p (an array of *cap elements of `size` bytes) grown to hold at
 * least `need`, updating *cap: `a = ingest_grow(a, &cap, n + 1, sizeof *a)`. */
void *ingest_grow(void *p, size_t *cap, size_t need, size_t size);

/* Bytes in the UTF-8 sequence that `lead` starts (1 for a stray byte).
 * Inline: the scanners step over every character with it. */
static inline size_t ingest_u8_len(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if ((lead & 0xE0) == 0xC0)
		return 2;
	if ((lead & 0xF0) == 0xE0)
		return 3;
	if ((lead & 0xF8) == 0xF0)
		return 4;
	return 1;
}

/* Offset of the first byte of s[0..len) that is not part of valid UTF-8,
 * or NPOS when all is valid. Validity itself is text_is_valid_utf8's. */
size_t ingest_first_bad_utf8(const char *s, size_t len);

/* Line and character column (both from 1) of byte `off`, counting LF,
 * CRLF and CR as line ends and a leading BOM as nothing: where an editor
 * shows it. */
struct csv_pos ingest_pos_of(const char *s, size_t len, size_t off);

/* Appends at most `max` bytes of s to an error-message argument without
 * splitting a character; returns the byte count to print with "%.*s". */
int ingest_clip(const char *s, size_t len, size_t max);

/* ---- the normalized notice and its folded shadow (scan.c) ----------- */

/* One paragraph of the text, trimmed of spaces at both ends. In
 * published notices a paragraph is one line; in a hard-wrapped text it
 * runs over several (and holds their line feeds). */
struct line {
	size_t start;
	size_t end;
};

struct scan {
	const char *s;		/* the normalized text (NFC, LF, no BOM) */
	size_t n;
	/* The text came decomposed (not NFC): a wrap counted its bytes
	 * and characters as they were. */
	bool decomposed;
	char *f;		/* folded copy: lower case, no diacritics */
	size_t fn;
	size_t *from;		/* from[i]: start in s of folded byte i */
	size_t *at;		/* at[j]: folded offset of s's byte j (n+1) */
	struct line *lines;
	size_t nlines;
	/* Offsets of every . ! ? and : (what may end a sentence) and of
	 * every ASCII digit (what a date needs), in order: sentences and
	 * dates are looked for over the same text many times. */
	size_t *marks, nmarks, marks_cap;
	size_t *digits, ndigits, digits_cap;
	/* Byte ranges of "ngày d-m-yyyy" that date a cited document: such a
	 * date is never a deadline nor the meeting's date. */
	struct text_range *doc_dates;
	size_t ndoc_dates, doc_dates_cap;
	/* Where each document is cited, so resolutions can be linked. */
	struct doc_ref *refs;
	size_t nrefs, refs_cap;
};

struct doc_ref {
	size_t at;		/* s-offset of the code */
	size_t doc;		/* index into notice.documents */
};

void scan_init(struct scan *sc, const char *s, size_t n, bool decomposed);
/* scan_paragraphs.c: sc->lines from the text, a hard-wrapped text's
 * broken lines joined back into their paragraphs. */
void scan_paragraphs(struct scan *sc);
void scan_free(struct scan *sc);

/* First occurrence at or after s-offset `a`, ending by `b`, of `word`
 * (folded ASCII, e.g. "hoi nghi") as whole words; returns its s-offset
 * and sets *end, or NPOS. */
size_t scan_find(const struct scan *sc, size_t a, size_t b, const char *word,
		 size_t *end);

/* Whether the folded text at s-offset `a` starts with `word` (whole
 * words); sets *end when it does. */
bool scan_at(const struct scan *sc, size_t a, size_t b, const char *word,
	     size_t *end);

/* Whether the text at a is exactly `lit`, byte for byte: where folding
 * merges words that differ ("giao" assigns, "giáo" teaches). */
bool scan_literal(const struct scan *sc, size_t a, const char *lit);

/* Whether s-offset a..b holds any of the NULL-terminated words. */
bool scan_has_any(const struct scan *sc, size_t a, size_t b,
		  const char *const *words);

/* The character at s-offset a: is it an upper-case letter, a letter or
 * digit? (libunistring's classification.) */
bool scan_is_upper(const struct scan *sc, size_t a);
bool scan_is_alnum(const struct scan *sc, size_t a);
/* A space of any kind, line feeds and no-break spaces included. */
bool scan_is_space(const struct scan *sc, size_t a);

/* Skips spaces (and no-break spaces) forward from a / backward from b. */
size_t scan_skip_space(const struct scan *sc, size_t a, size_t b);
size_t scan_trim_back(const struct scan *sc, size_t a, size_t b);

/* The next word after a (skipping spaces): its start, and its end in
 * *end; NPOS at the limit b. A word is a run of letters and digits. */
size_t scan_word(const struct scan *sc, size_t a, size_t b, size_t *end);

/* End of the sentence that starts at a, not beyond b: after ". ", "! ",
 * "? " or ": " followed by a capital or an opening quote, or at b. The
 * returned offset is that of the punctuation. */
size_t scan_sentence_end(const struct scan *sc, size_t a, size_t b);

/* Length of the list marker at p ("(4)", "4)", "4. ", "d)", "- ",
 * "• "), or 0. Digits are read by scan_number (at most three; *v is
 * their value; returns where they end). */
size_t scan_item_marker(const struct scan *sc, size_t p, size_t b);
/* Length of the bullet at p ("-", "–", "—", "•", "+", "*" and a
 * space), or 0. */
size_t scan_bullet(const struct scan *sc, size_t p, size_t b);
size_t scan_number(const struct scan *sc, size_t p, size_t b, int *v);

/* A copy of s[a..b) for a field that is not a span (a title, a name,
 * an owner): a line break inside (a hard-wrapped text) becomes a space. */
char *scan_copy(const struct scan *sc, size_t a, size_t b);
/* The same in place: a run of spaces holding a line break becomes one
 * space, a tab a space. */
void scan_collapse(char *s);

/* Whether a punctuation mark that ends a name or a phrase is at p:
 * , ; . : ( ) " ! ? and the curly double quotes. */
bool scan_is_stop_mark(const struct scan *sc, size_t p);

/* Whether s-offset a starts with any of the NULL-terminated words. */
bool scan_has_prefix(const struct scan *sc, size_t a, size_t b,
		     const char *const *words);

/* End of a capitalised name starting at a ("Ban Chấp hành Trung ương
 * khóa XIII", "Sở Tài chính"): words up to a punctuation mark or a
 * linking word ("về", "và", "ngày", "để", …), at most max_words. Returns
 * a when no name starts there. */
size_t scan_name_end(const struct scan *sc, size_t a, size_t b, int max_words);

/* Whether a date found at [a, b) is one of the cited documents' dates. */
bool scan_is_doc_date(const struct scan *sc, size_t a, size_t b);

/* First date in s[a..b) that is not a document's date. */
bool scan_find_date(const struct scan *sc, size_t a, size_t b,
		    struct text_date *d, struct text_range *where);

/* ---- the parts of a notice ------------------------------------------- */

/* A numbered section, before it becomes a resolution. */
struct section {
	int seq;
	size_t line;		/* index of its heading in sc->lines */
	size_t nlines;		/* lines it spans, heading included */
	size_t body;		/* where the text after the heading sentence
				   starts (in the heading line, or its end) */
};

/* notice_sections.c: finds the numbered sections. */
size_t sections_find(const struct scan *sc, size_t first_line,
		     struct section **out);
/* Whether line i starts with "N. " and, if so, N and where the text
 * after the marker starts. */
bool line_number_marker(const struct scan *sc, size_t i, int *num,
			size_t *text);
/* Where ", hội nghị thống nhất …" (a comma, a subject, what the meeting
 * did) starts in [a, b), or b: the tail that is no part of a title. */
size_t scan_decision_tail(const struct scan *sc, size_t a, size_t b);
/* The heading's title ("Đối với …" without ", hội nghị thống nhất:"). */
char *section_title(const struct scan *sc, const struct section *sec);

/* notice_documents.c: collects cited documents into n->documents and
 * records their dates in sc; links them to resolutions afterwards. */
void documents_find(struct scan *sc, struct notice *n);
void documents_link(const struct scan *sc, struct notice *n);

/* notice_meeting.c: title, body, session, date, chair, place, summary
 * from the lines before the first section. */
void meeting_find(const struct scan *sc, size_t preamble_lines,
		  struct notice *n);

/* notice_tasks.c: the action items of one section. */
void tasks_find(const struct scan *sc, const struct section *sec,
		struct notice_resolution *r);

/* notice_owner.c: who does a task, and by when. */
char *owner_find(const struct scan *sc, size_t a, size_t b);
void due_find(const struct scan *sc, size_t a, size_t b, char **due_on,
	      char **due_text);

#endif
