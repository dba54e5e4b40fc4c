#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

static const char *const field_names[] = {
	[STORE_FIELD_STATUS] = "status",
	[STORE_FIELD_OWNER] = "owner",
	[STORE_FIELD_DUE] = "due",
	[STORE_FIELD_NOTE] = "note",
};

static bool valid_status(const char *v)
{
	return v && (!strcmp(v, "open") || !strcmp(v, "doing") ||
		     !strcmp(v, "done") || !strcmp(v, "dropped"));
}

/* The value as history records it: for a due date, what was written
 * (due_text), else the ISO date. */
static char *current_value(struct store *s, long long id, enum store_field f,
			   struct bb_error *err, enum bb_status *status)
{
	static const char *const columns[] = {
		[STORE_FIELD_STATUS] = "status",
		[STORE_FIELD_OWNER] = "owner",
		[STORE_FIELD_DUE] = "ifnull(due_text, due_on)",
		[STORE_FIELD_NOTE] = "note",
	};
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT %s FROM action_item WHERE id = ?1", columns[f]);
	sqlite3_stmt *st = store_prepare_cached(s, sql, err);
	*status = BB_ERROR;
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	char *v = NULL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v = store_col_text(st, 0);
		*status = BB_OK;
	} else if (rc == SQLITE_DONE) {
		*status = bb_fail(err, BB_NOT_FOUND, "no action item with id %lld", id);
	} else {
		*status = store_sql_fail(s, err, "reading an action item");
	}
	store_release(s, st);
	return v;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Owner, due date and note are in the search index (the status is
 * not): in a batch, an item's entries come out before one of them
 * changes (see deferred.c). */
static enum bb_status touch_indexed(struct store *s, long long id, enum store_field f,
				    struct bb_error *err)
{
	if (f == STORE_FIELD_STATUS)
		return BB_OK;
	return store_defer_touch(s, STORE_KIND_TASK, id, err);
}

static enum bb_status write_field(struct store *s, long long id,
				  enum store_field f, const char *v,
				  struct bb_error *err)
{
	sqlite3_stmt *st;
	const char *now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
	char sql[256];
	enum bb_status touched = touch_indexed(s, id, f, err);
	if (touched != BB_OK)
		return touched;
	if (f == STORE_FIELD_DUE) {
		snprintf(sql, sizeof sql, "UPDATE action_item SET due_on = ?2, due_text = ?3,"
			 " updated_at = %s WHERE id = ?1", now);
		if (!(st = store_prepare_cached(s, sql, err)))
			return BB_ERROR;
		struct text_date d;
		char iso[11];
		bool dated = v && text_date_parse(v, strlen(v), &d);
		if (dated)
			text_date_iso(&d, iso);
		store_bind_text(st, 2, dated ? iso : NULL);
		store_bind_text(st, 3, v);
	} else {
		snprintf(sql, sizeof sql, "UPDATE action_item SET %s = ?2, updated_at = %s"
			 " WHERE id = ?1", field_names[f], now);
		if (!(st = store_prepare_cached(s, sql, err)))
			return BB_ERROR;
		store_bind_text(st, 2, v);
	}
	sqlite3_bind_int64(st, 1, id);
	enum bb_status status = sqlite3_step(st) == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "saving the change");
	store_release(s, st);
	return status;
}

static enum bb_status write_history(struct store *s, long long id,
				    enum store_field f, const char *user,
				    const char *old, const char *new,
				    long long *history_id, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare_cached(s,
		"INSERT INTO action_item_history(item_id, time, user, field, old, new)"
		" VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?2, ?3, ?4, ?5)", err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, user && *user ? user : "unknown");
	store_bind_text(st, 3, field_names[f]);
	store_bind_text(st, 4, old);
	store_bind_text(st, 5, new);
	enum bb_status status = sqlite3_step(st) == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "recording history");
	store_release(s, st);
	if (status == BB_OK && history_id)
		*history_id = sqlite3_last_insert_rowid(s->db);
	return status;
}

/* Checks and normalizes a new value: NFC, "" means cleared. */
static enum bb_status clean_value(enum store_field f, const char *value,
				  char **out, struct bb_error *err)
{
	*out = NULL;
	if (f == STORE_FIELD_STATUS && !valid_status(value))
		return bb_fail(err, BB_USAGE, "status must be open, doing, done or dropped, not \"%s\"",
			       value ? value : "");
	if (!value || !*value)
		return BB_OK;
	if (store_nfc(value, out, err) != BB_OK)
		return BB_USAGE;
	struct text_date d;
	if (f == STORE_FIELD_DUE && !text_date_parse(*out, strlen(*out), &d)) {
		bb_fail(err, BB_USAGE, "not a date: \"%s\" (try 15/4/2023, 2023-04-15 or quý II-2023)", *out);
		free(*out);
		*out = NULL;
		return BB_USAGE;
	}
	return BB_OK;
}

/* The body of an edit, inside a transaction. */
static enum bb_status apply(struct store *s, long long id, enum store_field f,
			    const char *v, const char *user,
			    const char *expect_old, bool check_old,
			    long long *history_id, struct bb_error *err)
{
	enum bb_status status;
	char *old = current_value(s, id, f, err, &status);
	if (status != BB_OK)
		return status;
	if (check_old && !same(old, expect_old)) {
		free(old);
		return bb_fail(err, BB_ERROR, "item %lld: its %s was changed again since; not undone",
			       id, field_names[f]);
	}
	if (!same(old, v)) {
		status = write_field(s, id, f, v, err);
		if (status == BB_OK)
			status = write_history(s, id, f, user, old, v, history_id, err);
	}
	free(old);
	return status;
}

enum bb_status store_task_set(struct store *s, long long id,
			      enum store_field field, const char *value,
			      const char *user, long long *history_id,
			      struct bb_error *err)
{
	if (history_id)
		*history_id = 0;
	char *v;
	enum bb_status status = clean_value(field, value, &v, err);
	if (status != BB_OK)
		return status;
	if ((status = store_begin(s, err)) == BB_OK) {
		status = apply(s, id, field, v, user, NULL, false, history_id, err);
		status = status == BB_OK ? store_commit(s, err) : status;
		if (status != BB_OK)
			store_rollback(s);
	}
	free(v);
	return status;
}

/* The column a field of a bulk edit writes (not due, whose text is
 * parsed). */
static const char *bulk_column(enum store_field f)
{
	return f == STORE_FIELD_STATUS ? "status" : f == STORE_FIELD_OWNER ? "owner"
		: f == STORE_FIELD_NOTE ? "note" : NULL;
}

/* History first (it reads the old values), then the change. */
static enum bb_status apply_many(struct store *s, const char *ids_json, enum store_field f,
				 const char *v, const char *user, size_t *changed,
				 struct bb_error *err)
{
	const char *col = bulk_column(f);
	char history[512], update[512];
	snprintf(history, sizeof history,
		 "INSERT INTO action_item_history(item_id, time, user, field, old, new)"
		 " SELECT id, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), ?2, ?3, %s, ?4 FROM action_item"
		 " WHERE id IN (SELECT value FROM json_each(?1)) AND %s IS NOT ?4", col, col);
	snprintf(update, sizeof update,
		 "UPDATE action_item SET %s = ?4, updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
		 " WHERE id IN (SELECT value FROM json_each(?1)) AND %s IS NOT ?4", col, col);
	const char *sql[] = { history, update };
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < 2 && status == BB_OK; i++) {
		sqlite3_stmt *st = store_prepare_cached(s, sql[i], err);
		if (!st)
			return BB_ERROR;
		store_bind_text(st, 1, ids_json);
		store_bind_text(st, 2, user && *user ? user : "unknown");
		store_bind_text(st, 3, field_names[f]);
		store_bind_text(st, 4, v);
		status = sqlite3_step(st) == SQLITE_DONE ? BB_OK : store_sql_fail(s, err, "saving the change");
		store_release(s, st);
	}
	if (status == BB_OK && changed)
		*changed = (size_t)sqlite3_changes(s->db);
	return status;
}

enum bb_status store_task_set_many(struct store *s, const long long *ids, size_t n,
				   enum store_field field, const char *value,
				   const char *user, size_t *changed,
				   struct bb_error *err)
{
	if (changed)
		*changed = 0;
	if (!bulk_column(field))
		return bb_fail(err, BB_USAGE, "due dates are set one item at a time");
	char *v;
	enum bb_status status = clean_value(field, value, &v, err);
	if (status != BB_OK)
		return status;
	struct text_buf json = {0};
	text_buf_addc(&json, '[');
	for (size_t i = 0; i < n; i++)
		text_buf_printf(&json, "%s%lld", i ? "," : "", ids[i]);
	text_buf_addc(&json, ']');
	if ((status = store_begin(s, err)) == BB_OK) {
		for (size_t i = 0; i < n && status == BB_OK; i++)
			status = touch_indexed(s, ids[i], field, err);
		if (status == BB_OK)
			status = apply_many(s, json.data, field, v, user, changed, err);
		status = status == BB_OK ? store_commit(s, err) : status;
		if (status != BB_OK)
			store_rollback(s);
	}
	text_buf_free(&json);
	free(v);
	return status;
}

static enum store_field field_from_name(const char *name, bool *ok)
{
	for (size_t i = 0; i < sizeof field_names / sizeof *field_names; i++)
		if (name && !strcmp(name, field_names[i])) {
			*ok = true;
			return (enum store_field)i;
		}
	*ok = false;
	return STORE_FIELD_STATUS;
}

enum bb_status store_task_undo(struct store *s, long long history_id,
			       const char *user, long long *task_id,
			       struct bb_error *err)
{
	*task_id = 0;
	enum bb_status status = store_begin(s, err);
	if (status != BB_OK)
		return status;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT item_id, field, old, new FROM action_item_history WHERE id = ?1", err);
	if (!st) {
		store_rollback(s);
		return BB_ERROR;
	}
	sqlite3_bind_int64(st, 1, history_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		status = bb_fail(err, BB_NOT_FOUND, "nothing to undo");
	} else {
		bool ok;
		*task_id = sqlite3_column_int64(st, 0);
		enum store_field f = field_from_name((const char *)sqlite3_column_text(st, 1), &ok);
		char *old = store_col_text(st, 2), *new = store_col_text(st, 3);
		status = ok ? apply(s, *task_id, f, old, user, new, true, NULL, err)
			    : bb_fail(err, BB_ERROR, "history entry %lld names no known field", history_id);
		free(old);
		free(new);
	}
	sqlite3_finalize(st);
	status = status == BB_OK ? store_commit(s, err) : status;
	if (status != BB_OK)
		store_rollback(s);
	return status;
}
