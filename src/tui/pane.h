/* pane.h — a list pane: a source of rows for the one list widget.
 *
 * A pane supplies what differs between lists (which store list, how a
 * row reads as cells, what the reader shows for a row); the list widget
 * (listview.c) does selection, scrolling, paging, columns, clipping and
 * highlighting for all of them.
 */
#ifndef BIENBAN_TUI_PANE_H
#define BIENBAN_TUI_PANE_H

#include "internal.h"

#define ROW_CELLS 6

/* One cell of a row: text in `width` cells (0: the row's spare width). */
struct row_cell {
	const char *text;
	int width;
	bool right;
	enum role role;
};

struct row {
	struct row_cell cells[ROW_CELLS];
	int count;
	enum role role;		/* the whole row: overdue, done, dropped */
	char scratch[4][64];	/* formatted fields the cells point into */
};

/* What the row formatters need to know beyond the row itself. */
struct row_context {
	bool ascii;
	bool wide;		/* room for the optional columns */
	const char *today;	/* ISO, for overdue */
};

struct pane_ops {
	const char *title;
	enum store_kind kind;	/* what a row is (hits: per row) */
	void (*row)(const struct row_context *c, const struct store_page *page,
		    size_t i, struct row *out);
	/* The record id a row stands for, and its kind. */
	long long (*record)(const struct store_page *page, size_t i,
			    enum store_kind *kind);
};

extern const struct pane_ops pane_meetings;
extern const struct pane_ops pane_resolutions;
extern const struct pane_ops pane_items;	/* a resolution's items */
extern const struct pane_ops pane_tasks;	/* every item, filtered */
extern const struct pane_ops pane_documents;
extern const struct pane_ops pane_cited;	/* a document's resolutions */
extern const struct pane_ops pane_hits;

struct pane {
	const struct pane_ops *ops;
	struct list_model model;
	bool loaded;		/* false: read it again before drawing */
	int y, x, h, w;		/* its box on screen */
};

/* ---- helpers the panes share (panes.c) ----------------------------------- */

/* "31/03/2023" from "2023-03-31" (as given when not ISO). */
const char *row_date(struct row *r, int slot, const char *iso);
/* Adds a cell. */
void row_cell(struct row *r, const char *text, int width, bool right,
	      enum role role);
/* The mark of a status, in a terminal's charset: ○ ◐ ● ✕ or o > x -. */
const char *status_mark(const char *status, bool ascii);
/* True when the item is due before today and not done or dropped. */
bool task_overdue(const struct store_task *t, const char *today);

#endif
