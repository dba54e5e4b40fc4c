/* app.h — the state of the running interface, shared by its parts
 * (app.c: views, layout, keys; edit.c: edits and undo; find.c: search
 * and filters). */
#ifndef BIENBAN_TUI_APP_H
#define BIENBAN_TUI_APP_H

#include "pane.h"
#include "reader.h"

enum view {
	VIEW_BROWSE,
	VIEW_TASKS,
	VIEW_DOCUMENTS,
	VIEW_SEARCH,
	VIEW_COUNT
};

enum pane_id {
	PANE_MEETINGS,
	PANE_RESOLUTIONS,
	PANE_ITEMS,
	PANE_TASKS,
	PANE_DOCUMENTS,
	PANE_CITED,
	PANE_HITS,
	PANE_COUNT
};

/* The tasks view's filter, as the user typed it and as a query. */
struct task_filter {
	char status[16];
	char *owner;
	bool overdue;
	long long meeting_id;
	char *document;
	enum store_sort sort;
};

#define UNDO_MAX 256

struct app {
	struct store *store;
	const struct tui_options *opt;
	struct keymap keys;
	struct theme theme;
	struct painter painter;
	struct row_context row_ctx;
	char today[11];

	enum view view;
	struct pane panes[PANE_COUNT];
	int focus[VIEW_COUNT];		/* index into the view's panes */
	bool zoom;			/* the reader fills the screen */
	bool help;			/* the key list fills the screen */
	int help_scroll;
	bool wide;			/* panes side by side */
	bool too_small;
	int reader_y, reader_h;		/* the reader under the lists; 0: none */

	struct reader reader;
	struct task_filter filter;
	char *document_code;		/* the cited pane's query */
	struct text_buf search;		/* the words searched for */
	struct text_buf search_folded;	/* the same, folded, to highlight */

	long long undo[UNDO_MAX];	/* history ids of this session's edits */
	size_t nundo;
	long long data_version;
	struct store_counts counts;
	char message[256];
	bool message_is_error;
	bool quit;
	/* After a move, the panes that follow the selection and the reader
	 * wait for a pause in the keys (app.c, FOLLOW_DELAY_MS). */
	bool follow_pending;
	enum pane_id follow_from;
};

/* The panes of a view, left to right. */
size_t app_view_panes(enum view v, const enum pane_id **ids);
struct pane *app_focused(struct app *a);
/* The record the focused pane has selected; 0 when none. */
long long app_selected(struct app *a, enum store_kind *kind);

void app_say(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reads every list again (after an edit, or another user's), keeping
 * selections. */
void app_refresh(struct app *a);
/* Reads one pane again from its start, and the reader. */
void app_reload(struct app *a, enum pane_id id);
/* Places the panes for the terminal's size (layout.c). */
void app_layout(struct app *a);
/* Redraws the whole screen (layout.c). */
void app_draw(struct app *a);
/* Opens a record in the view that shows it, selected. */
void app_open_record(struct app *a, enum store_kind kind, long long id);

/* edit.c */
void edit_action(struct app *a, enum tui_action action);
void edit_undo(struct app *a);

/* find.c */
void find_search(struct app *a);
void find_filter(struct app *a);
void find_sort(struct app *a);
void find_filter_describe(const struct app *a, struct text_buf *out);
void find_apply_filter(struct app *a);
void find_free(struct app *a);

#endif
