/* store.h — bienban's SQLite database: schema, queries, pages, edits.
 *
 * Knows nothing of curses. Hands out records and pages of records; every
 * list is read by keyset pagination, so memory follows the page size and
 * never the size of the database.
 *
 * Ownership: a struct store_page and everything its rows point to belong
 * to the page; store_page_free() releases them. Records returned alone
 * (store_meeting_get, …) are freed with their *_free function. Strings in
 * records are NFC UTF-8 straight from the database: NOT sanitized for a
 * terminal — pass them through text_sanitize before display. NULL means
 * the field is absent.
 */
#ifndef BIENBAN_STORE_H
#define BIENBAN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"

struct store;
struct notice;
struct csv_tasks;

#define STORE_SCHEMA_VERSION 1

enum store_open_flags {
	STORE_READ_WRITE = 0,
	STORE_READ_ONLY = 1 << 0,	/* --read-only: writes fail, nothing is written */
	STORE_CREATE = 1 << 1,		/* create the file when it is absent */
};

/* Opens (and, with STORE_CREATE, creates) a bienban database.
 *
 * What it promises, for files that are not a healthy bienban database
 * of this version:
 *
 *  - Refused with one line, "PATH: reason": empty, not SQLite, another
 *    program's, a newer bienban's ("made by a newer bienban"), cut short
 *    or with a damaged header or schema page ("database is damaged …"),
 *    a hostile schema (a view where a table belongs, a trigger or view
 *    bienban did not make, word for word).
 *  - Not a byte written to a refused file: the header is read with
 *    read(2) before SQLite opens the file, so most are refused without
 *    SQLite seeing them; no schema is created, and no -wal or -shm is
 *    left beside it. A -wal that was already there is never copied into
 *    a refused file (it may be another database's), and one with no
 *    -shm beside it (left by a crash or a copy) is read through a
 *    private index before anything of it is let into the file.
 *  - Opening reads the header and the schema, never the whole file (no
 *    quick_check: a 1.5 GB database opens in milliseconds). Damage in
 *    other pages is met where they are read: that query fails with
 *    "PATH: database is damaged (…)", a write that meets it is rolled
 *    back. Damage on pages nothing reads goes unnoticed; so does a write
 *    that touches only healthy pages of a damaged file.
 *
 * Read-only: the file is opened read-only when STORE_READ_ONLY asks, or
 * when this user may not write the file, its -wal and -shm, or (to
 * create them) its folder; store_read_only() then says so and every
 * write is BB_READ_ONLY with a message saying why. SQLite leaves an
 * empty -wal and -shm behind a read-only connection, so
 *  - with write access, --read-only opens read-write under PRAGMA
 *    query_only, and SQLite removes them at close as for any writer;
 *  - without, a -wal and -shm already there (someone is writing) are
 *    shared read-only, and otherwise the file is opened immutable=1,
 *    which creates nothing (read-only media, another user's file). Then
 *    a -wal left without its -shm is not read (the file shows its state
 *    at the last checkpoint), changes made by others while it is open
 *    are not seen, and a writer who comes later could make reads fail
 *    as "damaged" (never crash).
 * A -wal left by a crash is folded into the file by any open with write
 * access, --read-only included: that changes bytes, not records.
 *
 * Locks: a write waits up to 3 s for another process's lock, then fails
 * with BB_BUSY ("database is locked"). Reads never wait on writers (WAL).
 *
 * *created tells whether the file was just made (may be NULL). */
enum bb_status store_open(const char *path, unsigned flags,
			  struct store **out, bool *created,
			  struct bb_error *err);
void store_close(struct store *s);
bool store_read_only(const struct store *s);

/* PRAGMA data_version: changes when another connection commits. */
long long store_data_version(struct store *s);

/* Totals kept by triggers, so reading them costs four row lookups. */
struct store_counts {
	long long meetings;
	long long resolutions;
	long long documents;
	long long tasks;
};
enum bb_status store_counts(struct store *s, struct store_counts *out,
			    struct bb_error *err);

/* ---- records ------------------------------------------------------------ */

struct store_meeting {
	long long id;
	char *title, *body, *session, *held_on, *place, *chair, *summary;
	char *source;
};

struct store_resolution {
	long long id;
	long long meeting_id;
	int seq;
	char *title;
	char *text;
	long long span_start, span_end;	/* -1 when unknown */
	char *documents;	/* codes joined by "\n", or NULL */
	char *meeting_title;
};

/* How far a list page counts a document's citations: each row of a page
 * reads at most this many index entries, however often it is cited. */
#define STORE_CITED_MAX 99

struct store_document {
	long long id;
	char *code, *kind, *issued_on, *issuer, *title;
	/* Resolutions citing it, up to STORE_CITED_MAX + 1 (which means
	 * "more than STORE_CITED_MAX"). */
	long long cited;
	/* Meeting ids joined by ",", in id order, or NULL. A list page leaves
	 * it NULL (gathering it costs a row lookup per citation);
	 * store_document_get and store_document_meetings fill it. */
	char *meetings;
};

struct store_task {
	long long id;
	long long meeting_id;
	long long resolution_id;
	int seq;
	char *text, *owner, *due_on, *due_text, *status, *note, *updated_at;
	long long span_start, span_end;
	char *meeting_title;	/* for lists that show where a task is from */
	char *resolution_title;
};

enum store_kind {
	STORE_KIND_MEETING = 0,
	STORE_KIND_RESOLUTION = 1,
	STORE_KIND_DOCUMENT = 2,
	STORE_KIND_TASK = 3,
};

/* One search hit: the record's kind and id, a title and the text the
 * match came from (the caller highlights with text_find_folded). */
struct store_hit {
	enum store_kind kind;
	long long id;
	char *title;
	char *text;
};

/* ---- paged lists ----------------------------------------------------------- */

enum store_list {
	STORE_LIST_MEETINGS,	/* newest first */
	STORE_LIST_RESOLUTIONS,	/* of parent_id (a meeting), by seq; or of
				 * query.document, newest meeting first */
	STORE_LIST_DOCUMENTS,	/* by code */
	STORE_LIST_TASKS,	/* of parent_id (a resolution) if set, else all;
				 * filtered and sorted as the query says (one
				 * resolution's: in seq order unless sorted) */
	STORE_LIST_SEARCH,	/* hits for query.search, newest first */
};

enum store_sort {
	STORE_SORT_DEFAULT,	/* the list's natural order */
	STORE_SORT_DUE,		/* due date, undated last */
	STORE_SORT_OWNER,	/* owner in Vietnamese order */
	STORE_SORT_STATUS,	/* open, doing, done, dropped; then due */
	STORE_SORT_TEXT,	/* text in Vietnamese order */
};

struct store_query {
	enum store_list list;
	long long parent_id;		/* 0: none */
	/* task filters (STORE_LIST_TASKS); NULL/0 = any */
	const char *status;		/* open|doing|done|dropped */
	const char *owner;		/* folded substring of the owner */
	const char *overdue_as_of;	/* ISO date: due before it, not done */
	long long meeting_id;
	const char *document;		/* a document code */
	enum store_sort sort;
	const char *search;		/* STORE_LIST_SEARCH: the user's words */
};

/* Where a page starts: the sort key and id of the row next to it. An
 * empty cursor (has_key false) means the start (or, going backward, the
 * end) of the list. */
struct store_cursor {
	bool has_key;
	char *key;		/* the sort key as text; owned by the holder */
	long long id;
};

enum store_dir {
	STORE_FORWARD,		/* rows after the cursor, in list order */
	STORE_BACKWARD,		/* rows before it, nearest first */
};

struct store_page {
	enum store_list list;
	size_t count;
	union {
		struct store_meeting *meetings;
		struct store_resolution *resolutions;
		struct store_document *documents;
		struct store_task *tasks;
		struct store_hit *hits;
	} rows;
	struct store_cursor *keys;	/* keys[i] is the cursor of row i */
};

/* Reads up to `limit` rows after (or before) `from` (NULL: the start or
 * end). Backward pages hold the rows nearest the cursor first. */
enum bb_status store_page(struct store *s, const struct store_query *q,
			  const struct store_cursor *from, enum store_dir dir,
			  int limit, struct store_page **out,
			  struct bb_error *err);
void store_page_free(struct store_page *p);

/* Puts a backward page's rows in list order (farthest first). */
void store_page_reverse(struct store_page *p);

/* The cursor of the row with this id in the list q describes (its sort
 * key and id), for jumping to a record or finding it again after its key
 * changed. BB_NOT_FOUND when the row is not in the list. */
enum bb_status store_cursor_of(struct store *s, const struct store_query *q,
			       long long id, struct store_cursor *out,
			       struct bb_error *err);

/* Deep copy of a cursor (for a pane to keep across page frees). */
void store_cursor_copy(struct store_cursor *dst,
		       const struct store_cursor *src);
void store_cursor_clear(struct store_cursor *c);

/* ---- single records --------------------------------------------------------- */

enum bb_status store_meeting_get(struct store *s, long long id,
				 struct store_meeting **out,
				 struct bb_error *err);
void store_meeting_free(struct store_meeting *m);

/* The meeting's full source text and its length (for the reader). */
enum bb_status store_meeting_source(struct store *s, long long id,
				    char **text, size_t *len,
				    struct bb_error *err);

enum bb_status store_resolution_get(struct store *s, long long id,
				    struct store_resolution **out,
				    struct bb_error *err);
void store_resolution_free(struct store_resolution *r);

enum bb_status store_document_get(struct store *s, long long id,
				  struct store_document **out,
				  struct bb_error *err);
void store_document_free(struct store_document *d);

/* The ids of the meetings citing document `id`, joined by "," in id order,
 * into *out (NULL when none; the caller frees it). */
enum bb_status store_document_meetings(struct store *s, long long id,
				       char **out, struct bb_error *err);

/* The meeting and resolution a record belongs to (0 where it has none:
 * a meeting has no meeting above it, a document belongs to none). */
enum bb_status store_locate(struct store *s, enum store_kind kind,
			    long long id, long long *meeting_id,
			    long long *resolution_id, struct bb_error *err);

enum bb_status store_task_get(struct store *s, long long id,
			      struct store_task **out, struct bb_error *err);
void store_task_free(struct store_task *t);

/* ---- edits ----------------------------------------------------------------- */

/* Every write (edits, imports) is one transaction: it lands whole or not
 * at all. A write that fails — locked past the timeout (BB_BUSY), disk
 * full, an I/O error at commit, a damaged page — is rolled back before
 * the call returns, and its message ends "; nothing was changed" ("PATH:
 * disk full while saving; nothing was changed"). The store stays usable:
 * the next write may succeed. */

enum store_field {
	STORE_FIELD_STATUS,
	STORE_FIELD_OWNER,
	STORE_FIELD_DUE,	/* value: any date form text_date_parse reads */
	STORE_FIELD_NOTE,
};

/* Sets one field of an action item in a BEGIN IMMEDIATE transaction that
 * also writes action_item_history (user, time, field, old, new). value
 * NULL or "" clears owner, due or note; a due date is parsed with
 * text_date_parse (due_text keeps what was typed) and a bad one is
 * BB_USAGE. Setting a field to the value it has is a no-op that writes
 * no history (*history_id = 0). history_id may be NULL. */
enum bb_status store_task_set(struct store *s, long long id,
			      enum store_field field, const char *value,
			      const char *user, long long *history_id,
			      struct bb_error *err);

/* The same edit (status, owner or note; not due) of many items at once,
 * in two statements of one transaction, each change in the history as
 * store_task_set records it: for selections, and bulk loading, where a
 * statement per item is what costs (FTS5 writes out its pending terms at
 * the end of each). Items that already have the value are left alone.
 * *changed (may be NULL) counts the items changed. */
enum bb_status store_task_set_many(struct store *s, const long long *ids, size_t n,
				   enum store_field field, const char *value,
				   const char *user, size_t *changed,
				   struct bb_error *err);

/* Undoes one edit: sets the field named by history row `history_id` back
 * to its old value, itself recorded as history. Refused when the field
 * was changed again since (by anyone). *task_id names the item. */
enum bb_status store_task_undo(struct store *s, long long history_id,
			       const char *user, long long *task_id,
			       struct bb_error *err);

/* ---- import and export -------------------------------------------------------- */

/* Bulk loading (the benchmark generator; very large imports). While on,
 * every import and edit joins one open transaction, and nothing is
 * synced to disk (PRAGMA synchronous = OFF); the page cache is 128 MB.
 * All or nothing: a write that fails undoes everything since the bulk
 * began and ends it (turning it off then says so). A crashed program
 * loses the bulk; a lost power supply may damage the file — it is for
 * data that can be made again. Turning it off commits and restores the
 * settings; off and on again now and then bounds the write-ahead log.
 * Other transactions (export) must wait until it is off. Search entries
 * and counts are written at the commit, as in a batch. */
enum bb_status store_bulk(struct store *s, bool on, struct bb_error *err);

/* Batches (an import of many files). While on, the writes share one
 * open transaction, each in a savepoint of its own: a write that fails
 * is undone alone and the batch goes on. Nothing is saved until the
 * batch ends: turning it off commits. A failure that costs SQLite the
 * whole transaction (disk full, I/O error) loses the writes since the
 * batch began; every write after it is refused, and turning the batch
 * off says so (BB_ERROR). Crash-safe as any transaction. Inside a bulk
 * it does nothing (the bulk's transaction is already there).
 *
 * The search index and the counts are written once, just before the
 * commit, not row by row by the triggers (which are off meanwhile; see
 * src/store/deferred.c): inside the batch, search does not see its rows
 * yet. Rows are only added or changed in a batch, never deleted. */
enum bb_status store_batch(struct store *s, bool on, struct bb_error *err);

/* Writes a parsed notice in one transaction. BB_DUPLICATE (and nothing
 * written) when the same source text is already stored. */
enum bb_status store_import_notice(struct store *s, const struct notice *n,
				   const char *source, long long *meeting_id,
				   struct bb_error *err);

/* Writes action items read from a table in one transaction, creating
 * meetings and resolutions by title as needed. A row whose resolution
 * already has an item with the same text is skipped, so importing a
 * table twice adds nothing (BB_DUPLICATE when no row was new). */
enum bb_status store_import_tasks(struct store *s, const struct csv_tasks *t,
				  const char *source, size_t *imported,
				  struct bb_error *err);

/* Reads bienban's own JSON export (with SQLite's JSON functions) in one
 * transaction. Meetings already present (same source_hash) are skipped;
 * ids are kept where free. *meetings counts those added. */
enum bb_status store_import_json(struct store *s, const char *name,
				 const char *data, size_t len,
				 size_t *meetings, struct bb_error *err);

/* Streams every record as bienban's JSON export (built with SQLite's
 * JSON functions): an object with "format", "version", "meetings" (each
 * with its resolutions and their tasks), "documents" and "history". On
 * failure (a damaged page met half-way) the object is left unclosed, so
 * what was written cannot pass for a whole export. */
enum bb_status store_export_json(struct store *s, FILE *f,
				 struct bb_error *err);

#endif
