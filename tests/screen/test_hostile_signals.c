/* Signals and lost terminals: the browser ends at once and gives the
 * terminal back (where there still is one), suspends and resumes on ^Z
 * and fg, survives any storm of resizes, and never spins on a dead
 * terminal; an import killed halfway leaves the database as it was. */
#include "config.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixtures.h"

TestSuite(signals, .init = fixture_setup, .fini = fixture_teardown, .timeout = 180);

/* How long ending may take: a second, as a person waits (it takes tens
 * of milliseconds, the sanitizers' leak check included). */
#define EXIT_MS 1000

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sample_browser(void)
{
	import_sample(db);
	h = browser(40, 120, NULL);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
}

/* The terminal as bienban found it: main screen, cursor shown, no mode
 * of ours left on, nothing foreign written. */
static void terminal_restored(void)
{
	cr_assert(harness_altscreen(h) == false, "left the alternate screen");
	cr_assert(harness_cursor_visible(h), "the cursor shows");
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	const char *off = "\033[?2004l";
	const unsigned char *last_on = NULL;
	for (const unsigned char *p = raw; (p = memmem(p, len - (size_t)(p - raw), "\033[?2004h", 8)); p++)
		last_on = p;
	cr_assert(last_on && memmem(last_on, len - (size_t)(last_on - raw), off, strlen(off)),
		  "bracketed paste is off again");
	cr_assert(no_foreign_escapes());
}

/* Sends sig once the browser waits for input, and waits for it to end. */
static void signal_ends_it(int sig)
{
	cr_assert(harness_wait_idle(h, 0));
	long long t0 = now_ms();
	cr_assert(harness_signal(h, sig));
	int status;
	cr_assert(harness_wait_exit(h, EXIT_MS, &status), "still running after signal %d", sig);
	cr_assert(WIFEXITED(status), "ended by signal %d, not by itself", WTERMSIG(status));
	fprintf(stderr, "signal %d: ended after %lld ms\n", sig, now_ms() - t0);
}

Test(signals, sighup_sigterm_and_sigint_restore_the_terminal)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	for (size_t i = 0; i < 3; i++) {
		harness_free(h);
		h = NULL;
		fixture_teardown();
		fixture_setup();
		sample_browser();
		signal_ends_it(sigs[i]);
		terminal_restored();
	}
}

Test(signals, a_signal_in_a_prompt_ends_it_too)
{
	sample_browser();
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "dang"));
	cr_assert(harness_wait_text_at(h, 39, "/dang", 0));
	signal_ends_it(SIGTERM);
	terminal_restored();
}

Test(signals, ctrl_c_is_sigint)
{
	sample_browser();
	cr_assert(harness_key(h, "Ctrl-c"));
	int status;
	cr_assert(harness_wait_exit(h, EXIT_MS, &status));
	terminal_restored();
}

Test(signals, sighup_after_an_edit_keeps_the_database_whole)
{
	sample_browser();
	cr_assert(harness_keys(h, "l l x"));
	cr_assert(harness_wait_text(h, "status saved", 0));
	long long t0 = now_ms();
	harness_close_pty(h);
	cr_assert(harness_wait_exit(h, EXIT_MS, NULL), "still running after its terminal closed");
	fprintf(stderr, "hang-up: ended after %lld ms\n", now_ms() - t0);
	cr_assert_str_eq(task_field(db, 1, "status"), "done");
	cr_assert_eq(query_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
}

/* ^C while the note's editor runs is the editor's: the browser carries
 * on after it, and saves what the editor wrote. */
Test(signals, ctrl_c_in_the_editor_is_the_editors)
{
	import_sample(db);
	char editor[160];
	snprintf(editor, sizeof editor, "%s/editor", tmp_dir);
	FILE *f = fopen(editor, "w");
	cr_assert(f != NULL);
	/* Like vi: ^C is a key to it, not the end. */
	fputs("#!/bin/sh\ntrap 'echo EDITOR-GOT-INT' INT\necho EDITOR-READY\n"
	      "while ! read line; do :; done\nprintf '%s' \"$line\" > \"$1\"\n", f);
	fclose(f);
	cr_assert(chmod(editor, 0755) == 0);
	char visual[200];
	snprintf(visual, sizeof visual, "VISUAL=%s", editor);
	const char *env[] = { visual, NULL };
	h = browser(40, 120, env);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l l e"));
	cr_assert(harness_wait_text(h, "EDITOR-READY", 0));
	cr_assert(harness_key(h, "Ctrl-c"));
	cr_assert(harness_wait_text(h, "EDITOR-GOT-INT", 0));
	cr_assert(harness_send(h, "ghi chú mới\r"));
	cr_assert(harness_wait_text(h, "item 1: note saved", 0));
	cr_assert(harness_wait_text(h, "Note: ghi chú mới", 0));
	cr_assert(harness_key(h, "j"));
	cr_assert(harness_wait_text(h, "[Action items 2/12]", 0), "the browser carries on");
}

/* ---- a terminal that goes away without SIGHUP ------------------------------ */

/* The browser under a shell that leads the session and ignores SIGHUP,
 * as a login shell may: when the terminal closes, the kernel signals the
 * shell only, and the browser finds out from its reads alone. */
static pid_t browser_under_shell(void)
{
	import_sample(db);
	const char *argv[] = { "/bin/sh", "-c", "trap '' HUP; \"$0\" --db \"$1\"", BIENBAN_BIN, db, NULL };
	h = start_program(40, 120, NULL, argv);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	pid_t child = child_of(harness_pid(h));
	cr_assert(child > 0, "the browser runs under the shell");
	return child;
}

/* The terminal closes: the browser must end, not spin. (The harness
 * cannot wait for it to be idle: it watches the shell.) */
static void hang_up_ends(pid_t browser_pid)
{
	long long t0 = now_ms();
	harness_close_pty(h);
	if (!harness_wait_exit(h, EXIT_MS, NULL)) {
		long long before = cpu_ticks(browser_pid);
		struct timespec second = { 1, 0 };
		nanosleep(&second, NULL);	/* measuring, not waiting for it */
		long long after = cpu_ticks(browser_pid);
		cr_assert_fail("still running %d ms after its terminal closed, using %lld of %ld ticks"
			       " of CPU a second", EXIT_MS, after - before, sysconf(_SC_CLK_TCK));
	}
	fprintf(stderr, "hang-up without SIGHUP: ended after %lld ms\n", now_ms() - t0);
}

Test(signals, a_dead_terminal_without_sighup_ends_it)
{
	hang_up_ends(browser_under_shell());
}

Test(signals, a_dead_terminal_without_sighup_ends_a_prompt)
{
	pid_t pid = browser_under_shell();
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "dang"));
	cr_assert(harness_wait_text_at(h, 39, "/dang", 0));
	hang_up_ends(pid);
}

Test(signals, a_dead_terminal_without_sighup_ends_a_paste)
{
	pid_t pid = browser_under_shell();
	cr_assert(harness_send(h, "\033[200~xxxx"));
	hang_up_ends(pid);
}

/* ---- ^Z and fg ---------------------------------------------------------------- */

/* A shell with job control, as a person's: ^Z stops the browser, the
 * shell takes the terminal and says so; a line typed to it runs fg. */
Test(signals, ctrl_z_and_fg_give_the_terminal_back_and_take_it_again)
{
	import_sample(db);
	const char *argv[] = { "/bin/sh", "-mc",
		"\"$0\" --db \"$1\"; echo STOPPED-IN-SHELL; read line; fg; echo BACK-IN-SHELL; read line",
		BIENBAN_BIN, db, NULL };
	h = start_program(40, 120, NULL, argv);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l j"));
	cr_assert(harness_wait_text(h, "[Resolutions 2/5]", 0));
	/* No wait for idle (the harness watches the shell), and none needed:
	 * the browser looks at its signals and sleeps in one step. */
	cr_assert(harness_key(h, "Ctrl-z"));
	cr_assert(harness_wait_text(h, "STOPPED-IN-SHELL", 0));
	cr_assert(harness_altscreen(h) == false, "the shell has the main screen");
	cr_assert(harness_cursor_visible(h));
	/* The terminal is resized meanwhile: the shell gets the SIGWINCH. */
	cr_assert(harness_resize(h, 30, 110));
	cr_assert(harness_send(h, "\r"));
	/* fg: the whole screen again, as it was, at the new size. */
	cr_assert(harness_wait_text(h, "[Resolutions 2/5]", 0));
	cr_assert(harness_wait_text(h, "Hội nghị lần thứ 12", 0));
	cr_assert(harness_wait_text_at(h, 29, " j/k move", 0), "the hints on the last row");
	cr_assert(harness_wait_text_at(h, 28, "└───", 0), "the reader's bottom edge above");
	cr_assert(harness_altscreen(h));
	cr_assert(harness_keys(h, "j"));
	cr_assert(harness_wait_text(h, "[Resolutions 3/5]", 0), "keys work after fg");
	cr_assert(harness_key(h, "q"));
	cr_assert(harness_wait_text(h, "BACK-IN-SHELL", 0));
	cr_assert(harness_altscreen(h) == false);
	cr_assert(harness_cursor_visible(h));
}

/* No shell waits on the browser here (it leads its session): the kernel
 * drops the stop, and the browser must simply carry on. */
Test(signals, sigtstp_without_a_shell_carries_on)
{
	sample_browser();
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_signal(h, SIGTSTP));
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_altscreen(h));
	cr_assert(harness_keys(h, "l"));
	cr_assert(harness_wait_text(h, "[Resolutions 1/5]", 0));
}

/* SIGSTOP is not ours to see; SIGCONT after it redraws everything, for
 * whoever had the terminal meanwhile may have written on it. */
/* More than a screenful's worth of bytes has come since *arg bytes. */
static bool drawn_again(struct harness *hh, void *arg)
{
	size_t now;
	harness_raw(hh, &now);
	return now > *(const size_t *)arg + 1000;
}

Test(signals, sigcont_after_sigstop_redraws)
{
	sample_browser();
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_signal(h, SIGSTOP));
	size_t before;
	harness_raw(h, &before);
	cr_assert(harness_signal(h, SIGCONT));
	/* Waited for as a condition: on a loaded machine the continued
	 * process may be scheduled later than an idle spell lasts. */
	cr_assert(harness_wait_until(h, drawn_again, &before, "the screen drawn again", 0));
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_altscreen(h));
}

/* ---- resizes --------------------------------------------------------------------- */

/* Sizes from comfortable down to a single cell, sent without waiting. */
static void resize_storm(void)
{
	static const int sizes[][2] = {
		{ 24, 80 }, { 1, 1 }, { 2, 2 }, { 1, 200 }, { 60, 1 }, { 7, 39 }, { 8, 40 },
		{ 3, 120 }, { 40, 99 }, { 40, 100 }, { 1, 1 }, { 5, 20 }, { 100, 250 }, { 2, 80 },
	};
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
			cr_assert(harness_resize_now(h, sizes[i][0], sizes[i][1]));
	cr_assert(harness_resize_now(h, 40, 120));
}

Test(signals, a_storm_of_resizes_down_to_one_cell_and_back)
{
	sample_browser();
	/* One key at a time: Esc and a key sent together are Alt and that
	 * key. */
	static const struct {
		const char *keys, *before, *after;
	} states[] = {
		{ "l l", "[Action items 1/12]", "[Action items 1/12]" },	/* the lists */
		{ "Enter", "[Reader]", "[Reader]" },	/* the reader, full screen */
		{ "Esc", "[Action items 1/12]", "[Action items 1/12]" },
		{ "?", "Move down one line", "Move down one line" },	/* the help */
		{ "q", "[Action items 1/12]", "[Action items 1/12]" },
		{ "/", "[Action items 1/12]", "[Search]" },	/* a prompt */
	};
	for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
		cr_assert(harness_keys(h, states[i].keys));
		cr_assert(harness_wait_text(h, states[i].before, 0));
		if (!strcmp(states[i].keys, "/"))
			cr_assert(harness_wait_row(h, 39, "/", 0), "the prompt is open");
		resize_storm();
		cr_assert(harness_wait_text(h, states[i].after, 0), "drawn again at 40x120 after the storm");
		cr_assert(harness_wait_text_at(h, 0, " bienban · 1 meetings", 0));
		cr_assert(harness_wait_text_at(h, 38, "└───", 0), "the bottom of a box");
	}
	cr_assert(harness_wait_row(h, 39, "/", 0), "the prompt is still open");
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text_at(h, 39, " j/k move", 0));
	cr_assert(harness_key(h, "q"));
	cr_assert(exits_with(0, 0));
	terminal_restored();
}

Test(signals, a_terminal_of_one_cell_from_the_start)
{
	import_sample(db);
	h = browser(1, 1, NULL);
	cr_assert(harness_wait_text(h, "…", 0), "\"Terminal too small\", clipped");
	cr_assert(harness_resize(h, 24, 80));
	cr_assert(harness_wait_text(h, "[Meetings 1/1]", 0));
	cr_assert(harness_key(h, "q"));
	cr_assert(exits_with(0, 0));
}

/* ---- an import killed halfway ------------------------------------------------------- */

#define IMPORT_ROWS 5000

static void write_big_table(const char *path)
{
	FILE *f = fopen(path, "w");
	cr_assert(f != NULL);
	fputs("meeting,resolution,text,owner,due,status,note\n", f);
	for (int i = 0; i < IMPORT_ROWS; i++)
		fprintf(f, "Họp giao ban %d,Việc chung %d,Rà soát nguồn vốn đầu tư công số %d,"
			"Sở Tài chính,15/4/2023,open,\n", i / 100, i / 10, i);
	fclose(f);
}

static pid_t start_import(const char *file)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	const char *argv[] = { BIENBAN_BIN, "--db", db, "import", file, NULL };
	pid_t pid;
	cr_assert(posix_spawn(&pid, BIENBAN_BIN, &fa, NULL, (char *const *)argv, NULL) == 0);
	posix_spawn_file_actions_destroy(&fa);
	return pid;
}

static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static long long tasks_in(void)
{
	return query_int(db, "SELECT count(*) FROM action_item");
}

/* Kills an import once it writes to the database, inside its one
 * transaction (the write-ahead log grows as the pages it changes spill
 * out of the cache); the database holds all of it or none of it. */
static void kill_import_halfway(int sig, const char *csv)
{
	long long before = tasks_in();
	char wal[160];
	snprintf(wal, sizeof wal, "%s-wal", db);
	pid_t pid = start_import(csv);
	int status;
	bool ended = false;
	while (file_size(wal) <= 0) {
		/* Polls the file, as the test cannot be told; a short nap
		 * between looks keeps it from competing for the CPU. */
		if (waitpid(pid, &status, WNOHANG) == pid) {
			ended = true;
			break;
		}
		struct timespec nap = { 0, 2 * 1000000 };
		nanosleep(&nap, NULL);
	}
	if (!ended) {
		kill(pid, sig);
		cr_assert(waitpid(pid, &status, 0) == pid);
	}
	long long after = tasks_in();
	fprintf(stderr, "signal %d: %s, %lld action items before, %lld after\n", sig,
		WIFSIGNALED(status) ? "killed during the import" : "the import had ended", before, after);
	cr_assert(after == before || after == before + IMPORT_ROWS,
		  "a part of the import is in the database: %lld before, %lld after", before, after);
	cr_assert_eq(query_int(db, "SELECT count(*) FROM pragma_integrity_check"
			       " WHERE integrity_check = 'ok'"), 1);
}

Test(signals, an_import_killed_halfway_leaves_nothing_behind)
{
	import_sample(db);
	char csv[160];
	snprintf(csv, sizeof csv, "%s/many.csv", tmp_dir);
	write_big_table(csv);
	long long before = tasks_in();
	static const int sigs[] = { SIGKILL, SIGTERM, SIGINT };
	for (size_t i = 0; i < 3; i++) {
		kill_import_halfway(sigs[i], csv);
		if (tasks_in() != before)
			break;	/* it finished first: nothing more to cut short */
	}
	/* The database takes the same import whole afterwards. */
	if (tasks_in() == before)
		import_file(db, csv);
	cr_assert_eq(tasks_in(), before + IMPORT_ROWS);
}
