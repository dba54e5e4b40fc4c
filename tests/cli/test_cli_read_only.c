/* Read-only situations: --read-only, a file or folder this user may not
 * write, a database on read-only media. Reading works and shows what is
 * in the file; every write is refused with one line saying why; and no
 * -wal or -shm is left behind (SQLite leaves both beside a read-only
 * connection to a WAL database, and a -wal made by a reader belongs to
 * the reader, keeping the owner from writing).
 *
 * Root may write anything, so "a user who may not write" is nobody when
 * the tests run as root (see run_bienban_unprivileged). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "../../src/store/internal.h"
#include "cli_test.h"

TestSuite(read_only, .init = sandbox_init, .fini = sandbox_fini);

/* The reading commands, whose answers must match the writable file's. */
static const char *const readers[][5] = {
	{ "list", "tasks", "--format", "json" },
	{ "list", "meetings" },
	{ "search", "dang" },
	{ "export" },
};

#define NREADERS (sizeof readers / sizeof *readers)

static const char **with_db(const char *db, const char *const *cmd, const char *read_only)
{
	const char **args = keep(calloc(10, sizeof *args));
	size_t n = 0;
	if (read_only)
		args[n++] = read_only;
	args[n++] = "--db";
	args[n++] = db;
	for (size_t k = 0; k < 5 && cmd[k]; k++)
		args[n++] = cmd[k];
	return args;
}

/* What each reader answers with every permission. */
static char **answers(const char *db)
{
	char **out = keep(calloc(NREADERS, sizeof *out));
	for (size_t i = 0; i < NREADERS; i++) {
		struct run *r = run_bienban(NULL, with_db(db, readers[i], NULL));
		expect_ok(r, readers[i][0]);
		out[i] = r->out;
	}
	cr_assert(!has_companions(db));
	return out;
}

typedef struct run *(*runner_fn)(const char *const *env, const char *const *args);

/* Every reader answers as before; set and import are refused with a
 * line that says `why`; nothing is written or left beside the file. */
static void expect_read_only(const char *db, runner_fn run, const char *option,
			     char **before, const char *why)
{
	struct snapshot bytes = snapshot(db);
	for (size_t i = 0; i < NREADERS; i++) {
		struct run *r = run(NULL, with_db(db, readers[i], option));
		expect_ok(r, readers[i][0]);
		cr_assert_str_eq(r->out, before[i], "%s %s answered differently", readers[i][0], readers[i][1]);
		expect_unchanged(&bytes, db);
	}
	static const char *const set[] = { "set", "1", "--status", "done", NULL };
	struct run *r = run(NULL, with_db(db, set, option));
	expect_error(r, 1, "set", db, why, "nothing was changed");
	expect_unchanged(&bytes, db);
	const char *import[] = { "import", data_path("notices/ubnd_phien_hop.txt"), NULL };
	r = run(NULL, with_db(db, import, option));
	expect_error(r, 1, "import", db, why);
	expect_unchanged(&bytes, db);
}

static char *make_db(const char *folder, mode_t folder_mode, mode_t file_mode)
{
	char *dir = sandbox_path(folder);
	cr_assert_eq(mkdir(dir, 0700), 0);
	char *db = fmt("%s/test.db", dir);
	import_ok(db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"));
	cr_assert_eq(chmod(db, file_mode), 0);
	cr_assert_eq(chmod(dir, folder_mode), 0);
	return db;
}

static void need_unprivileged_user(void)
{
	if (!unprivileged_user())
		cr_skip_test("running as root with no \"nobody\" user: cannot test permissions"
			     " (root may write anything)");
}

/* ---- --read-only ------------------------------------------------------------------ */

Test(read_only, the_option_reads_and_leaves_nothing_behind)
{
	char *db = make_db("opt", 0700, 0600);
	char **before = answers(db);
	expect_read_only(db, run_bienban, "--read-only", before, "--read-only");
}

/* ---- no permission ------------------------------------------------------------------ */

Test(read_only, a_file_and_folder_this_user_may_not_write)
{
	need_unprivileged_user();
	char *db = make_db("media", 0555, 0444);
	char **before = answers(db);
	expect_read_only(db, run_bienban_unprivileged, NULL, before, "no permission to write");
	/* --read-only there says the same and does the same. */
	expect_read_only(db, run_bienban_unprivileged, "--read-only", before, "read-only");
}

Test(read_only, a_writable_file_in_a_folder_this_user_may_not_write)
{
	/* The -wal and -shm cannot be made: SQLite alone would fail every
	 * read ("attempt to write a readonly database"). */
	need_unprivileged_user();
	char *db = make_db("folder", 0555, 0666);
	char **before = answers(db);
	expect_read_only(db, run_bienban_unprivileged, NULL, before, "no permission to write");
}

Test(read_only, a_file_this_user_may_not_write_in_a_folder_open_to_all)
{
	/* SQLite would make a -wal and -shm owned by this user and leave
	 * them, and the owner could write no more. */
	need_unprivileged_user();
	char *db = make_db("shared", 0777, 0444);
	char **before = answers(db);
	expect_read_only(db, run_bienban_unprivileged, NULL, before, "no permission to write");
	if (geteuid() == 0) {
		struct run *r = BB_DB(db, "set", "1", "--status", "done");
		expect_ok(r, "the owner writes after the reader has gone");
	}
}

Test(read_only, a_reader_without_permission_sees_what_the_writer_just_saved)
{
	/* The owner has the file open and its last edit is in the -wal:
	 * the reader shares the -wal and -shm it finds, and makes none. */
	need_unprivileged_user();
	char *db = make_db("live", 0555, 0444);
	cr_assert_eq(chmod(sandbox_path("live"), 0755), 0);
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(db, 0, &s, NULL, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_STATUS, "doing", "owner", NULL, &err), BB_OK);
	cr_assert(file_exists(fmt("%s-wal", db)) && file_exists(fmt("%s-shm", db)));
	cr_assert_eq(chmod(sandbox_path("live"), 0555), 0);
	struct snapshot bytes = snapshot(db);
	struct run *r = BB_UNPRIVILEGED("--db", db, "list", "tasks", "--format", "json");
	expect_ok(r, "list while the owner writes");
	cr_assert_str_eq(jtext(r->out, "(SELECT json_extract(value, '$.status') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.id') = 1)"), "doing");
	r = BB_UNPRIVILEGED("--db", db, "set", "1", "--status", "done");
	expect_error(r, 1, "set while the owner writes", db, "no permission to write");
	expect_same_bytes(&bytes, db);
	cr_assert_eq(chmod(sandbox_path("live"), 0755), 0);
	store_close(s);
	cr_assert(!has_companions(db), "the owner's close removes its files");
}
