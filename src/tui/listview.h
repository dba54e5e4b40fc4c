/* listview.h — the one list widget: draws a pane's window of rows in its
 * box, with the selection, columns, clipping and match highlighting. */
#ifndef BIENBAN_TUI_LISTVIEW_H
#define BIENBAN_TUI_LISTVIEW_H

#include "pane.h"

/* Draws the pane. `highlight` holds folded search words to mark (or
 * NULL); `total` is the list's length when known from elsewhere (kept
 * counts), else -1; `context` (or NULL) follows the title, naming the
 * record whose children the pane lists when that pane is hidden. */
void listview_draw(struct painter *p, const struct pane *pane,
		   const struct row_context *ctx, bool focused,
		   const char *highlight, long long total, const char *context);

#endif
