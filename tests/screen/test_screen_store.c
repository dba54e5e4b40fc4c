/* The browser on databases that fight back: damaged files, a lock held
 * by another program, read-only media. What a person sees: a one-line
 * error on a terminal that was never taken over, or an error in the
 * status line of a browser that still answers its keys; and a terminal
 * given back whole at the end. */
#include "config.h"

#include <criterion/criterion.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.h"

TestSuite(screen_store, .init = fixture_setup, .fini = fixture_teardown, .timeout = 120);

/* ---- fixtures ------------------------------------------------------------ */

static struct harness *start(const char *const *argv)
{
	struct harness_opts o = { .rows = 40, .cols = 120, .lang = "C.UTF-8",
				  .home = tmp_dir, .xdg_data_home = tmp_dir };
	struct harness *started = harness_start(&o, argv);
	cr_assert(started != NULL);
	return started;
}

static struct harness *browser_at(const char *path)
{
	return start((const char *const[]){ BIENBAN_BIN, "--db", path, NULL });
}

/* The file's bytes, to compare after the browser has gone. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert(f != NULL, "%s", path);
	static char data[4 << 20];
	*len = fread(data, 1, sizeof data, f);
	fclose(f);
	char *copy = malloc(*len);
	memcpy(copy, data, *len);
	return copy;
}

static void expect_unchanged(const char *path, const char *before, size_t len)
{
	size_t now_len;
	char *now = slurp(path, &now_len);
	cr_assert(now_len == len && memcmp(now, before, len) == 0, "%s was written", path);
	free(now);
	char side[160];
	for (const char *const *s = (const char *const[]){ "-wal", "-shm", "-journal", NULL }; *s; s++) {
		snprintf(side, sizeof side, "%s%s", path, *s);
		cr_assert(access(side, F_OK) != 0, "%s was left behind", side);
	}
}

static long long query_immutable(const char *path, const char *sql)
{
	char uri[256];
	snprintf(uri, sizeof uri, "file:%s?immutable=1", path);
	sqlite3 *raw;
	cr_assert(sqlite3_open_v2(uri, &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert(sqlite3_prepare_v2(raw, sql, -1, &st, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(raw));
	cr_assert(sqlite3_step(st) == SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	return v;
}

/* Flips every bit of the byte at `at`. */
static void poke(const char *path, long at)
{
	FILE *f = fopen(path, "r+b");
	cr_assert(f != NULL);
	cr_assert(fseek(f, at, SEEK_SET) == 0);
	int c = fgetc(f);
	cr_assert(fseek(f, at, SEEK_SET) == 0);
	fputc(c ^ 0xff, f);
	cr_assert(fclose(f) == 0);
}

static bool raw_contains(const char *needle)
{
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(raw + i, needle, n))
			return true;
	return false;
}

/* The browser stopped before curses: one line, exit 1, and the terminal
 * never switched to the alternate screen or hid its cursor. */
static void expect_refused_before_curses(const char *says)
{
	int status;
	cr_assert(harness_wait_exit(h, 10000, &status));
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %d", status);
	cr_assert(harness_wait_text(h, "bienban: ", 0));
	cr_assert(harness_wait_text(h, says, 0));
	cr_assert(!raw_contains("\033[?1049h"), "curses took the screen");
	cr_assert(harness_cursor_visible(h));
	int row;
	cr_assert(harness_find(h, "bienban: ", &row, NULL));
	char next[512];
	cr_assert_str_eq(harness_row_text(h, row + 1, next, sizeof next), "", "one line only");
}

/* q, and the terminal is given back: main screen, cursor shown. */
static void expect_clean_quit(void)
{
	cr_assert(harness_key(h, "q"));
	int status;
	cr_assert(harness_wait_exit(h, 10000, &status));
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d", status);
	cr_assert(!harness_altscreen(h), "left on the alternate screen");
	cr_assert(harness_cursor_visible(h));
	cr_assert(harness_raw_foreign_escapes(h, stderr) == 0);
}

/* ---- damaged files ---------------------------------------------------------------- */

Test(screen_store, a_file_cut_short_is_refused_before_the_screen_is_taken)
{
	import_sample(db);
	cr_assert(truncate(db, 4096 * 7 + 1234) == 0);
	size_t len;
	char *before = slurp(db, &len);
	h = browser_at(db);
	expect_refused_before_curses("database is damaged (cut short");
	cr_assert(harness_find(h, db, NULL, NULL), "the line names the file");
	expect_unchanged(db, before, len);
	free(before);
}

Test(screen_store, a_flipped_byte_in_the_schema_is_refused_before_the_screen_is_taken)
{
	import_sample(db);
	poke(db, 100);
	size_t len;
	char *before = slurp(db, &len);
	h = browser_at(db);
	expect_refused_before_curses("database is damaged");
	expect_unchanged(db, before, len);
	free(before);
}

Test(screen_store, a_flipped_byte_met_while_browsing_shows_in_the_status_line)
{
	import_sample(db);
	long long root = query_immutable(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'action_item'");
	poke(db, (long)(root - 1) * 4096);
	size_t len;
	char *before = slurp(db, &len);
	h = browser_at(db);
	cr_assert(harness_wait_text(h, "Resolutions 1/5", 0));
	cr_assert(harness_wait_text(h, "database is damaged", 0), "the items pane met the damage");
	/* The rest still answers its keys. */
	cr_assert(harness_keys(h, "l j"));
	cr_assert(harness_wait_text(h, "[Resolutions 2/5]", 0));
	expect_clean_quit();
	expect_unchanged(db, before, len);
	free(before);
}

/* ---- a lock held by another program ----------------------------------------------- */

static char *task_status(const char *path, int id)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' list tasks --format tsv | awk -F'\\t' '$1 == %d { print $9 }'",
		 BIENBAN_BIN, path, id);
	FILE *p = popen(cmd, "r");
	cr_assert(p != NULL);
	static char out[64];
	out[0] = '\0';
	if (fgets(out, sizeof out, p))
		out[strcspn(out, "\n")] = '\0';
	cr_assert(pclose(p) == 0);
	return out;
}

Test(screen_store, an_edit_while_another_program_holds_the_lock)
{
	import_sample(db);
	h = browser_at(db);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	sqlite3 *other;
	cr_assert(sqlite3_open(db, &other) == SQLITE_OK);
	cr_assert(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);

	cr_assert(harness_keys(h, "l l x"));
	cr_assert(harness_wait_text(h, "busy", 8000), "the edit says the database is busy");
	/* Still browsing while the lock is held. */
	cr_assert(harness_key(h, "j"));
	cr_assert(harness_wait_text(h, "[Action items 2/12]", 0));
	cr_assert(harness_key(h, "k"));
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0));

	cr_assert(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK);
	cr_assert(sqlite3_close(other) == SQLITE_OK);
	cr_assert(harness_key(h, "x"));
	cr_assert(harness_wait_text(h, "item 1: status saved", 0), "the edit, tried again, is saved");
	cr_assert_str_eq(task_status(db, 1), "done");
	expect_clean_quit();
}

/* ---- read-only media --------------------------------------------------------------------- */

/* The browser as a user who may not write the file or its folder: as
 * root (who may write anything), "nobody" through setpriv. */
static const char *const *as_unprivileged(const char *path)
{
	static const char *argv[10];
	static char uid[32], gid[32];
	size_t n = 0;
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");
		if (!pw || access("/usr/bin/setpriv", X_OK) != 0)
			return NULL;
		snprintf(uid, sizeof uid, "--reuid=%d", (int)pw->pw_uid);
		snprintf(gid, sizeof gid, "--regid=%d", (int)pw->pw_gid);
		argv[n++] = "/usr/bin/setpriv";
		argv[n++] = uid;
		argv[n++] = gid;
		argv[n++] = "--clear-groups";
	}
	argv[n++] = BIENBAN_BIN;
	argv[n++] = "--db";
	argv[n++] = path;
	argv[n] = NULL;
	return argv;
}

Test(screen_store, read_only_media_opens_and_edit_keys_say_why_they_do_nothing)
{
	import_sample(db);
	const char *const *argv = as_unprivileged(db);
	if (!argv)
		cr_skip_test("root without \"nobody\" or setpriv: cannot take write permission away");
	cr_assert(chmod(db, 0444) == 0 && chmod(tmp_dir, 0555) == 0);
	size_t len;
	char *before = slurp(db, &len);
	h = start(argv);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l l x"));
	cr_assert(harness_wait_text(h, "read-only", 0));
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text(h, "read-only", 0));
	expect_clean_quit();
	expect_unchanged(db, before, len);
	free(before);
}
