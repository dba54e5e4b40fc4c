/* Damaged and foreign database files, through every command.
 *
 * Each file is refused with one line on stderr naming it and the
 * reason, exit status 1, and not a byte written: the file, and any -wal
 * beside it, keep their bytes, and no -wal, -shm or -journal is left
 * that was not there. Damage that opening cannot see (it reads only the
 * header and the schema) fails the commands that meet it, with the same
 * one line and never with output that could pass for a whole answer;
 * the commands that do not meet it answer as from a healthy file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <sqlite3.h>

#include "../../src/store/internal.h"
#include "cli_test.h"

TestSuite(hostile_db, .init = sandbox_init, .fini = sandbox_fini);

/* Every command, once; "" stands for a notice to import. */
static const char *const commands[][7] = {
	{ "list", "meetings" },
	{ "list", "resolutions", "--format", "json" },
	{ "list", "documents", "--format", "tsv" },
	{ "list", "tasks", "--format", "json" },
	{ "list", "tasks", "--sort", "owner" },
	{ "search", "--format", "json", "dang" },
	{ "export" },
	{ "export", "--format", "csv" },
	{ "export", "--format", "md" },
	{ "set", "1", "--status", "done" },
	{ "set", "2", "--note", "Ghi chú" },
	{ "import", "" },
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

static struct run *run_command(const char *db, size_t i)
{
	const char *args[12] = { "--db", db };
	for (size_t k = 0; k < 7 && commands[i][k]; k++)
		args[2 + k] = *commands[i][k] ? commands[i][k] : data_path("notices/ubnd_phien_hop.txt");
	return run_bienban(NULL, args);
}

/* Whether command i prints JSON, and whether it may write. */
static bool prints_json(size_t i)
{
	for (size_t k = 0; k < 7 && commands[i][k]; k++)
		if (!strcmp(commands[i][k], "json"))
			return true;
	return !strcmp(commands[i][0], "export") && !commands[i][1];
}

static bool writes(size_t i)
{
	return !strcmp(commands[i][0], "set") || !strcmp(commands[i][0], "import");
}

static char *command_name(size_t i)
{
	return fmt("%s %s %s", commands[i][0], commands[i][1] ? commands[i][1] : "",
		   commands[i][1] && commands[i][2] ? commands[i][2] : "");
}

/* A companion's bytes, or NULL when it is not there. */
static struct snapshot companion(const char *db, const char *suffix)
{
	struct snapshot s = { .data = read_file(fmt("%s%s", db, suffix), &s.len) };
	return s;
}

static void expect_companion(const struct snapshot *before, const char *db, const char *suffix)
{
	char *path = fmt("%s%s", db, suffix);
	if (!before->data) {
		cr_assert(!file_exists(path), "%s was left behind", path);
		return;
	}
	expect_same_bytes(before, path);
}

/* Every command is refused with a line naming the file and `says`; the
 * file and its -wal keep their bytes, and no companion is left that was
 * not there. (A -shm in use is another program's index: readers write
 * their marks in it, so only its presence is compared.) */
static void expect_refused_by_all(const char *db, const char *says)
{
	struct snapshot bytes = snapshot(db);
	struct snapshot wal = companion(db, "-wal");
	bool shm = file_exists(fmt("%s-shm", db));
	for (size_t i = 0; i < NCOMMANDS; i++) {
		struct run *r = run_command(db, i);
		expect_error(r, 1, command_name(i), db, says);
		expect_same_bytes(&bytes, db);
		expect_companion(&wal, db, "-wal");
		cr_assert_eq(file_exists(fmt("%s-shm", db)), shm, "%s: a -shm came or went", command_name(i));
		cr_assert(!file_exists(fmt("%s-journal", db)));
	}
}

/* ---- making files ------------------------------------------------------------ */

/* Runs sql on path as another program would; closing it last puts
 * everything in the file itself. */
static void run_sql(const char *path, const char *sql)
{
	sqlite3 *db = open_sql(path);
	exec_sql(db, sql);
	cr_assert_eq(sqlite3_close(db), SQLITE_OK);
	cr_assert(!has_companions(path));
}

static char *bienban_db(const char *name)
{
	char *path = sandbox_path(name);
	import_ok(path, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"));
	cr_assert(!has_companions(path));
	return path;
}

static long long query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	char *uri = fmt("file:%s?immutable=1", path);
	cr_assert_eq(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void poke(const char *path, long at, unsigned char xor)
{
	FILE *f = fopen(path, "r+b");
	cr_assert_not_null(f);
	cr_assert_eq(fseek(f, at, SEEK_SET), 0);
	int c = fgetc(f);
	cr_assert_neq(c, EOF);
	cr_assert_eq(fseek(f, at, SEEK_SET), 0);
	fputc(c ^ xor, f);
	cr_assert_eq(fclose(f), 0);
}

/* Where the b-tree header of the root page of `table` starts. */
static long root_of(const char *path, const char *table)
{
	long long page = query_int(path, fmt("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table));
	long long size = query_int(path, "PRAGMA page_size");
	return (long)((page - 1) * size + (page == 1 ? 100 : 0));
}

/* ---- cut short ------------------------------------------------------------------ */

Test(hostile_db, cut_short_in_the_middle_of_a_page)
{
	char *db = bienban_db("cut.db");
	cr_assert_eq(truncate(db, 4096 * 5 + 1000), 0);
	expect_refused_by_all(db, "database is damaged (cut short");
}

Test(hostile_db, cut_short_inside_the_first_page)
{
	char *db = bienban_db("cut1.db");
	cr_assert_eq(truncate(db, 2000), 0);
	expect_refused_by_all(db, "database is damaged (cut short");
	cr_assert_eq(truncate(db, 60), 0);
	expect_refused_by_all(db, "database is damaged (shorter than its header)");
}

/* ---- flipped bytes ------------------------------------------------------------------ */

Test(hostile_db, a_flipped_byte_in_the_schema_page)
{
	char *db = bienban_db("schema.db");
	poke(db, 100, 0xff);	/* the page type of sqlite_schema's root */
	expect_refused_by_all(db, "database is damaged");
}

/* What each command answers from the healthy file. */
static struct run **healthy_answers(const char *db)
{
	struct run **runs = keep(calloc(NCOMMANDS, sizeof *runs));
	char *copy = sandbox_path("healthy-copy.db");
	struct snapshot bytes = snapshot(db);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		write_file("healthy-copy.db", bytes.data, bytes.len);
		runs[i] = run_command(copy, i);
		expect_ok(runs[i], command_name(i));
	}
	return runs;
}

/* A flipped byte in the root page of one table: opening does not read
 * it. The commands that do fail, and write nothing; the others answer as
 * from the healthy file. (An edit that reads only healthy pages saves:
 * without a quick_check at open, nothing tells it the file is damaged.) */
static void flipped_root(const char *table, const char *const *must_fail)
{
	char *db = bienban_db("flipped.db");
	struct run **healthy = healthy_answers(db);
	poke(db, root_of(db, table), 0xff);	/* its page type */
	for (size_t i = 0; i < NCOMMANDS; i++) {
		struct snapshot bytes = snapshot(db);
		struct run *r = run_command(db, i);
		char *what = fmt("%s, with %s damaged", command_name(i), table);
		if (r->status == 0) {
			cr_assert_str_eq(r->out, healthy[i]->out, "%s: answered, differently", what);
		} else {
			expect_error_v(r, 1, false, what, (const char *const[]){ db, "database is damaged", NULL });
			if (r->out_len && prints_json(i))
				cr_assert_eq(jint(r->out, "json_valid(?1)"), 0, "%s: cut JSON that parses", what);
		}
		for (size_t k = 0; must_fail[k]; k++)
			if (!strcmp(command_name(i), must_fail[k]))
				cr_assert_eq(r->status, 1, "%s: should meet the damage", what);
		if (r->status != 0 || !writes(i))
			expect_unchanged(&bytes, db);
		cr_assert(!has_companions(db));
	}
}

Test(hostile_db, a_flipped_byte_in_the_action_items)
{
	flipped_root("action_item", (const char *const[]){
		"list tasks --format", "list tasks --sort", "export  ", "export --format csv",
		"export --format md", "set 1 --status", "set 2 --note", "import  ", NULL });
}

Test(hostile_db, a_flipped_byte_in_the_meetings)
{
	flipped_root("meeting", (const char *const[]){
		"list meetings ", "list resolutions --format", "export  ", "export --format csv", NULL });
}

/* One byte flipped anywhere, forty times over: every command ends with
 * its answer or with one line and exit 1 (never a crash: the sanitizers
 * watch), and a command that reads, or that fails, writes nothing. */
Test(hostile_db, a_byte_flipped_anywhere, .timeout = 600)
{
	static const char *const cmds[][6] = {
		{ "list", "tasks", "--format", "json" },
		{ "search", "dang", "uy" },
		{ "export" },
		{ "set", "3", "--owner", "Văn phòng" },
	};
	char *db = bienban_db("flips.db");
	struct snapshot healthy = snapshot(db);
	unsigned x = 20230331;
	for (int n = 0; n < 40; n++) {
		x = x * 1103515245u + 12345u;
		long at = (long)((x >> 8) % healthy.len);
		for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++) {
			write_file("flips.db", healthy.data, healthy.len);
			poke(db, at, (unsigned char)(1u << (n % 8)));
			struct snapshot bytes = snapshot(db);
			const char *args[8] = { "--db", db };
			for (size_t k = 0; k < 6 && cmds[c][k]; k++)
				args[2 + k] = cmds[c][k];
			struct run *r = run_bienban(NULL, args);
			char *what = fmt("%s with byte %ld flipped", cmds[c][0], at);
			cr_assert(r->status == 0 || r->status == 1, "%s: exit %d", what, r->status);
			if (r->status == 1)
				expect_error_v(r, 1, false, what, (const char *const[]){ db, NULL });
			if (r->status == 1 || strcmp(cmds[c][0], "set"))
				expect_unchanged(&bytes, db);
			cr_assert(!has_companions(db), "%s", what);
		}
	}
}

/* Damage met half-way through a long answer: what was printed stays,
 * but JSON is left unclosed, so no reader takes it for the whole. */
Test(hostile_db, damage_met_half_way_leaves_the_output_visibly_cut)
{
	char *csv = sandbox_path("many.csv");
	FILE *f = fopen(csv, "w");
	cr_assert_not_null(f);
	fputs("meeting,resolution,text\n", f);
	for (int i = 1; i <= 700; i++)
		fprintf(f, "Họp giao ban,Nghị quyết về chuyển đổi số,Việc số %d của tổ công tác\n", i);
	cr_assert_eq(fclose(f), 0);
	char *db = sandbox_path("long.db");
	import_ok(db, csv);
	/* The leaf with the last items: pages are taken in order as rows
	 * are appended, so it is the highest-numbered one. */
	sqlite3 *raw;
	cr_assert_eq(sqlite3_open_v2(fmt("file:%s?immutable=1", db), &raw,
				     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), SQLITE_OK);
	bool dbstat = sqlite3_exec(raw, "SELECT 1 FROM dbstat LIMIT 1", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(raw);
	if (!dbstat)
		cr_skip_test("this SQLite has no dbstat table to find the page with");
	long long leaf = query_int(db, "SELECT max(pageno) FROM dbstat WHERE name = 'action_item'"
				   " AND pagetype = 'leaf'");
	poke(db, (long)(leaf - 1) * 4096, 0xff);

	struct run *r = BB_DB(db, "list", "tasks", "--format", "json");
	expect_error_v(r, 1, false, "list tasks", (const char *const[]){ db, "database is damaged", NULL });
	cr_assert(r->out_len > 0 && r->out[0] == '[', "the first page was printed: %.40s", r->out);
	cr_assert_eq(jint(r->out, "json_valid(?1)"), 0, "cut JSON parses: ...%s",
		     r->out + (r->out_len > 80 ? r->out_len - 80 : 0));
	r = BB_DB(db, "export");
	expect_error_v(r, 1, false, "export", (const char *const[]){ db, "database is damaged", NULL });
	cr_assert_eq(jint(r->out, "json_valid(?1)"), 0, "cut export parses");
	r = BB_DB(db, "list", "tasks", "--format", "tsv");
	expect_error_v(r, 1, false, "list tasks tsv", (const char *const[]){ db, "database is damaged", NULL });
	cr_assert(!has_companions(db));
}

/* ---- a -wal that does not belong -------------------------------------------------------------- */

/* The bytes of a -wal another program's database has while it runs. */
static struct snapshot foreign_wal(void)
{
	char *other = sandbox_path("other.db");
	sqlite3 *db = open_sql(other);
	exec_sql(db, "PRAGMA journal_mode = WAL; CREATE TABLE people(name TEXT);"
		     "INSERT INTO people VALUES ('Nguyễn Văn A');");
	struct snapshot wal = snapshot(fmt("%s-wal", other));
	cr_assert_gt(wal.len, 4096);
	sqlite3_close(db);
	return wal;
}

Test(hostile_db, another_databases_wal_beside_it)
{
	char *db = bienban_db("stray.db");
	struct snapshot wal = foreign_wal();
	write_file("stray.db-wal", wal.data, wal.len);
	expect_refused_by_all(db, "-wal file is another database's");
	/* Moved away, the file is as it was. */
	cr_assert_eq(unlink(fmt("%s-wal", db)), 0);
	expect_ok(BB_DB(db, "list", "tasks"), "list without the stray -wal");
}

Test(hostile_db, a_wal_of_garbage_beside_it)
{
	/* SQLite reads a -wal only as far as its checksums hold: one that is
	 * garbage from the first byte holds nothing, and the file is whole. */
	char *db = bienban_db("garbage.db");
	struct run *healthy = BB_DB(db, "export");
	expect_ok(healthy, "export");
	struct snapshot bytes = snapshot(db);
	char junk[8192];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 + 3);
	write_file("garbage.db-wal", junk, sizeof junk);
	struct run *r = BB_DB(db, "export");
	expect_ok(r, "export with a garbage -wal");
	cr_assert_str_eq(r->out, healthy->out);
	expect_unchanged(&bytes, db);
}

Test(hostile_db, bienbans_own_wal_left_by_a_crash_is_recovered)
{
	char *db = bienban_db("crash.db");
	struct snapshot before = snapshot(db);
	/* A writer that died before its last close: its -wal holds a
	 * committed edit that the file does not; its -shm is gone (another
	 * machine, a copy). */
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(db, 0, &s, NULL, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(store_task_set(s, 1, STORE_FIELD_NOTE, "Đã gửi báo cáo", "tester", NULL, &err), BB_OK);
	struct snapshot wal = snapshot(fmt("%s-wal", db));
	store_close(s);
	write_file("crash.db", before.data, before.len);
	write_file("crash.db-wal", wal.data, wal.len);
	struct run *r = BB_DB(db, "export");
	expect_ok(r, "export after a crash");
	cr_assert(strstr(r->out, "Đã gửi báo cáo"), "the committed edit is kept");
	cr_assert(!has_companions(db), "the -wal is in the file now");
	cr_assert_eq(query_int(db, "SELECT note = 'Đã gửi báo cáo' FROM action_item WHERE id = 1"), 1);
}

/* ---- other programs' files ------------------------------------------------------------------------ */

Test(hostile_db, another_programs_wal_database)
{
	char *db = sandbox_path("other-wal.db");
	run_sql(db, "PRAGMA journal_mode = WAL; CREATE TABLE people(name TEXT);"
		    "INSERT INTO people VALUES ('Trần Thị B');");
	expect_refused_by_all(db, "not a bienban database");
}

Test(hostile_db, another_programs_database_while_it_runs)
{
	/* Its -wal and -shm are in use: bienban reads, refuses, and leaves
	 * them to it, not a frame copied into its file. */
	char *db = sandbox_path("busy-other.db");
	sqlite3 *other = open_sql(db);
	exec_sql(other, "PRAGMA journal_mode = WAL; CREATE TABLE people(name TEXT);"
		       "INSERT INTO people VALUES ('Trần Thị B');");
	cr_assert(file_exists(fmt("%s-wal", db)));
	expect_refused_by_all(db, "not a bienban database");
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(other, "SELECT count(*) FROM people", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	sqlite3_close(other);
}

Test(hostile_db, a_newer_bienban_in_wal_mode)
{
	char *db = bienban_db("newer.db");
	run_sql(db, "PRAGMA user_version = 2;");
	expect_refused_by_all(db, "made by a newer bienban (schema 2");
}

/* ---- hostile schemas ---------------------------------------------------------------------------------- */

Test(hostile_db, a_view_in_place_of_a_table)
{
	char *db = bienban_db("view.db");
	run_sql(db, "DROP TABLE counts; CREATE VIEW counts(name, n) AS VALUES ('meeting', 99);");
	expect_refused_by_all(db, "\"counts\" is a view, not a table");
}

Test(hostile_db, a_trigger_that_calls_a_function)
{
	char *db = bienban_db("trigger.db");
	run_sql(db, "CREATE TRIGGER audit AFTER UPDATE ON action_item BEGIN"
		    " SELECT load_extension('/tmp/evil.so'); END;");
	expect_refused_by_all(db, "a trigger \"audit\" bienban did not make");
}

Test(hostile_db, one_of_bienbans_triggers_rewritten)
{
	char *db = bienban_db("rewritten.db");
	run_sql(db, "DROP TRIGGER action_item_au;"
		    "CREATE TRIGGER action_item_au AFTER UPDATE ON action_item BEGIN"
		    " SELECT vi_fold(new.text); DELETE FROM action_item_history; END;");
	expect_refused_by_all(db, "a trigger \"action_item_au\" bienban did not make");
}
