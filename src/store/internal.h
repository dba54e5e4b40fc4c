/* internal.h — what the store's own files share. Not for other layers. */
#ifndef BIENBAN_STORE_INTERNAL_H
#define BIENBAN_STORE_INTERNAL_H

#include <sqlite3.h>

#include "error.h"
#include "store.h"
struct text_buf;

/* "bban": marks a database as bienban's in PRAGMA application_id. */
#define STORE_APPLICATION_ID 0x6262616e

/* Statements kept for reuse (store_prepare_cached). */
#define STORE_CACHED_STATEMENTS 32

struct store_cached {
	char *sql;
	sqlite3_stmt *st;
	bool busy;		/* handed out, not yet released */
	unsigned long used;	/* when last handed out, to evict the oldest */
};

/* Rows whose search entries a batch will write before it commits
 * (deferred.c). */
#define STORE_SEARCH_KINDS 4

struct store_id_list {
	long long *v;
	size_t n, cap;
};

struct store_defer {
	bool on;
	bool deleted;			/* a row was deleted: a bug, refused */
	struct store_id_list pending[STORE_SEARCH_KINDS];
	size_t added[STORE_SEARCH_KINDS];	/* rows inserted */
	/* Where the write in progress began, to forget what it noted
	 * should it be rolled back. */
	size_t mark_pending[STORE_SEARCH_KINDS], mark_added[STORE_SEARCH_KINDS];
};

struct store {
	sqlite3 *db;
	char *path;
	bool read_only;
	bool no_write_access;		/* read-only because it must be */
	bool writing;			/* inside store_begin … commit/rollback */
	long long schema_version;	/* as of the last schema check */
	/* store_bulk: one transaction stays open for every write; a write
	 * that fails rolls it all back and ends the bulk (bulk_failed). */
	bool bulk, bulk_failed;
	/* store_batch: one transaction stays open; each write is a
	 * savepoint in it, undone alone when it fails. */
	bool batch, batch_lost;
	size_t batch_writes;	/* writes saved in the batch so far */
	struct store_defer defer;
	long long saved_synchronous, saved_cache_size, saved_temp_store;
	struct store_cached cached[STORE_CACHED_STATEMENTS];
	unsigned long clock;
};

/* The file and its companions, looked at before SQLite opens them
 * (file.c). */
struct store_file {
	bool exists;
	bool wal, shm;		/* PATH-wal and PATH-shm are there */
	bool writable;		/* the file and its companions can be written */
	bool header_ours;	/* the file's own header has bienban's id */
};

/* Refuses what is not a database before SQLite sees it: a missing file
 * (unless STORE_CREATE), a folder, an empty or non-SQLite file, a header
 * that is cut or damaged; and, when there is no -wal or -journal, a
 * header without bienban's application id, with a newer schema, or with
 * more pages than the file holds. */
enum bb_status store_file_check(const char *path, unsigned flags,
				struct store_file *f, struct bb_error *err);
/* path followed by suffix ("-wal"), malloc'd. */
char *store_companion(const char *path, const char *suffix);
/* "file:PATH?immutable=1", escaped for SQLite's URI parser (malloc'd). */
char *store_immutable_uri(const char *path);

/* Schema (schema.c). */
enum bb_status store_schema_create(struct store *s, struct bb_error *err);
enum bb_status store_schema_check(struct store *s, struct bb_error *err);

/* The search index's sources (schema.c): kind 0–3 is meeting,
 * resolution, document, action item; -1 for another table. */
int store_search_kind_of(const char *table);
const char *store_search_table(int kind);
/* Appends the statement that writes (or, deleting, takes out) the search
 * entries of the rows of kind's table "t" matching `where`: what the
 * triggers write, from the same description. */
void store_search_sql(struct text_buf *b, int kind, bool deleting, const char *where);

/* Deferred search indexing for batches and bulks (deferred.c). */
enum bb_status store_defer_begin(struct store *s, struct bb_error *err);
/* A write begins, is undone (forgetting what it noted), or is kept. */
void store_defer_mark(struct store *s);
void store_defer_rewind(struct store *s);
/* Before a write changes indexed fields of a row that may already be in
 * the index: takes its entries out, to be written again with the rest. */
enum bb_status store_defer_touch(struct store *s, int kind, long long id,
				 struct bb_error *err);
/* Before the commit: the pending rows' entries and the counts. */
enum bb_status store_defer_flush(struct store *s, struct bb_error *err);
/* After the commit or rollback: triggers back on, lists freed. */
void store_defer_end(struct store *s);
bool store_deferring(const struct store *s);

/* Vietnamese collation, folding function and FTS5 tokenizer (vi.c). */
enum bb_status store_register_vi(sqlite3 *db, struct bb_error *err);
/* Turns a user's words into a safe FTS5 query: folded tokens, each
 * quoted, the last one a prefix. Returns NULL when there are no words. */
char *store_fts_query(const char *words);

/* Helpers (util.c). */
/* The message for the last SQLite error: "PATH: database is locked",
 * "… is damaged", "disk full while <what>", … (ending "; nothing was
 * changed" inside a write), else "PATH: <what> failed: <SQLite's>". */
enum bb_status store_sql_fail(struct store *s, struct bb_error *err,
			      const char *what);
/* The same, but an error in the data is "<name>: <SQLite's>" (an input
 * file being imported). */
enum bb_status store_sql_fail_in(struct store *s, struct bb_error *err,
				 const char *name);
sqlite3_stmt *store_prepare(struct store *s, const char *sql,
			    struct bb_error *err);
/* Like store_prepare, but the statement is kept for the next call with
 * the same SQL text: parsing and planning once, not once per row, is
 * what makes a bulk import fast. Give it back with store_release (never
 * sqlite3_finalize); store_close finalizes the kept ones. */
sqlite3_stmt *store_prepare_cached(struct store *s, const char *sql,
				   struct bb_error *err);
/* Resets a statement from store_prepare_cached (finalizes any other). */
void store_release(struct store *s, sqlite3_stmt *st);
void store_cache_free(struct store *s);
/* Steps st to the end (a statement with RETURNING left unfinished rolls
 * back the whole transaction), keeping the first row's first column in
 * *id. Returns SQLITE_DONE or the error code. */
int store_step_id(sqlite3_stmt *st, long long *id);
char *store_col_text(sqlite3_stmt *st, int col);	/* malloc'd or NULL */
void store_bind_text(sqlite3_stmt *st, int idx, const char *v);
/* NFC copy of valid UTF-8 (malloc'd; NULL for NULL). BB_ERROR when the
 * text is not UTF-8. */
enum bb_status store_nfc(const char *in, char **out, struct bb_error *err);
enum bb_status store_exec(struct store *s, const char *sql,
			  struct bb_error *err);
long long store_schema_version(struct store *s);
/* BEGIN IMMEDIATE for bienban's own writes (see util.c on trusted_schema). */
enum bb_status store_begin(struct store *s, struct bb_error *err);
void store_rollback(struct store *s);
enum bb_status store_commit(struct store *s, struct bb_error *err);

/* One record of a list by its id, into *out (a row of the list's type);
 * BB_NOT_FOUND names it `what`. (page.c) */
enum bb_status store_get_row(struct store *s, enum store_list list, long long id,
			     void *out, const char *what, struct bb_error *err);
/* Frees the strings of one row of a list's type. (page.c) */
void store_row_free_fields(enum store_list list, void *row);

/* The EXPLAIN QUERY PLAN lines of the queries store_page would run
 * (malloc'd; one line each, nested ones indented, "--" between steps).
 * For tests. */
char *store_page_plan(struct store *s, const struct store_query *q,
		      bool from_cursor, enum store_dir dir);

/* SHA-256 of data as 64 lowercase hex digits and a NUL (hash.c). */
void store_sha256_hex(const void *data, size_t len, char out[65]);

#endif
