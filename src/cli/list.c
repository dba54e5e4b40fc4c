#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "store.h"

/* Rows are read a page at a time, so listing a million items needs the
 * memory of one page. */
#define CLI_PAGE 500

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const struct cli_column meeting_cols[] = {
	{ "id", CLI_COL_INT, 6, false, true },
	{ "title", CLI_COL_TEXT, 24, true, false },
	{ "body", CLI_COL_TEXT, 0, false, false },
	{ "session", CLI_COL_TEXT, 7, false, false },
	{ "held_on", CLI_COL_TEXT, 10, false, false },
	{ "place", CLI_COL_TEXT, 0, false, false },
	{ "chair", CLI_COL_TEXT, 18, false, false },
	{ "source", CLI_COL_TEXT, 0, false, false },
};

static const struct cli_column resolution_cols[] = {
	{ "id", CLI_COL_INT, 6, false, true },
	{ "meeting_id", CLI_COL_INT, 10, false, true },
	{ "seq", CLI_COL_INT, 3, false, true },
	{ "title", CLI_COL_TEXT, 24, true, false },
	{ "documents", CLI_COL_LIST, 20, false, false },
};

static const struct cli_column document_cols[] = {
	{ "id", CLI_COL_INT, 6, false, true },
	{ "code", CLI_COL_TEXT, 14, false, false },
	{ "kind", CLI_COL_TEXT, 12, false, false },
	{ "issued_on", CLI_COL_TEXT, 10, false, false },
	{ "title", CLI_COL_TEXT, 20, true, false },
	{ "meetings", CLI_COL_INT_LIST, 10, false, false },
};

static const struct cli_column task_cols[] = {
	{ "id", CLI_COL_INT, 6, false, true },
	{ "meeting_id", CLI_COL_INT, 0, false, true },
	{ "resolution_id", CLI_COL_INT, 0, false, true },
	{ "seq", CLI_COL_INT, 0, false, true },
	{ "text", CLI_COL_TEXT, 24, true, false },
	{ "owner", CLI_COL_TEXT, 20, false, false },
	{ "due_on", CLI_COL_TEXT, 10, false, false },
	{ "due_text", CLI_COL_TEXT, 0, false, false },
	{ "status", CLI_COL_TEXT, 7, false, false },
};

static const struct cli_column hit_cols[] = {
	{ "kind", CLI_COL_TEXT, 10, false, false },
	{ "id", CLI_COL_INT, 6, false, true },
	{ "title", CLI_COL_TEXT, 32, false, false },
	{ "snippet", CLI_COL_TEXT, 20, true, false },
};

/* Integers as text for the writer; one buffer per column. */
struct num {
	char s[4][24];
};

static const char *num(struct num *n, int slot, long long v)
{
	snprintf(n->s[slot], sizeof n->s[slot], "%lld", v);
	return n->s[slot];
}

static void put_row(struct cli_out *o, const struct store_page *p, size_t i,
		    const char *snippet)
{
	struct num n;
	switch (p->list) {
	case STORE_LIST_MEETINGS: {
		const struct store_meeting *m = &p->rows.meetings[i];
		const char *v[] = { num(&n, 0, m->id), m->title, m->body, m->session,
				    m->held_on, m->place, m->chair, m->source };
		cli_out_row(o, v);
		break;
	}
	case STORE_LIST_RESOLUTIONS: {
		const struct store_resolution *r = &p->rows.resolutions[i];
		const char *v[] = { num(&n, 0, r->id), num(&n, 1, r->meeting_id),
				    num(&n, 2, r->seq), r->title, r->documents };
		cli_out_row(o, v);
		break;
	}
	case STORE_LIST_DOCUMENTS: {
		const struct store_document *d = &p->rows.documents[i];
		const char *v[] = { num(&n, 0, d->id), d->code, d->kind, d->issued_on,
				    d->title, d->meetings };
		cli_out_row(o, v);
		break;
	}
	case STORE_LIST_TASKS: {
		const struct store_task *t = &p->rows.tasks[i];
		const char *v[] = { num(&n, 0, t->id), num(&n, 1, t->meeting_id),
				    num(&n, 2, t->resolution_id), num(&n, 3, t->seq),
				    t->text, t->owner, t->due_on, t->due_text, t->status };
		cli_out_row(o, v);
		break;
	}
	case STORE_LIST_SEARCH: {
		static const char *const kinds[] = { "meeting", "resolution", "document", "task" };
		const struct store_hit *h = &p->rows.hits[i];
		const char *v[] = { kinds[h->kind & 3], num(&n, 0, h->id), h->title, snippet };
		cli_out_row(o, v);
		break;
	}
	}
}

/* A documents page counts each document's citations; the output
 * promises the meetings, which are read here, one document at a time. */
static enum bb_status add_meetings(struct store *s, struct store_page *p,
				   struct bb_error *err)
{
	if (p->list != STORE_LIST_DOCUMENTS)
		return BB_OK;
	for (size_t i = 0; i < p->count; i++) {
		struct store_document *d = &p->rows.documents[i];
		enum bb_status status = store_document_meetings(s, d->id, &d->meetings, err);
		if (status != BB_OK)
			return status;
	}
	return BB_OK;
}

/* Writes every row of a query, page after page. */
typedef char *(*snippet_fn)(const struct store_hit *h, const char *query);

static enum bb_status stream(struct store *s, const struct store_query *q,
			     struct cli_out *o, snippet_fn snip,
			     struct bb_error *err)
{
	struct store_cursor at = {0};
	enum bb_status status = BB_OK;
	for (;;) {
		struct store_page *p;
		status = store_page(s, q, &at, STORE_FORWARD, CLI_PAGE, &p, err);
		if (status != BB_OK)
			break;
		if ((status = add_meetings(s, p, err)) != BB_OK) {
			store_page_free(p);
			break;
		}
		for (size_t i = 0; i < p->count; i++) {
			char *snippet = snip ? snip(&p->rows.hits[i], q->search) : NULL;
			put_row(o, p, i, snippet);
			free(snippet);
		}
		bool more = p->count == CLI_PAGE;
		if (more)
			store_cursor_copy(&at, &p->keys[p->count - 1]);
		store_page_free(p);
		if (!more)
			break;
	}
	store_cursor_clear(&at);
	return status;
}

/* Every resolution: the meetings in order, each one's resolutions. */
static enum bb_status stream_all_resolutions(struct store *s, struct cli_out *o,
					     struct bb_error *err)
{
	struct store_query mq = { .list = STORE_LIST_MEETINGS };
	struct store_cursor at = {0};
	enum bb_status status = BB_OK;
	for (bool more = true; more && status == BB_OK;) {
		struct store_page *p;
		if ((status = store_page(s, &mq, &at, STORE_FORWARD, CLI_PAGE, &p, err)) != BB_OK)
			break;
		for (size_t i = 0; i < p->count && status == BB_OK; i++) {
			struct store_query rq = { .list = STORE_LIST_RESOLUTIONS,
						  .parent_id = p->rows.meetings[i].id };
			status = stream(s, &rq, o, NULL, err);
		}
		more = p->count == CLI_PAGE;
		if (more)
			store_cursor_copy(&at, &p->keys[p->count - 1]);
		store_page_free(p);
	}
	store_cursor_clear(&at);
	return status;
}

static void today_iso(char buf[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

static bool parse_sort(const char *s, enum store_sort *out)
{
	static const char *const names[] = {
		[STORE_SORT_DUE] = "due", [STORE_SORT_OWNER] = "owner",
		[STORE_SORT_STATUS] = "status", [STORE_SORT_TEXT] = "text",
	};
	for (size_t i = STORE_SORT_DUE; i < COUNT(names); i++)
		if (!strcmp(s, names[i])) {
			*out = (enum store_sort)i;
			return true;
		}
	return false;
}

static bool parse_id(const char *s, long long *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0)
		return false;
	*out = v;
	return true;
}

struct list_args {
	struct store_query q;
	enum cli_format format;
	char today[11];
	const char *what;
};

static int list_usage(const char *why)
{
	cli_errorf("%s (usage: bienban list meetings|resolutions|documents|tasks"
		   " [--status S] [--owner TEXT] [--overdue[=DATE]] [--meeting ID]"
		   " [--resolution ID] [--document CODE] [--sort due|owner|status|text]"
		   " [--format table|tsv|json])", why);
	return CLI_EXIT_USAGE;
}

static int parse_list_args(int argc, char **argv, struct list_args *a)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "owner", required_argument, NULL, 'o' },
		{ "overdue", optional_argument, NULL, 'O' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "resolution", required_argument, NULL, 'r' },
		{ "document", required_argument, NULL, 'd' },
		{ "sort", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'f' },
		{ 0 },
	};
	struct text_date d;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (strcmp(optarg, "open") && strcmp(optarg, "doing") &&
			    strcmp(optarg, "done") && strcmp(optarg, "dropped"))
				return list_usage("--status takes open, doing, done or dropped");
			a->q.status = optarg;
			break;
		case 'o': a->q.owner = optarg; break;
		case 'O':
			if (optarg && !text_date_parse(optarg, strlen(optarg), &d))
				return list_usage("--overdue takes a date such as 2023-06-30");
			if (optarg)
				text_date_iso(&d, a->today);
			else
				today_iso(a->today);
			a->q.overdue_as_of = a->today;
			break;
		case 'm':
			if (!parse_id(optarg, &a->q.meeting_id))
				return list_usage("--meeting takes a meeting id");
			break;
		case 'r':
			if (!parse_id(optarg, &a->q.parent_id))
				return list_usage("--resolution takes a resolution id");
			break;
		case 'd': a->q.document = optarg; break;
		case 'S':
			if (!parse_sort(optarg, &a->q.sort))
				return list_usage("--sort takes due, owner, status or text");
			break;
		case 'f':
			if (!cli_format_parse(optarg, &a->format))
				return list_usage("--format takes table, tsv or json");
			break;
		default:
			return list_usage("unknown option");
		}
	}
	if (optind >= argc)
		return list_usage("what to list?");
	a->what = argv[optind];
	if (optind + 1 < argc)
		return list_usage("too many arguments");
	return CLI_EXIT_OK;
}

/* The first of the filters and the sort that are set, or NULL. */
static const char *task_filter(const struct store_query *q)
{
	if (q->status)
		return "--status";
	if (q->owner)
		return "--owner";
	if (q->overdue_as_of)
		return "--overdue";
	if (q->meeting_id)
		return "--meeting";
	if (q->document)
		return "--document";
	if (q->sort != STORE_SORT_DEFAULT)
		return "--sort";
	return NULL;
}

/* The option given that this list has no use for, or NULL. Only tasks
 * are filtered and sorted; resolutions take --meeting and --document.
 * A filter ignored in silence would print rows the user asked to leave
 * out. */
static const char *misplaced_filter(const struct store_query *q)
{
	if (q->list == STORE_LIST_TASKS)
		return NULL;
	if (q->parent_id)
		return "--resolution";
	struct store_query rest = *q;
	if (q->list == STORE_LIST_RESOLUTIONS) {
		rest.meeting_id = 0;
		rest.document = NULL;
	}
	return task_filter(&rest);
}

int cli_list(const struct cli_env *env, int argc, char **argv)
{
	struct list_args a = { .format = CLI_FORMAT_TABLE };
	int rc = parse_list_args(argc, argv, &a);
	if (rc != CLI_EXIT_OK)
		return rc;
	const struct cli_column *cols;
	size_t ncols;
	if (!strcmp(a.what, "meetings")) {
		a.q.list = STORE_LIST_MEETINGS, cols = meeting_cols, ncols = COUNT(meeting_cols);
	} else if (!strcmp(a.what, "resolutions")) {
		a.q.list = STORE_LIST_RESOLUTIONS, cols = resolution_cols, ncols = COUNT(resolution_cols);
	} else if (!strcmp(a.what, "documents")) {
		a.q.list = STORE_LIST_DOCUMENTS, cols = document_cols, ncols = COUNT(document_cols);
	} else if (!strcmp(a.what, "tasks")) {
		a.q.list = STORE_LIST_TASKS, cols = task_cols, ncols = COUNT(task_cols);
	} else {
		return list_usage("list meetings, resolutions, documents or tasks");
	}
	const char *misplaced = misplaced_filter(&a.q);
	if (misplaced) {
		cli_errorf("%s does not apply to \"list %s\" (filters are for tasks;"
			   " resolutions take --meeting and --document)", misplaced, a.what);
		return CLI_EXIT_USAGE;
	}
	if (a.q.list == STORE_LIST_RESOLUTIONS)
		a.q.parent_id = a.q.meeting_id;

	struct bb_error err;
	struct store *s;
	if (cli_open_db(env, false, &s, &err) != BB_OK) {
		cli_error(err.msg);
		return CLI_EXIT_ERROR;
	}
	struct cli_out o;
	cli_out_begin(&o, stdout, a.format, cols, ncols, env->ascii);
	enum bb_status status = a.q.list == STORE_LIST_RESOLUTIONS && !a.q.parent_id && !a.q.document
		? stream_all_resolutions(s, &o, &err)
		: stream(s, &a.q, &o, NULL, &err);
	cli_out_end(&o, status == BB_OK);
	store_close(s);
	if (status != BB_OK)
		cli_error(err.msg);
	return cli_exit_for(status);
}

/* ---- search ------------------------------------------------------------------ */

/* A short excerpt of the hit around the first place a query word occurs
 * (diacritics and case aside): in its text if the words are there, else
 * in its title. */
static char *hit_snippet(const struct store_hit *h, const char *query)
{
	struct text_range where;
	const char *t = h->text;
	if (!t || !*t || !text_snippet(t, strlen(t), query, strlen(query), 80, &where)) {
		t = h->title ? h->title : "";
		text_snippet(t, strlen(t), query, strlen(query), 80, &where);
	}
	return strndup(t + where.start, where.end - where.start);
}

int cli_search(const struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ 0 },
	};
	enum cli_format format = CLI_FORMAT_TABLE;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f' || !cli_format_parse(optarg, &format)) {
			cli_error("usage: bienban search [--format table|tsv|json] QUERY");
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("usage: bienban search [--format table|tsv|json] QUERY");
		return CLI_EXIT_USAGE;
	}
	struct text_buf words = {0};
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			text_buf_addc(&words, ' ');
		text_buf_addz(&words, argv[i]);
	}
	struct bb_error err;
	struct store *s;
	if (cli_open_db(env, false, &s, &err) != BB_OK) {
		cli_error(err.msg);
		text_buf_free(&words);
		return CLI_EXIT_ERROR;
	}
	struct store_query q = { .list = STORE_LIST_SEARCH, .search = words.data };
	struct cli_out o;
	cli_out_begin(&o, stdout, format, hit_cols, COUNT(hit_cols), env->ascii);
	enum bb_status status = stream(s, &q, &o, hit_snippet, &err);
	cli_out_end(&o, status == BB_OK);
	store_close(s);
	text_buf_free(&words);
	if (status != BB_OK)
		cli_error(err.msg);
	return cli_exit_for(status);
}
