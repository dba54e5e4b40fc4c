/* Bad input and damaged databases: each gets one line on stderr that
 * names the file (and the line, where there is one), exit status 1, and
 * nothing is written. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <sqlite3.h>

#include "cli_test.h"

TestSuite(bad_input, .init = sandbox_init, .fini = sandbox_fini);
TestSuite(bad_db, .init = sandbox_init, .fini = sandbox_fini);

#define BYTES(lit) lit, sizeof lit - 1

/* Files that must be refused: what the message must say besides the
 * file's name (usually "name:line:"). A NULL data means "do not create
 * it"; data "/" means "make a folder". */
static const struct {
	const char *name;
	const char *data;
	size_t len;
	const char *says;
} bad_inputs[] = {
	{ "latin1.txt", BYTES("Hội nghị lần thứ 5\n\nNg\xe0y 1/2/2023\n1. V\xea vi\xea" "c\n"), "latin1.txt:3:" },
	{ "empty.txt", BYTES(""), "empty.txt:1:" },
	{ "blank.txt", BYTES("\n \n\t\n"), "blank.txt:1:" },
	{ "binary.txt", BYTES("Hội nghị lần thứ 5\n\0\0\x01\x02\x03 1. a\n"), "binary.txt:2:" },
	{ "elf.txt", BYTES("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"), "elf.txt:1:" },
	{ "prose.txt", BYTES("Hôm nay trời đẹp.\nChúng tôi đi dạo ven sông.\n"), "prose.txt:1:" },
	{ "no_meeting.txt", BYTES("Ghi chép\n\n1. Mua rau;\n2. Nấu cơm.\n"), "no_meeting.txt:3:" },
	{ "missing_column.csv", BYTES("meeting,text,owner\nA,B,C\n"), "missing_column.csv:1:" },
	{ "unknown_column.csv", BYTES("meeting,resolution,text,colour\nA,B,C,red\n"), "unknown_column.csv:1:" },
	{ "bad_status.csv", BYTES("meeting,resolution,text,status\nA,B,C,open\nA,B,D,xong rồi\n"),
	  "bad_status.csv:3:" },
	{ "bad_date.csv", BYTES("meeting,resolution,text,due\nA,B,C,2023-02-30\n"), "bad_date.csv:2:" },
	{ "ragged.csv", BYTES("meeting,resolution,text\nA,B,C\nA,B\n"), "ragged.csv:3:" },
	{ "unclosed.csv", BYTES("meeting,resolution,text\nA,B,\"C\n"), "unclosed.csv:2:" },
	{ "latin1.csv", BYTES("meeting,resolution,text\nA,B,Vi\xea" "c\n"), "latin1.csv:2:" },
	{ "other.json", BYTES("{\"name\": \"x\", \"items\": [1, 2]}\n"), "not a bienban export" },
	{ "array.json", BYTES("[1, 2, 3]\n"), "not a bienban export" },
	{ "broken.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": ["), "not valid JSON" },
	{ "future.json", BYTES("{\"format\": \"bienban\", \"version\": 2, \"meetings\": []}"), "version 2" },
	{ "latin1.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"x\": \"\xe0\"}"), "UTF-8" },
	/* The second meeting has no title: the first must not stay either. */
	{ "half.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": ["
			     "{\"id\": 50, \"title\": \"Họp tốt\", \"source_hash\": \"aa\", \"resolutions\": []},"
			     "{\"id\": 51, \"title\": null, \"source_hash\": \"bb\", \"resolutions\": []}]}"),
	  "half.json" },
	{ "missing.txt", NULL, 0, "No such file" },
	{ "folder.txt", "/", 1, "folder" },
};

#define NBAD (sizeof bad_inputs / sizeof *bad_inputs)

static char *make_input(size_t i)
{
	char *path = sandbox_path(bad_inputs[i].name);
	if (bad_inputs[i].data && !strcmp(bad_inputs[i].data, "/"))
		cr_assert_eq(mkdir(path, 0700), 0);
	else if (bad_inputs[i].data)
		write_file(bad_inputs[i].name, bad_inputs[i].data, bad_inputs[i].len);
	return path;
}

Test(bad_input, refused_and_nothing_written)
{
	import_ok(sb.db, data_path("notices/huyen_uy.txt"), data_path("csv/tasks_vi.csv"));
	char *before = export_json(sb.db);
	struct snapshot bytes = snapshot(sb.db);
	for (size_t i = 0; i < NBAD; i++) {
		char *path = make_input(i);
		struct run *r = BB_DB(sb.db, "import", path);
		expect_error(r, 1, bad_inputs[i].name, bad_inputs[i].name, bad_inputs[i].says);
		cr_assert_str_eq(export_json(sb.db), before, "%s changed the records", bad_inputs[i].name);
		expect_unchanged(&bytes, sb.db);
	}
}

Test(bad_input, a_failed_first_import_leaves_no_database)
{
	/* Decided: an import that writes nothing into a database it had to
	 * create removes that database again, so the folder is as before and
	 * a later import starts clean. */
	for (size_t i = 0; i < NBAD; i++) {
		char *path = make_input(i);
		char *db = sandbox_path(fmt("fresh%zu.db", i));
		struct run *r = BB_DB(db, "import", path);
		expect_error(r, 1, bad_inputs[i].name, bad_inputs[i].name, bad_inputs[i].says);
		cr_assert(!file_exists(db), "%s left %s behind", bad_inputs[i].name, db);
		cr_assert(!has_companions(db), "%s left a -wal or -shm behind", bad_inputs[i].name);
	}
	/* One good file among bad ones keeps the database, with the good one. */
	struct run *r = BB_DB(sb.db, "import", make_input(0), data_path("notices/huyen_uy.txt"));
	cr_assert_eq(r->status, 1);
	cr_assert(file_exists(sb.db));
	r = BB_DB(sb.db, "list", "meetings", "--format", "json");
	expect_ok(r, "list meetings");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 1);
}

Test(bad_input, a_folder_that_does_not_exist)
{
	char *db = sandbox_path("no/such/folder/test.db");
	struct run *r = BB_DB(db, "import", data_path("notices/huyen_uy.txt"));
	expect_error(r, 1, "import into a missing folder", "no/such/folder/test.db");
	cr_assert(!file_exists(sandbox_path("no")));
}

/* ---- damaged databases ---------------------------------------------------------------------- */

/* Makes an SQLite file with sql run in it (journal_mode DELETE, so the
 * file is whole when closed). */
static void make_sqlite(const char *path, const char *sql)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_close(db), SQLITE_OK);
}

/* A bienban database, changed with sql by another program. */
static char *tampered(const char *name, const char *sql)
{
	char *path = sandbox_path(name);
	import_ok(path, data_path("notices/huyen_uy.txt"));
	make_sqlite(path, sql);
	cr_assert(!has_companions(path));
	return path;
}

/* A bienban database with bytes overwritten past its header. */
static char *scribbled(const char *name, long at, size_t n)
{
	char *path = sandbox_path(name);
	import_ok(path, data_path("notices/seed.txt"));
	FILE *f = fopen(path, "r+b");
	cr_assert_not_null(f);
	cr_assert_eq(fseek(f, at, SEEK_SET), 0);
	unsigned x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		fputc((int)(x >> 16) & 0xff, f);
	}
	cr_assert_eq(fclose(f), 0);
	return path;
}

static char *random_bytes(const char *name, size_t n)
{
	char *data = keep(malloc(n));
	unsigned x = 2023;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (char)(x >> 16);
	}
	return write_file(name, data, n);
}

/* What every command does with a database that is not a good one. */
static const char *const commands[][6] = {
	{ "list", "tasks" },
	{ "list", "meetings", "--format", "json" },
	{ "list", "documents", "--format", "tsv" },
	{ "search", "dang" },
	{ "export" },
	{ "export", "--format", "csv" },
	{ "set", "1", "--status", "done" },
	{ "import", "" },	/* "" becomes a good notice */
};

static void expect_refused(const char *db, const char *says, bool quiet_stdout)
{
	struct snapshot before = snapshot(db);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		const char *args[10] = { "--db", db };
		for (size_t k = 0; k < 6 && commands[i][k]; k++)
			args[2 + k] = *commands[i][k] ? commands[i][k] : data_path("notices/ubnd_phien_hop.txt");
		struct run *r = run_bienban(NULL, args);
		char *what = fmt("%s: %s %s", db, commands[i][0], commands[i][1] ? commands[i][1] : "");
		expect_error_v(r, 1, quiet_stdout, what, (const char *const[]){ db, says, NULL });
		expect_unchanged(&before, db);
	}
}

Test(bad_db, an_empty_file)
{
	char *db = write_file("empty.db", "", 0);
	expect_refused(db, "not a bienban database", true);
}

Test(bad_db, a_text_file)
{
	char *db = write_text("notes.db", "Ghi chép cuộc họp\nKhông phải cơ sở dữ liệu.\n");
	expect_refused(db, "not a bienban database", true);
}

Test(bad_db, random_bytes)
{
	expect_refused(random_bytes("random.db", 16384), "not a bienban database", true);
}

Test(bad_db, a_folder)
{
	char *db = sandbox_path("folder.db");
	cr_assert_eq(mkdir(db, 0700), 0);
	struct run *r = BB_DB(db, "list", "tasks");
	expect_error(r, 1, "a folder as --db", db);
	r = BB_DB(db, "import", data_path("notices/huyen_uy.txt"));
	expect_error(r, 1, "import into a folder", db);
}

Test(bad_db, another_programs_sqlite)
{
	char *db = sandbox_path("other.db");
	make_sqlite(db, "CREATE TABLE people(name TEXT, born TEXT);"
			"INSERT INTO people VALUES ('Nguyễn Văn A', '1970-01-01');");
	expect_refused(db, "not a bienban database", true);
}

Test(bad_db, another_program_posing_as_bienban)
{
	/* bienban's application id, but none of its tables. */
	char *db = sandbox_path("poser.db");
	make_sqlite(db, "PRAGMA application_id = 0; CREATE TABLE meeting(id INTEGER PRIMARY KEY);");
	struct run *r = BB_DB(sb.db, "import", data_path("notices/huyen_uy.txt"));
	expect_ok(r, "make a real one");
	sqlite3 *real;
	cr_assert_eq(sqlite3_open(sb.db, &real), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(real, "PRAGMA application_id", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int app_id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(real);
	cr_assert_neq(app_id, 0, "bienban sets an application id");
	make_sqlite(db, fmt("PRAGMA application_id = %d; PRAGMA user_version = 1;", app_id));
	expect_refused(db, "not a bienban database", true);
}

Test(bad_db, a_newer_bienban)
{
	char *db = tampered("newer.db", "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
	expect_refused(db, "newer", true);
}

Test(bad_db, a_trigger_bienban_did_not_make)
{
	char *db = tampered("trigger.db", "PRAGMA journal_mode = DELETE;"
			    "CREATE TRIGGER spy AFTER UPDATE ON action_item BEGIN SELECT 1; END;");
	expect_refused(db, "not a bienban database", true);
}

Test(bad_db, damaged_pages)
{
	/* The header is fine, so the damage shows only when pages are read:
	 * output may have begun, but the exit status and the one line say. */
	expect_refused(scribbled("damaged.db", 4096 * 3, 4096 * 20), "damaged", false);
}

Test(bad_db, cut_short)
{
	char *db = sandbox_path("short.db");
	import_ok(db, data_path("notices/seed.txt"));
	cr_assert_eq(truncate(db, 4096 * 10), 0);
	expect_refused(db, "damaged", false);
}
