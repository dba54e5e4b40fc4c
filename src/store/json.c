#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* bienban's JSON export, written and read with SQLite's JSON functions:
 *
 *   {"format": "bienban", "version": 1,
 *    "meetings": [{…, "resolutions": [{…, "documents": [codes],
 *                                       "tasks": [{…}]}]}],
 *    "documents": [{…}],
 *    "history": [{"item_id", "time", "user", "field", "old", "new"}]}
 *
 * A subquery's result loses its JSON subtype, hence json(…) around each
 * nested array: without it the array would be stored as a string. */

#define EXPORT_FORMAT "bienban"
#define EXPORT_VERSION 1

static const char export_meetings_sql[] =
	"SELECT json_object('id', m.id, 'title', m.title, 'body', m.body,"
	" 'session', m.session, 'held_on', m.held_on, 'place', m.place,"
	" 'chair', m.chair, 'summary', m.summary, 'source', m.source,"
	" 'source_text', m.source_text, 'source_hash', m.source_hash,"
	" 'resolutions', json((SELECT json_group_array(json_object("
	"   'id', r.id, 'seq', r.seq, 'title', r.title, 'text', r.text,"
	"   'span_start', r.span_start, 'span_end', r.span_end,"
	"   'documents', json((SELECT json_group_array(d.code) FROM resolution_document rd"
	"     JOIN document d ON d.id = rd.document_id WHERE rd.resolution_id = r.id)),"
	"   'tasks', json((SELECT json_group_array(json_object("
	"     'id', a.id, 'seq', a.seq, 'text', a.text, 'owner', a.owner,"
	"     'due_on', a.due_on, 'due_text', a.due_text, 'status', a.status,"
	"     'note', a.note, 'updated_at', a.updated_at,"
	"     'span_start', a.span_start, 'span_end', a.span_end))"
	"     FROM (SELECT * FROM action_item WHERE resolution_id = r.id ORDER BY seq, id) a))))"
	"   FROM (SELECT * FROM resolution WHERE meeting_id = m.id ORDER BY seq, id) r)))"
	" FROM meeting m ORDER BY m.id";

static const char export_documents_sql[] =
	"SELECT json_object('id', id, 'code', code, 'kind', kind,"
	" 'issued_on', issued_on, 'issuer', issuer, 'title', title)"
	" FROM document ORDER BY id";

static const char export_history_sql[] =
	"SELECT json_object('item_id', item_id, 'time', time, 'user', user,"
	" 'field', field, 'old', old, 'new', new)"
	" FROM action_item_history ORDER BY id";

/* Writes one JSON array of the rows of a one-column query, a row a line. */
static enum bb_status export_array(struct store *s, FILE *f, const char *name,
				   const char *sql, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return BB_ERROR;
	fprintf(f, ",\n\"%s\": [", name);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(f, "%s\n%s", n++ ? "," : "", (const char *)sqlite3_column_text(st, 0));
	enum bb_status status = rc == SQLITE_DONE ? BB_OK : store_sql_fail(s, err, "exporting");
	if (status == BB_OK)
		fputs("\n]", f);
	sqlite3_finalize(st);
	return status;
}

enum bb_status store_export_json(struct store *s, FILE *f, struct bb_error *err)
{
	/* One read transaction: a consistent snapshot while others write. */
	if (store_exec(s, "BEGIN", err) != BB_OK)
		return BB_ERROR;
	fprintf(f, "{\"format\": \"%s\", \"version\": %d", EXPORT_FORMAT, EXPORT_VERSION);
	enum bb_status status = export_array(s, f, "meetings", export_meetings_sql, err);
	if (status == BB_OK)
		status = export_array(s, f, "documents", export_documents_sql, err);
	if (status == BB_OK)
		status = export_array(s, f, "history", export_history_sql, err);
	if (status == BB_OK)
		fputs("}\n", f);
	store_rollback(s);
	return status;
}

/* ---- import ----------------------------------------------------------------- */

struct json_import {
	struct store *s;
	const char *name;
	struct bb_error *err;
	size_t meetings;
};

/* Runs sql with ?1 = a JSON text and ?2 = a parent id; returns the new
 * rowid (or the RETURNING id), 0 when nothing was inserted. */
static long long run(struct json_import *im, const char *sql, const char *json,
		     long long parent, enum bb_status *status)
{
	sqlite3_stmt *st = store_prepare(im->s, sql, im->err);
	*status = BB_ERROR;
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, parent);
	long long id = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	if (rc == SQLITE_DONE) {
		*status = BB_OK;
		if (!id && !sqlite3_stmt_readonly(st) && sqlite3_changes(im->s->db) > 0)
			id = sqlite3_last_insert_rowid(im->s->db);
	} else {
		*status = store_sql_fail_in(im->s, im->err, im->name);
	}
	sqlite3_finalize(st);
	return id;
}

/* Calls fn for each element of the array at `path` in json. */
typedef enum bb_status (*each_fn)(struct json_import *im, const char *elem,
				  long long parent);

static enum bb_status each(struct json_import *im, const char *json,
			   const char *path, long long parent, each_fn fn)
{
	sqlite3_stmt *st = store_prepare(im->s,
		"SELECT value FROM json_each(?1, ?2) WHERE type = 'object'", im->err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	enum bb_status status = BB_OK;
	int rc;
	while (status == BB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *elem = store_col_text(st, 0);
		status = fn(im, elem, parent);
		free(elem);
	}
	if (status == BB_OK && rc != SQLITE_DONE)
		status = store_sql_fail_in(im->s, im->err, im->name);
	sqlite3_finalize(st);
	return status;
}

/* An id from the file is kept when it is free in this database. */
#define KEEP_ID(table) \
	"(SELECT CASE WHEN EXISTS (SELECT 1 FROM " table " WHERE id = json_extract(?1, '$.id'))" \
	" THEN NULL ELSE json_extract(?1, '$.id') END)"
#define J(field) "vi_nfc(json_extract(?1, '$." field "'))"

static enum bb_status import_task(struct json_import *im, const char *t,
				  long long resolution_id)
{
	enum bb_status status;
	long long id = run(im,
		"INSERT INTO action_item(id, resolution_id, seq, text, owner, due_on,"
		" due_text, status, note, updated_at, span_start, span_end) VALUES ("
		KEEP_ID("action_item") ", ?2, ifnull(json_extract(?1, '$.seq'), 0), "
		J("text") ", " J("owner") ", " J("due_on") ", " J("due_text") ","
		" ifnull(json_extract(?1, '$.status'), 'open'), " J("note") ", "
		J("updated_at") ", json_extract(?1, '$.span_start'), json_extract(?1, '$.span_end'))",
		t, resolution_id, &status);
	if (status != BB_OK)
		return status;
	/* Remember where the file's item went, for its history rows. */
	run(im, "INSERT INTO temp.item_map VALUES (json_extract(?1, '$.id'), ?2)", t, id, &status);
	return status;
}

static enum bb_status import_resolution(struct json_import *im, const char *r,
					long long meeting_id)
{
	enum bb_status status;
	long long id = run(im,
		"INSERT INTO resolution(id, meeting_id, seq, title, text, span_start, span_end)"
		" VALUES (" KEEP_ID("resolution") ", ?2, ifnull(json_extract(?1, '$.seq'), 0), "
		J("title") ", " J("text") ","
		" json_extract(?1, '$.span_start'), json_extract(?1, '$.span_end'))",
		r, meeting_id, &status);
	if (status == BB_OK)
		run(im, "INSERT OR IGNORE INTO document(code) SELECT vi_nfc(value)"
		    " FROM json_each(?1, '$.documents') WHERE type = 'text'", r, 0, &status);
	if (status == BB_OK)
		run(im, "INSERT OR IGNORE INTO resolution_document SELECT ?2, d.id"
		    " FROM json_each(?1, '$.documents') j JOIN document d ON d.code = vi_nfc(j.value)",
		    r, id, &status);
	if (status == BB_OK)
		status = each(im, r, "$.tasks", id, import_task);
	return status;
}

static enum bb_status import_meeting(struct json_import *im, const char *m,
				     long long unused)
{
	(void)unused;
	enum bb_status status;
	long long dup = run(im, "SELECT id FROM meeting WHERE source_hash = json_extract(?1, '$.source_hash')",
			    m, 0, &status);
	if (status != BB_OK || dup)
		return status;	/* already here: the same notice, imported before */
	long long id = run(im,
		"INSERT INTO meeting(id, title, body, session, held_on, place, chair, summary,"
		" source, source_text, source_hash) VALUES (" KEEP_ID("meeting") ", "
		J("title") ", " J("body") ", " J("session") ", " J("held_on") ", " J("place") ", "
		J("chair") ", " J("summary") ", " J("source") ", " J("source_text") ","
		" json_extract(?1, '$.source_hash'))", m, 0, &status);
	if (status == BB_OK)
		status = each(im, m, "$.resolutions", id, import_resolution);
	if (status == BB_OK)
		im->meetings++;
	return status;
}

static enum bb_status import_document(struct json_import *im, const char *d,
				      long long unused)
{
	(void)unused;
	enum bb_status status;
	run(im, "INSERT INTO document(id, code, kind, issued_on, issuer, title) VALUES ("
	    KEEP_ID("document") ", " J("code") ", " J("kind") ", " J("issued_on") ", "
	    J("issuer") ", " J("title") ") ON CONFLICT(code) DO UPDATE SET"
	    " kind = ifnull(document.kind, excluded.kind),"
	    " issued_on = ifnull(document.issued_on, excluded.issued_on),"
	    " issuer = ifnull(document.issuer, excluded.issuer),"
	    " title = ifnull(document.title, excluded.title)", d, 0, &status);
	return status;
}

static enum bb_status import_history(struct json_import *im, const char *data)
{
	enum bb_status status;
	run(im, "INSERT INTO action_item_history(item_id, time, user, field, old, new)"
	    " SELECT map.new, json_extract(h.value, '$.time'), vi_nfc(json_extract(h.value, '$.user')),"
	    "  json_extract(h.value, '$.field'), vi_nfc(json_extract(h.value, '$.old')),"
	    "  vi_nfc(json_extract(h.value, '$.new'))"
	    " FROM json_each(?1, '$.history') h"
	    " JOIN temp.item_map map ON map.old = json_extract(h.value, '$.item_id')",
	    data, 0, &status);
	return status;
}

static enum bb_status check_export(struct json_import *im, const char *data)
{
	enum bb_status status;
	long long ok = run(im, "SELECT json_valid(?1)", data, 0, &status);
	if (status != BB_OK)
		return status;
	if (!ok)
		return bb_fail(im->err, BB_ERROR, "%s: not valid JSON", im->name);
	long long version = run(im,
		"SELECT CASE WHEN json_type(?1) = 'object' AND json_extract(?1, '$.format') = '"
		EXPORT_FORMAT "' THEN ifnull(json_extract(?1, '$.version'), 0) ELSE -1 END",
		data, 0, &status);
	if (status != BB_OK)
		return status;
	if (version < 0)
		return bb_fail(im->err, BB_ERROR, "%s: not a bienban export (no \"format\": \"bienban\")", im->name);
	if (version != EXPORT_VERSION)
		return bb_fail(im->err, BB_ERROR, "%s: export version %lld; this bienban reads version %d",
			       im->name, version, EXPORT_VERSION);
	return BB_OK;
}

enum bb_status store_import_json(struct store *s, const char *name,
				 const char *data, size_t len,
				 size_t *meetings, struct bb_error *err)
{
	*meetings = 0;
	if (!text_is_valid_utf8(data, len) || memchr(data, '\0', len))
		return bb_fail(err, BB_ERROR, "%s: not UTF-8 text", name);
	/* SQLite wants a NUL-terminated copy for the bindings below. */
	char *json = strndup(data, len);
	if (!json)
		abort();
	struct json_import im = { .s = s, .name = name, .err = err };
	enum bb_status status = check_export(&im, json);
	if (status == BB_OK)
		status = store_begin(s, err);
	if (status == BB_OK) {
		status = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS item_map"
				    " (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
				    " DELETE FROM temp.item_map", err);
		if (status == BB_OK)
			status = each(&im, json, "$.documents", 0, import_document);
		if (status == BB_OK)
			status = each(&im, json, "$.meetings", 0, import_meeting);
		if (status == BB_OK)
			status = import_history(&im, json);
		if (status == BB_OK)
			status = store_commit(s, err);
		if (status != BB_OK)
			store_rollback(s);
	}
	free(json);
	*meetings = status == BB_OK ? im.meetings : 0;
	return status;
}
