#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pane.h"

const char *row_date(struct row *r, int slot, const char *iso)
{
	int y, m, d;
	if (!iso)
		return "";
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return iso;
	snprintf(r->scratch[slot], sizeof r->scratch[slot], "%02d/%02d/%04d", d, m, y);
	return r->scratch[slot];
}

void row_cell(struct row *r, const char *text, int width, bool right,
	      enum role role)
{
	if (r->count == ROW_CELLS)
		return;
	r->cells[r->count++] = (struct row_cell){ .text = text ? text : "",
						 .width = width, .right = right,
						 .role = role };
}

const char *status_mark(const char *status, bool ascii)
{
	static const struct {
		const char *status, *mark, *ascii;
	} marks[] = {
		{ "open", "\xe2\x97\x8b", "o" },	/* ○ */
		{ "doing", "\xe2\x97\x90", ">" },	/* ◐ */
		{ "done", "\xe2\x97\x8f", "x" },	/* ● */
		{ "dropped", "\xe2\x9c\x95", "-" },	/* ✕ */
	};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (status && !strcmp(status, marks[i].status))
			return ascii ? marks[i].ascii : marks[i].mark;
	return "?";
}

bool task_overdue(const struct store_task *t, const char *today)
{
	return t->due_on && today && strcmp(t->due_on, today) < 0 && t->status &&
	       (!strcmp(t->status, "open") || !strcmp(t->status, "doing"));
}

/* ---- meetings ------------------------------------------------------------ */

static void meeting_row(const struct row_context *c, const struct store_page *page,
			size_t i, struct row *out)
{
	(void)c;
	const struct store_meeting *m = &page->rows.meetings[i];
	row_cell(out, row_date(out, 0, m->held_on), 10, false, ROLE_COLUMN);
	row_cell(out, m->title, 0, false, ROLE_NORMAL);
}

static long long meeting_record(const struct store_page *page, size_t i,
				enum store_kind *kind)
{
	*kind = STORE_KIND_MEETING;
	return page->rows.meetings[i].id;
}

const struct pane_ops pane_meetings = {
	.title = "Meetings",
	.kind = STORE_KIND_MEETING,
	.row = meeting_row,
	.record = meeting_record,
};

/* ---- resolutions ---------------------------------------------------------------- */

static void resolution_row(const struct row_context *c, const struct store_page *page,
			   size_t i, struct row *out)
{
	(void)c;
	const struct store_resolution *r = &page->rows.resolutions[i];
	snprintf(out->scratch[0], sizeof out->scratch[0], "%d", r->seq);
	row_cell(out, out->scratch[0], 2, true, ROLE_COLUMN);
	row_cell(out, r->title, 0, false, ROLE_NORMAL);
}

static void cited_row(const struct row_context *c, const struct store_page *page,
		      size_t i, struct row *out)
{
	const struct store_resolution *r = &page->rows.resolutions[i];
	snprintf(out->scratch[0], sizeof out->scratch[0], "%d", r->seq);
	if (c->wide)
		row_cell(out, r->meeting_title, 22, false, ROLE_COLUMN);
	row_cell(out, out->scratch[0], 2, true, ROLE_COLUMN);
	row_cell(out, r->title, 0, false, ROLE_NORMAL);
}

static long long resolution_record(const struct store_page *page, size_t i,
				   enum store_kind *kind)
{
	*kind = STORE_KIND_RESOLUTION;
	return page->rows.resolutions[i].id;
}

const struct pane_ops pane_resolutions = {
	.title = "Resolutions",
	.kind = STORE_KIND_RESOLUTION,
	.row = resolution_row,
	.record = resolution_record,
};

const struct pane_ops pane_cited = {
	.title = "Cited in",
	.kind = STORE_KIND_RESOLUTION,
	.row = cited_row,
	.record = resolution_record,
};

/* ---- action items ------------------------------------------------------------------ */

static enum role task_role(const struct store_task *t, const char *today)
{
	if (task_overdue(t, today))
		return ROLE_OVERDUE;
	if (t->status && !strcmp(t->status, "done"))
		return ROLE_DONE;
	if (t->status && !strcmp(t->status, "dropped"))
		return ROLE_DROPPED;
	return ROLE_NORMAL;
}

/* The mark column: status, and "!" when overdue, so that meaning never
 * rests on color alone. */
static const char *task_mark(const struct row_context *c, const struct store_task *t,
			     struct row *out, int slot)
{
	snprintf(out->scratch[slot], sizeof out->scratch[slot], "%s%s",
		 status_mark(t->status, c->ascii), task_overdue(t, c->today) ? "!" : "");
	return out->scratch[slot];
}

static void item_row(const struct row_context *c, const struct store_page *page,
		     size_t i, struct row *out)
{
	const struct store_task *t = &page->rows.tasks[i];
	out->role = task_role(t, c->today);
	row_cell(out, task_mark(c, t, out, 0), 2, false, out->role);
	row_cell(out, t->text, 0, false, out->role);
	if (c->wide)
		row_cell(out, row_date(out, 1, t->due_on), 10, false, out->role);
}

static void task_row(const struct row_context *c, const struct store_page *page,
		     size_t i, struct row *out)
{
	const struct store_task *t = &page->rows.tasks[i];
	out->role = task_role(t, c->today);
	row_cell(out, task_mark(c, t, out, 0), 2, false, out->role);
	row_cell(out, row_date(out, 1, t->due_on), 10, false, out->role);
	row_cell(out, t->owner, c->wide ? 22 : 14, false, out->role);
	row_cell(out, t->text, 0, false, out->role);
	if (c->wide)
		row_cell(out, t->meeting_title, 20, false, ROLE_COLUMN);
}

static long long task_record(const struct store_page *page, size_t i,
			     enum store_kind *kind)
{
	*kind = STORE_KIND_TASK;
	return page->rows.tasks[i].id;
}

const struct pane_ops pane_items = {
	.title = "Action items",
	.kind = STORE_KIND_TASK,
	.row = item_row,
	.record = task_record,
};

const struct pane_ops pane_tasks = {
	.title = "Action items",
	.kind = STORE_KIND_TASK,
	.row = task_row,
	.record = task_record,
};

/* ---- documents -------------------------------------------------------------------------- */

/* How often a document is cited, "12×" ("12x" in ASCII): the length of
 * the cited pane beside it. The store counts no further than
 * STORE_CITED_MAX, so a popular document reads "99+×". */
static const char *cited_mark(const struct row_context *c, const struct store_document *d,
			      struct row *out, int slot)
{
	const char *times = c->ascii ? "x" : "\xc3\x97";	/* × */
	if (d->cited > STORE_CITED_MAX)
		snprintf(out->scratch[slot], sizeof out->scratch[slot], "%d+%s",
			 STORE_CITED_MAX, times);
	else
		snprintf(out->scratch[slot], sizeof out->scratch[slot], "%lld%s", d->cited, times);
	return out->scratch[slot];
}

static void document_row(const struct row_context *c, const struct store_page *page,
			 size_t i, struct row *out)
{
	const struct store_document *d = &page->rows.documents[i];
	row_cell(out, d->code, 16, false, ROLE_NORMAL);
	if (c->wide) {
		row_cell(out, d->kind, 12, false, ROLE_COLUMN);
		row_cell(out, row_date(out, 0, d->issued_on), 10, false, ROLE_COLUMN);
	}
	row_cell(out, d->title, 0, false, ROLE_NORMAL);
	row_cell(out, cited_mark(c, d, out, 1), 4, true, ROLE_COLUMN);
}

static long long document_record(const struct store_page *page, size_t i,
				 enum store_kind *kind)
{
	*kind = STORE_KIND_DOCUMENT;
	return page->rows.documents[i].id;
}

const struct pane_ops pane_documents = {
	.title = "Documents",
	.kind = STORE_KIND_DOCUMENT,
	.row = document_row,
	.record = document_record,
};

/* ---- search hits ------------------------------------------------------------------------------ */

static const char *const kind_names[] = {
	[STORE_KIND_MEETING] = "meeting", [STORE_KIND_RESOLUTION] = "resolution",
	[STORE_KIND_DOCUMENT] = "document", [STORE_KIND_TASK] = "action item",
};

static void hit_row(const struct row_context *c, const struct store_page *page,
		    size_t i, struct row *out)
{
	(void)c;
	const struct store_hit *h = &page->rows.hits[i];
	row_cell(out, kind_names[h->kind & 3], 11, false, ROLE_COLUMN);
	row_cell(out, h->title, 0, false, ROLE_NORMAL);
}

static long long hit_record(const struct store_page *page, size_t i,
			    enum store_kind *kind)
{
	*kind = page->rows.hits[i].kind;
	return page->rows.hits[i].id;
}

const struct pane_ops pane_hits = {
	.title = "Search",
	.kind = STORE_KIND_MEETING,
	.row = hit_row,
	.record = hit_record,
};
