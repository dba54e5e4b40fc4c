/* internal.h — helpers shared by the files of the text layer only.
 *
 * Nothing here is part of the public API in include/text.h.
 */
#ifndef BIENBAN_TEXT_INTERNAL_H
#define BIENBAN_TEXT_INTERNAL_H

#include <stddef.h>

#include "text.h"

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
