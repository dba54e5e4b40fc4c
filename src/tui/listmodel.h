/* listmodel.h — the cursor over a paged list, without curses.
 *
 * A list model keeps a window of a store list: a few consecutive pages
 * around the selection, never the whole list. Moving past the window's
 * edge reads the next page by key; pages far from the selection are
 * dropped. So memory follows the screen, and a million rows scroll like
 * ten. Every function here can be driven by a test without a terminal.
 */
#ifndef BIENBAN_TUI_LISTMODEL_H
#define BIENBAN_TUI_LISTMODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "store.h"

#define LIST_MAX_PAGES 4

struct list_model {
	struct store *store;
	struct store_query query;	/* its strings belong to the caller */
	int page_rows;			/* rows read per page */
	int height;			/* rows on screen */
	/* Rows the view moves at least when the selection leaves it (0 or
	 * 1: one row; see follow() in listmodel.c). */
	int scroll_step;
	struct store_page *pages[LIST_MAX_PAGES + 1];
	size_t npages;
	size_t count;			/* rows in the window */
	bool at_start, at_end;		/* the window reaches the list's ends */
	size_t sel;			/* selected row, as a window index */
	size_t top;			/* first row on screen, as a window index */
	long long first_index;		/* list index of window row 0; -1 unknown */
};

/* A model over the query; nothing is read until a load. */
void list_model_init(struct list_model *m, struct store *s,
		     const struct store_query *q, int height);
void list_model_free(struct list_model *m);

/* Tells the model how many rows the screen shows (pages follow it). */
void list_model_set_height(struct list_model *m, int height);

/* Reads the start of the list and selects its first row. */
enum bb_status list_model_home(struct list_model *m, struct bb_error *err);
/* Reads the end of the list and selects its last row. */
enum bb_status list_model_end(struct list_model *m, struct bb_error *err);

/* Moves the selection by delta rows (negative: up), reading pages as
 * needed; stops at the ends. */
enum bb_status list_model_move(struct list_model *m, long delta,
			       struct bb_error *err);
/* Moves by a screenful, keeping the selection's place on screen. */
enum bb_status list_model_page(struct list_model *m, int pages,
			       struct bb_error *err);

/* Selects the row with this id (reading around it), if the list has it;
 * BB_NOT_FOUND leaves the model as it was. */
enum bb_status list_model_select_id(struct list_model *m, long long id,
				    struct bb_error *err);

/* Reads the list again after the database changed, keeping the selected
 * row by id (found at its new place if its key changed), else its
 * neighbour, at the same place on screen. */
enum bb_status list_model_refresh(struct list_model *m, struct bb_error *err);

/* Row i of the window: its page and index there. False past the end. */
bool list_model_row(const struct list_model *m, size_t i,
		    const struct store_page **page, size_t *index);

/* The selected row's key id (the record id; for search, the hit's
 * rowid); 0 when the list is empty. */
long long list_model_selected_key(const struct list_model *m);

/* Whether the whole list is in the window (then count is its length). */
bool list_model_complete(const struct list_model *m);

#endif
