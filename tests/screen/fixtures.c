/* fixtures.c — the helpers behind fixtures.h. */
#include "config.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/store/internal.h"
#include "fixtures.h"
#include "store.h"

struct harness *h;
char tmp_dir[64];
char db[128];

/* Under LeakSanitizer: Criterion 2.4's runner loses a small record of
 * its own when it runs many tests in parallel workers. Not ours, and
 * reported at the runner's exit, where it would fail the whole program. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libcriterion.so\n";
}

void fixture_setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(tmp_dir, sizeof tmp_dir, "%s/bb-screen-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert(mkdtemp(tmp_dir) != NULL);
	snprintf(db, sizeof db, "%s/t.db", tmp_dir);
}

void fixture_teardown(void)
{
	harness_free(h);
	h = NULL;
	if (!tmp_dir[0])
		return;
	/* Read-only tests take write permission away: give it back first. */
	char cmd[200];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwX '%s'; rm -rf '%s'", tmp_dir, tmp_dir);
	cr_assert(system(cmd) == 0);
	tmp_dir[0] = '\0';
}

/* ---- databases --------------------------------------------------------- */

void import_file(const char *path, const char *file)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' import '%s' >/dev/null", BIENBAN_BIN, path, file);
	cr_assert(system(cmd) == 0, "%s", cmd);
}

void import_sample(const char *path)
{
	import_file(path, TEST_DATA_DIR "/notices/seed.txt");
}

void write_sql(const char *path, const char *sql)
{
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(path, 0, &s, NULL, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(store_begin(s, &err), BB_OK);
	cr_assert_eq(store_exec(s, sql, &err), BB_OK, "%s: %s", sql, err.msg);
	cr_assert_eq(store_commit(s, &err), BB_OK);
	store_close(s);
}

long long query_int(const char *path, const char *sql)
{
	sqlite3 *raw;
	cr_assert(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	struct bb_error err;
	cr_assert_eq(store_register_vi(raw, &err), BB_OK);
	sqlite3_stmt *st;
	cr_assert(sqlite3_prepare_v2(raw, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		  sqlite3_errmsg(raw));
	cr_assert(sqlite3_step(st) == SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(raw));
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	return v;
}

char *task_field(const char *path, long long id, const char *field)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' list tasks --format json", BIENBAN_BIN, path);
	FILE *p = popen(cmd, "r");
	cr_assert(p != NULL);
	static char json[1 << 20];
	size_t n = fread(json, 1, sizeof json - 1, p);
	json[n] = '\0';
	cr_assert(pclose(p) == 0);
	sqlite3 *mem;
	sqlite3_open(":memory:", &mem);
	sqlite3_stmt *st;
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.%s') FROM json_each(?1)"
		 " WHERE json_extract(value, '$.id') = ?2", field);
	cr_assert(sqlite3_prepare_v2(mem, sql, -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	static char value[1 << 16];
	value[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(value, sizeof value, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(mem);
	return value;
}

/* ---- programs ------------------------------------------------------------ */

struct harness *start_program(int rows, int cols, const char *const *env,
			      const char *const *argv)
{
	struct harness_opts o = { .rows = rows, .cols = cols, .lang = "C.UTF-8",
				  .home = tmp_dir, .xdg_data_home = tmp_dir, .env = env };
	struct harness *started = harness_start(&o, argv);
	cr_assert(started != NULL);
	return started;
}

struct harness *start_bienban(int rows, int cols, const char *const *env,
			      const char *const *args)
{
	const char *argv[32] = { BIENBAN_BIN, "--db", db };
	size_t n = 3;
	for (; args && *args; args++) {
		cr_assert(n + 1 < sizeof argv / sizeof *argv);
		argv[n++] = *args;
	}
	argv[n] = NULL;
	return start_program(rows, cols, env, argv);
}

struct harness *browser(int rows, int cols, const char *const *env)
{
	return start_bienban(rows, cols, env, NULL);
}

int row_of(const char *text)
{
	int row, col;
	cr_assert(harness_find(h, text, &row, &col), "\"%s\" is not on the screen", text);
	return row;
}

char *row_text(int row)
{
	static char buf[4096];
	return harness_row_text(h, row, buf, sizeof buf);
}

bool is_marker(const struct harness_cell *c)
{
	return !strcmp(c->text, "▶") || !strcmp(c->text, ">");
}

int list_edge(const char *text, int *row)
{
	int col;
	cr_assert(harness_find(h, text, row, &col), "\"%s\" is not on the screen", text);
	for (int c = col - 1; c >= 0; c--) {
		struct harness_cell cell;
		harness_cell(h, *row, c, &cell);
		if (is_marker(&cell) || !strcmp(cell.text, "│") || !strcmp(cell.text, "|"))
			return c;
	}
	cr_assert_fail("no list edge left of \"%s\"", text);
	return -1;
}

bool no_foreign_escapes(void)
{
	return harness_raw_foreign_escapes(h, stderr) == 0;
}

bool exits_with(int code, int timeout_ms)
{
	int status;
	if (!harness_wait_exit(h, timeout_ms, &status))
		return false;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code) {
		fprintf(stderr, "exit status %d (signal %d), wanted exit %d\n",
			WIFEXITED(status) ? WEXITSTATUS(status) : -1,
			WIFSIGNALED(status) ? WTERMSIG(status) : 0, code);
		harness_dump(h, stderr);
		return false;
	}
	return true;
}

/* ---- processes ------------------------------------------------------------ */

long long cpu_ticks(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* After "(comm) ": state is field 3, utime 14, stime 15. */
	const char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	unsigned long long utime, stime;
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
		   &utime, &stime) != 2)
		return -1;
	return (long long)(utime + stime);
}

pid_t child_of(pid_t pid)
{
	char path[96];
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)pid, (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	long child = 0;
	if (fscanf(f, "%ld", &child) != 1)
		child = 0;
	fclose(f);
	return (pid_t)child;
}
