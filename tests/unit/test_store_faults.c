/* The disk fails during a write: full, or an I/O error at commit. Each
 * write is tried with the failure at every point it writes or syncs;
 * each time the call must fail with a message that says so, roll back,
 * and leave the database as it was — whole (integrity_check, the search
 * index's own check) and with the same records — when another program
 * opens it afterwards with the real VFS. The store stays usable. */
#include "config.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/internal.h"
#include "fault_vfs.h"
#include "ingest.h"
#include "store.h"

static char dir[64], base_db[128], work_db[128];

/* How many tries a write gets before the test gives up on seeing it
 * succeed (an import writes a few hundred times at most). */
#define MAX_POINTS 5000

static void import_file(struct store *s, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/notices/%s", TEST_DATA_DIR, name);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	static char data[1 << 20];
	size_t len = fread(data, 1, sizeof data, f);
	fclose(f);
	struct notice n;
	struct bb_error err;
	cr_assert_eq(ingest_notice(name, data, len, &n, &err), BB_OK, "%s", err.msg);
	long long id;
	cr_assert_eq(store_import_notice(s, &n, name, &id, &err), BB_OK, "%s", err.msg);
	ingest_notice_free(&n);
}

static void setup(void)
{
	strcpy(dir, "/tmp/bb-faults-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(base_db, sizeof base_db, "%s/base.db", dir);
	snprintf(work_db, sizeof work_db, "%s/work.db", dir);
	fault_vfs_install();
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(base_db, STORE_CREATE, &s, NULL, &err), BB_OK, "%s", err.msg);
	import_file(s, "seed.txt");
	store_close(s);		/* the last connection: all of it is in the file now */
}

static void teardown(void)
{
	fault_vfs_remove();
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(faults, .init = setup, .fini = teardown, .timeout = 600);

/* A fresh copy of the base database, with no -wal or -shm. */
static void copy_base(void)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -f '%s'*; cp '%s' '%s'", work_db, base_db, work_db);
	cr_assert_eq(system(cmd), 0);
}

static struct store *open_work(void)
{
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(work_db, 0, &s, NULL, &err), BB_OK, "%s", err.msg);
	return s;
}

/* ---- the database as another program sees it ------------------------------ */

static sqlite3 *open_real(const char *path)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, fault_vfs_real()), SQLITE_OK);
	struct bb_error err;
	cr_assert_eq(store_register_vi(db, &err), BB_OK, "%s", err.msg);
	return db;
}

static char *query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql,
		     sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(db));
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *copy = strdup(t ? t : "");
	sqlite3_finalize(st);
	return copy;
}

/* Every record, the totals, the history and a search, as one string. */
static const char fingerprint_sql[] =
	"SELECT (SELECT group_concat(id || ':' || title, '|') FROM meeting)"
	" || '#' || (SELECT group_concat(id || ':' || title, '|') FROM resolution)"
	" || '#' || (SELECT group_concat(id || ':' || status || ':' || ifnull(owner, '')"
	"     || ':' || ifnull(due_on, '') || ':' || ifnull(note, ''), '|') FROM action_item)"
	" || '#' || (SELECT count(*) FROM action_item_history)"
	" || '#' || (SELECT group_concat(name || '=' || n, '|') FROM counts)"
	" || '#' || (SELECT count(*) FROM search WHERE search MATCH 'dang')";

/* Opens the file past the fault VFS, checks it is whole and returns its
 * fingerprint (malloc'd). */
static char *whole_fingerprint(const char *path)
{
	sqlite3 *db = open_real(path);
	char *check = query_text(db, "PRAGMA integrity_check");
	cr_assert_str_eq(check, "ok", "%s after the fault", path);
	free(check);
	cr_assert_eq(sqlite3_exec(db, "INSERT INTO search(search, rank) VALUES ('integrity-check', 0)",
				  NULL, NULL, NULL), SQLITE_OK, "search index: %s", sqlite3_errmsg(db));
	char *fp = query_text(db, fingerprint_sql);
	cr_assert_eq(sqlite3_close(db), SQLITE_OK);
	return fp;
}

static void expect_message(const struct bb_error *err, const char *says)
{
	cr_assert(strstr(err->msg, work_db) != NULL, "the message names the file: %s", err->msg);
	cr_assert(strstr(err->msg, says) != NULL, "\"%s\" expected in: %s", says, err->msg);
	cr_assert(strstr(err->msg, "; nothing was changed") != NULL, "%s", err->msg);
}

/* ---- edits -------------------------------------------------------------------- */

Test(faults, a_full_disk_while_saving_an_edit_changes_nothing)
{
	copy_base();
	char *before = whole_fingerprint(work_db);
	struct store *s = open_work();
	struct bb_error err;
	fault_vfs_arm(&(struct fault_plan){ .op = FAULT_WRITE, .after = 0, .rc = SQLITE_FULL });
	enum bb_status st = store_task_set(s, 1, STORE_FIELD_NOTE, "Ghi chú mới", "tester", NULL, &err);
	cr_assert_eq(st, BB_ERROR);
	cr_assert_gt(fault_vfs_failures(), 0);
	expect_message(&err, "disk full while saving; nothing was changed");
	fault_vfs_disarm();

	/* This store and any other program read the item as it was. */
	struct store_task *t;
	cr_assert_eq(store_task_get(s, 1, &t, &err), BB_OK, "%s", err.msg);
	cr_assert_null(t->note);
	store_task_free(t);
	char *now = whole_fingerprint(work_db);
	cr_assert_str_eq(now, before);
	free(now);

	/* With room again, the same store saves. */
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_NOTE, "Ghi chú mới", "tester", NULL, &err), BB_OK,
		     "%s", err.msg);
	store_close(s);
	now = whole_fingerprint(work_db);
	cr_assert_str_neq(now, before);
	cr_assert(strstr(now, "Ghi chú mới") != NULL);
	free(now);
	free(before);
}

/* Fails the `point`th call of the plan's kind during one edit of item 1
 * (and, for a lasting fault, while closing too). True when the edit
 * went through without a failure: there are no more points to try. */
static bool edit_with_fault(struct fault_plan plan, int point, const char *before,
			    const char *says)
{
	copy_base();
	struct store *s = open_work();
	struct bb_error err;
	plan.after = point;
	fault_vfs_arm(&plan);
	enum bb_status st = store_task_set(s, 1, STORE_FIELD_STATUS, "done", "tester", NULL, &err);
	int failed = fault_vfs_failures();
	if (plan.once)
		fault_vfs_disarm();
	store_close(s);
	fault_vfs_disarm();
	if (!failed) {
		cr_assert_eq(st, BB_OK, "%s", err.msg);
		return true;
	}
	cr_assert_eq(st, BB_ERROR, "point %d: the edit should fail", point);
	expect_message(&err, says);
	char *now = whole_fingerprint(work_db);
	cr_assert_str_eq(now, before, "point %d: the database changed", point);
	free(now);
	return false;
}

static void every_point_of_an_edit(struct fault_plan plan, const char *says)
{
	copy_base();
	char *before = whole_fingerprint(work_db);
	int point = 0;
	while (!edit_with_fault(plan, point, before, says))
		cr_assert_lt(++point, MAX_POINTS);
	cr_assert_gt(point, 0, "the edit never wrote through the fault VFS");
	free(before);
}

Test(faults, a_disk_that_fills_at_any_write_of_an_edit)
{
	every_point_of_an_edit((struct fault_plan){ .op = FAULT_WRITE, .rc = SQLITE_FULL },
			       "disk full while saving");
}

Test(faults, a_write_error_at_any_write_of_an_edit)
{
	every_point_of_an_edit((struct fault_plan){ .op = FAULT_WRITE, .rc = SQLITE_IOERR_WRITE },
			       "I/O error while saving");
}

Test(faults, a_sync_error_at_commit)
{
	every_point_of_an_edit((struct fault_plan){ .op = FAULT_SYNC, .rc = SQLITE_IOERR_FSYNC,
						    .once = true },
			       "I/O error while saving");
}

/* A disk whose syncs keep failing, at closing too: the frames of the
 * failed commit are in the -wal, but past what its index holds, so they
 * are dropped, never read back as if saved. */
Test(faults, a_sync_that_keeps_failing)
{
	every_point_of_an_edit((struct fault_plan){ .op = FAULT_SYNC, .rc = SQLITE_IOERR_FSYNC },
			       "I/O error while saving");
}

/* ---- imports --------------------------------------------------------------------- */

static bool import_with_fault(struct fault_plan plan, int point, const char *before,
			      const struct notice *n, const char *says)
{
	copy_base();
	struct store *s = open_work();
	struct bb_error err;
	long long id;
	plan.after = point;
	fault_vfs_arm(&plan);
	enum bb_status st = store_import_notice(s, n, "ubnd_phien_hop.txt", &id, &err);
	int failed = fault_vfs_failures();
	store_close(s);		/* still failing: the disk is still full */
	fault_vfs_disarm();
	char *now = whole_fingerprint(work_db);
	if (!failed) {
		cr_assert_eq(st, BB_OK, "%s", err.msg);
		cr_assert_str_neq(now, before);
		free(now);
		return true;
	}
	if (st == BB_OK) {	/* it failed while closing, after the commit */
		cr_assert_str_neq(now, before);
	} else {
		expect_message(&err, says);
		cr_assert_str_eq(now, before, "point %d: the database changed", point);
	}
	free(now);
	return false;
}

static void every_point_of_an_import(struct fault_plan plan, const char *says)
{
	copy_base();
	char *before = whole_fingerprint(work_db);
	char path[512];
	snprintf(path, sizeof path, "%s/notices/ubnd_phien_hop.txt", TEST_DATA_DIR);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	static char data[1 << 20];
	size_t len = fread(data, 1, sizeof data, f);
	fclose(f);
	struct notice n;
	struct bb_error err;
	cr_assert_eq(ingest_notice("ubnd_phien_hop.txt", data, len, &n, &err), BB_OK, "%s", err.msg);
	int point = 0;
	while (!import_with_fault(plan, point, before, &n, says))
		cr_assert_lt(++point, MAX_POINTS);
	cr_assert_gt(point, 1);
	ingest_notice_free(&n);
	free(before);
}

Test(faults, a_disk_that_fills_at_any_write_of_an_import)
{
	every_point_of_an_import((struct fault_plan){ .op = FAULT_WRITE, .rc = SQLITE_FULL },
				 "disk full while saving");
}

Test(faults, a_sync_error_at_the_commit_of_an_import)
{
	every_point_of_an_import((struct fault_plan){ .op = FAULT_SYNC, .rc = SQLITE_IOERR_FSYNC,
						      .once = true },
				 "I/O error while saving");
}

/* ---- creating ------------------------------------------------------------------------ */

/* A database that could not be made whole is not left half-made: the
 * file and everything SQLite made beside it are gone. */
Test(faults, a_full_disk_while_creating_leaves_nothing)
{
	char path[160], side[200];
	snprintf(path, sizeof path, "%s/new.db", dir);
	for (int point = 0;; point++) {
		cr_assert_lt(point, MAX_POINTS);
		fault_vfs_arm(&(struct fault_plan){ .op = FAULT_WRITE, .after = point, .rc = SQLITE_FULL });
		struct store *s;
		struct bb_error err;
		enum bb_status st = store_open(path, STORE_CREATE, &s, NULL, &err);
		int failed = fault_vfs_failures();
		fault_vfs_disarm();
		if (st == BB_OK) {
			cr_assert_eq(failed, 0, "point %d: made in spite of a full disk", point);
			store_close(s);
			break;
		}
		cr_assert(strstr(err.msg, "disk full") != NULL, "point %d: %s", point, err.msg);
		cr_assert(access(path, F_OK) != 0, "point %d: the file was left", point);
		for (const char *const *x = (const char *const[]){ "-wal", "-shm", "-journal", NULL }; *x; x++) {
			snprintf(side, sizeof side, "%s%s", path, *x);
			cr_assert(access(side, F_OK) != 0, "point %d: %s was left", point, side);
		}
	}
}
