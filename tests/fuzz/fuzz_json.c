/* fuzz_json.c — libFuzzer target for the JSON import.
 *
 * Any bytes go to store_import_json on an in-memory database that already
 * holds a few records (so ids, document codes and source hashes can
 * collide with what is there). The import either succeeds and leaves a
 * database that keeps every promise of the schema — integrity_check,
 * foreign keys, the FTS5 index, the kept totals, valid NFC text, whole
 * numbers where numbers go, ISO dates where dates go, an export that is
 * valid JSON and inert on a terminal — or fails with one
 * line naming the file and leaves the database byte for byte as it was.
 *
 * The database is reset to the same records before every input (with
 * the backup API), so a run is reproducible from one input.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unistr.h>

#include "store.h"
#include "text.h"
#include "../../src/store/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                    \
			abort();                                           \
		}                                                          \
	} while (0)

/* What is in the database before each input: a meeting with a hash, a
 * resolution citing a document, two tasks (one with history). */
static const char base_export[] =
	"{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"id\": 1,"
	" \"title\": \"Hội nghị lần thứ 12\", \"held_on\": \"2023-03-31\","
	" \"source_text\": \"1. Đối với Nghị quyết 27-NQ/TW\", \"source_hash\": \"h1\","
	" \"resolutions\": [{\"id\": 1, \"seq\": 1, \"title\": \"Đối với\", \"text\": \"x\","
	" \"span_start\": 0, \"span_end\": 31, \"documents\": [\"27-NQ/TW\"], \"tasks\": ["
	"{\"id\": 1, \"seq\": 1, \"text\": \"Sở Tài chính chủ trì\", \"status\": \"open\","
	" \"due_on\": \"2023-06-30\", \"due_text\": \"quý II-2023\"},"
	"{\"id\": 2, \"seq\": 2, \"text\": \"Báo cáo\", \"status\": \"done\"}]}]}],"
	" \"documents\": [{\"id\": 1, \"code\": \"27-NQ/TW\", \"kind\": \"Nghị quyết\"}],"
	" \"history\": [{\"item_id\": 2, \"time\": \"2023-04-01T00:00:00Z\", \"user\": \"a\","
	" \"field\": \"status\", \"old\": \"open\", \"new\": \"done\"}]}";

static struct store *db;
static sqlite3 *tmpl;		/* the base records, copied into db each time */

static void exec_ok(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg ? msg : "?");
		abort();
	}
}

static void setup(void)
{
	struct bb_error err;
	size_t n;
	CHECK(store_open(":memory:", STORE_CREATE, &db, NULL, &err) == BB_OK);
	if (store_import_json(db, "base.json", base_export, strlen(base_export), &n, &err) != BB_OK) {
		fprintf(stderr, "base: %s\n", err.msg);
		abort();
	}
	CHECK(n == 1);
	CHECK(sqlite3_open(":memory:", &tmpl) == SQLITE_OK);
	sqlite3_backup *b = sqlite3_backup_init(tmpl, "main", db->db, "main");
	CHECK(b && sqlite3_backup_step(b, -1) == SQLITE_DONE);
	CHECK(sqlite3_backup_finish(b) == SQLITE_OK);
}

/* The backup API rather than sqlite3_deserialize: after a deserialize,
 * SQLite 3.40 crashed (in sqlite3SchemaToIndex) on the next json_each of
 * this connection. */
static void reset(void)
{
	sqlite3_backup *b = sqlite3_backup_init(db->db, "main", tmpl, "main");
	CHECK(b && sqlite3_backup_step(b, -1) == SQLITE_DONE);
	CHECK(sqlite3_backup_finish(b) == SQLITE_OK);
}

/* The main database's bytes (sqlite3_free them). */
static unsigned char *image(sqlite3_int64 *len)
{
	unsigned char *p = sqlite3_serialize(db->db, "main", len, 0);
	CHECK(p != NULL);
	return p;
}

/* Every row of a query must have its first column equal to `want`
 * (NULL: the query must return no row at all). */
static void expect_rows(const char *sql, const char *want)
{
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) == SQLITE_OK);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *got = (const char *)sqlite3_column_text(st, 0);
		if (!want || !got || strcmp(got, want)) {
			fprintf(stderr, "%s\n  gave %s\n", sql, got ? got : "NULL");
			abort();
		}
	}
	CHECK(rc == SQLITE_DONE);
	sqlite3_finalize(st);
}

/* Every text value in the database is valid UTF-8 in NFC. */
static void check_text(const char *table)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT * FROM %s", table);
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) == SQLITE_OK);
	struct text_buf nfc = {0};
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			if (sqlite3_column_type(st, c) != SQLITE_TEXT)
				continue;
			const char *s = (const char *)sqlite3_column_text(st, c);
			size_t len = (size_t)sqlite3_column_bytes(st, c);
			text_buf_clear(&nfc);
			CHECK(text_nfc(&nfc, s, len));
			CHECK(nfc.len == len && (len == 0 || memcmp(nfc.data, s, len) == 0));
		}
	}
	text_buf_free(&nfc);
	sqlite3_finalize(st);
}

#define NOT_INT(c) " typeof(" c ") <> 'integer'"
#define NOT_INT_OR_NULL(c) " typeof(" c ") NOT IN ('integer', 'null')"
#define NOT_DATE(c) " (" c " IS NOT NULL AND (date(" c ") IS NOT " c \
	" OR " c " NOT BETWEEN '1900-01-01' AND '2200-12-31'))"

/* The export of what is there is valid JSON and inert on a terminal:
 * no control character outside \u escapes, C1 and bidi ones included. */
static void check_export(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct bb_error err;
	CHECK(f && store_export_json(db, f, &err) == BB_OK);
	CHECK(fclose(f) == 0);
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db->db, "SELECT json_valid(?1)", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, text, (int)len, SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1);
	sqlite3_finalize(st);
	const uint8_t *p = (const uint8_t *)text, *end = p + len;
	while (p < end) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		CHECK((c >= 0x20 || c == '\n') && !(c >= 0x7f && c <= 0x9f) &&
		      c != 0x2028 && c != 0x2029 && !(c >= 0x202a && c <= 0x202e) &&
		      !(c >= 0x2066 && c <= 0x2069));
	}
	free(text);
}

static void check_imported(void)
{
	expect_rows("PRAGMA integrity_check", "ok");
	expect_rows("PRAGMA foreign_key_check", NULL);
	exec_ok("INSERT INTO search(search) VALUES ('integrity-check')");
	expect_rows("SELECT c.name FROM counts c WHERE c.n <> CASE c.name"
		    " WHEN 'meeting' THEN (SELECT count(*) FROM meeting)"
		    " WHEN 'resolution' THEN (SELECT count(*) FROM resolution)"
		    " WHEN 'document' THEN (SELECT count(*) FROM document)"
		    " WHEN 'action_item' THEN (SELECT count(*) FROM action_item) END", NULL);
	/* Types the pages and the reader rely on. */
	expect_rows("SELECT id FROM meeting WHERE typeof(title) <> 'text' OR"
		    NOT_DATE("held_on"), NULL);
	expect_rows("SELECT id FROM resolution WHERE" NOT_INT("seq") " OR"
		    NOT_INT_OR_NULL("span_start") " OR" NOT_INT_OR_NULL("span_end")
		    " OR typeof(title) <> 'text'", NULL);
	expect_rows("SELECT id FROM action_item WHERE" NOT_INT("seq") " OR"
		    NOT_INT_OR_NULL("span_start") " OR" NOT_INT_OR_NULL("span_end")
		    " OR typeof(text) <> 'text' OR" NOT_DATE("due_on"), NULL);
	expect_rows("SELECT id FROM document WHERE typeof(code) <> 'text' OR"
		    NOT_DATE("issued_on"), NULL);
	const char *tables[] = { "meeting", "resolution", "document", "action_item",
				 "action_item_history" };
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		check_text(tables[i]);
	check_export();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	reset();
	sqlite3_int64 before_len, after_len;
	unsigned char *before = image(&before_len);
	struct bb_error err = { .msg = "" };
	size_t meetings = 99;
	enum bb_status st = store_import_json(db, "fuzz.json", (const char *)data, size,
					      &meetings, &err);
	CHECK(sqlite3_get_autocommit(db->db));
	if (st == BB_OK) {
		check_imported();
	} else {
		CHECK(st == BB_ERROR);
		CHECK(meetings == 0);
		CHECK(strncmp(err.msg, "fuzz.json:", 10) == 0);
		CHECK(strchr(err.msg, '\n') == NULL);
		unsigned char *after = image(&after_len);
		CHECK(after_len == before_len && memcmp(after, before, (size_t)after_len) == 0);
		sqlite3_free(after);
	}
	sqlite3_free(before);
	return 0;
}
