#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "internal.h"
#include "store.h"

#define EXPORT_PAGE 500

/* ---- walking the records ------------------------------------------------ */

/* The CSV and Markdown exports visit every meeting (oldest first would
 * need another index; newest first is how the interface shows them),
 * each one's resolutions and each resolution's action items. */
struct visitor {
	void (*meeting)(struct visitor *v, const struct store_meeting *m);
	void (*resolution)(struct visitor *v, const struct store_meeting *m,
			   const struct store_resolution *r);
	void (*task)(struct visitor *v, const struct store_meeting *m,
		     const struct store_resolution *r, const struct store_task *t);
	FILE *f;
	bool inert;		/* sanitize text: the output is a terminal */
	const char *heading;	/* written before the first record */
	struct text_buf buf;
};

/* The heading goes out with the first record (or at a good end), so an
 * export that fails at once prints nothing. */
static void put_heading(struct visitor *v)
{
	if (v->heading)
		fputs(v->heading, v->f);
	v->heading = NULL;
}

typedef enum bb_status (*page_fn)(struct store *s, struct visitor *v,
				  const struct store_page *p, void *ctx,
				  struct bb_error *err);

static enum bb_status each_page(struct store *s, const struct store_query *q,
				struct visitor *v, page_fn fn, void *ctx,
				struct bb_error *err)
{
	struct store_cursor at = {0};
	enum bb_status status = BB_OK;
	for (bool more = true; more && status == BB_OK;) {
		struct store_page *p;
		if ((status = store_page(s, q, &at, STORE_FORWARD, EXPORT_PAGE, &p, err)) != BB_OK)
			break;
		status = fn(s, v, p, ctx, err);
		more = p->count == EXPORT_PAGE;
		if (more)
			store_cursor_copy(&at, &p->keys[p->count - 1]);
		store_page_free(p);
	}
	store_cursor_clear(&at);
	return status;
}

struct where {
	const struct store_meeting *m;
	const struct store_resolution *r;
};

static enum bb_status task_page(struct store *s, struct visitor *v,
				const struct store_page *p, void *ctx,
				struct bb_error *err)
{
	(void)s;
	(void)err;
	struct where *w = ctx;
	for (size_t i = 0; i < p->count; i++)
		v->task(v, w->m, w->r, &p->rows.tasks[i]);
	return BB_OK;
}

static enum bb_status resolution_page(struct store *s, struct visitor *v,
				      const struct store_page *p, void *ctx,
				      struct bb_error *err)
{
	struct where *w = ctx;
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < p->count && status == BB_OK; i++) {
		w->r = &p->rows.resolutions[i];
		if (v->resolution)
			v->resolution(v, w->m, w->r);
		struct store_query q = { .list = STORE_LIST_TASKS, .parent_id = w->r->id };
		status = each_page(s, &q, v, task_page, w, err);
	}
	return status;
}

static enum bb_status meeting_page(struct store *s, struct visitor *v,
				   const struct store_page *p, void *ctx,
				   struct bb_error *err)
{
	(void)ctx;
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < p->count && status == BB_OK; i++) {
		struct where w = { .m = &p->rows.meetings[i] };
		if (v->meeting)
			v->meeting(v, w.m);
		struct store_query q = { .list = STORE_LIST_RESOLUTIONS, .parent_id = w.m->id };
		status = each_page(s, &q, v, resolution_page, &w, err);
	}
	return status;
}

/* ---- CSV: the same columns `bienban import` reads ---------------------------- */

/* A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a
 * formula. Such a cell is written with a leading apostrophe, as is one
 * that already starts with apostrophes before such a character, so the
 * importer can take exactly one apostrophe off and get the value back.
 * A line feed is guarded too: the reader turns a CR inside quotes into a
 * LF (bienban stores LF line ends), so "'\r…" comes back as "'\n…" and
 * must lose its apostrophe all the same, and a value's own leading line
 * feed would otherwise be trimmed away on import. */
static bool needs_formula_guard(const char *s)
{
	while (*s == '\'')
		s++;
	return *s && strchr("=+-@\t\r\n", *s);
}

static void csv_cell(struct visitor *v, const char *s, bool last)
{
	struct text_buf *b = &v->buf;
	text_buf_clear(b);
	if (s && v->inert)
		text_sanitize(b, s, strlen(s), TEXT_KEEP_NEWLINES);
	else if (s)
		text_buf_addz(b, s);
	const char *cell = b->data ? b->data : "";
	bool guard = needs_formula_guard(cell);
	bool quote = guard || strpbrk(cell, ",\"\r\n") || (*cell == ' ');
	if (quote)
		fputc('"', v->f);
	if (guard)
		fputc('\'', v->f);
	for (const char *p = cell; *p; p++) {
		if (*p == '"')
			fputc('"', v->f);
		fputc(*p, v->f);
	}
	if (quote)
		fputc('"', v->f);
	fputs(last ? "\r\n" : ",", v->f);
}

static void csv_task(struct visitor *v, const struct store_meeting *m,
		     const struct store_resolution *r, const struct store_task *t)
{
	put_heading(v);
	csv_cell(v, m->title, false);
	csv_cell(v, r->title, false);
	csv_cell(v, t->text, false);
	csv_cell(v, t->owner, false);
	csv_cell(v, t->due_text ? t->due_text : t->due_on, false);
	csv_cell(v, t->status, false);
	csv_cell(v, t->note, true);
}

/* ---- Markdown: a report a person reads ------------------------------------------ */

/* Text for Markdown: one line, sanitized, with the characters that would
 * start markup escaped. */
static void md_text(struct visitor *v, const char *s)
{
	if (!s)
		return;
	struct text_buf *b = &v->buf;
	text_buf_clear(b);
	text_sanitize(b, s, strlen(s), TEXT_SINGLE_LINE);
	for (size_t i = 0; i < b->len; i++) {
		char c = b->data[i];
		if (strchr("\\`*_[]<>#|", c))
			fputc('\\', v->f);
		fputc(c, v->f);
	}
}

static void md_meeting(struct visitor *v, const struct store_meeting *m)
{
	put_heading(v);
	fputs("\n# ", v->f);
	md_text(v, m->title);
	if (m->body) {
		fputs(" — ", v->f);
		md_text(v, m->body);
	}
	fputs("\n\n", v->f);
	const char *labels[] = { "Held on", "Place", "Chair", "Source" };
	const char *values[] = { m->held_on, m->place, m->chair, m->source };
	for (size_t i = 0; i < 4; i++) {
		if (!values[i])
			continue;
		fprintf(v->f, "- %s: ", labels[i]);
		md_text(v, values[i]);
		fputc('\n', v->f);
	}
}

static void md_resolution(struct visitor *v, const struct store_meeting *m,
			  const struct store_resolution *r)
{
	(void)m;
	fprintf(v->f, "\n## %d. ", r->seq);
	md_text(v, r->title);
	fputs("\n\n", v->f);
	if (r->documents) {
		/* Codes are one per line; one line of them reads better. */
		char *codes = strdup(r->documents);
		if (!codes)
			abort();
		for (char *p = codes; *p; p++)
			if (*p == '\n')
				*p = ' ';
		fputs("Documents: ", v->f);
		md_text(v, codes);
		fputs("\n\n", v->f);
		free(codes);
	}
}

static void md_task(struct visitor *v, const struct store_meeting *m,
		    const struct store_resolution *r, const struct store_task *t)
{
	(void)m;
	(void)r;
	bool done = t->status && !strcmp(t->status, "done");
	fprintf(v->f, "- [%c] ", done ? 'x' : ' ');
	md_text(v, t->text);
	fputs(" — ", v->f);
	if (t->owner) {
		fputs("owner: ", v->f);
		md_text(v, t->owner);
		fputs("; ", v->f);
	}
	if (t->due_on || t->due_text) {
		fputs("due: ", v->f);
		md_text(v, t->due_on ? t->due_on : t->due_text);
		if (t->due_on && t->due_text) {
			fputs(" (", v->f);
			md_text(v, t->due_text);
			fputc(')', v->f);
		}
		fputs("; ", v->f);
	}
	fprintf(v->f, "status: %s\n", t->status ? t->status : "open");
}

/* ---- the command ---------------------------------------------------------------- */

static int export_usage(void)
{
	cli_error("usage: bienban export [--format json|csv|md]");
	return CLI_EXIT_USAGE;
}

int cli_export(const struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ 0 },
	};
	const char *format = "json";
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f')
			return export_usage();
		format = optarg;
	}
	if (optind != argc || (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "md")))
		return export_usage();

	struct bb_error err;
	struct store *s;
	if (cli_open_db(env, false, &s, &err) != BB_OK) {
		cli_error(err.msg);
		return CLI_EXIT_ERROR;
	}
	enum bb_status status;
	if (!strcmp(format, "json")) {
		status = store_export_json(s, stdout, &err);
	} else {
		struct visitor v = { .f = stdout, .inert = isatty(STDOUT_FILENO) };
		if (!strcmp(format, "csv")) {
			v.heading = "meeting,resolution,text,owner,due,status,note\r\n";
			v.task = csv_task;
		} else {
			v.heading = "# bienban export\n";
			v.meeting = md_meeting;
			v.resolution = md_resolution;
			v.task = md_task;
		}
		struct store_query q = { .list = STORE_LIST_MEETINGS };
		status = each_page(s, &q, &v, meeting_page, NULL, &err);
		if (status == BB_OK)
			put_heading(&v);
		text_buf_free(&v.buf);
	}
	store_close(s);
	if (fflush(stdout) != 0 && status == BB_OK)
		status = bb_fail(&err, BB_ERROR, "writing the export failed");
	if (status != BB_OK)
		cli_error(err.msg);
	return cli_exit_for(status);
}
