#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* Keyset pagination.
 *
 * Every list is ordered by (key, id), where key is an SQL expression that
 * an index covers exactly. A page after the cursor (k, i) is read in two
 * steps, "key = k AND id > i" and then "key > k": SQLite 3.40 bounds a
 * row-value comparison (key, id) > (k, i) by its first column only, and
 * where a key repeats (one owner, tens of thousands of items) that costs
 * ten times more. Never OFFSET.
 *
 * Parameters are numbered the same in every query, so binding is one
 * function: ?1 parent, ?2 status, ?3 owner pattern, ?4 overdue date,
 * ?5 meeting, ?6 document code, ?7 search query, ?8 key, ?9 id, ?10 limit.
 */

struct order {
	const char *key;	/* SQL expression of the sort key */
	const char *collate;	/* "" or " COLLATE vi" */
	bool descending;	/* the list runs from the largest key */
	bool int_key;		/* bind the key as an integer */
	bool unique_key;	/* the key alone orders the rows */
	const char *id;		/* the tie-breaking id column */
};

struct list_sql {
	const char *columns;
	const char *from;
	struct order order;
	/* Set where no index gives the order, so every candidate row must
	 * be read before the first is known: the FROM and WHERE of a query
	 * that picks the page's ids by the order's columns alone (naming
	 * its rows as `from` does, with every filter of the list). The
	 * columns, and their subqueries, are then read for the page's rows
	 * only, not for each candidate. */
	const char *ids_from;
};

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

#define TASK_DUE_KEY "ifnull(a.due_on, '9999-12-31')"

static const char task_columns[] =
	"a.id, (SELECT meeting_id FROM resolution WHERE id = a.resolution_id),"
	" a.resolution_id, a.seq, a.text, a.owner, a.due_on, a.due_text,"
	" a.status, a.note, a.updated_at, a.span_start, a.span_end,"
	" (SELECT m.title FROM resolution r JOIN meeting m ON m.id = r.meeting_id"
	"  WHERE r.id = a.resolution_id),"
	" (SELECT title FROM resolution WHERE id = a.resolution_id)";

static const struct order task_orders[] = {
	[STORE_SORT_DEFAULT] = { .key = TASK_DUE_KEY, .collate = "", .id = "a.id" },
	[STORE_SORT_DUE] = { .key = TASK_DUE_KEY, .collate = "", .id = "a.id" },
	[STORE_SORT_OWNER] = { .key = "ifnull(a.owner, '')", .collate = " COLLATE vi", .id = "a.id" },
	[STORE_SORT_STATUS] = {
		.key = "(CASE a.status WHEN 'open' THEN '0' WHEN 'doing' THEN '1'"
		       " WHEN 'done' THEN '2' ELSE '3' END || " TASK_DUE_KEY ")",
		.collate = "", .id = "a.id" },
	[STORE_SORT_TEXT] = { .key = "a.text", .collate = " COLLATE vi", .id = "a.id" },
};

static struct list_sql list_sql_for(const struct store_query *q)
{
	switch (q->list) {
	case STORE_LIST_MEETINGS:
		return (struct list_sql){
			.columns = "m.id, m.title, m.body, m.session, m.held_on, m.place,"
				   " m.chair, m.summary, m.source",
			.from = "meeting m",
			.order = { .key = "ifnull(m.held_on, '')", .collate = "",
				   .descending = true, .id = "m.id" } };
	case STORE_LIST_RESOLUTIONS:
		return (struct list_sql){
			.columns = "r.id, r.meeting_id, r.seq, r.title, r.text, r.span_start,"
				   " r.span_end, (SELECT group_concat(d.code, char(10))"
				   "  FROM resolution_document rd JOIN document d ON d.id = rd.document_id"
				   "  WHERE rd.resolution_id = r.id),"
				   " (SELECT title FROM meeting WHERE id = r.meeting_id)",
			.from = "resolution r",
			/* Without a parent (a document's resolutions, across
			 * meetings) the newest meeting comes first. */
			.order = q->parent_id
				? (struct order){ .key = "r.seq", .collate = "", .int_key = true, .id = "r.id" }
				: (struct order){ .key = "r.meeting_id", .collate = "", .int_key = true,
						  .descending = true, .id = "r.id" },
			/* No index orders a document's citations by meeting:
			 * they are sorted on (meeting, id), a row lookup each. */
			.ids_from = q->parent_id || !q->document ? NULL
				: "resolution_document rd JOIN resolution r ON r.id = rd.resolution_id"
				  " WHERE rd.document_id = (SELECT id FROM document WHERE code = ?6)" };
	case STORE_LIST_DOCUMENTS:
		return (struct list_sql){
			/* The citations are counted, not listed: a count
			 * reads the document's run of its index and stops
			 * past STORE_CITED_MAX, where the meetings would
			 * cost a resolution lookup per citation. */
			.columns = "d.id, d.code, d.kind, d.issued_on, d.issuer, d.title,"
				   " (SELECT count(*) FROM (SELECT 1 FROM resolution_document"
				   "  WHERE document_id = d.id LIMIT " STRINGIFY(STORE_CITED_MAX) " + 1))",
			.from = "document d",
			.order = { .key = "d.code", .collate = "", .unique_key = true, .id = "d.id" } };
	case STORE_LIST_TASKS:
		return (struct list_sql){
			.columns = task_columns,
			.from = "action_item a",
			/* One resolution's items read in the notice's order
			 * unless a sort is asked for. */
			.order = q->parent_id && q->sort == STORE_SORT_DEFAULT
				? (struct order){ .key = "a.seq", .collate = "", .int_key = true, .id = "a.id" }
				: task_orders[q->sort <= STORE_SORT_TEXT ? q->sort : STORE_SORT_DEFAULT] };
	case STORE_LIST_SEARCH:
		break;
	}
	/* Hits come newest first by rowid (id * 4 + kind): ranking every
	 * match of a common word would cost hundreds of milliseconds. */
	return (struct list_sql){
		.columns = "s.rowid & 3, s.rowid >> 2,"
			   " CASE s.rowid & 3"
			   "  WHEN 0 THEN (SELECT title FROM meeting WHERE id = s.rowid >> 2)"
			   "  WHEN 1 THEN (SELECT title FROM resolution WHERE id = s.rowid >> 2)"
			   "  WHEN 2 THEN (SELECT code || ifnull(' ' || title, '') FROM document WHERE id = s.rowid >> 2)"
			   "  ELSE (SELECT text FROM action_item WHERE id = s.rowid >> 2) END,"
			   " CASE s.rowid & 3"
			   "  WHEN 0 THEN (SELECT trim(ifnull(body, '') || ' ' || ifnull(chair, '') || ' '"
			   "    || ifnull(summary, '')) FROM meeting WHERE id = s.rowid >> 2)"
			   "  WHEN 1 THEN (SELECT text FROM resolution WHERE id = s.rowid >> 2)"
			   "  WHEN 2 THEN (SELECT trim(ifnull(kind, '') || ' ' || ifnull(issuer, ''))"
			   "    FROM document WHERE id = s.rowid >> 2)"
			   "  ELSE (SELECT trim(ifnull(owner, '') || ' ' || ifnull(due_text, '') || ' '"
			   "    || ifnull(note, '')) FROM action_item WHERE id = s.rowid >> 2) END",
		.from = "search s",
		.order = { .key = "s.rowid", .collate = "", .descending = true,
			   .int_key = true, .unique_key = true, .id = "s.rowid" } };
}

/* The WHERE terms that come from the query's filters. */
static void put_filters(struct text_buf *sql, const struct store_query *q)
{
	text_buf_addz(sql, " WHERE 1");
	switch (q->list) {
	case STORE_LIST_RESOLUTIONS:
		if (q->parent_id)
			text_buf_addz(sql, " AND r.meeting_id = ?1");
		if (q->document)
			text_buf_addz(sql, " AND r.id IN (SELECT rd.resolution_id FROM resolution_document rd"
				      " JOIN document d ON d.id = rd.document_id WHERE d.code = ?6)");
		break;
	case STORE_LIST_TASKS:
		if (q->parent_id)
			text_buf_addz(sql, " AND a.resolution_id = ?1");
		if (q->status)
			text_buf_addz(sql, " AND a.status = ?2");
		if (q->owner)
			text_buf_addz(sql, " AND vi_fold(a.owner) LIKE ?3 ESCAPE '\\'");
		if (q->overdue_as_of)
			/* "+" keeps the planner off the status index: the
			 * due-date index gives the order without a sort. */
			text_buf_addz(sql, " AND " TASK_DUE_KEY " < ?4"
				      " AND +a.status IN ('open', 'doing')");
		if (q->meeting_id)
			text_buf_addz(sql, " AND a.resolution_id IN"
				      " (SELECT id FROM resolution WHERE meeting_id = ?5)");
		if (q->document)
			text_buf_addz(sql, " AND a.resolution_id IN"
				      " (SELECT rd.resolution_id FROM resolution_document rd"
				      "  JOIN document d ON d.id = rd.document_id WHERE d.code = ?6)");
		break;
	case STORE_LIST_SEARCH:
		text_buf_addz(sql, " AND search MATCH ?7");
		break;
	case STORE_LIST_MEETINGS:
	case STORE_LIST_DOCUMENTS:
		break;
	}
}

enum step {
	STEP_FIRST,	/* no cursor: from the start */
	STEP_SAME_KEY,	/* key = k, id beyond i */
	STEP_NEXT_KEYS,	/* key beyond k */
};

/* The keyset condition, order and limit of one step. */
static void put_step(struct text_buf *sql, const struct order *o, enum step step, bool up)
{
	const char *cmp = up ? ">" : "<";
	const char *dir = up ? "ASC" : "DESC";
	if (step == STEP_SAME_KEY)
		text_buf_printf(sql, " AND %s%s = ?8 AND %s %s ?9 ORDER BY %s %s",
				o->key, o->collate, o->id, cmp, o->id, dir);
	else if (step == STEP_NEXT_KEYS)
		text_buf_printf(sql, " AND %s%s %s ?8 ORDER BY %s%s %s",
				o->key, o->collate, cmp, o->key, o->collate, dir);
	else
		text_buf_printf(sql, " ORDER BY %s%s %s", o->key, o->collate, dir);
	/* A unique key orders alone (FTS5 sorts by rowid only when the
	 * ORDER BY names nothing else). */
	if (step != STEP_SAME_KEY && !o->unique_key)
		text_buf_printf(sql, ", %s %s", o->id, dir);
	text_buf_addz(sql, " LIMIT ?10");
}

/* Builds the query for one step. `up` is true when the rows are read in
 * increasing key order. */
static char *build_sql(const struct store_query *q, const struct list_sql *l,
		       enum step step, bool up)
{
	const struct order *o = &l->order;
	struct text_buf sql = {0};
	text_buf_printf(&sql, "SELECT %s, %s FROM %s", l->columns, o->key, l->from);
	if (l->ids_from) {
		/* The outer sort orders the page's rows, no more. */
		const char *dir = up ? "ASC" : "DESC";
		text_buf_printf(&sql, " WHERE %s IN (SELECT %s FROM %s", o->id, o->id, l->ids_from);
		put_step(&sql, o, step, up);
		text_buf_printf(&sql, ") ORDER BY %s%s %s, %s %s", o->key, o->collate, dir, o->id, dir);
	} else {
		put_filters(&sql, q);
		put_step(&sql, o, step, up);
	}
	return text_buf_take(&sql, NULL);
}

/* "%folded owner%" for LIKE, with LIKE's own characters escaped. */
static char *owner_pattern(const char *owner)
{
	struct text_buf folded = {0}, pat = {0};
	text_fold(&folded, owner, strlen(owner));
	text_buf_addc(&pat, '%');
	for (size_t i = 0; i < folded.len; i++) {
		char c = folded.data[i];
		if (c == '%' || c == '_' || c == '\\')
			text_buf_addc(&pat, '\\');
		text_buf_addc(&pat, c);
	}
	text_buf_addc(&pat, '%');
	text_buf_free(&folded);
	return text_buf_take(&pat, NULL);
}

struct binding {
	char *owner_pattern;
	char *fts;
};

static void bind_all(sqlite3_stmt *st, const struct store_query *q,
		     const struct binding *b, const struct order *o,
		     const struct store_cursor *from, int limit)
{
	sqlite3_bind_int64(st, 1, q->parent_id);
	store_bind_text(st, 2, q->status);
	store_bind_text(st, 3, b->owner_pattern);
	store_bind_text(st, 4, q->overdue_as_of);
	sqlite3_bind_int64(st, 5, q->meeting_id);
	store_bind_text(st, 6, q->document);
	store_bind_text(st, 7, b->fts);
	if (from && from->has_key) {
		if (o->int_key)
			sqlite3_bind_int64(st, 8, strtoll(from->key, NULL, 10));
		else
			store_bind_text(st, 8, from->key);
		sqlite3_bind_int64(st, 9, from->id);
	}
	sqlite3_bind_int(st, 10, limit);
}

/* ---- reading rows into a page ----------------------------------------- */

static long long col_span(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? -1
		: sqlite3_column_int64(st, col);
}

static void read_meeting(sqlite3_stmt *st, struct store_meeting *m)
{
	m->id = sqlite3_column_int64(st, 0);
	m->title = store_col_text(st, 1);
	m->body = store_col_text(st, 2);
	m->session = store_col_text(st, 3);
	m->held_on = store_col_text(st, 4);
	m->place = store_col_text(st, 5);
	m->chair = store_col_text(st, 6);
	m->summary = store_col_text(st, 7);
	m->source = store_col_text(st, 8);
}

static void read_resolution(sqlite3_stmt *st, struct store_resolution *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->meeting_id = sqlite3_column_int64(st, 1);
	r->seq = sqlite3_column_int(st, 2);
	r->title = store_col_text(st, 3);
	r->text = store_col_text(st, 4);
	r->span_start = col_span(st, 5);
	r->span_end = col_span(st, 6);
	r->documents = store_col_text(st, 7);
	r->meeting_title = store_col_text(st, 8);
}

static void read_document(sqlite3_stmt *st, struct store_document *d)
{
	d->id = sqlite3_column_int64(st, 0);
	d->code = store_col_text(st, 1);
	d->kind = store_col_text(st, 2);
	d->issued_on = store_col_text(st, 3);
	d->issuer = store_col_text(st, 4);
	d->title = store_col_text(st, 5);
	d->cited = sqlite3_column_int64(st, 6);
}

static void read_task(sqlite3_stmt *st, struct store_task *t)
{
	t->id = sqlite3_column_int64(st, 0);
	t->meeting_id = sqlite3_column_int64(st, 1);
	t->resolution_id = sqlite3_column_int64(st, 2);
	t->seq = sqlite3_column_int(st, 3);
	t->text = store_col_text(st, 4);
	t->owner = store_col_text(st, 5);
	t->due_on = store_col_text(st, 6);
	t->due_text = store_col_text(st, 7);
	t->status = store_col_text(st, 8);
	t->note = store_col_text(st, 9);
	t->updated_at = store_col_text(st, 10);
	t->span_start = col_span(st, 11);
	t->span_end = col_span(st, 12);
	t->meeting_title = store_col_text(st, 13);
	t->resolution_title = store_col_text(st, 14);
}

static void read_hit(sqlite3_stmt *st, struct store_hit *h)
{
	h->kind = (enum store_kind)sqlite3_column_int(st, 0);
	h->id = sqlite3_column_int64(st, 1);
	h->title = store_col_text(st, 2);
	h->text = store_col_text(st, 3);
}

static size_t row_size(enum store_list list)
{
	switch (list) {
	case STORE_LIST_MEETINGS: return sizeof(struct store_meeting);
	case STORE_LIST_RESOLUTIONS: return sizeof(struct store_resolution);
	case STORE_LIST_DOCUMENTS: return sizeof(struct store_document);
	case STORE_LIST_TASKS: return sizeof(struct store_task);
	case STORE_LIST_SEARCH: break;
	}
	return sizeof(struct store_hit);
}

static void read_row(sqlite3_stmt *st, struct store_page *p, size_t i)
{
	switch (p->list) {
	case STORE_LIST_MEETINGS: read_meeting(st, &p->rows.meetings[i]); break;
	case STORE_LIST_RESOLUTIONS: read_resolution(st, &p->rows.resolutions[i]); break;
	case STORE_LIST_DOCUMENTS: read_document(st, &p->rows.documents[i]); break;
	case STORE_LIST_TASKS: read_task(st, &p->rows.tasks[i]); break;
	case STORE_LIST_SEARCH: read_hit(st, &p->rows.hits[i]); break;
	}
	int key_col = sqlite3_column_count(st) - 1;
	p->keys[i].has_key = true;
	p->keys[i].key = store_col_text(st, key_col);
	if (!p->keys[i].key)
		p->keys[i].key = strdup("");
	/* The id is the first column everywhere but search, where the rowid
	 * itself is the key. */
	p->keys[i].id = p->list == STORE_LIST_SEARCH
		? sqlite3_column_int64(st, key_col) : sqlite3_column_int64(st, 0);
}

static struct store_page *page_new(enum store_list list, int limit)
{
	struct store_page *p = calloc(1, sizeof *p);
	void *rows = calloc((size_t)limit, row_size(list));
	p->keys = calloc((size_t)limit, sizeof *p->keys);
	if (!p || !rows || !p->keys)
		abort();
	p->list = list;
	p->rows.meetings = rows;	/* the union's members share storage */
	return p;
}

/* Runs one step, appending up to `limit - p->count` rows. */
static enum bb_status run_step(struct store *s, const struct store_query *q,
			       const struct list_sql *l, const struct binding *b,
			       enum step step, bool up,
			       const struct store_cursor *from, int limit,
			       struct store_page *p, struct bb_error *err)
{
	/* Kept prepared: a keypress reads a page or two, and parsing the
	 * query took as long as running it. */
	char *sql = build_sql(q, l, step, up);
	sqlite3_stmt *st = store_prepare_cached(s, sql, err);
	free(sql);
	if (!st)
		return BB_ERROR;
	bind_all(st, q, b, &l->order, from, limit - (int)p->count);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, p, p->count++);
	enum bb_status status = BB_OK;
	if (rc != SQLITE_DONE)
		status = q->list == STORE_LIST_SEARCH && (rc & 0xff) == SQLITE_ERROR
			? bb_fail(err, BB_ERROR, "search failed: %s", sqlite3_errmsg(s->db))
			: store_sql_fail(s, err, "reading a list");
	store_release(s, st);
	return status;
}

enum bb_status store_page(struct store *s, const struct store_query *q,
			  const struct store_cursor *from, enum store_dir dir,
			  int limit, struct store_page **out,
			  struct bb_error *err)
{
	*out = NULL;
	if (limit < 1)
		limit = 1;
	struct list_sql l = list_sql_for(q);
	struct binding b = {0};
	if (q->list == STORE_LIST_TASKS && q->owner)
		b.owner_pattern = owner_pattern(q->owner);
	if (q->list == STORE_LIST_SEARCH) {
		b.fts = store_fts_query(q->search ? q->search : "");
		if (!b.fts) {	/* no words: no hits, and no FTS5 call */
			*out = page_new(q->list, limit);
			return BB_OK;
		}
	}
	bool up = (dir == STORE_FORWARD) != l.order.descending;
	struct store_page *p = page_new(q->list, limit);
	enum bb_status status;
	if (!from || !from->has_key) {
		status = run_step(s, q, &l, &b, STEP_FIRST, up, from, limit, p, err);
	} else {
		status = BB_OK;
		if (!l.order.unique_key)
			status = run_step(s, q, &l, &b, STEP_SAME_KEY, up, from, limit, p, err);
		if (status == BB_OK && (int)p->count < limit)
			status = run_step(s, q, &l, &b, STEP_NEXT_KEYS, up, from, limit, p, err);
	}
	free(b.owner_pattern);
	free(b.fts);
	if (status != BB_OK) {
		store_page_free(p);
		return status;
	}
	*out = p;
	return BB_OK;
}

void store_page_reverse(struct store_page *p)
{
	if (p->count < 2)
		return;
	size_t size = row_size(p->list);
	char *rows = (char *)p->rows.meetings, tmp[sizeof(struct store_task) > sizeof(struct store_hit)
					      ? sizeof(struct store_task) : sizeof(struct store_hit)];
	_Static_assert(sizeof(struct store_task) >= sizeof(struct store_meeting) &&
		       sizeof(struct store_task) >= sizeof(struct store_resolution) &&
		       sizeof(struct store_task) >= sizeof(struct store_document),
		       "the swap buffer holds any row");
	for (size_t i = 0, j = p->count - 1; i < j; i++, j--) {
		memcpy(tmp, rows + i * size, size);
		memcpy(rows + i * size, rows + j * size, size);
		memcpy(rows + j * size, tmp, size);
		struct store_cursor k = p->keys[i];
		p->keys[i] = p->keys[j];
		p->keys[j] = k;
	}
}

enum bb_status store_cursor_of(struct store *s, const struct store_query *q,
			       long long id, struct store_cursor *out,
			       struct bb_error *err)
{
	store_cursor_clear(out);
	struct list_sql l = list_sql_for(q);
	struct binding b = {0};
	if (q->list == STORE_LIST_TASKS && q->owner)
		b.owner_pattern = owner_pattern(q->owner);
	if (q->list == STORE_LIST_SEARCH && !(b.fts = store_fts_query(q->search ? q->search : "")))
		return bb_fail(err, BB_NOT_FOUND, "no such row in this list");
	struct text_buf sql = {0};
	text_buf_printf(&sql, "SELECT %s FROM %s", l.order.key, l.from);
	put_filters(&sql, q);
	text_buf_printf(&sql, " AND %s = ?9", l.order.id);
	sqlite3_stmt *st = store_prepare_cached(s, sql.data, err);
	text_buf_free(&sql);
	enum bb_status status = BB_ERROR;
	if (st) {
		bind_all(st, q, &b, &l.order, NULL, 1);
		sqlite3_bind_int64(st, 9, id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			out->has_key = true;
			out->key = store_col_text(st, 0);
			out->id = id;
			status = BB_OK;
		} else {
			status = rc == SQLITE_DONE ? bb_fail(err, BB_NOT_FOUND, "no such row in this list")
				: store_sql_fail(s, err, "finding a row");
		}
		store_release(s, st);
	}
	free(b.owner_pattern);
	free(b.fts);
	return status;
}

/* ---- freeing ---------------------------------------------------------------- */

void store_row_free_fields(enum store_list list, void *row)
{
	switch (list) {
	case STORE_LIST_MEETINGS: {
		struct store_meeting *m = row;
		free(m->title); free(m->body); free(m->session); free(m->held_on);
		free(m->place); free(m->chair); free(m->summary); free(m->source);
		break;
	}
	case STORE_LIST_RESOLUTIONS: {
		struct store_resolution *r = row;
		free(r->title); free(r->text); free(r->documents); free(r->meeting_title);
		break;
	}
	case STORE_LIST_DOCUMENTS: {
		struct store_document *d = row;
		free(d->code); free(d->kind); free(d->issued_on); free(d->issuer);
		free(d->title); free(d->meetings);
		break;
	}
	case STORE_LIST_TASKS: {
		struct store_task *t = row;
		free(t->text); free(t->owner); free(t->due_on); free(t->due_text);
		free(t->status); free(t->note); free(t->updated_at); free(t->meeting_title);
		free(t->resolution_title);
		break;
	}
	case STORE_LIST_SEARCH: {
		struct store_hit *h = row;
		free(h->title);
		free(h->text);
		break;
	}
	}
}

void store_page_free(struct store_page *p)
{
	if (!p)
		return;
	size_t size = row_size(p->list);
	for (size_t i = 0; i < p->count; i++) {
		store_row_free_fields(p->list, (char *)p->rows.meetings + i * size);
		free(p->keys[i].key);
	}
	free(p->rows.meetings);
	free(p->keys);
	free(p);
}

void store_cursor_copy(struct store_cursor *dst, const struct store_cursor *src)
{
	store_cursor_clear(dst);
	dst->has_key = src->has_key;
	dst->id = src->id;
	if (src->key && !(dst->key = strdup(src->key)))
		abort();
}

void store_cursor_clear(struct store_cursor *c)
{
	free(c->key);
	*c = (struct store_cursor){0};
}

/* ---- one row by id (records.c builds on it) ----------------------------------- */

enum bb_status store_get_row(struct store *s, enum store_list list, long long id,
			     void *out, const char *what, struct bb_error *err)
{
	struct store_query q = { .list = list };
	struct list_sql l = list_sql_for(&q);
	struct text_buf sql = {0};
	text_buf_printf(&sql, "SELECT %s, %s FROM %s WHERE %s = ?1", l.columns, l.order.key,
			l.from, l.order.id);
	sqlite3_stmt *st = store_prepare_cached(s, sql.data, err);
	text_buf_free(&sql);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum bb_status status = BB_OK;
	if (rc == SQLITE_ROW) {
		struct store_page *p = page_new(list, 1);
		read_row(st, p, p->count++);
		memcpy(out, p->rows.meetings, row_size(list));	/* the fields move to out */
		free(p->keys[0].key);
		free(p->rows.meetings);
		free(p->keys);
		free(p);
	} else if (rc == SQLITE_DONE) {
		status = bb_fail(err, BB_NOT_FOUND, "no %s with id %lld", what, id);
	} else {
		status = store_sql_fail(s, err, "reading a record");
	}
	store_release(s, st);
	return status;
}

/* ---- query plans, for the tests that keep every list an index scan -------- */

char *store_page_plan(struct store *s, const struct store_query *q,
		      bool from_cursor, enum store_dir dir)
{
	struct list_sql l = list_sql_for(q);
	bool up = (dir == STORE_FORWARD) != l.order.descending;
	struct text_buf plan = {0};
	enum step steps[2] = { STEP_FIRST, STEP_FIRST };
	size_t nsteps = 1;
	if (from_cursor) {
		steps[0] = l.order.unique_key ? STEP_NEXT_KEYS : STEP_SAME_KEY;
		steps[1] = STEP_NEXT_KEYS;
		nsteps = l.order.unique_key ? 1 : 2;
	}
	for (size_t k = 0; k < nsteps; k++) {
		char *sql = build_sql(q, &l, steps[k], up);
		struct text_buf explain = {0};
		text_buf_printf(&explain, "EXPLAIN QUERY PLAN %s", sql);
		free(sql);
		sqlite3_stmt *st = store_prepare(s, explain.data, NULL);
		text_buf_free(&explain);
		if (!st)
			continue;
		/* Nested steps (subqueries in the column list run once per
		 * row of the page) are indented. */
		while (sqlite3_step(st) == SQLITE_ROW)
			text_buf_printf(&plan, "%s%s\n", sqlite3_column_int(st, 1) ? "  " : "",
					(const char *)sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
		text_buf_addz(&plan, "--\n");
	}
	return text_buf_take(&plan, NULL);
}
