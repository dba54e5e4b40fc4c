/* The browser under valgrind's memcheck, on a short scripted session:
 * no invalid read or write, no use of uninitialised memory, nothing
 * definitely lost (what curses keeps until exit is fine).
 *
 * Optional: it runs when BIENBAN_VALGRIND names valgrind (`make
 * check-valgrind` does that) and the build has no sanitizers, which
 * valgrind cannot run with; otherwise it is skipped. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fixtures.h"

#ifndef BIENBAN_SAN_CFLAGS
#define BIENBAN_SAN_CFLAGS ""
#endif

/* A skipped test does not reach its .fini: the folder is made only for
 * a test that runs. */
static const char *valgrind_or_skip(void);
static void setup(void)
{
	valgrind_or_skip();
	fixture_setup();
}

TestSuite(valgrind, .init = setup, .fini = fixture_teardown, .timeout = 600);

/* Everything is ten or more times slower under memcheck. */
#define SLOW_MS 120000

static char log_path[160];

static const char *valgrind_or_skip(void)
{
	const char *vg = getenv("BIENBAN_VALGRIND");
	if (!vg || !*vg)
		cr_skip_test("set BIENBAN_VALGRIND (make check-valgrind) to run this");
	if (*BIENBAN_SAN_CFLAGS)
		cr_skip_test("valgrind cannot run a build with sanitizers");
	return vg;
}

/* bienban --db db args… under memcheck, in a terminal. */
static struct harness *under_valgrind(const char *vg, const char *const *args)
{
	snprintf(log_path, sizeof log_path, "%s/valgrind.log", tmp_dir);
	static char log_opt[200];
	snprintf(log_opt, sizeof log_opt, "--log-file=%s", log_path);
	const char *argv[32] = { vg, "--tool=memcheck", "--error-exitcode=99", "--track-origins=yes",
				 "--leak-check=full", "--show-leak-kinds=definite",
				 "--errors-for-leak-kinds=definite", log_opt, BIENBAN_BIN, "--db", db };
	size_t n = 11;
	for (; args && *args; args++)
		argv[n++] = *args;
	argv[n] = NULL;
	struct harness_opts o = { .rows = 40, .cols = 120, .lang = "C.UTF-8", .home = tmp_dir,
				  .xdg_data_home = tmp_dir, .timeout_ms = SLOW_MS };
	struct harness *started = harness_start(&o, argv);
	cr_assert(started != NULL);
	return started;
}

/* The log's verdict: no errors, nothing definitely lost. */
static void clean_log(void)
{
	FILE *f = fopen(log_path, "r");
	cr_assert(f != NULL, "no valgrind log at %s", log_path);
	char line[512];
	bool summary = false, clean = false;
	while (fgets(line, sizeof line, f)) {
		fputs(line, stderr);
		if (strstr(line, "ERROR SUMMARY:")) {
			summary = true;
			clean = strstr(line, "ERROR SUMMARY: 0 errors") != NULL;
		}
	}
	fclose(f);
	cr_assert(summary && clean, "memcheck found errors (the log is above)");
}

static void exited_clean(void)
{
	int status;
	cr_assert(harness_wait_exit(h, SLOW_MS, &status));
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "exit status %d (99: memcheck found errors)", WEXITSTATUS(status));
	clean_log();
}

Test(valgrind, a_scripted_browser_session)
{
	const char *vg = valgrind_or_skip();
	import_sample(db);
	h = under_valgrind(vg, NULL);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l j l j"));
	cr_assert(harness_wait_text(h, "[Action items 2/5]", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "[Reader]", 0));
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text(h, "[Action items 2/5]", 0));
	cr_assert(harness_key(h, "x"));
	cr_assert(harness_wait_text(h, "status saved", 0));
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: ", 0));
	cr_assert(harness_send(h, "\033[200~Sở Tài chi\xcc\x81nh\033[201~\r"));
	cr_assert(harness_wait_text(h, "owner saved", 0));
	cr_assert(harness_key(h, "u"));
	cr_assert(harness_wait_text(h, "undone", 0));
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "dang uy"));
	cr_assert(harness_wait_text(h, "Search 1/", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "/dang uy", 0));
	cr_assert(harness_key(h, "2"));
	cr_assert(harness_wait_text(h, "[Action items 1/46]", 0));
	cr_assert(harness_key(h, "S"));
	cr_assert(harness_wait_text(h, "sorted by owner", 0));
	cr_assert(harness_key(h, "3"));
	cr_assert(harness_wait_text(h, "[Documents 1/6]", 0));
	cr_assert(harness_key(h, "?"));
	cr_assert(harness_wait_text(h, "Move down one line", 0));
	cr_assert(harness_key(h, "q"));
	cr_assert(harness_wait_text(h, "[Documents 1/6]", 0));
	cr_assert(harness_resize(h, 24, 80));
	cr_assert(harness_wait_text(h, "[Documents 1/6]", 0));
	cr_assert(harness_resize(h, 5, 20));
	cr_assert(harness_wait_text(h, "Terminal too small", 0));
	cr_assert(harness_resize(h, 40, 120));
	cr_assert(harness_wait_text(h, "[Documents 1/6]", 0));
	cr_assert(harness_send(h, "\033xjk"));
	cr_assert(harness_key(h, "q"));
	exited_clean();
}

Test(valgrind, a_session_ended_by_sighup)
{
	const char *vg = valgrind_or_skip();
	import_sample(db);
	h = under_valgrind(vg, NULL);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "dang"));
	cr_assert(harness_wait_text(h, "Search 1/", 0));
	harness_close_pty(h);
	exited_clean();
}

Test(valgrind, the_json_export)
{
	const char *vg = valgrind_or_skip();
	import_sample(db);
	write_sql(db, "UPDATE action_item SET owner = 'A' || char(155) || CAST(X'9B' AS TEXT) || 'ệ';");
	const char *args[] = { "export", NULL };
	h = under_valgrind(vg, args);
	exited_clean();
}
