#include "config.h"

#include <stdlib.h>

#include "internal.h"

/* Single records by id, read with the columns of the list they belong
 * to (store_get_row in page.c), and where a record sits. */

/* Allocates a row of `size` bytes and reads record `id` into it. */
static enum bb_status get(struct store *s, enum store_list list, long long id,
			  size_t size, void **out, const char *what,
			  struct bb_error *err)
{
	if (!(*out = calloc(1, size)))
		abort();
	enum bb_status st = store_get_row(s, list, id, *out, what, err);
	if (st != BB_OK) {
		free(*out);
		*out = NULL;
	}
	return st;
}

static void release(enum store_list list, void *row)
{
	if (!row)
		return;
	store_row_free_fields(list, row);
	free(row);
}

enum bb_status store_meeting_get(struct store *s, long long id,
				 struct store_meeting **out, struct bb_error *err)
{
	return get(s, STORE_LIST_MEETINGS, id, sizeof **out, (void **)out, "meeting", err);
}

void store_meeting_free(struct store_meeting *m)
{
	release(STORE_LIST_MEETINGS, m);
}

enum bb_status store_resolution_get(struct store *s, long long id,
				    struct store_resolution **out,
				    struct bb_error *err)
{
	return get(s, STORE_LIST_RESOLUTIONS, id, sizeof **out, (void **)out, "resolution", err);
}

void store_resolution_free(struct store_resolution *r)
{
	release(STORE_LIST_RESOLUTIONS, r);
}

/* One document, with the meetings its list row leaves out. */
enum bb_status store_document_get(struct store *s, long long id,
				  struct store_document **out,
				  struct bb_error *err)
{
	enum bb_status st = get(s, STORE_LIST_DOCUMENTS, id, sizeof **out, (void **)out,
				"document", err);
	if (st == BB_OK && (st = store_document_meetings(s, id, &(*out)->meetings, err)) != BB_OK) {
		store_document_free(*out);
		*out = NULL;
	}
	return st;
}

enum bb_status store_document_meetings(struct store *s, long long id,
				       char **out, struct bb_error *err)
{
	*out = NULL;
	sqlite3_stmt *st = store_prepare_cached(s,
		"SELECT group_concat(mid) FROM (SELECT DISTINCT r.meeting_id AS mid"
		" FROM resolution_document rd JOIN resolution r ON r.id = rd.resolution_id"
		" WHERE rd.document_id = ?1 ORDER BY mid)", err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	enum bb_status status = BB_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = store_col_text(st, 0);
	else
		status = store_sql_fail(s, err, "reading a document's meetings");
	store_release(s, st);
	return status;
}

void store_document_free(struct store_document *d)
{
	release(STORE_LIST_DOCUMENTS, d);
}

enum bb_status store_task_get(struct store *s, long long id,
			      struct store_task **out, struct bb_error *err)
{
	return get(s, STORE_LIST_TASKS, id, sizeof **out, (void **)out, "action item", err);
}

void store_task_free(struct store_task *t)
{
	release(STORE_LIST_TASKS, t);
}

enum bb_status store_locate(struct store *s, enum store_kind kind,
			    long long id, long long *meeting_id,
			    long long *resolution_id, struct bb_error *err)
{
	static const char *const sql[] = {
		[STORE_KIND_MEETING] = "SELECT id, 0 FROM meeting WHERE id = ?1",
		[STORE_KIND_RESOLUTION] = "SELECT meeting_id, id FROM resolution WHERE id = ?1",
		[STORE_KIND_DOCUMENT] = "SELECT 0, 0 FROM document WHERE id = ?1",
		[STORE_KIND_TASK] = "SELECT r.meeting_id, r.id FROM action_item a"
				    " JOIN resolution r ON r.id = a.resolution_id WHERE a.id = ?1",
	};
	*meeting_id = *resolution_id = 0;
	sqlite3_stmt *st = store_prepare_cached(s, sql[kind & 3], err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum bb_status status = BB_OK;
	if (rc == SQLITE_ROW) {
		*meeting_id = sqlite3_column_int64(st, 0);
		*resolution_id = sqlite3_column_int64(st, 1);
	} else {
		status = rc == SQLITE_DONE ? bb_fail(err, BB_NOT_FOUND, "that record is gone")
			: store_sql_fail(s, err, "finding a record");
	}
	store_release(s, st);
	return status;
}

enum bb_status store_meeting_source(struct store *s, long long id, char **text,
				    size_t *len, struct bb_error *err)
{
	*text = NULL;
	*len = 0;
	sqlite3_stmt *st = store_prepare_cached(s, "SELECT source_text FROM meeting WHERE id = ?1", err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum bb_status status = BB_OK;
	if (rc == SQLITE_ROW) {
		*text = store_col_text(st, 0);
		*len = (size_t)sqlite3_column_bytes(st, 0);
	} else if (rc == SQLITE_DONE) {
		status = bb_fail(err, BB_NOT_FOUND, "no meeting with id %lld", id);
	} else {
		status = store_sql_fail(s, err, "reading a meeting");
	}
	store_release(s, st);
	return status;
}
