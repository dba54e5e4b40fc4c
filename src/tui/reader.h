/* reader.h — the reader: one record in full, wrapped, with the paragraph
 * of the notice it came from. */
#ifndef BIENBAN_TUI_READER_H
#define BIENBAN_TUI_READER_H

#include "internal.h"

struct reader {
	enum store_kind kind;
	long long id;		/* 0: nothing to show */
	bool valid;
	struct text_buf text;	/* as built from the record */
	struct text_buf clean;	/* sanitized, newlines kept */
	struct text_line *lines;
	size_t nlines;
	int width;		/* what lines were wrapped for; 0: wrap again */
	int scroll;		/* first line on screen */
};

/* Reads the record and lays out its text (scroll kept if it is the same
 * record as before). */
void reader_show(struct reader *r, struct store *s, enum store_kind kind,
		 long long id, const char *today);
void reader_scroll(struct reader *r, int delta, int height);
void reader_draw(struct painter *p, struct reader *r, int y, int x, int h,
		 int w, bool focused, const char *highlight);
void reader_free(struct reader *r);

#endif
