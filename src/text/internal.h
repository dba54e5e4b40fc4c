/* internal.h — helpers shared by the files of the text layer only.
 *
 * Nothing here is part of the public API in include/text.h.
 */
#ifndef BIENBAN_TEXT_INTERNAL_H
#define BIENBAN_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <unitypes.h>

#include "text.h"

/* The Latin blocks Vietnamese letters come from (U+00C0–U+024F and
 * U+1E00–U+1EFF): none of their characters is a mark or joins the next
 * one in a grapheme cluster, so each stands alone and tables of them
 * (fold.c, collate.c) can answer for a character at a time. */
#define TEXT_LATIN_LOW 0x00c0
#define TEXT_LATIN_HIGH 0x0250
#define TEXT_LATIN_EXT 0x1e00
#define TEXT_LATIN_EXT_END 0x1f00
#define TEXT_LATIN_COUNT \
	((TEXT_LATIN_HIGH - TEXT_LATIN_LOW) + (TEXT_LATIN_EXT_END - TEXT_LATIN_EXT))

static inline bool text_in_latin(ucs4_t c)
{
	return (c >= TEXT_LATIN_LOW && c < TEXT_LATIN_HIGH) ||
	       (c >= TEXT_LATIN_EXT && c < TEXT_LATIN_EXT_END);
}

/* c's place in a table of the blocks, 0 to TEXT_LATIN_COUNT - 1. */
static inline size_t text_latin_index(ucs4_t c)
{
	return c < TEXT_LATIN_HIGH ? c - TEXT_LATIN_LOW
		: (TEXT_LATIN_HIGH - TEXT_LATIN_LOW) + (c - TEXT_LATIN_EXT);
}

/* The character after c in the blocks, for a loop over them all:
 * for (c = TEXT_LATIN_LOW; c < TEXT_LATIN_EXT_END; c = text_latin_next(c)). */
static inline ucs4_t text_latin_next(ucs4_t c)
{
	return c + 1 == TEXT_LATIN_HIGH ? TEXT_LATIN_EXT : c + 1;
}

/* Bytes of the grapheme cluster that starts at s[0] (0 when len is 0).
 * Use it only from the start of a string or of an earlier cluster: the
 * regional-indicator rule counts from there. (width.c) */
size_t text_grapheme_len(const char *s, size_t len);

/* A folded copy of a text that remembers, for every folded byte, the
 * grapheme cluster of the original it came from. Search and date finding
 * match in the folded text and report ranges in the original. */
struct text_folded {
	struct text_buf text;	/* as text_fold() would produce */
	size_t *from;		/* from[i]: start of the cluster of byte i */
	size_t *to;		/* to[i]: end of that cluster */
	size_t cap;		/* entries allocated in from and to */
};

/* Folds s into f (zero-initialised); free with text_folded_free. (fold.c) */
void text_fold_mapped(struct text_folded *f, const char *s, size_t len);
void text_folded_free(struct text_folded *f);

/* malloc and realloc of n objects of `size` bytes that abort on failure,
 * as text_buf does. (buf.c) */
void *text_xmalloc(size_t n, size_t size);
void *text_xrealloc(void *p, size_t n, size_t size);

#endif
