#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "listview.h"

/* The screen: where each part goes for the terminal's size, and drawing
 * it. Everything is drawn anew on each change; curses sends only the
 * cells that differ. */

/* Below this the screen says so instead of drawing. */
#define MIN_COLS 40
#define MIN_ROWS 8
/* From this width the panes stand side by side. */
#define WIDE_COLS 100

static const char *const view_names[] = {
	[VIEW_BROWSE] = "browse", [VIEW_TASKS] = "tasks",
	[VIEW_DOCUMENTS] = "documents", [VIEW_SEARCH] = "search",
};

/* ---- layout ---------------------------------------------------------------------- */

static void place(struct pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	/* A hidden pane keeps its scroll position for when it shows again. */
	if (h > 2)
		list_model_set_height(&p->model, h - 2);
	/* Curses scrolls a list as wide as the screen with the terminal's
	 * scrolling region, a row at a time for a new row's bytes. One beside
	 * another it repaints whole, so that one moves by half a screen. */
	p->model.scroll_step = w < COLS ? (h - 2) / 2 : 1;
}

void app_layout(struct app *a)
{
	a->too_small = COLS < MIN_COLS || LINES < MIN_ROWS;
	a->wide = COLS >= WIDE_COLS;
	a->row_ctx.wide = COLS >= 110;
	int body_y = 1, body_h = LINES - 2;
	const enum pane_id *ids;
	size_t n = app_view_panes(a->view, &ids);
	for (int i = 0; i < PANE_COUNT; i++)
		place(&a->panes[i], body_y, 0, 0, 0);
	if (!a->wide) {
		/* One list at a time, like mutt's index; the reader opens
		 * over it. */
		place(app_focused(a), body_y, 0, body_h, COLS);
		a->reader_y = a->reader_h = 0;
		return;
	}
	int lists_h = body_h * 55 / 100;
	if (body_h - lists_h < 5)
		lists_h = body_h;
	static const int browse_share[] = { 30, 35, 35 }, documents_share[] = { 55, 45 };
	const int *share = a->view == VIEW_BROWSE ? browse_share
		: a->view == VIEW_DOCUMENTS ? documents_share : NULL;
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		int w = share && i + 1 < n ? COLS * share[i] / 100 : COLS - x;
		place(&a->panes[ids[i]], body_y, x, lists_h, w);
		x += w;
	}
	a->reader_y = body_y + lists_h;
	a->reader_h = body_h - lists_h;
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void draw_header(struct app *a)
{
	char left[160];
	snprintf(left, sizeof left, " bienban · %lld meetings · %lld resolutions · %lld action items",
		 a->counts.meetings, a->counts.resolutions, a->counts.tasks);
	struct text_buf right = {0};
	if (a->opt->read_only)
		text_buf_addz(&right, "read-only  ");
	find_filter_describe(a, &right);
	if (a->search.len)
		text_buf_printf(&right, "  /%s", a->search.data);
	text_buf_printf(&right, "  [%s] ", view_names[a->view]);
	attr_t attr = a->theme.attr[ROLE_STATUS];
	int rw = text_width(right.data, right.len);
	if (rw > COLS / 2)
		rw = COLS / 2;
	paint_text(&a->painter, stdscr, 0, 0, COLS - rw, left, attr, NULL, false);
	paint_text(&a->painter, stdscr, 0, COLS - rw, rw, right.data, attr, NULL, true);
	text_buf_free(&right);
}

/* "j/k move  Enter read …" from the live key map. */
static void key_hint(struct app *a, struct text_buf *out, enum tui_action first,
		     enum tui_action second, const char *what)
{
	struct text_buf keys = {0};
	keymap_describe(&a->keys, first, &keys);
	if (!keys.len) {
		text_buf_free(&keys);
		return;
	}
	size_t cut = strcspn(keys.data, ",");
	text_buf_add(out, keys.data, cut);
	if (second) {
		text_buf_clear(&keys);
		keymap_describe(&a->keys, second, &keys);
		if (keys.len) {
			text_buf_addc(out, '/');
			text_buf_add(out, keys.data, strcspn(keys.data, ","));
		}
	}
	text_buf_printf(out, " %s  ", what);
	text_buf_free(&keys);
}

static void draw_footer(struct app *a)
{
	int y = LINES - 1;
	if (a->message[0]) {
		paint_text(&a->painter, stdscr, y, 0, COLS, a->message,
			   a->theme.attr[a->message_is_error ? ROLE_ERROR : ROLE_MESSAGE], NULL, false);
		return;
	}
	struct text_buf hint = {0};
	text_buf_addc(&hint, ' ');
	if (a->help || a->zoom) {
		key_hint(a, &hint, ACTION_MOVE_DOWN, ACTION_MOVE_UP, "scroll");
		key_hint(a, &hint, ACTION_BACK, ACTION_QUIT, "close");
	} else {
		key_hint(a, &hint, ACTION_MOVE_DOWN, ACTION_MOVE_UP, "move");
		key_hint(a, &hint, ACTION_PREV_PANE, ACTION_NEXT_PANE, "pane");
		key_hint(a, &hint, ACTION_ENTER, 0, "open");
		key_hint(a, &hint, ACTION_SEARCH, 0, "search");
		key_hint(a, &hint, ACTION_FILTER, 0, "filter");
		key_hint(a, &hint, ACTION_TOGGLE_DONE, 0, "done");
		key_hint(a, &hint, ACTION_HELP, 0, "help");
		key_hint(a, &hint, ACTION_QUIT, 0, "quit");
	}
	paint_text(&a->painter, stdscr, y, 0, COLS, hint.data, a->theme.attr[ROLE_NORMAL], NULL, false);
	text_buf_free(&hint);
}

static void draw_help(struct app *a)
{
	int body_h = LINES - 2;
	paint_box(&a->painter, stdscr, 1, 0, body_h, COLS, &(struct box_title){ .name = "Keys" }, true);
	int rows = body_h - 2;
	if (a->help_scroll > ACTION_COUNT - 1 - rows)
		a->help_scroll = ACTION_COUNT - 1 - rows;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	struct text_buf keys = {0};
	for (int r = 0; r < rows; r++) {
		int action = ACTION_NONE + 1 + a->help_scroll + r;
		int y = 2 + r;
		if (action >= ACTION_COUNT) {
			paint_blank(stdscr, y, 1, COLS - 2, a->theme.attr[ROLE_NORMAL]);
			continue;
		}
		text_buf_clear(&keys);
		keymap_describe(&a->keys, (enum tui_action)action, &keys);
		paint_text(&a->painter, stdscr, y, 1, 1, "", a->theme.attr[ROLE_NORMAL], NULL, false);
		paint_text(&a->painter, stdscr, y, 2, 22, keys.data ? keys.data : "",
			   a->theme.attr[ROLE_HEADER], NULL, false);
		paint_text(&a->painter, stdscr, y, 24, COLS - 25,
			   tui_action_help((enum tui_action)action), a->theme.attr[ROLE_NORMAL], NULL, false);
	}
	text_buf_free(&keys);
}

static long long known_total(const struct app *a, enum pane_id id)
{
	switch (id) {
	case PANE_MEETINGS: return a->counts.meetings;
	case PANE_DOCUMENTS: return a->counts.documents;
	case PANE_TASKS: {
		const struct task_filter *f = &a->filter;
		bool unfiltered = !f->status[0] && !f->owner && !f->overdue &&
				  !f->meeting_id && !f->document;
		return unfiltered ? a->counts.tasks : -1;
	}
	default: return -1;
	}
}

/* In the stacked layout a child list names its parent in its title: the
 * meeting whose resolutions these are, and so on. */
static void parent_context(struct app *a, enum pane_id id, struct text_buf *out)
{
	const struct store_page *page;
	size_t i;
	enum pane_id parent = id == PANE_RESOLUTIONS ? PANE_MEETINGS
		: id == PANE_ITEMS ? PANE_RESOLUTIONS : PANE_COUNT;
	if (id == PANE_CITED && a->document_code)
		text_buf_addz(out, a->document_code);
	if (parent == PANE_COUNT)
		return;
	const struct list_model *m = &a->panes[parent].model;
	if (!list_model_row(m, m->sel, &page, &i))
		return;
	if (parent == PANE_MEETINGS)
		text_buf_addz(out, page->rows.meetings[i].title);
	else
		text_buf_printf(out, "%d. %s", page->rows.resolutions[i].seq,
				page->rows.resolutions[i].title);
}

void app_draw(struct app *a)
{
	app_layout(a);
	erase();
	if (a->too_small) {
		char msg[96];
		snprintf(msg, sizeof msg, "Terminal too small: need %dx%d", MIN_COLS, MIN_ROWS);
		paint_text(&a->painter, stdscr, 0, 0, COLS, msg, a->theme.attr[ROLE_ERROR], NULL, false);
		refresh();
		return;
	}
	draw_header(a);
	const char *highlight = a->view == VIEW_SEARCH ? a->search_folded.data : NULL;
	if (a->help) {
		draw_help(a);
	} else if (a->zoom) {
		reader_draw(&a->painter, &a->reader, 1, 0, LINES - 2, COLS, true, highlight);
	} else {
		const enum pane_id *ids;
		size_t n = app_view_panes(a->view, &ids);
		struct pane *focus = app_focused(a);
		struct text_buf context = {0};
		for (size_t i = 0; i < n; i++) {
			struct pane *p = &a->panes[ids[i]];
			if (p->h <= 0)
				continue;
			text_buf_clear(&context);
			if (!a->wide)
				parent_context(a, ids[i], &context);
			listview_draw(&a->painter, p, &a->row_ctx, p == focus, highlight,
				      known_total(a, ids[i]), context.data);
		}
		text_buf_free(&context);
		if (a->reader_h > 0)
			reader_draw(&a->painter, &a->reader, a->reader_y, 0, a->reader_h, COLS,
				    false, highlight);
	}
	draw_footer(a);
	refresh();
}

