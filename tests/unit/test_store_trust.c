/* What the store trusts in a database file, and when: schema code (a
 * trigger) runs only when it is bienban's own, checked at open and again
 * before each write, and trusted_schema is on only inside those writes. */
#include "config.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/internal.h"
#include "store.h"

static char dir[64];
static char path[128];

static void make_dir(void)
{
	strcpy(dir, "/tmp/bb-trust-XXXXXX");
	cr_assert(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/t.db", dir);
}

static void remove_dir(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert(system(cmd) == 0);
}

TestSuite(trust, .init = make_dir, .fini = remove_dir);

static const char one_task[] =
	"{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"id\": 1, \"title\": \"Họp\","
	" \"resolutions\": [{\"id\": 1, \"seq\": 1, \"title\": \"R\","
	" \"tasks\": [{\"id\": 1, \"seq\": 1, \"text\": \"Việc\"}]}]}]}";

static struct store *with_one_task(void)
{
	struct store *s;
	struct bb_error err;
	size_t n;
	cr_assert_eq(store_open(path, STORE_CREATE, &s, NULL, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(store_import_json(s, "t.json", one_task, strlen(one_task), &n, &err), BB_OK,
		     "%s", err.msg);
	return s;
}

/* Runs sql on the file as another program would (no bienban functions). */
static void other_program(const char *sql)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_close(db), SQLITE_OK);
}

static long long pragma(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

Test(trust, schema_is_untrusted_outside_bienbans_own_writes)
{
	struct store *s = with_one_task();
	struct bb_error err;
	cr_assert_eq(pragma(s, "PRAGMA trusted_schema"), 0, "trusted after open and an import");
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_STATUS, "done", "u", NULL, &err), BB_OK,
		     "%s", err.msg);
	cr_assert_eq(pragma(s, "PRAGMA trusted_schema"), 0, "trusted after an edit");
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_DUE, "30/2/2023", "u", NULL, &err), BB_USAGE);
	cr_assert_eq(pragma(s, "PRAGMA trusted_schema"), 0, "trusted after a refused edit");
	store_close(s);
}

Test(trust, a_trigger_added_while_open_stops_the_next_write)
{
	/* Another program adds a trigger to a database bienban holds open:
	 * the next write checks the schema again and refuses, and the
	 * trigger never runs. */
	struct store *s = with_one_task();
	other_program("CREATE TRIGGER spy AFTER UPDATE ON action_item BEGIN"
		      " UPDATE counts SET n = 999 WHERE name = 'meeting'; END;");
	struct bb_error err;
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_NOTE, "x", "u", NULL, &err), BB_ERROR);
	cr_assert(strstr(err.msg, "not a bienban database"), "%s", err.msg);
	cr_assert(strstr(err.msg, "spy"), "%s", err.msg);
	size_t n;
	cr_assert_eq(store_import_json(s, "t.json", one_task, strlen(one_task), &n, &err), BB_ERROR);
	cr_assert_eq(pragma(s, "PRAGMA trusted_schema"), 0);
	store_close(s);

	/* Nothing was written: the note is unset, the totals are true. */
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT (SELECT n FROM counts WHERE name = 'meeting'),"
					" (SELECT note IS NULL FROM action_item WHERE id = 1),"
					" (SELECT count(*) FROM action_item_history)", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 1, "the foreign trigger ran");
	cr_assert_eq(sqlite3_column_int(st, 1), 1, "the note was written");
	cr_assert_eq(sqlite3_column_int(st, 2), 0, "history was written");
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* And the file is refused at the next open. */
	cr_assert_eq(store_open(path, 0, &s, NULL, &err), BB_ERROR);
	cr_assert(strstr(err.msg, "not a bienban database"), "%s", err.msg);
}

Test(trust, a_changed_trigger_of_bienbans_name_is_not_bienbans)
{
	/* Same name, other body: compared word for word. */
	struct store *s = with_one_task();
	store_close(s);
	other_program("DROP TRIGGER action_item_au;"
		      "CREATE TRIGGER action_item_au AFTER UPDATE ON action_item BEGIN"
		      " UPDATE counts SET n = 999 WHERE name = 'meeting'; END;");
	struct bb_error err;
	cr_assert_eq(store_open(path, 0, &s, NULL, &err), BB_ERROR);
	cr_assert(strstr(err.msg, "action_item_au"), "%s", err.msg);
}
