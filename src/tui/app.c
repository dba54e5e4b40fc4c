#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "input.h"
#include "signals.h"
#include "terminal.h"

/* The compiled-in defaults (generated from assets/). */
extern const char bb_default_keys[];
extern const size_t bb_default_keys_len;
extern const char bb_default_theme[];
extern const size_t bb_default_theme_len;

/* How often to look for other users' changes while idle. */
#define IDLE_MS 1000
/* After a move, what follows the selection (the panes to its right and
 * the reader) is read and drawn once the keys pause this long: a held j
 * moves the list alone, a row at a time, and over a slow link a single
 * j costs the terminal a row, not the reader's whole text. */
#define FOLLOW_DELAY_MS 40

static const enum pane_id browse_panes[] = { PANE_MEETINGS, PANE_RESOLUTIONS, PANE_ITEMS };
static const enum pane_id tasks_panes[] = { PANE_TASKS };
static const enum pane_id document_panes[] = { PANE_DOCUMENTS, PANE_CITED };
static const enum pane_id search_panes[] = { PANE_HITS };


size_t app_view_panes(enum view v, const enum pane_id **ids)
{
	switch (v) {
	case VIEW_BROWSE: *ids = browse_panes; return 3;
	case VIEW_TASKS: *ids = tasks_panes; return 1;
	case VIEW_DOCUMENTS: *ids = document_panes; return 2;
	case VIEW_SEARCH:
	case VIEW_COUNT: break;
	}
	*ids = search_panes;
	return 1;
}

struct pane *app_focused(struct app *a)
{
	const enum pane_id *ids;
	size_t n = app_view_panes(a->view, &ids);
	int f = a->focus[a->view];
	return &a->panes[ids[f < (int)n ? f : 0]];
}

static long long pane_selected(const struct pane *p, enum store_kind *kind)
{
	const struct store_page *page;
	size_t i;
	if (!list_model_row(&p->model, p->model.sel, &page, &i))
		return 0;
	return p->ops->record(page, i, kind);
}

long long app_selected(struct app *a, enum store_kind *kind)
{
	return pane_selected(app_focused(a), kind);
}

void app_say(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_is_error = error;
}

/* ---- loading lists ------------------------------------------------------ */

/* The query a pane reads, from the state of the panes it follows. */
static struct store_query pane_query(struct app *a, enum pane_id id)
{
	enum store_kind kind;
	switch (id) {
	case PANE_MEETINGS:
		return (struct store_query){ .list = STORE_LIST_MEETINGS };
	case PANE_RESOLUTIONS:
		return (struct store_query){ .list = STORE_LIST_RESOLUTIONS,
			.parent_id = pane_selected(&a->panes[PANE_MEETINGS], &kind) };
	case PANE_ITEMS:
		return (struct store_query){ .list = STORE_LIST_TASKS,
			.parent_id = pane_selected(&a->panes[PANE_RESOLUTIONS], &kind) };
	case PANE_TASKS:
		return (struct store_query){ .list = STORE_LIST_TASKS,
			.status = a->filter.status[0] ? a->filter.status : NULL,
			.owner = a->filter.owner,
			.overdue_as_of = a->filter.overdue ? a->today : NULL,
			.meeting_id = a->filter.meeting_id,
			.document = a->filter.document,
			.sort = a->filter.sort };
	case PANE_DOCUMENTS:
		return (struct store_query){ .list = STORE_LIST_DOCUMENTS };
	case PANE_CITED:
		return (struct store_query){ .list = STORE_LIST_RESOLUTIONS,
			.document = a->document_code ? a->document_code : "" };
	case PANE_HITS:
	case PANE_COUNT:
		break;
	}
	return (struct store_query){ .list = STORE_LIST_SEARCH,
				     .search = a->search.data ? a->search.data : "" };
}

static bool report(struct app *a, enum bb_status st, const struct bb_error *err)
{
	if (st == BB_OK)
		return true;
	if (st == BB_BUSY)
		app_say(a, true, "busy: another program is writing; retrying");
	else
		app_say(a, true, "%s", err->msg);
	return false;
}

/* Reads a pane from its start with its current query. A parent that has
 * nothing selected gives an empty child. */
static void pane_load(struct app *a, enum pane_id id)
{
	struct pane *p = &a->panes[id];
	struct store_query q = pane_query(a, id);
	p->model.query = q;
	p->loaded = true;
	bool orphan = (id == PANE_RESOLUTIONS || id == PANE_ITEMS) && !q.parent_id;
	struct bb_error err;
	if (orphan) {
		list_model_free(&p->model);
		p->model.at_start = p->model.at_end = true;
		return;
	}
	report(a, list_model_home(&p->model, &err), &err);
}

/* Documents' codes live in their rows; the cited pane keeps a copy. */
static void follow_document(struct app *a)
{
	const struct store_page *page;
	size_t i;
	free(a->document_code);
	a->document_code = NULL;
	const struct list_model *m = &a->panes[PANE_DOCUMENTS].model;
	if (list_model_row(m, m->sel, &page, &i) && page->rows.documents[i].code)
		a->document_code = strdup(page->rows.documents[i].code);
}

/* After the selection of pane `id` changed: the panes that follow it. */
static void link_from(struct app *a, enum pane_id id)
{
	switch (id) {
	case PANE_MEETINGS:
		pane_load(a, PANE_RESOLUTIONS);
		pane_load(a, PANE_ITEMS);
		break;
	case PANE_RESOLUTIONS:
		pane_load(a, PANE_ITEMS);
		break;
	case PANE_DOCUMENTS:
		follow_document(a);
		pane_load(a, PANE_CITED);
		break;
	default:
		break;
	}
}

static void update_reader(struct app *a)
{
	enum store_kind kind = STORE_KIND_MEETING;
	long long id = app_selected(a, &kind);
	reader_show(&a->reader, a->store, kind, id, a->today);
}

/* Makes sure every pane of the view has been read. */
static void ensure_view(struct app *a)
{
	const enum pane_id *ids;
	size_t n = app_view_panes(a->view, &ids);
	for (size_t i = 0; i < n; i++)
		if (!a->panes[ids[i]].loaded) {
			pane_load(a, ids[i]);
			link_from(a, ids[i]);
		}
	update_reader(a);
}

/* Refreshes a child pane: kept if its parent is the same, else read anew. */
static void refresh_child(struct app *a, enum pane_id id)
{
	struct pane *p = &a->panes[id];
	struct store_query q = pane_query(a, id);
	struct bb_error err;
	if (q.parent_id != p->model.query.parent_id || !p->loaded)
		pane_load(a, id);
	else if (q.parent_id)
		report(a, list_model_refresh(&p->model, &err), &err);
}

void app_refresh(struct app *a)
{
	struct bb_error err;
	store_counts(a->store, &a->counts, &err);
	static const enum pane_id roots[] = { PANE_MEETINGS, PANE_TASKS, PANE_DOCUMENTS, PANE_HITS };
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
		struct pane *p = &a->panes[roots[i]];
		if (p->loaded)
			report(a, list_model_refresh(&p->model, &err), &err);
	}
	if (a->panes[PANE_MEETINGS].loaded) {
		refresh_child(a, PANE_RESOLUTIONS);
		refresh_child(a, PANE_ITEMS);
	}
	if (a->panes[PANE_DOCUMENTS].loaded) {
		follow_document(a);
		struct pane *c = &a->panes[PANE_CITED];
		c->model.query = pane_query(a, PANE_CITED);
		report(a, list_model_refresh(&c->model, &err), &err);
	}
	a->data_version = store_data_version(a->store);
	update_reader(a);
}

void app_reload(struct app *a, enum pane_id id)
{
	pane_load(a, id);
	link_from(a, id);
	update_reader(a);
}

/* ---- jumping to a record ------------------------------------------------------ */

static bool select_in(struct app *a, enum pane_id id, long long record)
{
	struct bb_error err;
	struct pane *p = &a->panes[id];
	if (!p->loaded)
		pane_load(a, id);
	enum bb_status st = list_model_select_id(&p->model, record, &err);
	if (st == BB_NOT_FOUND)
		app_say(a, true, "that record is not in this list any more");
	else
		report(a, st, &err);
	return st == BB_OK;
}

void app_open_record(struct app *a, enum store_kind kind, long long id)
{
	struct bb_error err;
	if (kind == STORE_KIND_DOCUMENT) {
		a->view = VIEW_DOCUMENTS;
		a->focus[VIEW_DOCUMENTS] = 0;
		if (select_in(a, PANE_DOCUMENTS, id))
			link_from(a, PANE_DOCUMENTS);
		ensure_view(a);
		return;
	}
	long long meeting, resolution;
	if (!report(a, store_locate(a->store, kind, id, &meeting, &resolution, &err), &err))
		return;
	a->view = VIEW_BROWSE;
	a->zoom = false;
	a->focus[VIEW_BROWSE] = 0;
	if (!select_in(a, PANE_MEETINGS, meeting))
		return;
	link_from(a, PANE_MEETINGS);
	if (kind != STORE_KIND_MEETING && select_in(a, PANE_RESOLUTIONS, resolution)) {
		a->focus[VIEW_BROWSE] = 1;
		link_from(a, PANE_RESOLUTIONS);
		if (kind == STORE_KIND_TASK && select_in(a, PANE_ITEMS, id))
			a->focus[VIEW_BROWSE] = 2;
	}
	ensure_view(a);
}

/* ---- keys ---------------------------------------------------------------------------- */

static void move_in(struct app *a, enum tui_action action)
{
	struct pane *p = app_focused(a);
	int h = p->model.height;
	struct bb_error err;
	enum bb_status st = BB_OK;
	switch (action) {
	case ACTION_MOVE_DOWN: st = list_model_move(&p->model, 1, &err); break;
	case ACTION_MOVE_UP: st = list_model_move(&p->model, -1, &err); break;
	case ACTION_PAGE_DOWN: st = list_model_page(&p->model, 1, &err); break;
	case ACTION_PAGE_UP: st = list_model_page(&p->model, -1, &err); break;
	case ACTION_HALF_DOWN: st = list_model_move(&p->model, h / 2 > 0 ? h / 2 : 1, &err); break;
	case ACTION_HALF_UP: st = list_model_move(&p->model, -(h / 2 > 0 ? h / 2 : 1), &err); break;
	case ACTION_FIRST: st = list_model_home(&p->model, &err); break;
	case ACTION_LAST: st = list_model_end(&p->model, &err); break;
	default: break;
	}
	report(a, st, &err);
	a->follow_from = (enum pane_id)(p - a->panes);
	a->follow_pending = true;
}

static void follow_now(struct app *a)
{
	if (!a->follow_pending)
		return;
	a->follow_pending = false;
	link_from(a, a->follow_from);
	update_reader(a);
}

static bool is_move(enum tui_action action)
{
	return action == ACTION_MOVE_DOWN || action == ACTION_MOVE_UP || action == ACTION_PAGE_DOWN ||
	       action == ACTION_PAGE_UP || action == ACTION_HALF_DOWN || action == ACTION_HALF_UP ||
	       action == ACTION_FIRST || action == ACTION_LAST;
}

/* Scrolling text (the zoomed reader or the help) instead of a list. */
static bool scroll_text(struct app *a, enum tui_action action)
{
	int h = LINES - 4 > 1 ? LINES - 4 : 1;
	int delta;
	switch (action) {
	case ACTION_MOVE_DOWN: delta = 1; break;
	case ACTION_MOVE_UP: delta = -1; break;
	case ACTION_PAGE_DOWN: delta = h; break;
	case ACTION_PAGE_UP: delta = -h; break;
	case ACTION_HALF_DOWN: delta = h / 2; break;
	case ACTION_HALF_UP: delta = -h / 2; break;
	case ACTION_FIRST: delta = -1000000; break;
	case ACTION_LAST: delta = 1000000; break;
	default: return false;
	}
	if (a->help)
		a->help_scroll += delta;
	else
		reader_scroll(&a->reader, delta, h);
	return true;
}

static void focus_step(struct app *a, int step)
{
	const enum pane_id *ids;
	int n = (int)app_view_panes(a->view, &ids);
	int f = a->focus[a->view] + step;
	if (f >= 0 && f < n) {
		a->focus[a->view] = f;
		update_reader(a);
	}
}

static void enter(struct app *a)
{
	const enum pane_id *ids;
	int n = (int)app_view_panes(a->view, &ids);
	int f = a->focus[a->view];
	enum store_kind kind;
	long long id = app_selected(a, &kind);
	if (!id)
		return;
	if (a->view == VIEW_SEARCH || (a->view == VIEW_DOCUMENTS && f == 1)) {
		app_open_record(a, kind, id);
		return;
	}
	if (f + 1 < n)
		focus_step(a, 1);
	else
		a->zoom = true;
}

static void back(struct app *a)
{
	if (a->help)
		a->help = false;
	else if (a->zoom)
		a->zoom = false;
	else if (a->focus[a->view] > 0)
		focus_step(a, -1);
}

static void switch_view(struct app *a, enum view v)
{
	a->view = v;
	a->zoom = a->help = false;
	ensure_view(a);
}

static void search_step(struct app *a, int step)
{
	if (!a->search.len) {
		app_say(a, false, "no search yet: / searches");
		return;
	}
	if (a->view != VIEW_SEARCH)
		switch_view(a, VIEW_SEARCH);
	struct bb_error err;
	report(a, list_model_move(&a->panes[PANE_HITS].model, step, &err), &err);
	update_reader(a);
}

static void dispatch(struct app *a, enum tui_action action)
{
	/* Anything but another move sees the panes as the selection has them. */
	if (!is_move(action))
		follow_now(a);
	a->message[0] = '\0';
	if ((a->help || a->zoom) && scroll_text(a, action))
		return;
	switch (action) {
	case ACTION_MOVE_DOWN: case ACTION_MOVE_UP: case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP: case ACTION_HALF_DOWN: case ACTION_HALF_UP:
	case ACTION_FIRST: case ACTION_LAST:
		move_in(a, action);
		break;
	case ACTION_NEXT_PANE: focus_step(a, 1); break;
	case ACTION_PREV_PANE: focus_step(a, -1); break;
	case ACTION_ENTER: enter(a); break;
	case ACTION_BACK: back(a); break;
	case ACTION_QUIT:
		if (a->help || a->zoom)
			back(a);
		else
			a->quit = true;
		break;
	case ACTION_VIEW_BROWSE: switch_view(a, VIEW_BROWSE); break;
	case ACTION_VIEW_TASKS: switch_view(a, VIEW_TASKS); break;
	case ACTION_VIEW_DOCUMENTS: switch_view(a, VIEW_DOCUMENTS); break;
	case ACTION_SEARCH: find_search(a); break;
	case ACTION_SEARCH_NEXT: search_step(a, 1); break;
	case ACTION_SEARCH_PREV: search_step(a, -1); break;
	case ACTION_FILTER: find_filter(a); break;
	case ACTION_SORT: find_sort(a); break;
	case ACTION_TOGGLE_DONE: case ACTION_CYCLE_STATUS: case ACTION_SET_OWNER:
	case ACTION_SET_DUE: case ACTION_EDIT_NOTE:
		edit_action(a, action);
		break;
	case ACTION_UNDO: edit_undo(a); break;
	case ACTION_HELP: a->help = !a->help; a->help_scroll = 0; break;
	case ACTION_REDRAW: clearok(curscr, TRUE); break;
	case ACTION_NONE: case ACTION_COUNT: break;
	}
}

/* ---- the loop --------------------------------------------------------------------------- */

/* A paste outside a prompt is dropped whole: its text must not run as
 * keys (an "x" in it would mark an item done). It lasts until its end
 * marker, however slowly that comes, as in readline. */
static bool drop_paste(struct app *a)
{
	struct tui_key key;
	enum input_status st;
	while ((st = input_read(&key, -1)) == INPUT_KEY || st == INPUT_NONE)
		if (st == INPUT_KEY && key.fn && key.code == KEY_PASTE_END) {
			app_say(a, false, "pasted text ignored: paste into a prompt (/ f o d e)");
			return true;
		}
	return false;
}

static void idle(struct app *a)
{
	long long v = store_data_version(a->store);
	if (v != a->data_version)
		app_refresh(a);
}

/* One turn of the loop; false when the loop should end. */
static bool step(struct app *a)
{
	struct tui_key key;
	switch (input_read(&key, a->follow_pending ? FOLLOW_DELAY_MS : IDLE_MS)) {
	case INPUT_STOP:
	case INPUT_GONE:
		return false;
	case INPUT_TIMEOUT:
		if (a->follow_pending)
			follow_now(a);
		else
			idle(a);
		return true;
	case INPUT_NONE:
		return true;
	case INPUT_KEY:
		break;
	}
	if (key.fn && key.code == KEY_RESIZE)
		return true;	/* layout() in app_draw reads the new size */
	if (key.fn && key.code == KEY_PASTE_BEGIN)
		return drop_paste(a);
	enum tui_action action = keymap_action(&a->keys, key);
	/* Too small to show what a key does; quitting needs no screen. */
	if (!a->too_small || action == ACTION_QUIT)
		dispatch(a, action);
	return true;
}

static void run(struct app *a)
{
	app_draw(a);
	while (step(a) && !a->quit && !signals_pending())
		app_draw(a);
}

/* ---- starting and stopping ---------------------------------------------------------------- */

static void today_iso(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* What a crash handler writes to give the terminal back. */
static void prepare_reset(void)
{
	static const char *const caps[] = { "rmcup", "cnorm", "sgr0" };
	struct text_buf b = {0};
	for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
		char *s = tigetstr(caps[i]);
		if (s && s != (char *)-1)
			text_buf_addz(&b, s);
	}
	text_buf_addz(&b, "\033[?2004l\r\n");	/* bracketed paste off */
	signals_install_fatal(b.data);
	text_buf_free(&b);
}

static enum bb_status start(struct app *a, struct bb_error *err)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	/* The cursor is hidden: no need to send it home after each update
	 * (prompts, which show it, ask for it back). */
	leaveok(stdscr, TRUE);
	input_start();
	prepare_reset();
	bool color = a->opt->color && has_colors();
	if (theme_load(&a->theme, bb_default_theme, bb_default_theme_len, color, err) != BB_OK ||
	    keymap_load(&a->keys, bb_default_keys, bb_default_keys_len, err) != BB_OK)
		return BB_ERROR;
	if (a->opt->selection_bar)
		a->theme.selection_bar = true;
	a->painter = (struct painter){ .ascii = a->opt->ascii, .theme = &a->theme };
	today_iso(a->today);
	a->row_ctx = (struct row_context){ .ascii = a->opt->ascii, .today = a->today };
	static const struct pane_ops *const ops[PANE_COUNT] = {
		[PANE_MEETINGS] = &pane_meetings, [PANE_RESOLUTIONS] = &pane_resolutions,
		[PANE_ITEMS] = &pane_items, [PANE_TASKS] = &pane_tasks,
		[PANE_DOCUMENTS] = &pane_documents, [PANE_CITED] = &pane_cited,
		[PANE_HITS] = &pane_hits,
	};
	for (int i = 0; i < PANE_COUNT; i++) {
		struct store_query none = { .list = STORE_LIST_MEETINGS };
		a->panes[i].ops = ops[i];
		list_model_init(&a->panes[i].model, a->store, &none, 10);
	}
	a->filter.sort = STORE_SORT_DUE;
	store_counts(a->store, &a->counts, err);
	a->data_version = store_data_version(a->store);
	app_layout(a);
	ensure_view(a);
	return BB_OK;
}

static void finish(struct app *a)
{
	for (int i = 0; i < PANE_COUNT; i++)
		list_model_free(&a->panes[i].model);
	reader_free(&a->reader);
	find_free(a);
	free(a->document_code);
	text_buf_free(&a->painter.clean);
	text_buf_free(&a->painter.out);
}

void tui_exit(int status)
{
	exit_curses(status);
	exit(status);	/* not reached; curses.h may not say so */
}

int tui_run(struct store *s, const struct tui_options *o)
{
	struct bb_error err = { "" };
	if (terminal_check(&err) != BB_OK) {
		fprintf(stderr, "bienban: %s\n", err.msg);
		return 1;
	}
	signals_install();
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, "bienban: curses cannot start on this terminal\n");
		return 1;
	}
	struct app a = { .store = s, .opt = o };
	enum bb_status st = start(&a, &err);
	if (st == BB_OK)
		run(&a);
	finish(&a);
	input_stop();
	endwin();
	delscreen(screen);
	if (st != BB_OK) {
		fprintf(stderr, "bienban: %s\n", err.msg);
		return 1;
	}
	return 0;
}
