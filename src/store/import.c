#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "internal.h"
#include "text.h"

/* Runs a prepared insert and returns the new row's id (0 on failure). */
static long long insert_row(struct store *s, sqlite3_stmt *st,
			    struct bb_error *err, enum bb_status *status)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*status = store_sql_fail(s, err, "importing");
		return 0;
	}
	*status = BB_OK;
	return sqlite3_last_insert_rowid(s->db);
}

static long long existing_meeting(struct store *s, const char *hash)
{
	sqlite3_stmt *st = store_prepare_cached(s, "SELECT id FROM meeting WHERE source_hash = ?1", NULL);
	long long id = 0;
	if (st) {
		store_bind_text(st, 1, hash);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		store_release(s, st);
	}
	return id;
}

/* ?1 to ?5: the document's code, kind, date, issuer and title. */
static void bind_document(sqlite3_stmt *st, const struct notice_document *d)
{
	store_bind_text(st, 1, d->code);
	store_bind_text(st, 2, d->kind);
	store_bind_text(st, 3, d->issued_on);
	store_bind_text(st, 4, d->issuer);
	store_bind_text(st, 5, d->title);
}

/* A document already known: its id, and whether d names a field it
 * lacks (which only then is written). 0 when the code is new. */
static long long known_document(struct store *s, const struct notice_document *d,
				bool *adds, struct bb_error *err, enum bb_status *status)
{
	sqlite3_stmt *st = store_prepare_cached(s,
		"SELECT id, (kind IS NULL AND ?2 IS NOT NULL) OR (issued_on IS NULL AND ?3 IS NOT NULL)"
		"  OR (issuer IS NULL AND ?4 IS NOT NULL) OR (title IS NULL AND ?5 IS NOT NULL)"
		" FROM document WHERE code = ?1", err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	bind_document(st, d);
	long long id = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*adds = sqlite3_column_int(st, 1);
	}
	*status = rc == SQLITE_ROW || rc == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "importing a document");
	store_release(s, st);
	return id;
}

/* Adds a document by code, or fills in what is not yet known of it, and
 * returns its id. A document cited again with nothing new (the common
 * case) is not written: no update, no trigger, no search entries taken
 * out and put back. */
static long long put_document(struct store *s, const struct notice_document *d,
			      struct bb_error *err, enum bb_status *status)
{
	bool adds = false;
	long long known = known_document(s, d, &adds, err, status);
	if (*status != BB_OK || (known && !adds))
		return known;
	/* In a batch its search entries come out first (see deferred.c). */
	if (known && (*status = store_defer_touch(s, STORE_KIND_DOCUMENT, known, err)) != BB_OK)
		return 0;
	sqlite3_stmt *st = store_prepare_cached(s,
		"INSERT INTO document(code, kind, issued_on, issuer, title)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET"
		"  kind = ifnull(document.kind, excluded.kind),"
		"  issued_on = ifnull(document.issued_on, excluded.issued_on),"
		"  issuer = ifnull(document.issuer, excluded.issuer),"
		"  title = ifnull(document.title, excluded.title)"
		" RETURNING id", err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	bind_document(st, d);
	long long id = 0;
	*status = store_step_id(st, &id) == SQLITE_DONE && id ? BB_OK
		: store_sql_fail(s, err, "importing a document");
	store_release(s, st);
	return id;
}

/* Statements count more than rows here: FTS5 writes its pending terms
 * out at the end of every statement run inside a transaction (each has
 * a savepoint of its own), so a notice's action items go in as one
 * multi-row INSERT, and its document links as another. */
#define ROWS_PER_INSERT 256

/* "HEAD VALUES ROW, ROW, …" with n rows; malloc'd. */
static char *values_sql(const char *head, const char *row, size_t n)
{
	struct text_buf b = {0};
	text_buf_addz(&b, head);
	for (size_t i = 0; i < n; i++) {
		text_buf_addz(&b, i ? ", " : " VALUES ");
		text_buf_addz(&b, row);
	}
	return text_buf_take(&b, NULL);
}

/* Runs "HEAD VALUES ROW, …" for rows [from, to) of a list, bind(st, i,
 * first parameter) binding row i. */
static enum bb_status insert_rows(struct store *s, const char *head, const char *row,
				  int params, size_t from, size_t to,
				  void (*bind)(sqlite3_stmt *, size_t, int, const void *),
				  const void *ctx, struct bb_error *err)
{
	char *sql = values_sql(head, row, to - from);
	sqlite3_stmt *st = store_prepare_cached(s, sql, err);
	free(sql);
	if (!st)
		return BB_ERROR;
	for (size_t i = from; i < to; i++)
		bind(st, i, 1 + (int)(i - from) * params, ctx);
	enum bb_status status;
	insert_row(s, st, err, &status);
	store_release(s, st);
	return status;
}

static enum bb_status insert_all(struct store *s, const char *head, const char *row,
				 int params, size_t count,
				 void (*bind)(sqlite3_stmt *, size_t, int, const void *),
				 const void *ctx, struct bb_error *err)
{
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < count && status == BB_OK; i += ROWS_PER_INSERT) {
		size_t end = count - i > ROWS_PER_INSERT ? i + ROWS_PER_INSERT : count;
		status = insert_rows(s, head, row, params, i, end, bind, ctx, err);
	}
	return status;
}

/* An action item with the id of its resolution, or a document link. */
struct pending {
	long long resolution_id;
	const struct notice_task *task;
	long long document_id;
};

static void bind_task(sqlite3_stmt *st, size_t i, int p, const void *ctx)
{
	const struct pending *row = (const struct pending *)ctx + i;
	const struct notice_task *t = row->task;
	sqlite3_bind_int64(st, p, row->resolution_id);
	sqlite3_bind_int(st, p + 1, t->seq);
	store_bind_text(st, p + 2, t->text);
	store_bind_text(st, p + 3, t->owner);
	store_bind_text(st, p + 4, t->due_on);
	store_bind_text(st, p + 5, t->due_text);
	sqlite3_bind_int64(st, p + 6, (long long)t->span_start);
	sqlite3_bind_int64(st, p + 7, (long long)t->span_end);
}

static void bind_link(sqlite3_stmt *st, size_t i, int p, const void *ctx)
{
	const struct pending *row = (const struct pending *)ctx + i;
	sqlite3_bind_int64(st, p, row->resolution_id);
	sqlite3_bind_int64(st, p + 1, row->document_id);
}

/* The action items and document links of every resolution, once the
 * resolutions (and so their ids) are in. */
static enum bb_status put_tasks_and_links(struct store *s, const struct notice *n,
					  const long long *res_ids, const long long *doc_ids,
					  struct bb_error *err)
{
	size_t ntasks = 0, nlinks = 0;
	for (size_t r = 0; r < n->nresolutions; r++) {
		ntasks += n->resolutions[r].ntasks;
		nlinks += n->resolutions[r].ndocuments;
	}
	struct pending *tasks = calloc(ntasks + 1, sizeof *tasks);
	struct pending *links = calloc(nlinks + 1, sizeof *links);
	if (!tasks || !links)
		abort();
	size_t t = 0, l = 0;
	for (size_t r = 0; r < n->nresolutions; r++) {
		const struct notice_resolution *res = &n->resolutions[r];
		for (size_t i = 0; i < res->ntasks; i++)
			tasks[t++] = (struct pending){ .resolution_id = res_ids[r], .task = &res->tasks[i] };
		for (size_t i = 0; i < res->ndocuments; i++)
			links[l++] = (struct pending){ .resolution_id = res_ids[r],
						       .document_id = doc_ids[res->documents[i]] };
	}
	enum bb_status status = insert_all(s, "INSERT OR IGNORE INTO resolution_document", "(?, ?)",
					   2, nlinks, bind_link, links, err);
	if (status == BB_OK)
		status = insert_all(s, "INSERT INTO action_item(resolution_id, seq, text, owner, due_on,"
				    " due_text, status, span_start, span_end, updated_at)",
				    "(?, ?, ?, ?, ?, ?, 'open', ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
				    8, ntasks, bind_task, tasks, err);
	free(tasks);
	free(links);
	return status;
}

struct resolutions_of {
	const struct notice *n;
	long long meeting_id;
};

static void bind_resolution(sqlite3_stmt *st, size_t i, int p, const void *ctx)
{
	const struct resolutions_of *of = ctx;
	const struct notice_resolution *r = &of->n->resolutions[i];
	sqlite3_bind_int64(st, p, of->meeting_id);
	sqlite3_bind_int(st, p + 1, r->seq);
	store_bind_text(st, p + 2, r->title);
	store_bind_text(st, p + 3, r->text);
	sqlite3_bind_int64(st, p + 4, (long long)r->span_start);
	sqlite3_bind_int64(st, p + 5, (long long)r->span_end);
}

/* The ids the meeting's resolutions got, in the notice's order: rowids
 * are handed out in increasing order as rows go in. Checked against the
 * sequence numbers all the same, so that nothing is ever linked to the
 * wrong resolution. */
static enum bb_status resolution_ids(struct store *s, long long meeting_id,
				     const struct notice *n, long long *ids,
				     struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare_cached(s,
		"SELECT id, seq FROM resolution WHERE meeting_id = ?1 ORDER BY id", err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, meeting_id);
	size_t i = 0;
	bool in_order = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		in_order = in_order && i < n->nresolutions && sqlite3_column_int(st, 1) == n->resolutions[i].seq;
		if (i < n->nresolutions)
			ids[i] = sqlite3_column_int64(st, 0);
		i++;
	}
	store_release(s, st);
	if (!in_order || i != n->nresolutions)
		return bb_fail(err, BB_ERROR, "%s: importing: the resolutions did not go in in order", s->path);
	return BB_OK;
}

static enum bb_status put_resolutions(struct store *s, long long meeting_id,
				      const struct notice *n, const long long *doc_ids,
				      struct bb_error *err)
{
	long long *ids = calloc(n->nresolutions + 1, sizeof *ids);
	if (!ids)
		abort();
	struct resolutions_of of = { .n = n, .meeting_id = meeting_id };
	enum bb_status status = insert_all(s, "INSERT INTO resolution(meeting_id, seq, title, text,"
					   " span_start, span_end)", "(?, ?, ?, ?, ?, ?)", 6,
					   n->nresolutions, bind_resolution, &of, err);
	if (status == BB_OK)
		status = resolution_ids(s, meeting_id, n, ids, err);
	if (status == BB_OK)
		status = put_tasks_and_links(s, n, ids, doc_ids, err);
	free(ids);
	return status;
}

static long long put_meeting(struct store *s, const struct notice *n,
			     const char *source, const char *hash,
			     struct bb_error *err, enum bb_status *status)
{
	sqlite3_stmt *st = store_prepare_cached(s,
		"INSERT INTO meeting(title, body, session, held_on, place, chair, summary,"
		" source, source_text, source_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	store_bind_text(st, 1, n->title);
	store_bind_text(st, 2, n->body);
	store_bind_text(st, 3, n->session);
	store_bind_text(st, 4, n->held_on);
	store_bind_text(st, 5, n->place);
	store_bind_text(st, 6, n->chair);
	store_bind_text(st, 7, n->summary);
	store_bind_text(st, 8, source);
	sqlite3_bind_text(st, 9, n->source_text, (int)n->source_len, SQLITE_STATIC);
	store_bind_text(st, 10, hash);
	long long id = insert_row(s, st, err, status);
	store_release(s, st);
	return id;
}

enum bb_status store_import_notice(struct store *s, const struct notice *n,
				   const char *source, long long *meeting_id,
				   struct bb_error *err)
{
	char hash[65];
	store_sha256_hex(n->source_text, n->source_len, hash);
	*meeting_id = existing_meeting(s, hash);
	if (*meeting_id)
		return bb_fail(err, BB_DUPLICATE, "%s: already imported (meeting %lld)",
			       source, *meeting_id);
	enum bb_status status = store_begin(s, err);
	if (status != BB_OK)
		return status;
	long long *doc_ids = calloc(n->ndocuments + 1, sizeof *doc_ids);
	if (!doc_ids)
		abort();
	for (size_t i = 0; i < n->ndocuments && status == BB_OK; i++)
		doc_ids[i] = put_document(s, &n->documents[i], err, &status);
	if (status == BB_OK)
		*meeting_id = put_meeting(s, n, source, hash, err, &status);
	if (status == BB_OK)
		status = put_resolutions(s, *meeting_id, n, doc_ids, err);
	free(doc_ids);
	if (status == BB_OK)
		status = store_commit(s, err);
	if (status != BB_OK) {
		store_rollback(s);
		*meeting_id = 0;
	}
	return status;
}

/* ---- action-item tables ---------------------------------------------------- */

/* Runs a query that yields at most one id (a lookup, or an INSERT …
 * RETURNING id), binding ?1 = parent, ?2 = text, ?3 = extra. 0 when no
 * row came back. */
static long long find_id(struct store *s, const char *sql, long long parent,
			 const char *text, const char *extra,
			 struct bb_error *err, enum bb_status *status)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	/* Binding a parameter the query does not use is harmless. */
	sqlite3_bind_int64(st, 1, parent);
	store_bind_text(st, 2, text);
	store_bind_text(st, 3, extra);
	long long id = 0;
	*status = store_step_id(st, &id) == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "importing");
	sqlite3_finalize(st);
	return id;
}

static long long meeting_for(struct store *s, const char *title,
			     const char *source, struct bb_error *err,
			     enum bb_status *status)
{
	long long id = find_id(s, "SELECT id FROM meeting WHERE title = ?2"
			       " ORDER BY id LIMIT 1", 0, title, NULL, err, status);
	if (id || *status != BB_OK)
		return id;
	/* A meeting made for a table has no notice text to hash; its hash
	 * stands for "the table meeting with this title", so that a JSON
	 * export read back into the same database recognises it. */
	struct text_buf key = {0};
	text_buf_printf(&key, "table\n%s", title);
	char hash[65];
	store_sha256_hex(key.data, key.len, hash);
	text_buf_free(&key);
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO meeting(title, source, source_hash)"
					 " VALUES (?1, ?2, ?3) RETURNING id", err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	store_bind_text(st, 1, title);
	store_bind_text(st, 2, source);
	store_bind_text(st, 3, hash);
	*status = store_step_id(st, &id) == SQLITE_DONE ? BB_OK : store_sql_fail(s, err, "importing");
	sqlite3_finalize(st);
	return id;
}

static long long resolution_for(struct store *s, long long meeting_id,
				const char *title, struct bb_error *err,
				enum bb_status *status)
{
	long long id = find_id(s, "SELECT id FROM resolution WHERE meeting_id = ?1 AND title = ?2"
			       " ORDER BY id LIMIT 1", meeting_id, title, NULL, err, status);
	if (id || *status != BB_OK)
		return id;
	return find_id(s, "INSERT INTO resolution(meeting_id, seq, title) VALUES (?1,"
		       " (SELECT ifnull(max(seq), 0) + 1 FROM resolution WHERE meeting_id = ?1), ?2)"
		       " RETURNING id", meeting_id, title, NULL, err, status);
}

/* Adds one row unless the resolution already has an item with this text
 * (so importing the same table twice adds nothing). Returns 1 if added. */
static int put_csv_task(struct store *s, long long resolution_id,
			const struct csv_task *t, struct bb_error *err,
			enum bb_status *status)
{
	if (find_id(s, "SELECT id FROM action_item WHERE resolution_id = ?1 AND text = ?2",
		    resolution_id, t->text, NULL, err, status) || *status != BB_OK)
		return 0;
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO action_item(resolution_id, seq, text, owner, due_on, due_text,"
		" status, note, updated_at) VALUES (?1,"
		" (SELECT ifnull(max(seq), 0) + 1 FROM action_item WHERE resolution_id = ?1),"
		" ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", err);
	if (!st) {
		*status = BB_ERROR;
		return 0;
	}
	sqlite3_bind_int64(st, 1, resolution_id);
	store_bind_text(st, 2, t->text);
	store_bind_text(st, 3, t->owner);
	store_bind_text(st, 4, t->due_on);
	store_bind_text(st, 5, t->due_text);
	store_bind_text(st, 6, t->status ? t->status : "open");
	store_bind_text(st, 7, t->note);
	insert_row(s, st, err, status);
	sqlite3_finalize(st);
	return *status == BB_OK;
}

enum bb_status store_import_tasks(struct store *s, const struct csv_tasks *t,
				  const char *source, size_t *imported,
				  struct bb_error *err)
{
	*imported = 0;
	enum bb_status status = store_begin(s, err);
	if (status != BB_OK)
		return status;
	for (size_t i = 0; i < t->count && status == BB_OK; i++) {
		const struct csv_task *row = &t->rows[i];
		long long m = meeting_for(s, row->meeting, source, err, &status);
		long long r = status == BB_OK ? resolution_for(s, m, row->resolution, err, &status) : 0;
		if (status == BB_OK)
			*imported += (size_t)put_csv_task(s, r, row, err, &status);
		if (status != BB_OK && err) {
			struct bb_error inner = *err;
			bb_fail(err, status, "%s:%zu: %s", source, row->line, inner.msg);
		}
	}
	if (status == BB_OK)
		status = store_commit(s, err);
	if (status != BB_OK) {
		store_rollback(s);
		*imported = 0;
		return status;
	}
	if (*imported == 0 && t->count > 0)
		return bb_fail(err, BB_DUPLICATE, "%s: already imported (every row is present)", source);
	return BB_OK;
}
