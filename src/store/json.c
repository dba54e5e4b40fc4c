#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

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

/* SQLite's JSON escapes C0 controls only: the rest of what a terminal
 * would obey (text_needs_escape), and bytes that are not UTF-8, are
 * written as \u escapes — the same JSON to a reader, inert on a
 * terminal. Outside strings JSON is ASCII, so only strings change. */
static void put_json(FILE *f, const char *json)
{
	const uint8_t *p = (const uint8_t *)json, *end = p + strlen(json);
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p));
		bool invalid = c == 0xfffd && !(n == 3 && !memcmp(p, "\xef\xbf\xbd", 3));
		if (invalid || text_needs_escape(c))
			fprintf(f, "\\u%04x", (unsigned)c);
		else
			fwrite(p, 1, (size_t)n, f);
		p += n;
	}
}

/* Writes one JSON array of the rows of a one-column query, a row a line. */
static enum bb_status export_array(struct store *s, FILE *f, const char *name,
				   const char *sql, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return BB_ERROR;
	fprintf(f, ",\n\"%s\": [", name);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fputs(n++ ? ",\n" : "\n", f);
		put_json(f, (const char *)sqlite3_column_text(st, 0));
	}
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

/* ---- checking a file before writing it ---------------------------------------- */

/* What a field may hold. The export writes exactly these; a file edited
 * by hand or made by another program is checked object by object before
 * the object is written, so a bad value is named by its JSON path rather
 * than stored (a text seq breaks the ordering every page relies on, a
 * "2023-13-01" breaks the overdue filter) or met as a bare constraint
 * failure. Keys not listed are ignored. */
enum field_type {
	FIELD_ID,	/* a whole number from 1 to ID_MAX, or null */
	FIELD_COUNT,	/* a whole number from 0 to INT_MAX, or null */
	FIELD_TEXT,	/* a string, or null */
	FIELD_NAME,	/* a string that is not blank: required */
	FIELD_DATE,	/* "YYYY-MM-DD", a real day, or null */
	FIELD_STATUS,	/* open, doing, done or dropped, or null */
	FIELD_ARRAY,	/* an array, or null */
};

/* Ids above this would overflow the search index's rowid (id * 4 +
 * kind) and lose digits in JSON readers that hold numbers as doubles. */
#define ID_MAX 9007199254740991LL	/* 2^53 - 1 */

struct field_rule {
	const char *key;
	enum field_type type;
};

#define RULES(name, ...) \
	static const struct field_rule name##_fields[] = { __VA_ARGS__, { NULL, FIELD_TEXT } }

RULES(top, { "meetings", FIELD_ARRAY }, { "documents", FIELD_ARRAY }, { "history", FIELD_ARRAY });
RULES(meeting, { "id", FIELD_ID }, { "title", FIELD_NAME }, { "body", FIELD_TEXT },
      { "session", FIELD_TEXT }, { "held_on", FIELD_DATE }, { "place", FIELD_TEXT },
      { "chair", FIELD_TEXT }, { "summary", FIELD_TEXT }, { "source", FIELD_TEXT },
      { "source_text", FIELD_TEXT }, { "source_hash", FIELD_TEXT },
      { "resolutions", FIELD_ARRAY });
RULES(resolution, { "id", FIELD_ID }, { "seq", FIELD_COUNT }, { "title", FIELD_NAME },
      { "text", FIELD_TEXT }, { "span_start", FIELD_COUNT }, { "span_end", FIELD_COUNT },
      { "documents", FIELD_ARRAY }, { "tasks", FIELD_ARRAY });
RULES(task, { "id", FIELD_ID }, { "seq", FIELD_COUNT }, { "text", FIELD_NAME },
      { "owner", FIELD_TEXT }, { "due_on", FIELD_DATE }, { "due_text", FIELD_TEXT },
      { "status", FIELD_STATUS }, { "note", FIELD_TEXT }, { "updated_at", FIELD_TEXT },
      { "span_start", FIELD_COUNT }, { "span_end", FIELD_COUNT });
RULES(document, { "id", FIELD_ID }, { "code", FIELD_NAME }, { "kind", FIELD_TEXT },
      { "issued_on", FIELD_DATE }, { "issuer", FIELD_TEXT }, { "title", FIELD_TEXT });
RULES(history, { "item_id", FIELD_ID }, { "time", FIELD_NAME }, { "user", FIELD_NAME },
      { "field", FIELD_NAME }, { "old", FIELD_TEXT }, { "new", FIELD_TEXT });

static bool is_status(const char *s)
{
	return !strcmp(s, "open") || !strcmp(s, "doing") || !strcmp(s, "done") ||
	       !strcmp(s, "dropped");
}

static bool is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* What is wrong with a number for a field of type t, or NULL. */
static const char *number_problem(enum field_type t, sqlite3_value *v)
{
	if (sqlite3_value_type(v) != SQLITE_INTEGER)
		return "is not a whole number";
	sqlite3_int64 n = sqlite3_value_int64(v);
	if (t == FIELD_ID && (n < 1 || n > ID_MAX))
		return "is not an id (a whole number from 1 to 2^53 - 1)";
	if (t == FIELD_COUNT && (n < 0 || n > 2147483647))
		return "is out of range";
	return NULL;
}

/* What is wrong with a string for a field of type t, or NULL. The bytes
 * are SQLite's decoding of the JSON string: a lone surrogate "\udc00"
 * shows up only here. */
static const char *text_problem(enum field_type t, sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	size_t len = (size_t)sqlite3_value_bytes(v);
	struct text_date d;
	if (!s || !text_is_valid_utf8(s, len))
		return "is not valid UTF-8 (a lone surrogate escape?)";
	if (t == FIELD_NAME && is_blank(s))
		return "is blank";
	if (t == FIELD_DATE && !text_date_from_iso(s, len, &d))
		return "is not a date (YYYY-MM-DD, 1900 to 2200)";
	if (t == FIELD_STATUS && !is_status(s))
		return "is not a status (open, doing, done or dropped)";
	return NULL;
}

/* What is wrong with a JSON value of the given json_type for a field of
 * type t, or NULL when it may be stored. */
static const char *value_problem(enum field_type t, const char *jtype, sqlite3_value *v)
{
	if (!strcmp(jtype, "null"))
		return t == FIELD_NAME ? "is null" : NULL;
	switch (t) {
	case FIELD_ID:
	case FIELD_COUNT:
		return number_problem(t, v);
	case FIELD_ARRAY:
		return strcmp(jtype, "array") ? "is not an array" : NULL;
	default:
		return strcmp(jtype, "text") ? "is not a string" : text_problem(t, v);
	}
}

static int rule_of(const struct field_rule *rules, const char *key)
{
	for (int i = 0; key && rules[i].key; i++)
		if (!strcmp(rules[i].key, key))
			return i;
	return -1;
}

static enum bb_status missing_name(struct json_import *im, const char *path,
				   const struct field_rule *rules, unsigned seen)
{
	for (int i = 0; rules[i].key; i++)
		if (rules[i].type == FIELD_NAME && !(seen & (1u << i)))
			return bb_fail(im->err, BB_ERROR, "%s: %s.%s is missing", im->name,
				       path, rules[i].key);
	return BB_OK;
}

/* Checks the fields of the object `obj` (at `path` in the file). */
static enum bb_status check_fields(struct json_import *im, const char *obj,
				   const char *path, const struct field_rule *rules)
{
	sqlite3_stmt *st = store_prepare(im->s, "SELECT key, type, atom FROM json_each(?1)", im->err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_text(st, 1, obj, -1, SQLITE_STATIC);
	enum bb_status status = BB_OK;
	unsigned seen = 0;
	int rc;
	while (status == BB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int i = rule_of(rules, key);
		if (i < 0)
			continue;
		seen |= 1u << i;
		const char *problem = value_problem(rules[i].type,
			(const char *)sqlite3_column_text(st, 1), sqlite3_column_value(st, 2));
		if (problem)
			status = bb_fail(im->err, BB_ERROR, "%s: %s.%s %s", im->name, path, key, problem);
	}
	if (status == BB_OK && rc != SQLITE_DONE)
		status = bb_fail(im->err, BB_ERROR, "%s: %s", im->name, sqlite3_errmsg(im->s->db));
	sqlite3_finalize(st);
	return status == BB_OK ? missing_name(im, path, rules, seen) : status;
}

/* ---- walking the file --------------------------------------------------------- */

/* Calls fn for each element of the array at `path` in json (an object
 * found at `at` in the file), each element checked to be an object. A
 * null or absent array has no elements. (json_each of a null gives one
 * row: the null itself.) */
typedef enum bb_status (*each_fn)(struct json_import *im, const char *elem,
				  const char *at, long long parent);

static enum bb_status each(struct json_import *im, const char *json, const char *at,
			   const char *path, long long parent, each_fn fn)
{
	sqlite3_stmt *st = store_prepare(im->s,
		"SELECT ?3 || substr(fullkey, 2), type, value FROM json_each(?1, ?2)"
		" WHERE json_type(?1, ?2) = 'array'", im->err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
	enum bb_status status = BB_OK;
	int rc;
	while (status == BB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *elem_at = store_col_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		if (!type || strcmp(type, "object")) {
			status = bb_fail(im->err, BB_ERROR, "%s: %s is not an object", im->name, elem_at);
		} else {
			char *elem = store_col_text(st, 2);
			status = fn(im, elem, elem_at, parent);
			free(elem);
		}
		free(elem_at);
	}
	if (status == BB_OK && rc != SQLITE_DONE)
		status = store_sql_fail_in(im->s, im->err, im->name);
	sqlite3_finalize(st);
	return status;
}

/* A resolution's "documents" is an array of codes. */
static enum bb_status check_codes(struct json_import *im, const char *r, const char *at)
{
	sqlite3_stmt *st = store_prepare(im->s,
		"SELECT ?2 || substr(fullkey, 2), type, atom FROM json_each(?1, '$.documents')"
		" WHERE json_type(?1, '$.documents') = 'array'", im->err);
	if (!st)
		return BB_ERROR;
	sqlite3_bind_text(st, 1, r, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	enum bb_status status = BB_OK;
	int rc;
	while (status == BB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *problem = value_problem(FIELD_NAME,
			(const char *)sqlite3_column_text(st, 1), sqlite3_column_value(st, 2));
		if (problem)
			status = bb_fail(im->err, BB_ERROR, "%s: %s %s", im->name,
					 (const char *)sqlite3_column_text(st, 0), problem);
	}
	if (status == BB_OK && rc != SQLITE_DONE)
		status = bb_fail(im->err, BB_ERROR, "%s: %s", im->name, sqlite3_errmsg(im->s->db));
	sqlite3_finalize(st);
	return status;
}

/* ---- writing ------------------------------------------------------------------ */

/* An id from the file is kept when it is free in this database. */
#define KEEP_ID(table) \
	"(SELECT CASE WHEN EXISTS (SELECT 1 FROM " table " WHERE id = json_extract(?1, '$.id'))" \
	" THEN NULL ELSE json_extract(?1, '$.id') END)"
#define J(field) "vi_nfc(json_extract(?1, '$." field "'))"

/* Remembers where the file's item went, for its history rows; an id the
 * file gives twice would leave that history without one owner. */
static enum bb_status map_task(struct json_import *im, const char *t,
			       const char *at, long long id)
{
	enum bb_status status;
	long long twice = run(im, "SELECT 1 FROM temp.item_map WHERE old = json_extract(?1, '$.id')",
			      t, 0, &status);
	if (status == BB_OK && twice)
		return bb_fail(im->err, BB_ERROR, "%s: %s.id is the id of another action item"
			       " in the file", im->name, at);
	if (status == BB_OK)
		run(im, "INSERT INTO temp.item_map SELECT json_extract(?1, '$.id'), ?2"
		    " WHERE json_extract(?1, '$.id') IS NOT NULL", t, id, &status);
	return status;
}

static enum bb_status import_task(struct json_import *im, const char *t,
				  const char *at, long long resolution_id)
{
	enum bb_status status = check_fields(im, t, at, task_fields);
	if (status != BB_OK)
		return status;
	long long id = run(im,
		"INSERT INTO action_item(id, resolution_id, seq, text, owner, due_on,"
		" due_text, status, note, updated_at, span_start, span_end) VALUES ("
		KEEP_ID("action_item") ", ?2, ifnull(json_extract(?1, '$.seq'), 0), "
		J("text") ", " J("owner") ", " J("due_on") ", " J("due_text") ","
		" ifnull(json_extract(?1, '$.status'), 'open'), " J("note") ", "
		J("updated_at") ", json_extract(?1, '$.span_start'), json_extract(?1, '$.span_end'))",
		t, resolution_id, &status);
	return status == BB_OK ? map_task(im, t, at, id) : status;
}

static enum bb_status import_resolution(struct json_import *im, const char *r,
					const char *at, long long meeting_id)
{
	enum bb_status status = check_fields(im, r, at, resolution_fields);
	if (status == BB_OK)
		status = check_codes(im, r, at);
	if (status != BB_OK)
		return status;
	long long id = run(im,
		"INSERT INTO resolution(id, meeting_id, seq, title, text, span_start, span_end)"
		" VALUES (" KEEP_ID("resolution") ", ?2, ifnull(json_extract(?1, '$.seq'), 0), "
		J("title") ", " J("text") ","
		" json_extract(?1, '$.span_start'), json_extract(?1, '$.span_end'))",
		r, meeting_id, &status);
	if (status == BB_OK)
		run(im, "INSERT OR IGNORE INTO document(code) SELECT vi_nfc(value)"
		    " FROM json_each(?1, '$.documents')", r, 0, &status);
	if (status == BB_OK)
		run(im, "INSERT OR IGNORE INTO resolution_document SELECT ?2, d.id"
		    " FROM json_each(?1, '$.documents') j JOIN document d ON d.code = vi_nfc(j.value)",
		    r, id, &status);
	if (status == BB_OK)
		status = each(im, r, at, "$.tasks", id, import_task);
	return status;
}

static enum bb_status import_meeting(struct json_import *im, const char *m,
				     const char *at, long long unused)
{
	(void)unused;
	enum bb_status status = check_fields(im, m, at, meeting_fields);
	if (status != BB_OK)
		return status;
	long long dup = run(im, "SELECT id FROM meeting WHERE source_hash = " J("source_hash"),
			    m, 0, &status);
	if (status != BB_OK || dup)
		return status;	/* already here: the same notice, imported before */
	long long id = run(im,
		"INSERT INTO meeting(id, title, body, session, held_on, place, chair, summary,"
		" source, source_text, source_hash) VALUES (" KEEP_ID("meeting") ", "
		J("title") ", " J("body") ", " J("session") ", " J("held_on") ", " J("place") ", "
		J("chair") ", " J("summary") ", " J("source") ", " J("source_text") ", "
		J("source_hash") ")", m, 0, &status);
	if (status == BB_OK)
		status = each(im, m, at, "$.resolutions", id, import_resolution);
	if (status == BB_OK)
		im->meetings++;
	return status;
}

static enum bb_status import_document(struct json_import *im, const char *d,
				      const char *at, long long unused)
{
	(void)unused;
	enum bb_status status = check_fields(im, d, at, document_fields);
	if (status != BB_OK)
		return status;
	if (store_deferring(im->s)) {	/* a known one changes: see deferred.c */
		long long known = run(im, "SELECT id FROM document WHERE code = " J("code"), d, 0, &status);
		if (status == BB_OK && known)
			status = store_defer_touch(im->s, STORE_KIND_DOCUMENT, known, im->err);
		if (status != BB_OK)
			return status;
	}
	run(im, "INSERT INTO document(id, code, kind, issued_on, issuer, title) VALUES ("
	    KEEP_ID("document") ", " J("code") ", " J("kind") ", " J("issued_on") ", "
	    J("issuer") ", " J("title") ") ON CONFLICT(code) DO UPDATE SET"
	    " kind = ifnull(document.kind, excluded.kind),"
	    " issued_on = ifnull(document.issued_on, excluded.issued_on),"
	    " issuer = ifnull(document.issuer, excluded.issuer),"
	    " title = ifnull(document.title, excluded.title)", d, 0, &status);
	return status;
}

/* A history row follows its item to the id the item got here; a row of
 * an item not in the file (or skipped as already here) is dropped. */
static enum bb_status import_history(struct json_import *im, const char *h,
				     const char *at, long long unused)
{
	(void)unused;
	enum bb_status status = check_fields(im, h, at, history_fields);
	if (status != BB_OK)
		return status;
	run(im, "INSERT INTO action_item_history(item_id, time, user, field, old, new)"
	    " SELECT map.new, " J("time") ", " J("user") ", " J("field") ", " J("old") ", "
	    J("new") " FROM temp.item_map map WHERE map.old = json_extract(?1, '$.item_id')",
	    h, 0, &status);
	return status;
}

/* Offset of the first "\u0000" escape in valid JSON, or -1. SQLite
 * cuts a string there without a word, so the rest of the value would be
 * lost; bienban stores no NUL anyway. In valid JSON every backslash
 * starts an escape, so escapes can be read pair by pair. */
static long nul_escape(const char *s)
{
	for (const char *p = s; (p = strchr(p, '\\')); p += 2) {
		if (!strncmp(p, "\\u0000", 6))
			return p - s;
	}
	return -1;
}

/* "NAME:LINE:COLUMN: reason" for byte `at` of s: the line, and the
 * column in characters, where an editor shows it. */
static enum bb_status fail_at_byte(struct bb_error *err, const char *name,
				   const char *s, size_t at, const char *reason)
{
	size_t line = 1, col = 1;
	for (size_t i = 0; i < at; i++) {
		if (s[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	return bb_fail(err, BB_ERROR, "%s:%zu:%zu: %s", name, line, col, reason);
}

/* The file is UTF-8 text, or the first byte that is not is named. */
static enum bb_status check_bytes(const char *name, const char *data, size_t len,
				  struct bb_error *err)
{
	const char *nul = memchr(data, '\0', len);
	const char *bad = (const char *)u8_check((const uint8_t *)data, nul ? (size_t)(nul - data) : len);
	if (bad)
		return fail_at_byte(err, name, data, (size_t)(bad - data),
				    "not valid UTF-8; save the file as UTF-8");
	if (nul)
		return fail_at_byte(err, name, data, (size_t)(nul - data),
				    "NUL byte (binary data, not a JSON export)");
	return BB_OK;
}

static enum bb_status check_export(struct json_import *im, const char *data)
{
	enum bb_status status;
	long long ok = run(im, "SELECT json_valid(?1)", data, 0, &status);
	if (status != BB_OK)
		return status;
	if (!ok)
		return bb_fail(im->err, BB_ERROR, "%s: not valid JSON", im->name);
	long nul = nul_escape(data);
	if (nul >= 0)
		return fail_at_byte(im->err, im->name, data, (size_t)nul, "a string holds \\u0000"
				    " (a NUL character), which bienban does not store");
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
	return check_fields(im, data, "$", top_fields);
}

static enum bb_status import_all(struct json_import *im, const char *json)
{
	enum bb_status status = store_exec(im->s, "CREATE TEMP TABLE IF NOT EXISTS item_map"
					   " (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
					   " DELETE FROM temp.item_map", im->err);
	if (status == BB_OK)
		status = each(im, json, "$", "$.documents", 0, import_document);
	if (status == BB_OK)
		status = each(im, json, "$", "$.meetings", 0, import_meeting);
	if (status == BB_OK)
		status = each(im, json, "$", "$.history", 0, import_history);
	return status;
}

enum bb_status store_import_json(struct store *s, const char *name,
				 const char *data, size_t len,
				 size_t *meetings, struct bb_error *err)
{
	*meetings = 0;
	/* A BOM is no JSON, but editors on Windows write one. */
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	if (check_bytes(name, data, len, err) != BB_OK)
		return BB_ERROR;
	/* SQLite wants a NUL-terminated copy for the bindings below. */
	char *json = strndup(data, len);
	if (!json)
		abort();
	struct json_import im = { .s = s, .name = name, .err = err };
	enum bb_status status = check_export(&im, json);
	if (status == BB_OK)
		status = store_begin(s, err);
	if (status == BB_OK) {
		status = import_all(&im, json);
		if (status == BB_OK)
			status = store_commit(s, err);
		if (status != BB_OK)
			store_rollback(s);
	}
	free(json);
	*meetings = status == BB_OK ? im.meetings : 0;
	return status;
}
