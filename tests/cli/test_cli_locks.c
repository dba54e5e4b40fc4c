/* Locks and concurrency: another program holding the write lock, and
 * several bienban processes editing the same items at once. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <sqlite3.h>

#include "../../src/store/internal.h"
#include "cli_test.h"

TestSuite(locks, .init = sandbox_init, .fini = sandbox_fini, .timeout = 300);

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static char *query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql,
		     sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(db));
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *copy = fmt("%s", t ? t : "(null)");
	sqlite3_finalize(st);
	return copy;
}

/* A write that waits for a lock held past the timeout (3 s) gives up
 * with one line, after a bounded wait. */
static void expect_locked(struct run *(*run)(void), const char *what)
{
	double start = now_seconds();
	struct run *r = run();
	double waited = now_seconds() - start;
	expect_error(r, 1, what, sb.db, "database is locked");
	cr_assert_geq(waited, 2.5, "%s gave up after %.2f s, before the busy timeout", what, waited);
	cr_assert_lt(waited, 20, "%s waited %.2f s", what, waited);
}

static struct run *set_done(void)
{
	return BB_DB(sb.db, "set", "1", "--status", "done");
}

static struct run *import_one(void)
{
	return BB_DB(sb.db, "import", data_path("notices/ubnd_phien_hop.txt"));
}

static struct run *list_tasks(void)
{
	return BB_DB(sb.db, "list", "tasks", "--format", "json");
}

Test(locks, another_program_holding_the_write_lock)
{
	import_ok(sb.db, data_path("notices/seed.txt"));
	struct run *before = BB_DB(sb.db, "export");
	expect_ok(before, "export");
	sqlite3 *other = open_sql(sb.db);
	exec_sql(other, "BEGIN EXCLUSIVE; INSERT INTO action_item_history(item_id, time, user, field,"
			" old, new) VALUES (1, '2023-01-01T00:00:00Z', 'other', 'note', NULL, 'chưa lưu')");

	expect_locked(set_done, "set");
	expect_locked(import_one, "import");
	/* Readers do not wait on a writer (WAL): they answer at once with
	 * what was committed, not the other program's pending row. */
	double start = now_seconds();
	struct run *r = BB_DB(sb.db, "export");
	expect_ok(r, "export while locked");
	cr_assert_lt(now_seconds() - start, 2.5, "a reader waited for the writer");
	cr_assert_str_eq(r->out, before->out);
	expect_ok(BB_DB(sb.db, "search", "dang"), "search while locked");

	/* Released, the same edit goes through. */
	exec_sql(other, "ROLLBACK");
	cr_assert_eq(sqlite3_close(other), SQLITE_OK);
	expect_ok(set_done(), "set after the lock is gone");
	cr_assert_str_eq(jtext(list_tasks()->out, "(SELECT json_extract(value, '$.status')"
			       " FROM json_each(?1) WHERE json_extract(value, '$.id') = 1)"), "done");
}

Test(locks, a_lock_on_a_database_another_program_put_in_rollback_mode)
{
	/* Without WAL a writer's exclusive lock keeps readers out too: they
	 * wait the same bounded time and say so. */
	import_ok(sb.db, data_path("notices/seed.txt"));
	sqlite3 *other = open_sql(sb.db);
	cr_assert_str_eq(query_text(other, "PRAGMA journal_mode = DELETE"), "delete");
	/* (Read before the lock: closing any descriptor of the file drops
	 * every POSIX lock this process holds on it.) */
	struct snapshot bytes = snapshot(sb.db);
	exec_sql(other, "BEGIN EXCLUSIVE; UPDATE counts SET n = n WHERE name = 'meeting'");
	expect_locked(list_tasks, "list");
	expect_locked(set_done, "set");
	cr_assert(!file_exists(fmt("%s-wal", sb.db)));
	exec_sql(other, "ROLLBACK");
	expect_same_bytes(&bytes, sb.db);
	cr_assert_eq(sqlite3_close(other), SQLITE_OK);
	expect_ok(list_tasks(), "list after the lock is gone");
}

/* ---- four writers ------------------------------------------------------------------ */

enum { WRITERS = 4, EDITS = 15, ITEMS = 3 };

/* One writer: EDITS runs of `bienban set`, each giving an item a note
 * no other edit gives. Exits with the number of runs that failed. */
static void writer(int w, char **envp)
{
	char *log = fmt("%s/writer%d.log", sb.dir, w);
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
	int failures = 0;
	for (int i = 0; i < EDITS; i++) {
		char id[16], note[32];
		snprintf(id, sizeof id, "%d", 1 + (w + i) % ITEMS);
		snprintf(note, sizeof note, "w%d-%d", w, i);
		char *argv[] = { BIENBAN_BIN, "--db", sb.db, "set", id, "--note", note, NULL };
		pid_t pid = fork();
		if (pid == 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			execve(BIENBAN_BIN, argv, envp);
			_exit(126);
		}
		int ws;
		failures += pid < 0 || waitpid(pid, &ws, 0) != pid || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0;
	}
	_exit(failures);
}

Test(locks, four_processes_editing_the_same_items)
{
	import_ok(sb.db, data_path("notices/seed.txt"));
	char **envp = sandbox_env(NULL);
	pid_t pids[WRITERS];
	fflush(NULL);
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		cr_assert_geq(pids[w], 0);
		if (pids[w] == 0)
			writer(w, envp);
	}
	for (int w = 0; w < WRITERS; w++) {
		int ws;
		cr_assert_eq(waitpid(pids[w], &ws, 0), pids[w]);
		cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "writer %d: %d edits failed:\n%s", w,
			  WIFEXITED(ws) ? WEXITSTATUS(ws) : -1,
			  read_file(fmt("%s/writer%d.log", sb.dir, w), NULL));
	}
	cr_assert(!has_companions(sb.db));

	sqlite3 *db = open_sql(sb.db);
	cr_assert_str_eq(query_text(db, "PRAGMA integrity_check"), "ok");
	exec_sql(db, "INSERT INTO search(search, rank) VALUES ('integrity-check', 0)");
	/* Every edit landed, once, with its history row… */
	cr_assert_str_eq(query_text(db, "SELECT count(*) || '/' || count(DISTINCT new)"
				    " FROM action_item_history WHERE field = 'note'"),
			 fmt("%d/%d", WRITERS * EDITS, WRITERS * EDITS));
	/* …one after another: each row's old value is the new value of the
	 * row before it for that item, so no edit was lost or overwritten
	 * unseen… */
	cr_assert_str_eq(query_text(db, "SELECT count(*) FROM action_item_history h"
				    " WHERE field = 'note' AND old IS NOT (SELECT p.new FROM action_item_history p"
				    "  WHERE p.item_id = h.item_id AND p.field = 'note' AND p.id < h.id"
				    "  ORDER BY p.id DESC LIMIT 1)"), "0");
	/* …and each item holds the last value written. */
	cr_assert_str_eq(query_text(db, "SELECT count(*) FROM action_item a WHERE a.id <= 3 AND"
				    " a.note IS NOT (SELECT new FROM action_item_history h WHERE h.item_id = a.id"
				    "  ORDER BY h.id DESC LIMIT 1)"), "0");
	cr_assert_eq(sqlite3_close(db), SQLITE_OK);
}
