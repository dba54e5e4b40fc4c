#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "text.h"

/* Schema v1. Sort keys that may be NULL are indexed as expressions with
 * ifnull(), and the page queries use the very same expressions, so every
 * list is an index range scan (see page.c). */
static const char schema_v1[] =
	"CREATE TABLE meeting ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  body TEXT, session TEXT, held_on TEXT, place TEXT, chair TEXT,"
	"  summary TEXT, source TEXT, source_text TEXT,"
	"  source_hash TEXT UNIQUE);"
	"CREATE INDEX meeting_by_date ON meeting(ifnull(held_on, ''), id);"
	"CREATE INDEX meeting_by_title ON meeting(title);"

	"CREATE TABLE resolution ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, title TEXT NOT NULL, text TEXT,"
	"  span_start INTEGER, span_end INTEGER);"
	"CREATE INDEX resolution_by_meeting ON resolution(meeting_id, seq, id);"

	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  kind TEXT, issued_on TEXT, issuer TEXT, title TEXT);"

	"CREATE TABLE resolution_document ("
	"  resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,"
	"  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (resolution_id, document_id)) WITHOUT ROWID;"
	"CREATE INDEX document_resolutions ON resolution_document(document_id, resolution_id);"

	"CREATE TABLE action_item ("
	"  id INTEGER PRIMARY KEY,"
	"  resolution_id INTEGER NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, text TEXT NOT NULL, owner TEXT,"
	"  due_on TEXT, due_text TEXT,"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open', 'doing', 'done', 'dropped')),"
	"  note TEXT, updated_at TEXT, span_start INTEGER, span_end INTEGER);"
	"CREATE INDEX task_by_resolution ON action_item(resolution_id, seq, id);"
	"CREATE INDEX task_by_due ON action_item(ifnull(due_on, '9999-12-31'), id);"
	"CREATE INDEX task_by_status_due ON action_item(status, ifnull(due_on, '9999-12-31'), id);"
	"CREATE INDEX task_by_owner ON action_item(ifnull(owner, '') COLLATE vi, id);"
	"CREATE INDEX task_by_text ON action_item(text COLLATE vi, id);"
	"CREATE INDEX task_by_status_rank ON action_item("
	"  (CASE status WHEN 'open' THEN '0' WHEN 'doing' THEN '1' WHEN 'done' THEN '2' ELSE '3' END"
	"   || ifnull(due_on, '9999-12-31')), id);"

	"CREATE TABLE action_item_history ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,"
	"  time TEXT NOT NULL, user TEXT NOT NULL, field TEXT NOT NULL,"
	"  old TEXT, new TEXT);"
	"CREATE INDEX history_by_item ON action_item_history(item_id, id);"
	"CREATE INDEX history_by_user ON action_item_history(user, id);"

	/* Totals for the status line, kept by triggers: count(*) over a
	 * million rows on every redraw is what this avoids. */
	"CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO counts VALUES ('meeting', 0), ('resolution', 0),"
	"  ('document', 0), ('action_item', 0);"

	/* Search: contentless (the text lives in the tables already), rowid
	 * = id * 4 + kind, so one index serves all four kinds. The last word
	 * typed is a prefix; FTS5 answers a prefix incrementally only from a
	 * prefix index of its length, and otherwise gathers every matching
	 * word's list first (90–130 ms for "nghi" on a million items). Folded
	 * Vietnamese syllables are at most seven letters and mostly shorter:
	 * indexes for 2 to 6 cost 28% more index (9% more file) than 2 and 3
	 * alone. Databases made with prefix='2 3' still work, more slowly. */
	"CREATE VIRTUAL TABLE search USING fts5(title, body, content='',"
	"  tokenize='vi', prefix='2 3 4 5 6');";

/* What each kind puts in the search index. In the expressions "R" stands
 * for the row (new or old): a delete from a contentless FTS5 table must
 * repeat exactly what was inserted. */
struct search_source {
	const char *table;
	int kind;
	const char *title;
	const char *body;
};

static const struct search_source search_sources[] = {
	{ .table = "meeting", .kind = 0, .title = "R.title",
	  .body = "ifnull(R.body,'')||' '||ifnull(R.session,'')||' '||"
		  "ifnull(R.place,'')||' '||ifnull(R.chair,'')||' '||ifnull(R.summary,'')" },
	{ .table = "resolution", .kind = 1, .title = "R.title",
	  .body = "ifnull(R.text,'')" },
	{ .table = "document", .kind = 2, .title = "R.code",
	  .body = "ifnull(R.kind,'')||' '||ifnull(R.issuer,'')||' '||ifnull(R.title,'')" },
	{ .table = "action_item", .kind = 3, .title = "R.text",
	  .body = "ifnull(R.owner,'')||' '||ifnull(R.due_text,'')||' '||ifnull(R.note,'')" },
};

/* Copies expr with every "R." replaced by "row.". */
static void put_expr(struct text_buf *b, const char *expr, const char *row)
{
	for (const char *p = expr; *p; p++) {
		if (p[0] == 'R' && p[1] == '.')
			text_buf_addz(b, row);
		else
			text_buf_addc(b, *p);
	}
}

static void put_index_row(struct text_buf *b, const struct search_source *src,
			  const char *row, bool deleting)
{
	if (deleting)
		text_buf_printf(b, " INSERT INTO search(search, rowid, title, body)"
				" VALUES ('delete', %s.id * 4 + %d, ", row, src->kind);
	else
		text_buf_printf(b, " INSERT INTO search(rowid, title, body)"
				" VALUES (%s.id * 4 + %d, ", row, src->kind);
	put_expr(b, src->title, row);
	text_buf_addz(b, ", ");
	put_expr(b, src->body, row);
	text_buf_addz(b, ");");
}

int store_search_kind_of(const char *table)
{
	for (size_t i = 0; i < sizeof search_sources / sizeof *search_sources; i++)
		if (!strcmp(table, search_sources[i].table))
			return search_sources[i].kind;
	return -1;
}

const char *store_search_table(int kind)
{
	return search_sources[kind].table;
}

void store_search_sql(struct text_buf *b, int kind, bool deleting, const char *where)
{
	const struct search_source *src = &search_sources[kind];
	if (deleting)
		text_buf_printf(b, "INSERT INTO search(search, rowid, title, body) SELECT 'delete', t.id * 4 + %d, ",
				src->kind);
	else
		text_buf_printf(b, "INSERT INTO search(rowid, title, body) SELECT t.id * 4 + %d, ", src->kind);
	put_expr(b, src->title, "t");
	text_buf_addz(b, ", ");
	put_expr(b, src->body, "t");
	text_buf_printf(b, " FROM %s t WHERE %s", src->table, where);
}

enum trigger_event {
	ON_INSERT,
	ON_DELETE,
	ON_UPDATE,
	TRIGGER_EVENTS
};

static const char *const trigger_suffix[] = { "_ai", "_ad", "_au" };

/* One trigger's CREATE statement, without the closing semicolon: the
 * text SQLite keeps in sqlite_schema, so it can be compared at open. */
static void put_trigger(struct text_buf *b, const struct search_source *src,
			enum trigger_event ev)
{
	static const char *const event[] = { "INSERT", "DELETE", "UPDATE" };
	const char *t = src->table;
	text_buf_printf(b, "CREATE TRIGGER %s%s AFTER %s ON %s BEGIN", t,
			trigger_suffix[ev], event[ev], t);
	if (ev == ON_INSERT)
		text_buf_printf(b, " UPDATE counts SET n = n + 1 WHERE name = '%s';", t);
	if (ev == ON_DELETE)
		text_buf_printf(b, " UPDATE counts SET n = n - 1 WHERE name = '%s';", t);
	if (ev != ON_INSERT)
		put_index_row(b, src, "old", true);
	if (ev != ON_DELETE)
		put_index_row(b, src, "new", false);
	text_buf_addz(b, " END");
}

#define NSOURCES (sizeof search_sources / sizeof *search_sources)

enum bb_status store_schema_create(struct store *s, struct bb_error *err)
{
	struct text_buf sql = {0};
	text_buf_addz(&sql, "BEGIN IMMEDIATE;");
	text_buf_addz(&sql, schema_v1);
	for (size_t i = 0; i < NSOURCES; i++)
		for (int ev = 0; ev < TRIGGER_EVENTS; ev++) {
			put_trigger(&sql, &search_sources[i], (enum trigger_event)ev);
			text_buf_addz(&sql, ";\n");
		}
	text_buf_printf(&sql, "PRAGMA application_id = %d; PRAGMA user_version = %d; COMMIT;",
			STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
	enum bb_status st = BB_OK;
	if (sqlite3_exec(s->db, sql.data, NULL, NULL, NULL) != SQLITE_OK) {
		st = store_sql_fail(s, err, "creating the schema");
		store_rollback(s);
	}
	text_buf_free(&sql);
	return st;
}

/* Whether a trigger found in the file is one bienban made, word for word. */
static bool trigger_is_ours(const char *name, const char *sql)
{
	bool ours = false;
	struct text_buf want = {0}, want_name = {0};
	for (size_t i = 0; i < NSOURCES && !ours; i++)
		for (int ev = 0; ev < TRIGGER_EVENTS && !ours; ev++) {
			text_buf_clear(&want_name);
			text_buf_printf(&want_name, "%s%s", search_sources[i].table, trigger_suffix[ev]);
			if (strcmp(name, want_name.data))
				continue;
			text_buf_clear(&want);
			put_trigger(&want, &search_sources[i], (enum trigger_event)ev);
			ours = !strcmp(sql, want.data);
		}
	text_buf_free(&want);
	text_buf_free(&want_name);
	return ours;
}

/* Triggers run with bienban's writes (and with trusted_schema on, which
 * FTS5 needs inside a trigger), so every trigger and view must be
 * bienban's own: a file with any other is refused. */
static enum bb_status check_code_objects(struct store *s, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view')", err);
	if (!st)
		return BB_ERROR;
	enum bb_status status = BB_OK;
	int rc, triggers = 0;
	while (status == BB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *sql = (const char *)sqlite3_column_text(st, 2);
		if (type && !strcmp(type, "trigger") && name && sql && trigger_is_ours(name, sql))
			triggers++;
		else
			status = bb_fail(err, BB_ERROR, "%s: not a bienban database (a %s \"%s\" bienban did not make)",
					 s->path, type ? type : "?", name ? name : "?");
	}
	if (status == BB_OK && rc != SQLITE_DONE)
		status = store_sql_fail(s, err, "reading the schema");
	if (status == BB_OK && triggers != (int)(NSOURCES * TRIGGER_EVENTS))
		status = bb_fail(err, BB_ERROR, "%s: not a bienban database (its triggers are missing)", s->path);
	sqlite3_finalize(st);
	return status;
}

/* The objects bienban relies on, with the type each must have. A file
 * that carries bienban's id but a view where a table belongs (or no
 * table at all) is refused before anything reads through it. */
static const struct {
	const char *name;
	const char *type;
} expected_objects[] = {
	{ "meeting", "table" }, { "resolution", "table" },
	{ "document", "table" }, { "resolution_document", "table" },
	{ "action_item", "table" }, { "action_item_history", "table" },
	{ "counts", "table" }, { "search", "table" },
};

enum bb_status store_schema_check(struct store *s, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT type FROM sqlite_schema WHERE name = ?1", err);
	if (!st)
		return BB_ERROR;
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < sizeof expected_objects / sizeof *expected_objects; i++) {
		sqlite3_bind_text(st, 1, expected_objects[i].name, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(st, 0);
			if (!type || strcmp(type, expected_objects[i].type) != 0)
				status = bb_fail(err, BB_ERROR, "%s: not a bienban database (\"%s\" is a %s, not a %s)",
						 s->path, expected_objects[i].name, type ? type : "?",
						 expected_objects[i].type);
		} else if (rc == SQLITE_DONE) {
			status = bb_fail(err, BB_ERROR, "%s: not a bienban database (no \"%s\" table)",
					 s->path, expected_objects[i].name);
		} else {
			status = store_sql_fail(s, err, "reading the schema");
		}
		sqlite3_reset(st);
		if (status != BB_OK)
			break;
	}
	sqlite3_finalize(st);
	return status == BB_OK ? check_code_objects(s, err) : status;
}
