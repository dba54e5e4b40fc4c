#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* The search index and the counts, written once per batch.
 *
 * Inside a transaction FTS5 writes its pending terms out at the start of
 * every statement (each statement is a savepoint of its own), so an
 * import whose triggers fill the index row by row writes a small index
 * segment per statement and merges them over and over: 4 ms of the 7 ms
 * a seed notice took. While a batch or a bulk is open the triggers are
 * off, and SQLite's update hook notes every row inserted; before the
 * commit one statement per kind indexes them all, from the same
 * description the triggers are made from (schema.c), and the counts move
 * by the rows added. A write that changes indexed fields of a row that
 * may already be indexed says so first (store_defer_touch): its entries
 * come out then and go back in with the rest. Rows are not deleted in a
 * batch; one that is would leave its entries behind, so the batch
 * refuses to commit. */

static void push(struct store_id_list *l, long long id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n++] = id;
}

static bool contains(const struct store_id_list *l, long long id)
{
	for (size_t i = l->n; i > 0; i--)	/* the latest rows are the likely ones */
		if (l->v[i - 1] == id)
			return true;
	return false;
}

static void on_row_change(void *ctx, int op, const char *db, const char *table,
			  sqlite3_int64 id)
{
	struct store_defer *d = ctx;
	if (strcmp(db, "main"))
		return;
	int kind = store_search_kind_of(table);
	if (kind < 0)
		return;
	if (op == SQLITE_INSERT) {
		push(&d->pending[kind], id);
		d->added[kind]++;
	} else if (op == SQLITE_DELETE) {
		d->deleted = true;
	}
}

static enum bb_status set_triggers(struct store *s, bool on, struct bb_error *err)
{
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, NULL) != SQLITE_OK)
		return bb_fail(err, BB_ERROR, "%s: cannot turn triggers %s", s->path, on ? "on" : "off");
	return BB_OK;
}

enum bb_status store_defer_begin(struct store *s, struct bb_error *err)
{
	if (s->defer.on)
		return BB_OK;
	enum bb_status status = set_triggers(s, false, err);
	if (status != BB_OK)
		return status;
	s->defer.on = true;
	sqlite3_update_hook(s->db, on_row_change, &s->defer);
	return BB_OK;
}

bool store_deferring(const struct store *s)
{
	return s->defer.on;
}

void store_defer_mark(struct store *s)
{
	for (int k = 0; k < STORE_SEARCH_KINDS; k++) {
		s->defer.mark_pending[k] = s->defer.pending[k].n;
		s->defer.mark_added[k] = s->defer.added[k];
	}
}

void store_defer_rewind(struct store *s)
{
	for (int k = 0; k < STORE_SEARCH_KINDS; k++) {
		s->defer.pending[k].n = s->defer.mark_pending[k];
		s->defer.added[k] = s->defer.mark_added[k];
	}
}

/* Runs sql with ?1 bound to text and ?2 to a number. */
static enum bb_status run(struct store *s, const char *sql, const char *text,
			  long long number, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return BB_ERROR;
	store_bind_text(st, 1, text);
	sqlite3_bind_int64(st, 2, number);
	enum bb_status status = sqlite3_step(st) == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "indexing for search");
	sqlite3_finalize(st);
	return status;
}

enum bb_status store_defer_touch(struct store *s, int kind, long long id,
				 struct bb_error *err)
{
	if (!s->defer.on || contains(&s->defer.pending[kind], id))
		return BB_OK;	/* not indexed yet: it will be, as it is then */
	struct text_buf sql = {0};
	store_search_sql(&sql, kind, true, "t.id = ?2");
	enum bb_status status = run(s, sql.data, NULL, id, err);
	text_buf_free(&sql);
	if (status == BB_OK)
		push(&s->defer.pending[kind], id);
	return status;
}

static enum bb_status index_pending(struct store *s, int kind, struct bb_error *err)
{
	const struct store_id_list *l = &s->defer.pending[kind];
	if (!l->n)
		return BB_OK;
	struct text_buf ids = {0}, sql = {0};
	text_buf_addc(&ids, '[');
	for (size_t i = 0; i < l->n; i++)
		text_buf_printf(&ids, "%s%lld", i ? "," : "", l->v[i]);
	text_buf_addc(&ids, ']');
	store_search_sql(&sql, kind, false, "t.id IN (SELECT value FROM json_each(?1))");
	enum bb_status status = run(s, sql.data, ids.data, 0, err);
	text_buf_free(&ids);
	text_buf_free(&sql);
	return status;
}

enum bb_status store_defer_flush(struct store *s, struct bb_error *err)
{
	if (!s->defer.on)
		return BB_OK;
	if (s->defer.deleted)
		return bb_fail(err, BB_ERROR, "%s: a row was deleted during an import; nothing was changed",
			       s->path);
	enum bb_status status = BB_OK;
	for (int k = 0; k < STORE_SEARCH_KINDS && status == BB_OK; k++)
		status = index_pending(s, k, err);
	for (int k = 0; k < STORE_SEARCH_KINDS && status == BB_OK; k++)
		if (s->defer.added[k])
			status = run(s, "UPDATE counts SET n = n + ?2 WHERE name = ?1",
				     store_search_table(k), (long long)s->defer.added[k], err);
	for (int k = 0; k < STORE_SEARCH_KINDS; k++) {
		s->defer.pending[k].n = 0;
		s->defer.added[k] = 0;
	}
	return status;
}

void store_defer_end(struct store *s)
{
	if (!s->defer.on)
		return;
	sqlite3_update_hook(s->db, NULL, NULL);
	set_triggers(s, true, NULL);
	for (int k = 0; k < STORE_SEARCH_KINDS; k++)
		free(s->defer.pending[k].v);
	memset(&s->defer, 0, sizeof s->defer);
}
