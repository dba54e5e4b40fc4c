/* End-to-end tests of the command line: the real binary, as a new user
 * runs it. This file: --help and --version, usage errors, the default
 * database, and importing notices and tables. The other test_cli_*.c
 * files cover listing, searching and editing, export, and bad input. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "cli_test.h"

TestSuite(usage, .init = sandbox_init, .fini = sandbox_fini);
TestSuite(default_db, .init = sandbox_init, .fini = sandbox_fini);
TestSuite(import, .init = sandbox_init, .fini = sandbox_fini);

/* ---- --version, --help, usage errors ------------------------------------------ */

Test(usage, version)
{
	const char *spellings[] = { "--version", "-V" };
	for (size_t i = 0; i < 2; i++) {
		struct run *r = BB(spellings[i]);
		expect_ok(r, spellings[i]);
		cr_assert_str_eq(r->out, PACKAGE_STRING "\n");
	}
	cr_assert(!file_exists(sb.xdg), "--version must not create a database");
}

Test(usage, help)
{
	const char *spellings[] = { "--help", "-h" };
	for (size_t i = 0; i < 2; i++) {
		struct run *r = BB(spellings[i]);
		expect_ok(r, spellings[i]);
		const char *must[] = { "Usage:", " import ", " list ", " search ", " export ",
				       " set ", "--db PATH", "--read-only", "Exit status" };
		for (size_t k = 0; k < sizeof must / sizeof *must; k++)
			cr_assert(strstr(r->out, must[k]), "%s lacks \"%s\"", spellings[i], must[k]);
	}
	cr_assert(!file_exists(sb.xdg), "--help must not create a database");
}

/* Each is a usage error (exit 2): one line on stderr that names what was
 * wrong, nothing on stdout, and no database opened or created. */
static const struct {
	const char *args[8];
	const char *names;	/* a word the message must contain */
} usage_errors[] = {
	{ { "--bogus" }, "--bogus" },
	{ { "frobnicate" }, "frobnicate" },
	{ { "--db" }, "--db" },
	{ { "import" }, "import" },
	{ { "list" }, "list" },
	{ { "list", "things" }, "list" },
	{ { "list", "tasks", "meetings" }, "too many" },
	{ { "list", "tasks", "--colour" }, "unknown option" },
	{ { "list", "tasks", "--format", "xml" }, "--format" },
	{ { "list", "tasks", "--status" }, "" },
	{ { "search" }, "search" },
	{ { "search", "--format", "xml", "dang" }, "search" },
	{ { "export", "--format", "xml" }, "export" },
	{ { "export", "extra" }, "export" },
	{ { "set" }, "set" },
	{ { "set", "1" }, "nothing to set" },
	{ { "set", "abc", "--status", "done" }, "number" },
	{ { "set", "0", "--status", "done" }, "number" },
	{ { "set", "1", "--colour", "red" }, "unknown option" },
	{ { "set", "1", "2", "--status", "done" }, "set" },
};

Test(usage, errors_are_one_line_and_exit_2)
{
	for (size_t i = 0; i < sizeof usage_errors / sizeof *usage_errors; i++) {
		const char *const *args = usage_errors[i].args;
		size_t n = 0;
		while (args[n])
			n++;
		struct run *r = run_bienban(NULL, args);
		char *what = fmt("bienban %s%s%s", args[0], n > 1 ? " " : "", n > 1 ? args[1] : "");
		expect_error(r, 2, what, usage_errors[i].names);
		cr_assert(!file_exists(sb.xdg), "%s: a usage error created a database", what);
	}
}

Test(usage, bad_words_are_quoted_inertly)
{
	/* An argument with a newline or an escape sequence is echoed, but
	 * the message stays one inert line. */
	struct run *r = BB("--x\n\x1b[31mred");
	expect_error(r, 2, "option with a newline", "unknown option");
	cr_assert_null(strchr(r->err, '\x1b'), "an escape reached stderr: %s", r->err);
}

/* ---- the default database ----------------------------------------------------------- */

/* The counts `import` reports for seed.txt: "…: meeting 1, 5 resolutions,
 * 6 documents, 46 action items". */
struct counts {
	long long resolutions, documents, tasks;
};

static struct counts seed_counts(void)
{
	struct run *r = BB_DB(fmt("%s/count.db", sb.dir), "import", data_path("notices/seed.txt"));
	expect_ok(r, "import seed.txt");
	struct counts c;
	const char *p = strstr(r->out, ": meeting 1, ");
	cr_assert_not_null(p, "%s", r->out);
	cr_assert_eq(sscanf(p, ": meeting 1, %lld resolutions, %lld documents, %lld action items",
			    &c.resolutions, &c.documents, &c.tasks), 3, "%s", r->out);
	cr_assert(c.resolutions > 0 && c.documents > 0 && c.tasks > 0);
	return c;
}

static long long list_length(const char *const *env, const char *what)
{
	struct run *r = BB_ENV(env, "list", what, "--format", "json");
	expect_ok(r, what);
	cr_assert_eq(jint(r->out, "json_valid(?1)"), 1);
	return jint(r->out, "json_array_length(?1)");
}

Test(default_db, first_run_creates_it_with_the_sample)
{
	cr_assert(!file_exists(sb.xdg));
	struct run *r = BB("list", "meetings", "--format", "json");
	expect_ok(r, "list meetings");
	cr_assert(file_exists(sb.default_db), "%s was not created", sb.default_db);
	cr_assert_eq(expect_json_objects(r->out, "id,title,body,session,held_on,place,chair,source"), 1);
	cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[0].title')"), "Hội nghị lần thứ 12");
	cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[0].held_on')"), "2023-03-31");
	cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[0].chair')"), "Lê Đức Thọ");
	cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[0].session')"), "12");

	/* The sample is the whole notice, as `import seed.txt` reads it… */
	struct counts c = seed_counts();
	cr_assert_eq(list_length(NULL, "resolutions"), c.resolutions);
	cr_assert_eq(list_length(NULL, "documents"), c.documents);
	cr_assert_eq(list_length(NULL, "tasks"), c.tasks);
	/* …and it is imported once, not on every run. */
	cr_assert_eq(list_length(NULL, "meetings"), 1);
	cr_assert(!has_companions(sb.default_db), "a -wal or -shm file was left behind");
}

Test(default_db, home_is_used_without_xdg_data_home)
{
	const char *env_unset[] = { "XDG_DATA_HOME", NULL };
	cr_assert_eq(list_length(env_unset, "meetings"), 1);
	cr_assert(file_exists(sandbox_path(".local/share/bienban/bienban.db")));
	/* The XDG spec says a relative XDG_DATA_HOME is ignored. */
	const char *env_relative[] = { "XDG_DATA_HOME=relative", NULL };
	cr_assert_eq(list_length(env_relative, "meetings"), 1);
	cr_assert(!file_exists(sandbox_path("relative")));
	cr_assert(!file_exists(sb.xdg));
}

Test(default_db, bienban_db_names_another_one_that_list_does_not_create)
{
	char *env_db = sandbox_path("env.db");
	const char *env[] = { fmt("BIENBAN_DB=%s", env_db), NULL };
	struct run *r = BB_ENV(env, "list", "tasks");
	expect_error(r, 1, "list with $BIENBAN_DB absent", env_db, "import");
	cr_assert(!file_exists(env_db) && !file_exists(sb.xdg));

	r = BB_ENV(env, "import", data_path("notices/huyen_uy.txt"));
	expect_ok(r, "import into $BIENBAN_DB");
	cr_assert(file_exists(env_db));
	r = BB_ENV(env, "list", "meetings", "--format", "json");
	expect_ok(r, "list $BIENBAN_DB");
	cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[0].title')"), "Hội nghị lần thứ 15");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 1, "no sample in $BIENBAN_DB");

	/* --db wins over $BIENBAN_DB. */
	r = BB_ENV(env, "--db", sb.db, "list", "meetings");
	expect_error(r, 1, "--db beats $BIENBAN_DB", sb.db);
	cr_assert(!file_exists(sb.db) && !file_exists(sb.xdg));
}

Test(default_db, an_explicit_path_is_created_only_by_import)
{
	const char *cmds[][4] = {
		{ "list", "tasks" }, { "search", "dang" }, { "export" },
		{ "set", "1", "--status", "done" },
	};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		const char *args[7] = { "--db", sb.db };
		memcpy(args + 2, cmds[i], sizeof cmds[i]);
		struct run *r = run_bienban(NULL, args);
		expect_error(r, 1, cmds[i][0], sb.db);
		cr_assert(!file_exists(sb.db), "%s created %s", cmds[i][0], sb.db);
	}
	cr_assert(!file_exists(sb.xdg));
}

/* ---- importing ---------------------------------------------------------------------- */

Test(import, the_same_notice_twice_is_a_no_op)
{
	char *seed = data_path("notices/seed.txt");
	struct run *r = BB_DB(sb.db, "import", seed);
	expect_ok(r, "first import");
	cr_assert_eq(count_lines(r->out), 1);
	cr_assert(strstr(r->out, "seed.txt: meeting 1, "), "%s", r->out);
	char *before = export_json(sb.db);

	r = BB_DB(sb.db, "import", seed);
	expect_ok(r, "second import");
	cr_assert_eq(count_lines(r->out), 1);
	cr_assert(strstr(r->out, "seed.txt: already imported (meeting 1)"), "%s", r->out);
	cr_assert_str_eq(export_json(sb.db), before, "the second import changed the database");
	cr_assert(!has_companions(sb.db));
}

Test(import, other_notices)
{
	import_ok(sb.db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"),
		  data_path("notices/ubnd_phien_hop.txt"), data_path("notices/hdnd_crlf.txt"));
	struct run *r = BB_DB(sb.db, "list", "meetings", "--format", "json");
	expect_ok(r, "list meetings");
	cr_assert_eq(expect_json_objects(r->out, "id,title,body,session,held_on,place,chair,source"), 4);
	/* Newest first; the CRLF notice reads like the others. */
	static const struct {
		const char *title, *held_on, *chair;
	} want[] = {
		{ "Phiên họp thường kỳ tháng 3/2023", "2023-04-11", "Trần Văn Minh" },
		{ "Kỳ họp thứ 9", "2023-03-31", "Phạm Quốc Bảo" },
		{ "Hội nghị lần thứ 12", "2023-03-31", "Lê Đức Thọ" },
		{ "Hội nghị lần thứ 15", "2022-11-09", "Nguyễn Thị Hoa" },
	};
	for (int i = 0; i < 4; i++) {
		cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[%d].title')", i), want[i].title);
		cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[%d].held_on')", i), want[i].held_on);
		cr_assert_str_eq(jtext(r->out, "json_extract(?1, '$[%d].chair')", i), want[i].chair);
		char *source = jtext(r->out, "json_extract(?1, '$[%d].source')", i);
		cr_assert(source && strstr(source, "tests/data/notices/"), "source %s", source);
	}
	/* 27-NQ/TW is discussed at two meetings: the document links both. */
	r = BB_DB(sb.db, "list", "documents", "--format", "json");
	expect_ok(r, "list documents");
	char *meetings = jtext(r->out, "(SELECT json_extract(value, '$.meetings') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.code') = '27-NQ/TW')");
	cr_assert_str_eq(meetings, "[1,2]");
}

Test(import, an_nfd_notice_is_the_same_notice)
{
	size_t len, nfd_len;
	char *text = read_file(data_path("notices/huyen_uy.txt"), &len);
	char *nfd = to_nfd(text, len, &nfd_len);
	cr_assert_gt(nfd_len, len, "the NFD copy should be longer than the NFC original");
	char *nfd_path = write_file("huyen_uy_nfd.txt", nfd, nfd_len);

	import_ok(sb.db, data_path("notices/huyen_uy.txt"));
	struct run *r = BB_DB(sb.db, "import", nfd_path);
	expect_ok(r, "import NFD copy");
	cr_assert(strstr(r->out, "already imported"), "the NFD copy is the same text: %s", r->out);

	/* Imported alone, the NFD copy gives the same records. */
	char *nfd_db = sandbox_path("nfd.db");
	import_ok(nfd_db, nfd_path);
	const char *lists[] = { "resolutions", "documents", "tasks" };
	for (size_t i = 0; i < 3; i++)
		for (int f = 0; f < 2; f++) {
			const char *format = f ? "json" : "table";
			struct run *a = BB_DB(sb.db, "list", lists[i], "--format", format);
			struct run *b = BB_DB(nfd_db, "list", lists[i], "--format", format);
			expect_ok(a, lists[i]);
			expect_ok(b, lists[i]);
			cr_assert_str_eq(b->out, a->out, "list %s --format %s differs", lists[i], format);
		}
}

Test(import, tables)
{
	char *tasks = data_path("csv/tasks.csv"), *tasks_vi = data_path("csv/tasks_vi.csv");
	struct run *r = BB_DB(sb.db, "import", tasks, tasks_vi);
	expect_ok(r, "import tables");
	cr_assert(strstr(r->out, "tasks.csv: 4 action items\n"), "%s", r->out);
	cr_assert(strstr(r->out, "tasks_vi.csv: 3 action items\n"), "%s", r->out);
	r = BB_DB(sb.db, "list", "tasks", "--sort", "text", "--format", "json");
	expect_ok(r, "list tasks");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 7);
	/* Vietnamese column names and statuses ("đang làm", "xong", "hủy")
	 * are read; a date in any form gets its ISO day. */
	static const struct {
		const char *text, *status, *due_on, *owner;
	} want[] = {
		{ "Kiểm tra đê bao", "doing", "2022-12-15", "Ủy ban nhân dân huyện" },
		{ "Thu hoạch lúa vụ mùa", "done", "2022-12-31", NULL },
		{ "Tổ chức hội thảo", "dropped", NULL, "Ban Tuyên giáo Huyện ủy" },
		{ "Tổng kết việc thực hiện chương trình", "done", NULL, NULL },
		{ "Xây dựng kho dữ liệu dùng chung", "dropped", "2023-06-30",
		  "Sở Thông tin và Truyền thông" },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const char *sel = fmt("(SELECT value FROM json_each(?1) WHERE"
				      " json_extract(value, '$.text') = '%s')", want[i].text);
		cr_assert_not_null(jtext(r->out, "%s", sel), "no task \"%s\"", want[i].text);
		cr_assert_str_eq(jtext(r->out, "json_extract(%s, '$.status')", sel), want[i].status);
		char *due = jtext(r->out, "json_extract(%s, '$.due_on')", sel);
		char *owner = jtext(r->out, "json_extract(%s, '$.owner')", sel);
		cr_assert(want[i].due_on ? due && !strcmp(due, want[i].due_on) : !due,
			  "%s: due_on %s", want[i].text, due);
		cr_assert(want[i].owner ? owner && !strcmp(owner, want[i].owner) : !owner,
			  "%s: owner %s", want[i].text, owner);
	}
	/* A table imported again adds nothing. */
	char *before = export_json(sb.db);
	r = BB_DB(sb.db, "import", tasks);
	expect_ok(r, "import table again");
	cr_assert(strstr(r->out, "already imported"), "%s", r->out);
	cr_assert_str_eq(export_json(sb.db), before);
}

Test(import, one_bad_file_among_good_ones)
{
	/* Each file is its own transaction: the good ones are written, the
	 * bad one is reported on one line and nothing of it is kept. */
	char *bad = write_text("bad.csv", "meeting,resolution,text,status\nA,B,C,finished\n");
	struct run *r = BB_DB(sb.db, "import", data_path("notices/huyen_uy.txt"), bad,
			      data_path("csv/tasks_vi.csv"));
	expect_error_v(r, 1, false, "bad file among good ones",
		       (const char *const[]){ "bad.csv:2", "finished", NULL });
	cr_assert_eq(count_lines(r->out), 2, "%s", r->out);
	r = BB_DB(sb.db, "list", "tasks", "--format", "json");
	expect_ok(r, "list tasks");
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1) WHERE"
			  " json_extract(value, '$.text') = 'C')"), 0);
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1) WHERE"
			  " json_extract(value, '$.text') = 'Kiểm tra đê bao')"), 1);
}

Test(import, many_files_are_saved_in_batches_and_each_is_whole)
{
	/* 250 notices go in two batches; a JSON export that fails after its
	 * first meeting was written sits between them. What was printed is
	 * what is there, every notice is searchable, and the counts agree. */
	size_t len;
	char *notice = read_file(data_path("notices/huyen_uy.txt"), &len);
	enum { N = 250, BAD_AT = 120 };
	const char *args[N + 5] = { "--db", sb.db, "import" };
	size_t k = 3;
	for (int i = 0; i < N; i++) {
		if (i == BAD_AT)
			args[k++] = write_text("late.json",
				"{\"format\": \"bienban\", \"version\": 1, \"meetings\": ["
				"{\"title\": \"Họp kỹ thuật\", \"resolutions\": [{\"title\": \"Về giếng khoan\","
				" \"tasks\": [{\"text\": \"Khảo sát giếng khoan\"}]}]}, {\"title\": null}]}");
		args[k++] = write_text(fmt("n%03d.txt", i), fmt("%s\nBản sao số %d.\n", notice, i));
	}
	args[k] = NULL;
	struct run *r = run_bienban(NULL, args);
	expect_error_v(r, 1, false, "a bad export among many notices",
		       (const char *const[]){ "late.json", NULL });
	cr_assert_eq(count_lines(r->out), N, "%s", r->out);
	cr_assert(strstr(r->out, "n249.txt: meeting 250,") != NULL, "%s", r->out + r->out_len - 200);
	r = BB_DB(sb.db, "list", "meetings", "--format", "json");
	expect_ok(r, "list meetings");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), N);
	r = BB_DB(sb.db, "search", "--format", "json", "gieng khoan");
	expect_ok(r, "search");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 0, "the failed file left nothing: %s", r->out);
	r = BB_DB(sb.db, "list", "tasks", "--format", "json");
	expect_ok(r, "list tasks");
	long long tasks = jint(r->out, "json_array_length(?1)");
	cr_assert_gt(tasks, N);
	r = BB_DB(sb.db, "search", "--format", "json", "gia co he thong de bao");
	expect_ok(r, "search");
	cr_assert_geq(jint(r->out, "(SELECT count(*) FROM json_each(?1) WHERE"
			   " json_extract(value, '$.kind') = 'task')"), N,
		      "every copy's items are in the index");
}

/* What a terminal shows: stdout and stderr in one file, as written. */
static char *import_on_one_stream(const char *const *files)
{
	char *log = sandbox_path("both.log");
	const char *args[16] = { BIENBAN_BIN, "--db", sb.db, "import" };
	size_t k = 4;
	for (; *files && k < 15; files++)
		args[k++] = *files;
	char **envp = sandbox_env(NULL);
	fflush(NULL);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 || chdir(sb.dir) != 0)
			_exit(126);
		execve(BIENBAN_BIN, (char *const *)args, envp);
		_exit(127);
	}
	int ws;
	cr_assert_eq(waitpid(pid, &ws, 0), pid);
	cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 1, "exit status %d", ws);
	return read_file(log, NULL);
}

Test(import, a_bad_files_error_comes_after_the_files_before_it)
{
	char *seed = data_path("notices/seed.txt"), *huyen = data_path("notices/huyen_uy.txt");
	char *missing = sandbox_path("missing.txt");
	char *out = import_on_one_stream((const char *const[]){ seed, missing, huyen, NULL });
	const char *a = strstr(out, "seed.txt: meeting 1,");
	const char *b = strstr(out, "missing.txt");
	const char *c = strstr(out, "huyen_uy.txt: meeting 2,");
	cr_assert(a && b && c && a < b && b < c, "in the order of the files:\n%s", out);
}
