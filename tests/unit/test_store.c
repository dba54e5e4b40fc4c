/* The store: opening and refusing files, import, keyset pages in both
 * directions, index plans, counts, edits with history, search, JSON. */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/store/internal.h"
#include "ingest.h"
#include "store.h"
#include "text.h"

/* ---- fixtures --------------------------------------------------------- */

static char tmp_dir[64];
static char db_path[128];

static void make_dir(void)
{
	strcpy(tmp_dir, "/tmp/bb-store-XXXXXX");
	cr_assert(mkdtemp(tmp_dir) != NULL);
	snprintf(db_path, sizeof db_path, "%s/t.db", tmp_dir);
}

static void remove_dir(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
	cr_assert(system(cmd) == 0);
}

TestSuite(store, .init = make_dir, .fini = remove_dir);

static char *sdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* A notice built by hand (the parser has its own tests): one meeting,
 * two resolutions citing a shared document, `ntasks` items in the first
 * with owners and due dates that repeat, so keys tie. */
static void make_notice(struct notice *n, const char *tag, size_t ntasks)
{
	memset(n, 0, sizeof *n);
	char buf[256];
	snprintf(buf, sizeof buf, "Hội nghị lần thứ %s", tag);
	n->title = sdup(buf);
	n->body = sdup("Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI");
	n->session = sdup(tag);
	snprintf(buf, sizeof buf, "2023-03-%02d", 1 + (int)(strlen(tag) % 28));
	n->held_on = sdup(buf);
	n->chair = sdup("Lê Đức Thọ");
	snprintf(buf, sizeof buf, "Toàn văn thông báo %s. Đảng ủy, Nghị quyết số 27-NQ/TW.", tag);
	n->source_text = sdup(buf);
	n->source_len = strlen(buf);
	n->ndocuments = 1;
	n->documents = calloc(1, sizeof *n->documents);
	n->documents[0].code = sdup("27-NQ/TW");
	n->documents[0].kind = sdup("Nghị quyết");
	n->documents[0].issued_on = sdup("2022-11-09");
	n->nresolutions = 2;
	n->resolutions = calloc(2, sizeof *n->resolutions);
	static const char *const owners[] = { "Sở Tài chính", "Ủy ban nhân dân tỉnh", "Ban Tuyên giáo", NULL };
	static const char *const dues[] = { "2023-06-30", "2023-04-15", NULL };
	for (int r = 0; r < 2; r++) {
		struct notice_resolution *res = &n->resolutions[r];
		res->seq = r + 1;
		snprintf(buf, sizeof buf, "Đối với Nghị quyết số 27-NQ/TW, phần %d", r + 1);
		res->title = sdup(buf);
		res->text = sdup("Hội nghị thống nhất.");
		res->span_start = 0;
		res->span_end = 5;
		res->ndocuments = 1;
		res->documents = calloc(1, sizeof *res->documents);
		size_t count = r == 0 ? ntasks : 1;
		res->ntasks = count;
		res->tasks = calloc(count ? count : 1, sizeof *res->tasks);
		for (size_t i = 0; i < count; i++) {
			struct notice_task *t = &res->tasks[i];
			t->seq = (int)i + 1;
			snprintf(buf, sizeof buf, "Nhiệm vụ %zu của %s: đẩy mạnh tuyên truyền", i + 1, tag);
			t->text = sdup(buf);
			t->owner = sdup(owners[i % 4]);
			t->due_on = sdup(dues[i % 3]);
			t->due_text = t->due_on ? sdup("quý II-2023") : NULL;
			t->span_start = 0;
			t->span_end = 3;
		}
	}
}

static struct store *open_new(void)
{
	struct store *s;
	struct bb_error err;
	bool created;
	cr_assert(eq(int, store_open(db_path, STORE_CREATE, &s, &created, &err), BB_OK), "%s", err.msg);
	cr_assert(created);
	return s;
}

static long long import(struct store *s, const char *tag, size_t ntasks)
{
	struct notice n;
	struct bb_error err;
	long long id;
	make_notice(&n, tag, ntasks);
	cr_assert(eq(int, store_import_notice(s, &n, "test.txt", &id, &err), BB_OK), "%s", err.msg);
	ingest_notice_free(&n);
	return id;
}

/* ---- opening ---------------------------------------------------------- */

Test(store, creates_then_reopens)
{
	struct store *s = open_new();
	import(s, "12", 3);
	store_close(s);
	struct bb_error err;
	bool created = true;
	cr_assert(eq(int, store_open(db_path, 0, &s, &created, &err), BB_OK), "%s", err.msg);
	cr_assert(not(created));
	struct store_counts c;
	cr_assert(eq(int, store_counts(s, &c, &err), BB_OK));
	cr_assert(eq(i64, c.meetings, 1));
	cr_assert(eq(i64, c.resolutions, 2));
	cr_assert(eq(i64, c.documents, 1));
	cr_assert(eq(i64, c.tasks, 4));
	store_close(s);
}

Test(store, missing_file_is_not_created_without_create)
{
	struct store *s;
	struct bb_error err;
	cr_assert(eq(int, store_open(db_path, 0, &s, NULL, &err), BB_ERROR));
	cr_assert(access(db_path, F_OK) != 0);
	cr_assert(strstr(err.msg, "no such database") != NULL, "%s", err.msg);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert(f != NULL);
	cr_assert(fwrite(data, 1, len, f) == len || len == 0);
	fclose(f);
}

static void file_hash(const char *path, char out[65])
{
	FILE *f = fopen(path, "rb");
	cr_assert(f != NULL);
	static char data[1 << 20];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	store_sha256_hex(data, n, out);
}

/* Opening must fail with a message naming the file and the reason, and
 * leave the file exactly as it was, with no -wal or -shm beside it. */
static void assert_refused(const char *why)
{
	char before[65], after[65], side[160];
	file_hash(db_path, before);
	struct store *s;
	struct bb_error err;
	cr_assert(eq(int, store_open(db_path, STORE_CREATE, &s, NULL, &err), BB_ERROR));
	cr_assert(s == NULL);
	cr_assert(strstr(err.msg, db_path) != NULL, "%s", err.msg);
	cr_assert(strstr(err.msg, why) != NULL, "expected \"%s\" in: %s", why, err.msg);
	file_hash(db_path, after);
	cr_assert(eq(str, before, after));
	snprintf(side, sizeof side, "%s-wal", db_path);
	cr_assert(access(side, F_OK) != 0);
	snprintf(side, sizeof side, "%s-journal", db_path);
	cr_assert(access(side, F_OK) != 0);
}

Test(store, refuses_empty_file)
{
	write_file(db_path, "", 0);
	assert_refused("empty file");
}

Test(store, refuses_text_file)
{
	const char text[] = "Thông báo kết quả Hội nghị\n";
	write_file(db_path, text, sizeof text - 1);
	assert_refused("not a bienban database");
}

Test(store, refuses_random_bytes)
{
	unsigned char junk[4096];
	srand(7);
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)rand();
	write_file(db_path, junk, sizeof junk);
	assert_refused("not a bienban database");
}

static void make_foreign(const char *sql)
{
	sqlite3 *db;
	cr_assert(sqlite3_open(db_path, &db) == SQLITE_OK);
	cr_assert(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

Test(store, refuses_another_programs_database)
{
	make_foreign("CREATE TABLE meeting(x); INSERT INTO meeting VALUES (1);");
	assert_refused("not a bienban database");
}

Test(store, refuses_newer_schema)
{
	store_close(open_new());
	make_foreign("PRAGMA user_version = 99;");
	assert_refused("newer bienban");
}

Test(store, refuses_view_in_place_of_table)
{
	make_foreign("PRAGMA application_id = 1650614638; PRAGMA user_version = 1;"
		     "CREATE TABLE x(a); CREATE VIEW meeting AS SELECT a AS id FROM x;");
	assert_refused("is a view");
}

/* ---- pages ----------------------------------------------------------- */

/* Reads a whole list a page at a time, forward, and returns the ids. */
static size_t walk(struct store *s, const struct store_query *q, int page,
		   enum store_dir dir, long long *ids, size_t max)
{
	struct store_cursor at = {0};
	size_t n = 0;
	for (;;) {
		struct store_page *p;
		struct bb_error err;
		cr_assert(eq(int, store_page(s, q, &at, dir, page, &p, &err), BB_OK), "%s", err.msg);
		for (size_t i = 0; i < p->count && n < max; i++)
			ids[n++] = p->keys[i].id;
		bool more = (int)p->count == page;
		if (more)
			store_cursor_copy(&at, &p->keys[p->count - 1]);
		store_page_free(p);
		if (!more)
			break;
	}
	store_cursor_clear(&at);
	return n;
}

/* The same list in one query, as SQL would order it. */
static size_t reference(const char *order_by, long long *ids, size_t max)
{
	sqlite3 *db;
	cr_assert(sqlite3_open(db_path, &db) == SQLITE_OK);
	struct bb_error err;
	cr_assert(eq(int, store_register_vi(db, &err), BB_OK));
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT a.id FROM action_item a ORDER BY %s", order_by);
	sqlite3_stmt *st;
	cr_assert(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < max)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static const struct {
	enum store_sort sort;
	const char *order_by;
} sorts[] = {
	{ STORE_SORT_DUE, "ifnull(a.due_on, '9999-12-31'), a.id" },
	{ STORE_SORT_OWNER, "ifnull(a.owner, '') COLLATE vi, a.id" },
	{ STORE_SORT_STATUS, "CASE a.status WHEN 'open' THEN '0' WHEN 'doing' THEN '1' WHEN 'done' THEN '2'"
			     " ELSE '3' END || ifnull(a.due_on, '9999-12-31'), a.id" },
	{ STORE_SORT_TEXT, "a.text COLLATE vi, a.id" },
};

Test(store, keyset_pages_match_one_query_both_ways)
{
	struct store *s = open_new();
	import(s, "1", 250);
	import(s, "2", 130);
	enum { MAX = 1000 };
	static long long got[MAX], back[MAX], want[MAX];
	for (size_t k = 0; k < sizeof sorts / sizeof *sorts; k++) {
		struct store_query q = { .list = STORE_LIST_TASKS, .sort = sorts[k].sort };
		size_t n = walk(s, &q, 7, STORE_FORWARD, got, MAX);
		size_t m = reference(sorts[k].order_by, want, MAX);
		cr_assert(eq(sz, n, 382));
		cr_assert(eq(sz, n, m));
		for (size_t i = 0; i < n; i++)
			cr_assert(eq(i64, got[i], want[i]), "sort %zu row %zu", k, i);
		/* Backward from the end gives the same rows reversed. */
		size_t b = walk(s, &q, 11, STORE_BACKWARD, back, MAX);
		cr_assert(eq(sz, b, n));
		for (size_t i = 0; i < n; i++)
			cr_assert(eq(i64, back[i], want[n - 1 - i]), "sort %zu back row %zu", k, i);
	}
	store_close(s);
}

Test(store, children_and_meetings_pages)
{
	struct store *s = open_new();
	long long m1 = import(s, "1", 3);
	long long m2 = import(s, "22", 2);	/* held later: listed first */
	long long ids[8];
	struct store_query mq = { .list = STORE_LIST_MEETINGS };
	cr_assert(eq(sz, walk(s, &mq, 1, STORE_FORWARD, ids, 8), 2));
	cr_assert(eq(i64, ids[0], m2));
	cr_assert(eq(i64, ids[1], m1));

	struct store_page *p;
	struct bb_error err;
	struct store_query rq = { .list = STORE_LIST_RESOLUTIONS, .parent_id = m1 };
	cr_assert(eq(int, store_page(s, &rq, NULL, STORE_FORWARD, 10, &p, &err), BB_OK));
	cr_assert(eq(sz, p->count, 2));
	cr_assert(eq(str, p->rows.resolutions[0].documents, "27-NQ/TW"));
	struct store_query tq = { .list = STORE_LIST_TASKS, .parent_id = p->rows.resolutions[0].id };
	store_page_free(p);
	cr_assert(eq(int, store_page(s, &tq, NULL, STORE_FORWARD, 10, &p, &err), BB_OK));
	cr_assert(eq(sz, p->count, 3));
	cr_assert(eq(int, p->rows.tasks[2].seq, 3));
	cr_assert(eq(i64, p->rows.tasks[0].meeting_id, m1));
	cr_assert(eq(str, p->rows.tasks[0].meeting_title, "Hội nghị lần thứ 1"));
	store_page_free(p);

	/* A documents page counts the citations and leaves the meetings to
	 * the record and to store_document_meetings. */
	struct store_query dq = { .list = STORE_LIST_DOCUMENTS };
	cr_assert(eq(int, store_page(s, &dq, NULL, STORE_FORWARD, 10, &p, &err), BB_OK));
	cr_assert(eq(sz, p->count, 1));
	cr_assert(eq(i64, p->rows.documents[0].cited, 4));	/* two resolutions each */
	cr_assert(eq(ptr, p->rows.documents[0].meetings, NULL));
	long long doc = p->rows.documents[0].id;
	store_page_free(p);
	char want[64], *meetings;
	snprintf(want, sizeof want, "%lld,%lld", m1, m2);
	cr_assert(eq(int, store_document_meetings(s, doc, &meetings, &err), BB_OK));
	cr_assert(eq(str, meetings, want));
	free(meetings);
	struct store_document *d;
	cr_assert(eq(int, store_document_get(s, doc, &d, &err), BB_OK));
	cr_assert(eq(str, d->meetings, want));
	cr_assert(eq(i64, d->cited, 4));
	store_document_free(d);
	store_close(s);
}

/* However often a document is cited, a page counts no further than
 * STORE_CITED_MAX + 1; its meetings are all there. */
Test(store, a_documents_page_stops_counting_citations)
{
	struct store *s = open_new();
	enum { MEETINGS = STORE_CITED_MAX / 2 + 1 };	/* two citations each */
	for (int i = 0; i < MEETINGS; i++) {
		char tag[16];
		snprintf(tag, sizeof tag, "%d", i + 1);
		import(s, tag, 1);
	}
	struct bb_error err;
	struct store_query dq = { .list = STORE_LIST_DOCUMENTS };
	struct store_page *p;
	cr_assert(eq(int, store_page(s, &dq, NULL, STORE_FORWARD, 10, &p, &err), BB_OK));
	cr_assert(eq(sz, p->count, 1));
	cr_assert(eq(i64, p->rows.documents[0].cited, STORE_CITED_MAX + 1));
	char *meetings;
	cr_assert(eq(int, store_document_meetings(s, p->rows.documents[0].id, &meetings, &err), BB_OK));
	size_t commas = 0;
	for (const char *c = meetings; c && *c; c++)
		commas += *c == ',';
	cr_assert(eq(sz, commas + 1, MEETINGS), "%s", meetings);
	free(meetings);
	store_page_free(p);
	store_close(s);
}

Test(store, task_filters)
{
	struct store *s = open_new();
	long long m1 = import(s, "1", 12);
	import(s, "2", 12);
	long long ids[64];
	struct store_query q = { .list = STORE_LIST_TASKS, .owner = "so tai chinh" };
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 8));	/* 4 per meeting */
	q = (struct store_query){ .list = STORE_LIST_TASKS, .meeting_id = m1 };
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 13));
	q = (struct store_query){ .list = STORE_LIST_TASKS, .document = "27-NQ/TW" };
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 26));
	q = (struct store_query){ .list = STORE_LIST_TASKS, .overdue_as_of = "2023-05-01" };
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 8));	/* due 2023-04-15 */
	struct bb_error err;
	cr_assert(eq(int, store_task_set(s, ids[0], STORE_FIELD_STATUS, "done", "u", NULL, &err), BB_OK));
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 7));	/* done is not overdue */
	q = (struct store_query){ .list = STORE_LIST_TASKS, .status = "done" };
	cr_assert(eq(sz, walk(s, &q, 5, STORE_FORWARD, ids, 64), 1));
	store_close(s);
}

/* A document's resolutions (the cited pane): no index orders them by
 * meeting, so the page's ids are picked by a sort of that document's
 * citations alone, found through its run of document_resolutions, and
 * the top level sorts the page's rows and reads each by id. */
static void check_cited_plan(const char *plan)
{
	cr_assert(strstr(plan, "SEARCH r USING INTEGER PRIMARY KEY (rowid=?)\n") != NULL, "%s", plan);
	cr_assert(strstr(plan, "  SEARCH rd USING COVERING INDEX document_resolutions (document_id=?)\n") != NULL,
		  "%s", plan);
	for (const char *line = plan; *line; line = strchr(line, '\n') + 1)
		cr_assert(strncmp(line, "SCAN ", 5) && strncmp(line, "  SCAN ", 7), "scans: %s", plan);
}

Test(store, a_documents_resolutions_sort_only_its_citations)
{
	struct store *s = open_new();
	import(s, "1", 5);
	struct store_query q = { .list = STORE_LIST_RESOLUTIONS, .document = "27-NQ/TW" };
	for (int c = 0; c < 2; c++)
		for (int d = 0; d < 2; d++) {
			char *plan = store_page_plan(s, &q, c, d ? STORE_BACKWARD : STORE_FORWARD);
			cr_assert(plan != NULL);
			check_cited_plan(plan);
			free(plan);
		}
	store_close(s);
}

/* Page by page, either way, the cited list is SQL's order of it. */
Test(store, a_documents_resolutions_page_in_meeting_order)
{
	struct store *s = open_new();
	for (int i = 0; i < 4; i++) {
		char tag[8];
		snprintf(tag, sizeof tag, "%d", i + 1);
		import(s, tag, 1);
	}
	sqlite3_stmt *st = store_prepare(s, "SELECT r.id FROM resolution r JOIN resolution_document rd"
					 " ON rd.resolution_id = r.id ORDER BY r.meeting_id DESC, r.id DESC", NULL);
	cr_assert(st != NULL);
	long long want[16], got[16];
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < 16)
		want[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	cr_assert(eq(sz, n, 8));
	struct store_query q = { .list = STORE_LIST_RESOLUTIONS, .document = "27-NQ/TW" };
	for (int page = 1; page <= 3; page++) {
		cr_assert(eq(sz, walk(s, &q, page, STORE_FORWARD, got, 16), n));
		for (size_t i = 0; i < n; i++)
			cr_assert(eq(i64, got[i], want[i]), "page %d, row %zu", page, i);
		cr_assert(eq(sz, walk(s, &q, page, STORE_BACKWARD, got, 16), n));
		for (size_t i = 0; i < n; i++)
			cr_assert(eq(i64, got[i], want[n - 1 - i]), "page %d, row %zu back", page, i);
	}
	store_close(s);
}

/* Each list a pane shows reads through an index, and no full-table sort:
 * the plan never says "SCAN a" without an index or "TEMP B-TREE". */
Test(store, every_list_is_an_index_range_scan)
{
	struct store *s = open_new();
	import(s, "1", 5);
	struct store_query queries[] = {
		{ .list = STORE_LIST_MEETINGS },
		{ .list = STORE_LIST_RESOLUTIONS, .parent_id = 1 },
		{ .list = STORE_LIST_DOCUMENTS },
		{ .list = STORE_LIST_TASKS, .parent_id = 1 },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_DUE },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_OWNER },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_STATUS },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_TEXT },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_DUE, .overdue_as_of = "2023-05-01" },
		{ .list = STORE_LIST_TASKS, .sort = STORE_SORT_DUE, .status = "open" },
		{ .list = STORE_LIST_SEARCH, .search = "dang" },
	};
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		for (int c = 0; c < 2; c++) {
			for (int d = 0; d < 2; d++) {
				char *plan = store_page_plan(s, &queries[i], c, d ? STORE_BACKWARD : STORE_FORWARD);
				cr_assert(plan != NULL);
				/* Top-level lines only: a subquery in the column
				 * list runs per row of the page, on a few rows. */
				for (char *line = strtok(plan, "\n"); line; line = strtok(NULL, "\n")) {
					cr_assert(strstr(line, "TEMP B-TREE") == NULL || line[0] == ' ',
						  "query %zu sorts: %s", i, line);
					if (!strncmp(line, "SCAN ", 5))
						cr_assert(strstr(line, "INDEX") || strstr(line, "VIRTUAL TABLE"),
							  "query %zu scans: %s", i, line);
				}
				free(plan);
			}
		}
	}
	store_close(s);
}

/* ---- counts, edits, history, undo -------------------------------------------- */

/* The one number a query gives (a count, a pragma). */
static long long sql_number(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert(eq(int, sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK), "%s", sql);
	cr_assert(eq(int, sqlite3_step(st), SQLITE_ROW));
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static long long history_rows(struct store *s)
{
	return sql_number(s, "SELECT count(*) FROM action_item_history");
}

Test(store, edits_write_history_and_undo)
{
	struct store *s = open_new();
	import(s, "1", 2);
	struct bb_error err;
	long long h1, h2, task;
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_STATUS, "done", "lan", &h1, &err), BB_OK));
	cr_assert(h1 > 0);
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_STATUS, "done", "lan", &h2, &err), BB_OK));
	cr_assert(eq(i64, h2, 0), "a no-op writes no history");
	cr_assert(eq(i64, history_rows(s), 1));
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_DUE, "trước ngày 15/4/2023", "lan", &h2, &err), BB_OK));
	struct store_task *t;
	cr_assert(eq(int, store_task_get(s, 1, &t, &err), BB_OK));
	cr_assert(eq(str, t->status, "done"));
	cr_assert(eq(str, t->due_on, "2023-04-15"));
	cr_assert(eq(str, t->due_text, "trước ngày 15/4/2023"));
	cr_assert(t->updated_at != NULL);
	store_task_free(t);

	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_DUE, "31/2/2023", "lan", NULL, &err), BB_USAGE));
	cr_assert(strstr(err.msg, "not a date") != NULL, "%s", err.msg);
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_STATUS, "finished", "lan", NULL, &err), BB_USAGE));
	cr_assert(eq(int, store_task_set(s, 999, STORE_FIELD_NOTE, "x", "lan", NULL, &err), BB_NOT_FOUND));

	/* Undo the due date, then the status. */
	cr_assert(eq(int, store_task_undo(s, h2, "lan", &task, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(i64, task, 1));
	cr_assert(eq(int, store_task_undo(s, h1, "lan", &task, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(int, store_task_get(s, 1, &t, &err), BB_OK));
	cr_assert(eq(str, t->status, "open"));
	cr_assert(eq(str, t->due_on, "2023-06-30"));
	store_task_free(t);
	cr_assert(eq(i64, history_rows(s), 4), "undo is history too");

	/* An undo of something changed since is refused. */
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_OWNER, "Sở Y tế", "lan", &h1, &err), BB_OK));
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_OWNER, "Sở Nội vụ", "minh", NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_undo(s, h1, "lan", &task, &err), BB_ERROR));
	store_close(s);
}

Test(store, edits_store_nfc)
{
	struct store *s = open_new();
	import(s, "1", 1);
	struct bb_error err;
	/* "Sở Y tế" typed as NFD */
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_OWNER, "So\xcc\x9b\xcc\x89 Y te\xcc\x82\xcc\x81", "u", NULL, &err), BB_OK));
	struct store_task *t;
	cr_assert(eq(int, store_task_get(s, 1, &t, &err), BB_OK));
	cr_assert(eq(str, t->owner, "Sở Y tế"));
	store_task_free(t);
	store_close(s);
}

Test(store, read_only_refuses_writes)
{
	struct store *s = open_new();
	import(s, "1", 1);
	store_close(s);
	struct bb_error err;
	cr_assert(eq(int, store_open(db_path, STORE_READ_ONLY, &s, NULL, &err), BB_OK), "%s", err.msg);
	cr_assert(store_read_only(s));
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_STATUS, "done", "u", NULL, &err), BB_READ_ONLY));
	cr_assert(strstr(err.msg, "read-only") != NULL);
	struct notice n;
	long long id;
	make_notice(&n, "2", 1);
	cr_assert(eq(int, store_import_notice(s, &n, "x", &id, &err), BB_READ_ONLY));
	ingest_notice_free(&n);
	store_close(s);
}

Test(store, duplicate_notice_is_a_no_op)
{
	struct store *s = open_new();
	long long first = import(s, "1", 2);
	struct notice n;
	struct bb_error err;
	long long id;
	make_notice(&n, "1", 2);
	cr_assert(eq(int, store_import_notice(s, &n, "again.txt", &id, &err), BB_DUPLICATE));
	cr_assert(eq(i64, id, first));
	ingest_notice_free(&n);
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.tasks, 3));
	store_close(s);
}

Test(store, data_version_changes_when_another_connection_writes)
{
	struct store *s = open_new();
	import(s, "1", 1);
	long long before = store_data_version(s);
	struct store *other;
	struct bb_error err;
	cr_assert(eq(int, store_open(db_path, 0, &other, NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_set(other, 1, STORE_FIELD_NOTE, "ghi chú", "u", NULL, &err), BB_OK));
	store_close(other);
	cr_assert(store_data_version(s) != before);
	store_close(s);
}

/* ---- search ---------------------------------------------------------------------- */

static size_t hits(struct store *s, const char *query, enum store_kind *first_kind)
{
	struct store_query q = { .list = STORE_LIST_SEARCH, .search = query };
	struct store_page *p;
	struct bb_error err;
	cr_assert(eq(int, store_page(s, &q, NULL, STORE_FORWARD, 100, &p, &err), BB_OK),
		  "%s: %s", query, err.msg);
	size_t n = p->count;
	if (n && first_kind)
		*first_kind = p->rows.hits[0].kind;
	store_page_free(p);
	return n;
}

Test(store, search_ignores_case_and_diacritics)
{
	struct store *s = open_new();
	import(s, "1", 2);
	enum store_kind kind;
	size_t a = hits(s, "dang", &kind);
	cr_assert(a > 0);
	cr_assert(eq(sz, hits(s, "Đảng", NULL), a));
	cr_assert(eq(sz, hits(s, "ĐẢNG", NULL), a));
	cr_assert(eq(sz, hits(s, "tai chinh", NULL), 2));	/* the owner of two tasks */
	cr_assert(hits(s, "nghi quyet 27", NULL) >= 2);
	cr_assert(hits(s, "ngh", NULL) > 0, "the last word is a prefix");
	cr_assert(eq(sz, hits(s, "khongcochu", NULL), 0));
	store_close(s);
}

Test(store, search_survives_query_syntax)
{
	struct store *s = open_new();
	import(s, "1", 2);
	const char *nasty[] = { "\"", "AND", "OR NOT", "NEAR(a b", "*", "a:b", "^x", "(((", "'; DROP TABLE meeting; --",
				"\xff\xfe", "", "   ", "\x1b[2J" };
	for (size_t i = 0; i < sizeof nasty / sizeof *nasty; i++)
		hits(s, nasty[i], NULL);
	struct store_counts c;
	struct bb_error err;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 1));
	store_close(s);
}

Test(store, search_index_follows_edits_and_deletes)
{
	struct store *s = open_new();
	import(s, "1", 2);
	struct bb_error err;
	cr_assert(eq(sz, hits(s, "kiemtoan", NULL), 0));
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_NOTE, "Kiểmtoán xong", "u", NULL, &err), BB_OK));
	cr_assert(eq(sz, hits(s, "kiemtoan", NULL), 1));
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_NOTE, "", "u", NULL, &err), BB_OK));
	cr_assert(eq(sz, hits(s, "kiemtoan", NULL), 0));
	cr_assert(eq(int, store_begin(s, &err), BB_OK));
	cr_assert(eq(int, store_exec(s, "DELETE FROM meeting", &err), BB_OK), "%s", err.msg);
	cr_assert(eq(int, store_commit(s, &err), BB_OK));
	cr_assert(eq(sz, hits(s, "dang", NULL), 0));
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 0));
	cr_assert(eq(i64, c.tasks, 0));
	store_close(s);
}

/* ---- JSON and tables ------------------------------------------------------------------ */

static char *export_text(struct store *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct bb_error err;
	cr_assert(eq(int, store_export_json(s, f, &err), BB_OK), "%s", err.msg);
	fclose(f);
	return text;
}

Test(store, json_export_round_trips)
{
	struct store *s = open_new();
	import(s, "1", 3);
	import(s, "2", 2);
	struct bb_error err;
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_STATUS, "doing", "lan", NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_set(s, 3, STORE_FIELD_NOTE, "Ghi chú \"trích dẫn\"\nhai dòng", "lan", NULL, &err), BB_OK));
	char *first = export_text(s);
	store_close(s);

	snprintf(db_path, sizeof db_path, "%s/copy.db", tmp_dir);
	s = open_new();
	size_t meetings;
	cr_assert(eq(int, store_import_json(s, "x.json", first, strlen(first), &meetings, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(sz, meetings, 2));
	char *second = export_text(s);
	cr_assert(eq(str, second, first));
	/* Importing again adds nothing. */
	cr_assert(eq(int, store_import_json(s, "x.json", first, strlen(first), &meetings, &err), BB_OK));
	cr_assert(eq(sz, meetings, 0));
	free(first);
	free(second);
	store_close(s);
}

Test(store, json_import_refuses_bad_input_and_writes_nothing)
{
	struct store *s = open_new();
	struct bb_error err;
	size_t m;
#define EXPORT_OF(meetings) "{\"format\": \"bienban\", \"version\": 1, \"meetings\": [" meetings "]}"
#define TASK(fields) EXPORT_OF("{\"title\": \"M\", \"resolutions\": [{\"title\": \"R\", \"tasks\": [" fields "]}]}")
	const char *bad[] = { "{", "[]", "{\"format\": \"other\"}", "{\"format\": \"bienban\", \"version\": 9}",
			      EXPORT_OF("{\"title\": null}"), EXPORT_OF("{\"id\": 1}"), EXPORT_OF("7"),
			      EXPORT_OF("{\"title\": \"M\", \"held_on\": \"2023-02-30\"}"),
			      EXPORT_OF("{\"title\": \"M\\u0000cut\"}"),
			      EXPORT_OF("{\"title\": \"\\ud800\"}"),
			      EXPORT_OF("{\"id\": 2305843009213693952, \"title\": \"M\"}"),
			      EXPORT_OF("{\"title\": \"M\", \"resolutions\": {\"title\": \"R\"}}"),
			      EXPORT_OF("{\"title\": \"M\", \"resolutions\": [{\"title\": \"R\", \"seq\": 1.5}]}"),
			      EXPORT_OF("{\"title\": \"M\", \"resolutions\": [{\"title\": \"R\", \"documents\": [7]}]}"),
			      TASK("{\"text\": \"a\", \"status\": \"finished\"}"),
			      TASK("{\"text\": \"a\", \"span_start\": -1}"),
			      TASK("{\"text\": \" \"}"),
			      TASK("{\"id\": 5, \"text\": \"a\"}, {\"id\": 5, \"text\": \"b\"}"),
			      "{\"format\": \"bienban\", \"version\": 1, \"history\": [{\"item_id\": 1}]}" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cr_assert(eq(int, store_import_json(s, "bad.json", bad[i], strlen(bad[i]), &m, &err), BB_ERROR), "%s", bad[i]);
		cr_assert(strstr(err.msg, "bad.json") != NULL, "%s", err.msg);
	}
	cr_assert(eq(int, store_import_json(s, "bad.json", "\xff", 1, &m, &err), BB_ERROR));
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 0));
	cr_assert(eq(i64, c.documents, 0));
	store_close(s);
}

Test(store, json_import_takes_a_bom_and_tasks_without_ids)
{
	/* A task without an id once took a made-up one in the id map, which
	 * the next task's real id then collided with. */
	struct store *s = open_new();
	struct bb_error err;
	size_t m;
	const char *json = "\xEF\xBB\xBF{\"format\": \"bienban\", \"version\": 1,"
		" \"meetings\": [{\"title\": \"M\", \"resolutions\": [{\"title\": \"R\", \"tasks\": ["
		"  {\"text\": \"no id\"}, {\"id\": 1, \"text\": \"one\"}, {\"text\": \"again no id\"}]}]}],"
		" \"history\": [{\"item_id\": 1, \"time\": \"t\", \"user\": \"u\", \"field\": \"note\","
		"  \"old\": null, \"new\": \"x\"}]}";
	cr_assert(eq(int, store_import_json(s, "ok.json", json, strlen(json), &m, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(sz, m, 1));
	struct store_task *t;
	cr_assert(eq(int, store_task_get(s, 2, &t, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(str, t->text, "one"));
	store_task_free(t);
	sqlite3 *db;
	cr_assert(eq(int, sqlite3_open(db_path, &db), SQLITE_OK));
	sqlite3_stmt *st;
	cr_assert(eq(int, sqlite3_prepare_v2(db, "SELECT a.text FROM action_item_history h"
					     " JOIN action_item a ON a.id = h.item_id", -1, &st, NULL), SQLITE_OK));
	cr_assert(eq(int, sqlite3_step(st), SQLITE_ROW));
	cr_assert(eq(str, (char *)sqlite3_column_text(st, 0), "one"), "the history follows item 1");
	cr_assert(eq(int, sqlite3_step(st), SQLITE_DONE));
	sqlite3_finalize(st);
	sqlite3_close(db);
	store_close(s);
}

Test(store, task_tables_create_meetings_and_skip_repeats)
{
	struct store *s = open_new();
	struct csv_task rows[] = {
		{ .line = 2, .meeting = "Họp giao ban tháng 5", .resolution = "Kết luận chung",
		  .text = "Rà soát hồ sơ", .owner = "Sở Nội vụ", .due_on = "2023-05-31",
		  .due_text = "trong tháng 5/2023", .status = "open" },
		{ .line = 3, .meeting = "Họp giao ban tháng 5", .resolution = "Kết luận chung",
		  .text = "Báo cáo kết quả", .status = "done", .note = "đã gửi" },
	};
	struct csv_tasks t = { .rows = rows, .count = 2 };
	struct bb_error err;
	size_t added;
	cr_assert(eq(int, store_import_tasks(s, &t, "t.csv", &added, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(sz, added, 2));
	cr_assert(eq(int, store_import_tasks(s, &t, "t.csv", &added, &err), BB_DUPLICATE));
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 1));
	cr_assert(eq(i64, c.resolutions, 1));
	cr_assert(eq(i64, c.tasks, 2));
	/* An export read back into the same database adds nothing. */
	char *json = export_text(s);
	size_t meetings;
	cr_assert(eq(int, store_import_json(s, "x.json", json, strlen(json), &meetings, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(sz, meetings, 0));
	free(json);
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.tasks, 2));
	struct store_task *task;
	cr_assert(eq(int, store_task_get(s, 2, &task, &err), BB_OK));
	cr_assert(eq(str, task->status, "done"));
	cr_assert(eq(int, task->seq, 2));
	store_task_free(task);
	store_close(s);
}

/* ---- bulk loading and bulk edits (the benchmark generator's path) ------- */

Test(store, bulk_imports_share_one_transaction_and_commit)
{
	struct store *s = open_new();
	struct bb_error err;
	cr_assert(eq(int, store_bulk(s, true, &err), BB_OK), "%s", err.msg);
	import(s, "1", 3);
	import(s, "22", 2);
	cr_assert(eq(int, store_bulk(s, false, &err), BB_OK), "%s", err.msg);
	store_close(s);
	/* What the bulk wrote is there for another connection, items and
	 * links in their resolutions, in notice order. */
	cr_assert(eq(int, store_open(db_path, STORE_READ_ONLY, &s, NULL, &err), BB_OK));
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 2));
	cr_assert(eq(i64, c.tasks, 3 + 1 + 2 + 1));
	struct store_task *t;
	cr_assert(eq(int, store_task_get(s, 3, &t, &err), BB_OK));
	cr_assert(eq(int, t->seq, 3));
	cr_assert(eq(i64, t->resolution_id, 1));
	store_task_free(t);
	struct store_resolution *r;
	cr_assert(eq(int, store_resolution_get(s, 4, &r, &err), BB_OK));
	cr_assert(eq(str, r->documents, "27-NQ/TW"));
	store_resolution_free(r);
	cr_assert(eq(sz, hits(s, "tuyen truyen", NULL), 7), "the items are searchable");
	store_close(s);
}

Test(store, a_failed_write_undoes_the_whole_bulk)
{
	struct store *s = open_new();
	struct bb_error err;
	import(s, "1", 1);
	cr_assert(eq(int, store_bulk(s, true, &err), BB_OK));
	import(s, "22", 1);
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_DUE, "31/2/2023", "lan", NULL, &err), BB_USAGE),
		  "a refused value is no failed write");
	cr_assert(eq(int, store_task_set(s, 999, STORE_FIELD_NOTE, "x", "lan", NULL, &err), BB_NOT_FOUND));
	cr_assert(eq(int, store_bulk(s, false, &err), BB_ERROR));
	cr_assert(strstr(err.msg, "undone") != NULL, "%s", err.msg);
	struct store_counts c;
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 1), "the meeting imported in the bulk is gone");
	/* Normal writes go on. */
	import(s, "333", 1);
	store_counts(s, &c, &err);
	cr_assert(eq(i64, c.meetings, 2));
	store_close(s);
}

/* ---- batches: the search index written at the commit ------------------ */

/* Every entry of the search index, one line each, in order, and the
 * counts: what two databases must agree on when the same writes went in
 * by triggers and by a batch. */
static char *index_and_counts(struct store *s)
{
	struct text_buf b = {0};
	sqlite3_stmt *st;
	cr_assert(eq(int, sqlite3_exec(s->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries"
				       " USING fts5vocab(main, search, instance)", NULL, NULL, NULL), SQLITE_OK));
	cr_assert(eq(int, sqlite3_prepare_v2(s->db, "SELECT term || ' ' || doc || ' ' || col || ' ' || offset"
					     " FROM temp.entries ORDER BY term, doc, col, offset", -1, &st, NULL),
		     SQLITE_OK), "%s", sqlite3_errmsg(s->db));
	while (sqlite3_step(st) == SQLITE_ROW)
		text_buf_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	struct store_counts c;
	struct bb_error err;
	cr_assert(eq(int, store_counts(s, &c, &err), BB_OK));
	text_buf_printf(&b, "counts %lld %lld %lld %lld\n", c.meetings, c.resolutions, c.documents, c.tasks);
	return text_buf_take(&b, NULL);
}

/* The same writes, each alone or all in one batch: a known document
 * that gains fields, edits of indexed fields (of items indexed before
 * the batch and of items written in it), a status edit, and writes that
 * fail after they wrote rows. */
static char *write_in_order(bool batch)
{
	struct store *s = open_new();
	struct bb_error err;
	import(s, "1", 3);
	if (batch)
		cr_assert(eq(int, store_batch(s, true, &err), BB_OK), "%s", err.msg);
	long long m2 = import(s, "22", 2);
	struct notice n;
	make_notice(&n, "333", 2);
	n.documents[0].issuer = sdup("Ban Chấp hành Trung ương");
	n.documents[0].title = sdup("về tiếp tục xây dựng đội ngũ");
	long long m3;
	cr_assert(eq(int, store_import_notice(s, &n, "3.txt", &m3, &err), BB_OK), "%s", err.msg);
	ingest_notice_free(&n);
	cr_assert(eq(int, store_task_set(s, 1, STORE_FIELD_NOTE, "chậm tiến độ", "lan", NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_OWNER, "Sở Nội vụ", "lan", NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_DUE, "30/9/2023", "lan", NULL, &err), BB_OK));
	long long last[] = { 5, 6 };
	cr_assert(eq(int, store_task_set_many(s, last, 2, STORE_FIELD_NOTE, "đã giao", "lan", NULL, &err), BB_OK));
	cr_assert(eq(int, store_task_set(s, 4, STORE_FIELD_STATUS, "done", "lan", NULL, &err), BB_OK));
	const char *half = "{\"format\": \"bienban\", \"version\": 1, \"meetings\": ["
		"{\"title\": \"Họp giao ban\", \"resolutions\": [{\"title\": \"Về phòng chống thiên tai\","
		" \"tasks\": [{\"text\": \"Rà soát đê điều\"}]}]}, {\"title\": null}]}";
	size_t got;
	cr_assert(eq(int, store_import_json(s, "half.json", half, strlen(half), &got, &err), BB_ERROR));
	cr_assert(eq(int, store_task_set(s, 999, STORE_FIELD_NOTE, "x", "lan", NULL, &err), BB_NOT_FOUND));
	const char *whole = "{\"format\": \"bienban\", \"version\": 1,"
		" \"documents\": [{\"code\": \"27-NQ/TW\", \"kind\": \"Nghị quyết\", \"issuer\": \"Bộ Chính trị\"}],"
		" \"meetings\": [{\"title\": \"Họp giao ban tháng 5\", \"resolutions\": [{\"title\": \"Về nước sạch\","
		" \"documents\": [\"27-NQ/TW\", \"05-CT/TU\"], \"tasks\": [{\"text\": \"Khảo sát giếng khoan\"}]}]}]}";
	cr_assert(eq(int, store_import_json(s, "whole.json", whole, strlen(whole), &got, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(int, store_task_set(s, (long long)m2, STORE_FIELD_NOTE, "x", "lan", NULL, &err), BB_OK));
	if (batch)
		cr_assert(eq(int, store_batch(s, false, &err), BB_OK), "%s", err.msg);
	char *dump = index_and_counts(s);
	store_close(s);
	unlink(db_path);
	return dump;
}

Test(store, a_batch_indexes_what_the_triggers_would)
{
	char *alone = write_in_order(false);
	char *batched = write_in_order(true);
	cr_assert(strstr(alone, "khoan ") != NULL, "the JSON import's item is indexed");
	cr_assert(strstr(alone, "\nthien ") == NULL, "the failed import's item is not");
	cr_assert(eq(str, batched, alone));
	free(alone);
	free(batched);
}

Test(store, a_batch_saves_nothing_until_it_ends)
{
	struct store *s = open_new();
	struct bb_error err;
	long long cache = sql_number(s, "PRAGMA cache_size"), temp = sql_number(s, "PRAGMA temp_store");
	cr_assert(eq(int, store_batch(s, true, &err), BB_OK));
	cr_assert(eq(i64, sql_number(s, "PRAGMA temp_store"), 2), "savepoints kept in memory");
	import(s, "1", 2);
	struct store *other;
	cr_assert(eq(int, store_open(db_path, STORE_READ_ONLY, &other, NULL, &err), BB_OK));
	struct store_counts c;
	cr_assert(eq(int, store_counts(other, &c, &err), BB_OK));
	cr_assert(eq(i64, c.meetings, 0), "not saved yet");
	cr_assert(eq(int, store_batch(s, false, &err), BB_OK));
	cr_assert(eq(i64, sql_number(s, "PRAGMA cache_size"), cache), "settings given back");
	cr_assert(eq(i64, sql_number(s, "PRAGMA temp_store"), temp));
	cr_assert(eq(int, store_counts(other, &c, &err), BB_OK));
	cr_assert(eq(i64, c.meetings, 1));
	cr_assert(eq(sz, hits(other, "tuyen truyen", NULL), 3), "searchable once saved");
	store_close(other);
	/* Triggers are on again: a write after the batch indexes itself. */
	import(s, "22", 1);
	cr_assert(eq(sz, hits(s, "tuyen truyen", NULL), 5));
	store_close(s);
}

Test(store, set_many_edits_with_history)
{
	struct store *s = open_new();
	import(s, "1", 4);
	struct bb_error err;
	cr_assert(eq(int, store_task_set(s, 2, STORE_FIELD_STATUS, "done", "lan", NULL, &err), BB_OK));
	long long ids[] = { 1, 2, 3 };
	size_t changed;
	cr_assert(eq(int, store_task_set_many(s, ids, 3, STORE_FIELD_STATUS, "done", "minh", &changed, &err),
		     BB_OK), "%s", err.msg);
	cr_assert(eq(sz, changed, 2), "item 2 was done already");
	cr_assert(eq(i64, history_rows(s), 3));
	struct store_task *t;
	cr_assert(eq(int, store_task_get(s, 3, &t, &err), BB_OK));
	cr_assert(eq(str, t->status, "done"));
	store_task_free(t);
	cr_assert(eq(int, store_task_get(s, 4, &t, &err), BB_OK));
	cr_assert(eq(str, t->status, "open"), "only the items named");
	store_task_free(t);
	/* History that undo understands. */
	long long task;
	cr_assert(eq(int, store_task_undo(s, 3, "lan", &task, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(i64, task, 3));
	cr_assert(eq(int, store_task_set_many(s, ids, 3, STORE_FIELD_DUE, "quý II-2023", "lan", NULL, &err),
		     BB_USAGE));
	cr_assert(eq(int, store_task_set_many(s, ids, 3, STORE_FIELD_STATUS, "finished", "lan", NULL, &err),
		     BB_USAGE));
	store_close(s);
}

Test(store, one_letter_is_a_word_two_are_a_prefix)
{
	struct store *s = open_new();
	import(s, "1", 2);
	cr_assert(eq(sz, hits(s, "t", NULL), 0), "no word \"t\" was imported");
	cr_assert(hits(s, "tu", NULL) > 0, "tuyên, từ…");
	cr_assert(hits(s, "tuyen", NULL) > 0, "a prefix of five letters");
	store_close(s);
}

/* ---- batches: a write that fails at any point --------------------------- */

static int progress_calls, interrupt_at;

static int interrupt_once(void *unused)
{
	(void)unused;
	return ++progress_calls == interrupt_at;
}

/* Rows, counts and search entries agree: each table's count is its
 * rows, and the index holds one document per row. */
static void expect_index_agrees(struct store *s, int at)
{
	static const char *const tables[] = { "meeting", "resolution", "document", "action_item" };
	long long rows = 0;
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT (SELECT n FROM counts WHERE name = '%s')"
			 " = (SELECT count(*) FROM %s)", tables[i], tables[i]);
		cr_assert(eq(i64, sql_number(s, sql), 1), "interrupted at %d: the %s count", at, tables[i]);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		rows += sql_number(s, sql);
	}
	cr_assert(eq(int, sqlite3_exec(s->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries"
				       " USING fts5vocab(main, search, instance)", NULL, NULL, NULL), SQLITE_OK));
	cr_assert(eq(i64, sql_number(s, "SELECT count(DISTINCT doc) FROM temp.entries"), rows),
		  "interrupted at %d: the search entries", at);
}

/* One write of a batch interrupted at each step SQLite takes (the
 * SAVEPOINT and RELEASE around it, and the indexing at the end, too):
 * whether the write, or the batch, is lost, what is saved is indexed
 * and counted, and writes after the batch index themselves again. */
Test(store, a_batch_interrupted_anywhere_keeps_its_index)
{
	bool fired = true;
	for (interrupt_at = 1; fired; interrupt_at += 2) {
		unlink(db_path);
		struct store *s = open_new();
		struct bb_error err;
		cr_assert(eq(int, store_batch(s, true, &err), BB_OK));
		import(s, "1", 1);
		progress_calls = 0;
		sqlite3_progress_handler(s->db, 1, interrupt_once, NULL);
		struct notice n;
		long long id;
		make_notice(&n, "22", 1);
		store_import_notice(s, &n, "22.txt", &id, &err);
		ingest_notice_free(&n);
		store_batch(s, false, &err);
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
		fired = progress_calls >= interrupt_at;
		expect_index_agrees(s, interrupt_at);
		import(s, "333", 1);
		expect_index_agrees(s, interrupt_at);
		store_close(s);
	}
}

/* A store closed with its batch open saves nothing of it, and leaves
 * nothing behind (the rows it noted for the index are freed). */
Test(store, closing_with_a_batch_open_saves_nothing)
{
	struct store *s = open_new();
	struct bb_error err;
	cr_assert(eq(int, store_batch(s, true, &err), BB_OK));
	import(s, "1", 2);
	store_close(s);
	cr_assert(eq(int, store_open(db_path, 0, &s, NULL, &err), BB_OK), "%s", err.msg);
	struct store_counts c;
	cr_assert(eq(int, store_counts(s, &c, &err), BB_OK));
	cr_assert(eq(i64, c.meetings, 0));
	import(s, "22", 1);
	cr_assert(eq(sz, hits(s, "tuyen truyen", NULL), 2), "triggers index a later write");
	store_close(s);
}

/* A bulk inside a batch would share the batch's savepoints and its
 * saved settings: a write that failed in it would undo the bulk's
 * writes so far but let the later ones be saved. Refused. */
Test(store, a_bulk_does_not_begin_inside_a_batch)
{
	struct store *s = open_new();
	struct bb_error err;
	long long cache = sql_number(s, "PRAGMA cache_size");
	cr_assert(eq(int, store_batch(s, true, &err), BB_OK));
	import(s, "1", 1);
	cr_assert(eq(int, store_bulk(s, true, &err), BB_ERROR));
	cr_assert(strstr(err.msg, "batch") != NULL, "%s", err.msg);
	import(s, "22", 1);
	cr_assert(eq(int, store_bulk(s, false, &err), BB_OK), "nothing to end");
	cr_assert(eq(int, store_batch(s, false, &err), BB_OK), "%s", err.msg);
	cr_assert(eq(i64, sql_number(s, "PRAGMA cache_size"), cache), "settings given back");
	struct store_counts c;
	cr_assert(eq(int, store_counts(s, &c, &err), BB_OK));
	cr_assert(eq(i64, c.meetings, 2));
	store_close(s);
}
