#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "reader.h"

void reader_free(struct reader *r)
{
	text_buf_free(&r->text);
	text_buf_free(&r->clean);
	free(r->lines);
	memset(r, 0, sizeof *r);
}

static void field(struct text_buf *b, const char *label, const char *value)
{
	if (value && *value)
		text_buf_printf(b, "%s: %s\n", label, value);
}

static void iso_to_vn(char out[16], const char *iso)
{
	int y, m, d;
	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(out, 16, "%02d/%02d/%04d", d, m, y);
	else
		snprintf(out, 16, "%s", iso ? iso : "");
}

/* The paragraph of the meeting's source text that holds [start, end):
 * where a record came from, as the notice put it. */
static void source_paragraph(struct text_buf *b, struct store *s,
			     long long meeting_id, long long start, long long end)
{
	char *text;
	size_t len;
	if (start < 0 || end < start ||
	    store_meeting_source(s, meeting_id, &text, &len, NULL) != BB_OK || !text)
		return;
	size_t from = (size_t)start < len ? (size_t)start : len;
	size_t to = (size_t)end < len ? (size_t)end : len;
	while (from > 0 && text[from - 1] != '\n')
		from--;
	while (to < len && text[to] != '\n')
		to++;
	text_buf_addz(b, "\nSource:\n");
	text_buf_add(b, text + from, to - from);
	text_buf_addc(b, '\n');
	free(text);
}

static void show_meeting(struct text_buf *b, struct store *s, long long id)
{
	struct store_meeting *m;
	if (store_meeting_get(s, id, &m, NULL) != BB_OK)
		return;
	char date[16];
	iso_to_vn(date, m->held_on);
	text_buf_printf(b, "%s\n", m->title);
	field(b, "Body", m->body);
	field(b, "Held on", date);
	field(b, "Session", m->session);
	field(b, "Place", m->place);
	field(b, "Chair", m->chair);
	field(b, "Source", m->source);
	char *text;
	size_t len;
	if (store_meeting_source(s, id, &text, &len, NULL) == BB_OK && text) {
		text_buf_addc(b, '\n');
		text_buf_add(b, text, len);
		free(text);
	} else if (m->summary) {
		text_buf_printf(b, "\n%s\n", m->summary);
	}
	store_meeting_free(m);
}

static void show_resolution(struct text_buf *b, struct store *s, long long id)
{
	struct store_resolution *r;
	if (store_resolution_get(s, id, &r, NULL) != BB_OK)
		return;
	text_buf_printf(b, "%d. %s\n", r->seq, r->title);
	field(b, "Meeting", r->meeting_title);
	if (r->documents) {
		text_buf_addz(b, "Documents: ");
		for (const char *p = r->documents; *p; p++)
			if (*p == '\n')
				text_buf_addz(b, ", ");
			else
				text_buf_addc(b, *p);
		text_buf_addc(b, '\n');
	}
	if (r->text)
		text_buf_printf(b, "\n%s\n", r->text);
	store_resolution_free(r);
}

static void show_document(struct text_buf *b, struct store *s, long long id)
{
	struct store_document *d;
	if (store_document_get(s, id, &d, NULL) != BB_OK)
		return;
	char date[16];
	iso_to_vn(date, d->issued_on);
	text_buf_printf(b, "%s%s%s\n", d->kind ? d->kind : "", d->kind ? " " : "", d->code);
	field(b, "Issued on", date);
	field(b, "Issuer", d->issuer);
	field(b, "About", d->title);
	field(b, "Meetings", d->meetings);
	store_document_free(d);
}

static void show_task(struct text_buf *b, struct store *s, long long id,
		      const char *today)
{
	struct store_task *t;
	if (store_task_get(s, id, &t, NULL) != BB_OK)
		return;
	char due[16];
	iso_to_vn(due, t->due_on);
	text_buf_printf(b, "Action item %lld · %s%s\n", t->id, t->status,
			task_overdue(t, today) ? " · OVERDUE" : "");
	field(b, "Owner", t->owner);
	if (t->due_on || t->due_text)
		text_buf_printf(b, "Due: %s%s%s%s\n", due, t->due_text ? " (" : "",
				t->due_text ? t->due_text : "", t->due_text ? ")" : "");
	field(b, "Meeting", t->meeting_title);
	field(b, "Resolution", t->resolution_title);
	text_buf_printf(b, "\n%s\n", t->text);
	if (t->note)
		text_buf_printf(b, "\nNote: %s\n", t->note);
	source_paragraph(b, s, t->meeting_id, t->span_start, t->span_end);
	store_task_free(t);
}

void reader_show(struct reader *r, struct store *s, enum store_kind kind,
		 long long id, const char *today)
{
	bool same = r->valid && r->kind == kind && r->id == id;
	text_buf_clear(&r->text);
	r->kind = kind;
	r->id = id;
	r->valid = id != 0;
	r->width = 0;	/* wrap again at the next draw */
	if (!same)
		r->scroll = 0;
	if (!id)
		return;
	switch (kind) {
	case STORE_KIND_MEETING: show_meeting(&r->text, s, id); break;
	case STORE_KIND_RESOLUTION: show_resolution(&r->text, s, id); break;
	case STORE_KIND_DOCUMENT: show_document(&r->text, s, id); break;
	case STORE_KIND_TASK: show_task(&r->text, s, id, today); break;
	}
	text_buf_clear(&r->clean);
	text_sanitize(&r->clean, r->text.data ? r->text.data : "", r->text.len, TEXT_KEEP_NEWLINES);
}

static void wrap(struct reader *r, int width)
{
	if (r->width == width)
		return;
	free(r->lines);
	r->lines = NULL;
	r->nlines = text_wrap(r->clean.data ? r->clean.data : "", r->clean.len, width, &r->lines);
	r->width = width;
}

void reader_scroll(struct reader *r, int delta, int height)
{
	long top = (long)r->scroll + delta;
	long max = (long)r->nlines - height;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	r->scroll = (int)top;
}

void reader_draw(struct painter *p, struct reader *r, int y, int x, int h,
		 int w, bool focused, const char *highlight)
{
	paint_box(p, stdscr, y, x, h, w, &(struct box_title){ .name = "Reader" }, focused);
	int rows = h - 2, width = w - 4;
	if (rows <= 0 || width <= 0)
		return;
	wrap(r, width);
	reader_scroll(r, 0, rows);
	for (int i = 0; i < rows; i++) {
		size_t n = (size_t)r->scroll + (size_t)i;
		int row_y = y + 1 + i;
		paint_blank(stdscr, row_y, x + 1, 1, p->theme->attr[ROLE_NORMAL]);
		paint_blank(stdscr, row_y, x + w - 2, 1, p->theme->attr[ROLE_NORMAL]);
		if (n >= r->nlines) {
			paint_blank(stdscr, row_y, x + 2, width, p->theme->attr[ROLE_NORMAL]);
			continue;
		}
		const struct text_line *l = &r->lines[n];
		char *line = strndup(r->clean.data + l->start, l->len);
		if (!line)
			abort();
		attr_t attr = p->theme->attr[n == 0 ? ROLE_HEADER : ROLE_NORMAL];
		paint_text(p, stdscr, row_y, x + 2, width, line, attr, highlight, false);
		free(line);
	}
}
