/* prompt.h — a one-line editor on the bottom line, for search, filters
 * and edits. Keys typed here are text, never commands. */
#ifndef BIENBAN_TUI_PROMPT_H
#define BIENBAN_TUI_PROMPT_H

#include "internal.h"

struct prompt_io {
	void (*redraw)(void *ctx);	/* the screen behind the prompt */
	void (*changed)(void *ctx, const char *text);	/* may be NULL */
	void *ctx;
};

/* Reads a line after `label`, starting from `initial`. True with the
 * text in *out when Enter accepts it; false on Esc (or a signal). */
bool prompt_read(struct painter *p, const char *label, const char *initial,
		 const struct prompt_io *io, struct text_buf *out);

#endif
