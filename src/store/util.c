#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* Errors that come from the file, the disk or other processes, not from
 * what was asked: each has one message, the same from every caller. A
 * failed write has been rolled back when the message is read (every
 * store_begin is paired with store_rollback on failure), so it can say
 * that nothing was changed. */
static enum bb_status environment_fail(struct store *s, struct bb_error *err,
				       const char *what, int primary)
{
	const char *unchanged = s->writing ? "; nothing was changed" : "";
	if (s->writing)
		what = "saving";
	switch (primary) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return bb_fail(err, BB_BUSY, "%s: database is locked (another bienban or program is writing)%s",
			       s->path, unchanged);
	case SQLITE_READONLY:
		return bb_fail(err, BB_READ_ONLY, "%s: database is read-only%s", s->path, unchanged);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return bb_fail(err, BB_ERROR, "%s: database is damaged (%s)%s", s->path,
			       sqlite3_errmsg(s->db), unchanged);
	case SQLITE_FULL:
		return bb_fail(err, BB_ERROR, "%s: disk full while %s%s", s->path, what, unchanged);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return bb_fail(err, BB_ERROR, "%s: I/O error while %s (%s)%s", s->path, what,
			       sqlite3_errmsg(s->db), unchanged);
	case SQLITE_NOMEM:
		return bb_fail(err, BB_ERROR, "%s: out of memory while %s%s", s->path, what, unchanged);
	default:
		return BB_OK;
	}
}

enum bb_status store_sql_fail(struct store *s, struct bb_error *err,
			      const char *what)
{
	int primary = sqlite3_extended_errcode(s->db) & 0xff;
	enum bb_status status = environment_fail(s, err, what, primary);
	if (status != BB_OK)
		return status;
	return bb_fail(err, BB_ERROR, "%s: %s failed: %s", s->path, what, sqlite3_errmsg(s->db));
}

enum bb_status store_sql_fail_in(struct store *s, struct bb_error *err,
				 const char *name)
{
	int primary = sqlite3_extended_errcode(s->db) & 0xff;
	enum bb_status status = environment_fail(s, err, "importing", primary);
	if (status != BB_OK)
		return status;
	return bb_fail(err, BB_ERROR, "%s: %s", name, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql,
			    struct bb_error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_sql_fail(s, err, "a query");
		return NULL;
	}
	return st;
}

/* The slot to fill: a free one, else the one unused longest. */
static struct store_cached *cache_slot(struct store *s)
{
	struct store_cached *oldest = NULL;
	for (size_t i = 0; i < STORE_CACHED_STATEMENTS; i++) {
		struct store_cached *c = &s->cached[i];
		if (!c->st)
			return c;
		if (!c->busy && (!oldest || c->used < oldest->used))
			oldest = c;
	}
	if (oldest) {
		sqlite3_finalize(oldest->st);
		free(oldest->sql);
		*oldest = (struct store_cached){0};
	}
	return oldest;
}

sqlite3_stmt *store_prepare_cached(struct store *s, const char *sql,
				   struct bb_error *err)
{
	for (size_t i = 0; i < STORE_CACHED_STATEMENTS; i++) {
		struct store_cached *c = &s->cached[i];
		if (c->st && !c->busy && !strcmp(c->sql, sql)) {
			c->busy = true;
			c->used = ++s->clock;
			return c->st;
		}
	}
	sqlite3_stmt *st = store_prepare(s, sql, err);
	struct store_cached *c = st ? cache_slot(s) : NULL;
	if (c && (c->sql = strdup(sql))) {
		c->st = st;
		c->busy = true;
		c->used = ++s->clock;
	}
	return st;
}

void store_release(struct store *s, sqlite3_stmt *st)
{
	for (size_t i = 0; i < STORE_CACHED_STATEMENTS; i++) {
		struct store_cached *c = &s->cached[i];
		if (c->st == st && c->busy) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

void store_cache_free(struct store *s)
{
	for (size_t i = 0; i < STORE_CACHED_STATEMENTS; i++) {
		sqlite3_finalize(s->cached[i].st);
		free(s->cached[i].sql);
		s->cached[i] = (struct store_cached){0};
	}
}

int store_step_id(sqlite3_stmt *st, long long *id)
{
	int rc;
	bool first = true;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (first && id)
			*id = sqlite3_column_int64(st, 0);
		first = false;
	}
	return rc;
}

char *store_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return NULL;
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	char *copy = malloc(n + 1);
	if (!copy)
		abort();
	memcpy(copy, t, n);
	copy[n] = '\0';
	return copy;
}

void store_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
	if (v)
		sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

enum bb_status store_nfc(const char *in, char **out, struct bb_error *err)
{
	*out = NULL;
	if (!in)
		return BB_OK;
	struct text_buf b = {0};
	if (!text_nfc(&b, in, strlen(in))) {
		text_buf_free(&b);
		return bb_fail(err, BB_ERROR, "text is not valid UTF-8");
	}
	text_buf_addc(&b, '\0');	/* an empty string still gets memory */
	*out = text_buf_take(&b, NULL);
	return BB_OK;
}

enum bb_status store_exec(struct store *s, const char *sql,
			  struct bb_error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_fail(s, err, "a write");
	return BB_OK;
}

long long store_schema_version(struct store *s)
{
	long long v = -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA schema_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static enum bb_status refuse_write(struct store *s, struct bb_error *err)
{
	if (s->no_write_access)
		return bb_fail(err, BB_READ_ONLY, "%s: read-only (no permission to write it or its folder);"
			       " nothing was changed", s->path);
	return bb_fail(err, BB_READ_ONLY, "%s: opened read-only (--read-only); nothing was changed", s->path);
}

/* A write inside a batch is a savepoint in its transaction. A failure
 * that made SQLite give the whole transaction up (disk full, I/O) has
 * lost the batch; the writes that follow are refused until it ends and
 * says so, rather than each running alone. */
static enum bb_status batch_savepoint(struct store *s, struct bb_error *err)
{
	if (s->batch_lost)
		return bb_fail(err, BB_ERROR, "%s: a failed write undid the writes not yet saved;"
			       " nothing was changed", s->path);
	enum bb_status status = store_exec(s, "SAVEPOINT write", err);
	if (status == BB_OK)
		store_defer_mark(s);
	return status;
}

/* FTS5 refuses to be written from a trigger while trusted_schema is off,
 * so bienban's own write transactions turn it on, having checked that
 * every trigger in the file is bienban's (again, if another process
 * changed the schema since). Reads always run with it off. */
enum bb_status store_begin(struct store *s, struct bb_error *err)
{
	if (s->read_only)
		return refuse_write(s, err);
	if (s->bulk)	/* the bulk's transaction is this write's */
		return BB_OK;
	if (s->batch || s->batch_lost)
		return batch_savepoint(s, err);
	enum bb_status status = store_exec(s, "BEGIN IMMEDIATE", err);
	if (status != BB_OK)
		return status;
	s->writing = true;
	long long version = store_schema_version(s);
	if (version != s->schema_version) {
		if (store_schema_check(s, err) != BB_OK) {
			store_rollback(s);
			return BB_ERROR;
		}
		s->schema_version = version;
	}
	status = store_exec(s, "PRAGMA trusted_schema = ON", err);
	if (status != BB_OK)
		store_rollback(s);	/* callers roll back only what began */
	return status;
}

void store_rollback(struct store *s)
{
	/* Without its savepoint (a RELEASE that failed after releasing it),
	 * the write cannot be undone alone: the batch is lost instead, as
	 * when SQLite gives the whole transaction up. */
	if (s->batch && !sqlite3_get_autocommit(s->db)
	    && sqlite3_exec(s->db, "ROLLBACK TO write; RELEASE write", NULL, NULL, NULL) == SQLITE_OK) {
		store_defer_rewind(s);
		return;
	}
	if (s->batch) {		/* the batch's writes are gone */
		s->batch = false;
		s->batch_lost = true;
	}
	/* A failed write in a bulk undoes the whole bulk (see store_bulk),
	 * which is then over. */
	s->bulk_failed = s->bulk;
	s->bulk = false;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(s->db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
	s->writing = false;
	store_defer_end(s);
}

enum bb_status store_commit(struct store *s, struct bb_error *err)
{
	if (s->bulk)
		return BB_OK;
	if (s->batch) {
		enum bb_status status = store_exec(s, "RELEASE write", err);
		s->batch_writes += status == BB_OK;
		return status;
	}
	if (store_defer_flush(s, err) != BB_OK) {
		store_rollback(s);
		return BB_ERROR;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		enum bb_status st = store_sql_fail(s, err, "saving");
		store_rollback(s);
		return st;
	}
	sqlite3_exec(s->db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
	s->writing = false;
	store_defer_end(s);
	return BB_OK;
}

/* The transaction of a batch or a bulk, its search entries written at
 * the commit (see deferred.c). */
static enum bb_status begin_deferred(struct store *s, struct bb_error *err)
{
	enum bb_status status = store_begin(s, err);
	if (status == BB_OK && (status = store_defer_begin(s, err)) != BB_OK)
		store_rollback(s);
	return status;
}

static long long pragma_value(struct store *s, const char *sql)
{
	long long v = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static void restore_pragmas(struct store *s)
{
	struct text_buf sql = {0};
	text_buf_printf(&sql, "PRAGMA synchronous = %lld; PRAGMA cache_size = %lld; PRAGMA temp_store = %lld",
			s->saved_synchronous, s->saved_cache_size, s->saved_temp_store);
	store_exec(s, sql.data, NULL);
	text_buf_free(&sql);
}

/* Bulk loading: a commit (and its fsync) per meeting is what limits a
 * large import, and a bigger page cache keeps the indexes' hot pages in
 * memory. The writes in a bulk share its transaction without savepoints
 * of their own: FTS5 writes out its pending terms at every savepoint. */
enum bb_status store_bulk(struct store *s, bool on, struct bb_error *err)
{
	if (!on && s->bulk_failed) {
		s->bulk_failed = false;
		restore_pragmas(s);
		return bb_fail(err, BB_ERROR, "%s: a write failed; the bulk was undone", s->path);
	}
	if (on == s->bulk)
		return BB_OK;
	/* Its settings and its transaction would be the batch's. */
	if (on && (s->batch || s->batch_lost))
		return bb_fail(err, BB_ERROR, "%s: a bulk cannot begin inside a batch", s->path);
	enum bb_status status;
	if (on) {
		s->saved_synchronous = pragma_value(s, "PRAGMA synchronous");
		s->saved_cache_size = pragma_value(s, "PRAGMA cache_size");
		s->saved_temp_store = pragma_value(s, "PRAGMA temp_store");
		status = store_exec(s, "PRAGMA synchronous = OFF; PRAGMA cache_size = -131072;"
				    " PRAGMA temp_store = MEMORY", err);
		if (status == BB_OK)
			status = begin_deferred(s, err);
		s->bulk = status == BB_OK;
		if (status == BB_OK)
			return BB_OK;
	} else {
		s->bulk = false;
		status = store_commit(s, err);
	}
	restore_pragmas(s);
	return status;
}

/* A batch touches the same index and search pages file after file: a
 * page cache that holds them keeps them out of the write-ahead log until
 * the commit (SQLite spills dirty pages to it when the cache is full,
 * and reads them back from it). Each file's savepoint keeps the pages it
 * changed first, for its rollback: in memory, not in a temporary file
 * written page by page (SQLite's default here). 64 MB of cache at most;
 * both are given back when the batch ends. */
static void set_batch_pragmas(struct store *s, bool on)
{
	char sql[96];
	if (on) {
		s->saved_cache_size = pragma_value(s, "PRAGMA cache_size");
		s->saved_temp_store = pragma_value(s, "PRAGMA temp_store");
	}
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld; PRAGMA temp_store = %lld",
		 on ? -65536LL : s->saved_cache_size, on ? 2LL : s->saved_temp_store);
	store_exec(s, sql, NULL);
}

/* Batches: many writes in one transaction, each a savepoint of its
 * own, so that a failed write is undone alone. A commit per write is
 * what a many-file import spent its time on: the write-ahead log took
 * the same index and search pages again for every file. */
enum bb_status store_batch(struct store *s, bool on, struct bb_error *err)
{
	if (s->bulk)
		return BB_OK;
	if (on) {
		if (s->batch || s->batch_lost)
			return BB_OK;
		set_batch_pragmas(s, true);
		enum bb_status status = begin_deferred(s, err);
		s->batch = status == BB_OK;
		s->batch_writes = 0;
		if (status != BB_OK)
			set_batch_pragmas(s, false);
		return status;
	}
	if (!s->batch && !s->batch_lost)
		return BB_OK;
	enum bb_status status = BB_OK;
	if (s->batch_lost) {
		s->batch_lost = false;
		status = bb_fail(err, BB_ERROR, "%s: a failed write undid the writes not yet saved", s->path);
	} else {
		s->batch = false;
		if (s->batch_writes)
			status = store_commit(s, err);
		else
			store_rollback(s);	/* nothing to save: not a byte written */
	}
	/* After the transaction: SQLite changes temp_store only outside one. */
	set_batch_pragmas(s, false);
	return status;
}
