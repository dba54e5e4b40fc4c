#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "prompt.h"

void find_free(struct app *a)
{
	text_buf_free(&a->search);
	text_buf_free(&a->search_folded);
	free(a->filter.owner);
	free(a->filter.document);
}

/* ---- search ---------------------------------------------------------------- */

static void set_search(struct app *a, const char *words)
{
	text_buf_clear(&a->search);
	text_buf_addz(&a->search, words);
	text_buf_clear(&a->search_folded);
	text_fold(&a->search_folded, words, strlen(words));
	text_buf_addz(&a->search_folded, "");
}

static void redraw(void *ctx)
{
	app_draw(ctx);
}

/* Results follow the typing. */
static void search_changed(void *ctx, const char *text)
{
	struct app *a = ctx;
	set_search(a, text);
	app_reload(a, PANE_HITS);
}

void find_search(struct app *a)
{
	enum view before = a->view;
	char *old = strdup(a->search.data ? a->search.data : "");
	if (!old)
		abort();
	a->view = VIEW_SEARCH;
	a->zoom = a->help = false;
	struct prompt_io io = { .redraw = redraw, .changed = search_changed, .ctx = a };
	struct text_buf words = {0};
	if (prompt_read(&a->painter, "/", "", &io, &words)) {
		set_search(a, words.data);
		app_reload(a, PANE_HITS);
		if (!a->panes[PANE_HITS].model.count)
			app_say(a, false, "nothing found for \"%s\"", words.data);
	} else {
		/* Esc: as it was before the slash. */
		set_search(a, old);
		app_reload(a, PANE_HITS);
		a->view = before;
	}
	text_buf_free(&words);
	free(old);
}

/* ---- the tasks view's filter and sort ----------------------------------------- */

static const char *const sort_names[] = {
	[STORE_SORT_DEFAULT] = "due", [STORE_SORT_DUE] = "due", [STORE_SORT_OWNER] = "owner",
	[STORE_SORT_STATUS] = "status", [STORE_SORT_TEXT] = "text",
};

void find_filter_describe(const struct app *a, struct text_buf *out)
{
	const struct task_filter *f = &a->filter;
	if (f->status[0])
		text_buf_printf(out, " status:%s", f->status);
	if (f->owner)
		text_buf_printf(out, " owner:%s", f->owner);
	if (f->overdue)
		text_buf_addz(out, " overdue");
	if (f->meeting_id)
		text_buf_printf(out, " meeting:%lld", f->meeting_id);
	if (f->document)
		text_buf_printf(out, " doc:%s", f->document);
	if (f->sort != STORE_SORT_DUE && f->sort != STORE_SORT_DEFAULT)
		text_buf_printf(out, " sort:%s", sort_names[f->sort]);
}

static bool valid_status(const char *s)
{
	return !strcmp(s, "open") || !strcmp(s, "doing") || !strcmp(s, "done") ||
	       !strcmp(s, "dropped");
}

static bool known_key(const char *word, const char **value, const char *key)
{
	size_t n = strlen(key);
	if (strncmp(word, key, n))
		return false;
	*value = word + n;
	return true;
}

/* Reads "status:open owner:Sở Tài chính overdue meeting:3 doc:27-NQ/TW".
 * Words after owner: belong to the owner until the next key. */
static bool parse_filter(const char *text, struct task_filter *f, char *why, size_t whylen)
{
	char *copy = strdup(text), *save = NULL;
	struct text_buf owner = {0};
	bool in_owner = false, ok = true;
	if (!copy)
		abort();
	for (char *w = strtok_r(copy, " ", &save); w && ok; w = strtok_r(NULL, " ", &save)) {
		const char *v;
		if (known_key(w, &v, "status:")) {
			ok = valid_status(v);
			if (ok)
				snprintf(f->status, sizeof f->status, "%s", v);
			else
				snprintf(why, whylen, "status is open, doing, done or dropped");
			in_owner = false;
		} else if (known_key(w, &v, "owner:")) {
			text_buf_addz(&owner, v);
			in_owner = true;
		} else if (!strcmp(w, "overdue")) {
			f->overdue = true;
			in_owner = false;
		} else if (known_key(w, &v, "meeting:")) {
			char *end;
			f->meeting_id = strtoll(v, &end, 10);
			ok = *v && !*end && f->meeting_id > 0;
			if (!ok)
				snprintf(why, whylen, "meeting: takes a meeting number");
			in_owner = false;
		} else if (known_key(w, &v, "doc:")) {
			free(f->document);
			f->document = strdup(v);
			in_owner = false;
		} else if (in_owner) {
			text_buf_printf(&owner, " %s", w);
		} else {
			ok = false;
			snprintf(why, whylen, "unknown filter \"%s\" (status: owner: overdue meeting: doc:)", w);
		}
	}
	if (owner.len)
		f->owner = text_buf_take(&owner, NULL);
	text_buf_free(&owner);
	free(copy);
	return ok;
}

static void clear_filter(struct task_filter *f)
{
	free(f->owner);
	free(f->document);
	enum store_sort sort = f->sort;
	memset(f, 0, sizeof *f);
	f->sort = sort;
}

void find_apply_filter(struct app *a)
{
	a->view = VIEW_TASKS;
	a->zoom = a->help = false;
	app_reload(a, PANE_TASKS);
}

void find_filter(struct app *a)
{
	struct text_buf now = {0}, typed = {0};
	find_filter_describe(a, &now);
	struct prompt_io io = { .redraw = redraw, .ctx = a };
	const char *initial = now.len ? now.data + 1 : "";
	if (prompt_read(&a->painter, "Filter: ", initial, &io, &typed)) {
		struct task_filter f = { .sort = a->filter.sort };
		char why[160] = "";
		if (parse_filter(typed.data, &f, why, sizeof why)) {
			clear_filter(&a->filter);
			a->filter = f;
			find_apply_filter(a);
		} else {
			clear_filter(&f);
			app_say(a, true, "%s", why);
		}
	}
	text_buf_free(&now);
	text_buf_free(&typed);
}

void find_sort(struct app *a)
{
	static const enum store_sort next[] = {
		[STORE_SORT_DEFAULT] = STORE_SORT_OWNER, [STORE_SORT_DUE] = STORE_SORT_OWNER,
		[STORE_SORT_OWNER] = STORE_SORT_STATUS, [STORE_SORT_STATUS] = STORE_SORT_TEXT,
		[STORE_SORT_TEXT] = STORE_SORT_DUE,
	};
	a->filter.sort = next[a->filter.sort];
	find_apply_filter(a);
	app_say(a, false, "action items sorted by %s", sort_names[a->filter.sort]);
}
