/* The screen-test harness, proved on programs every Debian machine has
 * (sh, printf, stty, cat) and on a small curses fixture: what a program
 * prints is what the cells hold, keys arrive as xterm sends them, resizes
 * reach the program, and the escape scanner tells curses' own sequences
 * from foreign ones. */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#ifndef FIXTURE_CURSES
#error "FIXTURE_CURSES must name the curses fixture program"
#endif

/* NFD: i + U+0323 (dot below); e + U+0302 (circumflex) + U+0301 (acute). */
#define NGHI_NFD "Nghi\xcc\xa3"
#define QUYET_NFD "quye\xcc\x82\xcc\x81t"

static struct harness *h;

static void stop(void)
{
	harness_free(h);
	h = NULL;
}

TestSuite(harness, .fini = stop, .timeout = 60);

static struct harness *start_opts(const struct harness_opts *o, const char *script)
{
	const char *argv[] = {"/bin/sh", "-c", script, NULL};
	struct harness *started = harness_start(o, argv);
	cr_assert(started != NULL, "could not start sh -c '%s'", script);
	return started;
}

static struct harness *start(const char *script)
{
	const struct harness_opts o = {.lang = "C.UTF-8"};
	return start_opts(&o, script);
}

static struct harness *start_fixture(const char *arg, int rows, int cols)
{
	const struct harness_opts o = {.rows = rows, .cols = cols, .lang = "C.UTF-8"};
	const char *argv[] = {FIXTURE_CURSES, arg, NULL};
	struct harness *started = harness_start(&o, argv);
	cr_assert(started != NULL);
	cr_assert(harness_wait_text(started, "bottom", 0));
	return started;
}

static struct harness_cell cell(int row, int col)
{
	struct harness_cell c;
	cr_assert(harness_cell(h, row, col, &c), "cell %d,%d is off the screen", row, col);
	return c;
}

static char *row_text(int row)
{
	static char buf[2048];
	return harness_row_text(h, row, buf, sizeof buf);
}

/* The cell's text in a buffer that outlives the call (eight at a time). */
static char *cell_text(int row, int col)
{
	static char texts[8][sizeof ((struct harness_cell *)0)->text];
	static unsigned next;
	char *t = texts[next++ % 8];
	strcpy(t, cell(row, col).text);
	return t;
}

static void wait_exit_status(int want)
{
	int status;
	cr_assert(harness_wait_exit(h, 0, &status));
	bool exited = WIFEXITED(status);
	cr_assert(exited, "the program did not exit normally (status %#x)", status);
	cr_assert(eq(int, WEXITSTATUS(status), want));
}

/* ---- what is printed is what the cells hold ------------------------------ */

Test(harness, vietnamese_nfc_and_nfd_fill_one_cell_per_letter)
{
	h = start("printf 'Nghị quyết\\n" NGHI_NFD " " QUYET_NFD "\\n'");
	wait_exit_status(0);

	cr_assert(eq(str, row_text(0), "Nghị quyết"));
	cr_assert(eq(str, row_text(1), NGHI_NFD " " QUYET_NFD));

	/* NFC: one code point a cell. */
	cr_assert(eq(str, cell_text(0, 3), "ị"));
	cr_assert(eq(int, cell(0, 3).width, 1));
	cr_assert(eq(str, cell_text(0, 8), "ế"));
	/* NFD: the marks stay with their letter, in the order printed. */
	cr_assert(eq(str, cell_text(1, 3), "i\xcc\xa3"));
	cr_assert(eq(int, cell(1, 3).width, 1));
	cr_assert(eq(str, cell_text(1, 8), "e\xcc\x82\xcc\x81"));
	cr_assert(eq(str, cell_text(1, 9), "t"));
	cr_assert(eq(str, cell_text(1, 10), " "));

	/* Matching is byte for byte and on whole cells. */
	int r, c;
	cr_assert(harness_find(h, "quyết", &r, &c));
	cr_assert(eq(int, r, 0));
	cr_assert(eq(int, c, 5));
	cr_assert(harness_find(h, QUYET_NFD, &r, &c));
	cr_assert(eq(int, r, 1));
	cr_assert(eq(int, c, 5));
	cr_assert(not(harness_find(h, "Nghi", NULL, NULL)), "a base letter matched without its mark");
}

Test(harness, wide_characters_take_two_cells)
{
	h = start("printf '会议 OK\\n'");
	wait_exit_status(0);

	cr_assert(eq(str, cell_text(0, 0), "会"));
	cr_assert(eq(int, cell(0, 0).width, 2));
	cr_assert(eq(str, cell_text(0, 1), ""));
	cr_assert(eq(int, cell(0, 1).width, 0));
	cr_assert(eq(str, cell_text(0, 2), "议"));
	cr_assert(eq(int, cell(0, 3).width, 0));
	cr_assert(eq(str, cell_text(0, 4), " "));
	cr_assert(eq(str, row_text(0), "会议 OK"));
	int c;
	cr_assert(harness_find(h, "OK", NULL, &c));
	cr_assert(eq(int, c, 5));
	cr_assert(harness_find(h, "议", NULL, &c));
	cr_assert(eq(int, c, 2));
}

Test(harness, attributes_and_colors_are_read_back)
{
	h = start("printf '\\033[1mB\\033[0m \\033[7mR\\033[0m \\033[4mU\\033[0m "
		  "\\033[31mr\\033[0m \\033[44mb\\033[0m \\033[38;5;200mp\\033[0m "
		  "\\033[38;2;1;2;3mt\\033[0m \\033[91mh\\033[0m n\\n'");
	wait_exit_status(0);
	cr_assert(eq(str, row_text(0), "B R U r b p t h n"));

	struct harness_cell b = cell(0, 0), rv = cell(0, 2), u = cell(0, 4);
	cr_assert(b.bold && !b.reverse && !b.underline);
	cr_assert(rv.reverse && !rv.bold);
	cr_assert(u.underline && !u.bold);

	cr_assert(eq(int, cell(0, 6).fg, 1));
	cr_assert(eq(int, cell(0, 6).bg, HARNESS_COLOR_DEFAULT));
	cr_assert(eq(int, cell(0, 8).bg, 4));
	cr_assert(eq(int, cell(0, 8).fg, HARNESS_COLOR_DEFAULT));
	cr_assert(eq(int, cell(0, 10).fg, 200));
	cr_assert(eq(int, cell(0, 12).fg, HARNESS_COLOR_RGB));
	cr_assert(eq(u32, cell(0, 12).fg_rgb, 0x010203));
	cr_assert(eq(int, cell(0, 14).fg, 9));

	struct harness_cell plain = cell(0, 16);
	cr_assert(not(plain.bold || plain.reverse || plain.underline || plain.italic));
	cr_assert(eq(int, plain.fg, HARNESS_COLOR_DEFAULT));
	cr_assert(eq(int, plain.bg, HARNESS_COLOR_DEFAULT));
}

Test(harness, alternate_screen_hides_and_restores_the_main_screen)
{
	h = start("echo main; printf '\\033[?1049h'; echo alt; read x; printf '\\033[?1049l'; echo back");
	cr_assert(harness_wait_text(h, "alt", 0));
	cr_assert(harness_altscreen(h));
	cr_assert(not(harness_find(h, "main", NULL, NULL)));

	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "back", 0));
	cr_assert(not(harness_altscreen(h)));
	cr_assert(harness_find(h, "main", NULL, NULL));
	cr_assert(not(harness_find(h, "alt", NULL, NULL)));
}

/* ---- keys ----------------------------------------------------------------- */

Test(harness, text_is_typed_as_utf8)
{
	h = start("read x; echo \"got:$x\"");
	cr_assert(harness_send(h, "Nghị quyết 会议"));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "got:Nghị quyết 会议", 0));
	wait_exit_status(0);
}

/* What cat -A shows for each key, in xterm's normal cursor-key mode and in
 * the application mode curses sets with keypad(). */
static const struct {
	const char *key, *normal, *application;
} key_bytes[] = {
	{"Up", "^[[A", "^[OA"},
	{"Down", "^[[B", "^[OB"},
	{"Right", "^[[C", "^[OC"},
	{"Left", "^[[D", "^[OD"},
	{"Home", "^[[H", "^[OH"},
	{"End", "^[[F", "^[OF"},
	{"PgUp", "^[[5~", "^[[5~"},
	{"PgDn", "^[[6~", "^[[6~"},
	{"Insert", "^[[2~", "^[[2~"},
	{"Delete", "^[[3~", "^[[3~"},
	{"F1", "^[OP", "^[OP"},
	{"F4", "^[OS", "^[OS"},
	{"F5", "^[[15~", "^[[15~"},
	{"F12", "^[[24~", "^[[24~"},
	{"Enter", "^M", "^M"},
	{"Tab", "^I", "^I"},
	{"BackTab", "^[[Z", "^[[Z"},
	{"Esc", "^[", "^["},
	{"Backspace", "^?", "^?"},
	{"Ctrl-x", "^X", "^X"},
	{"C-a", "^A", "^A"},
	{"Ctrl-Space", "^@", "^@"},
	{"Alt-x", "^[x", "^[x"},
	{"S-Up", "^[[1;2A", "^[[1;2A"},
	{"C-Left", "^[[1;5D", "^[[1;5D"},
	{"q", "q", "q"},
};

enum { NKEYS = sizeof key_bytes / sizeof *key_bytes };

static void check_key_bytes(bool application)
{
	const struct harness_opts o = {.rows = NKEYS + 4, .lang = "C.UTF-8"};
	h = start_opts(&o, application
				   ? "stty raw -echo opost; printf '\\033[?1h\\033=ready\\n'; exec cat -A"
				   : "stty raw -echo opost; printf 'ready\\n'; exec cat -A");
	cr_assert(harness_wait_text(h, "ready", 0));
	for (int i = 0; i < NKEYS; i++) {
		char want[32];
		snprintf(want, sizeof want, "%s$",
			 application ? key_bytes[i].application : key_bytes[i].normal);
		cr_assert(harness_key(h, key_bytes[i].key));
		cr_assert(harness_send(h, "\n"));
		cr_assert(harness_wait_row(h, 1 + i, want, 0), "key %s", key_bytes[i].key);
	}
}

Test(harness, named_keys_send_xterm_bytes)
{
	check_key_bytes(false);
}

Test(harness, cursor_keys_follow_application_mode)
{
	check_key_bytes(true);
}

Test(harness, unknown_key_names_are_refused)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log};
	h = start_opts(&o, "cat");
	cr_assert(not(harness_key(h, "Hyper-x")));
	cr_assert(not(harness_key(h, "F13")));
	cr_assert(not(harness_key(h, "Ctrl-ệ")));
	cr_assert(not(harness_key(h, "")));
	cr_assert(not(harness_keys(h, "Down Sideways")));
	fclose(log);
}

/* The keys as curses decodes them through xterm-256color's terminfo. */
static const struct {
	const char *key, *curses;
} curses_keys[] = {
	{"Up", "KEY_UP"},
	{"Down", "KEY_DOWN"},
	{"Left", "KEY_LEFT"},
	{"Right", "KEY_RIGHT"},
	{"Home", "KEY_HOME"},
	{"End", "KEY_END"},
	{"PgUp", "KEY_PPAGE"},
	{"PgDn", "KEY_NPAGE"},
	{"Insert", "KEY_IC"},
	{"Delete", "KEY_DC"},
	{"F1", "KEY_F(1)"},
	{"F5", "KEY_F(5)"},
	{"F12", "KEY_F(12)"},
	{"BackTab", "KEY_BTAB"},
	{"Backspace", "KEY_BACKSPACE"},
	{"S-Up", "KEY_SR"},
	{"S-Left", "KEY_SLEFT"},
	{"C-Left", "kLFT5"},
	{"Tab", "^I"},
	{"Enter", "^J"},
	{"Ctrl-x", "^X"},
	{"Esc", "^["},
	{"ệ", "char ệ"},
	{"/", "/"},
};

Test(harness, curses_decodes_every_named_key)
{
	h = start_fixture(NULL, 24, 80);
	for (size_t i = 0; i < sizeof curses_keys / sizeof *curses_keys; i++) {
		char want[64];
		snprintf(want, sizeof want, "key: %s", curses_keys[i].curses);
		cr_assert(harness_key(h, curses_keys[i].key));
		cr_assert(harness_wait_row(h, 5, want, 0), "key %s", curses_keys[i].key);
	}
	cr_assert(harness_keys(h, "Down q"));
	wait_exit_status(0);
}

/* ---- a curses program, drawn and read back --------------------------------- */

Test(harness, curses_screen_is_read_cell_by_cell)
{
	h = start_fixture(NULL, 24, 80);
	cr_assert(harness_altscreen(h));
	cr_assert(not(harness_cursor_visible(h)));

	cr_assert(eq(str, row_text(0), "Meetings"));
	cr_assert(cell(0, 0).bold);
	cr_assert(not(cell(0, 8).bold));
	cr_assert(eq(str, row_text(1), "Nghị quyết 会议"));
	cr_assert(eq(int, cell(1, 11).width, 2));
	cr_assert(eq(str, cell_text(1, 13), "议"));

	cr_assert(eq(str, cell_text(2, 0), "đ"));
	cr_assert(eq(int, cell(2, 0).fg, 1));
	cr_assert(eq(int, cell(2, 0).bg, HARNESS_COLOR_DEFAULT));
	cr_assert(cell(2, 4).reverse);
	cr_assert(eq(str, cell_text(2, 6), "ọ"));
	cr_assert(not(cell(2, 3).reverse));
	cr_assert(cell(2, 10).underline);
	/* ACS_HLINE goes out as ESC ( 0 q and comes back as a box line. */
	cr_assert(eq(str, row_text(3), "──────────"));
	cr_assert(eq(str, row_text(4), "size 24x80"));

	cr_assert(harness_key(h, "q"));
	wait_exit_status(0);
	cr_assert(not(harness_altscreen(h)));
	cr_assert(harness_cursor_visible(h));
}

Test(harness, curses_redraws_on_resize)
{
	h = start_fixture(NULL, 24, 80);
	cr_assert(harness_resize(h, 30, 100));
	int rows, cols;
	harness_size(h, &rows, &cols);
	cr_assert(eq(int, rows, 30));
	cr_assert(eq(int, cols, 100));
	cr_assert(harness_wait_row(h, 4, "size 30x100", 0));
	cr_assert(harness_wait_row(h, 29, "bottom", 0));

	cr_assert(harness_resize(h, 10, 40));
	cr_assert(harness_wait_row(h, 4, "size 10x40", 0));
	cr_assert(harness_wait_row(h, 9, "bottom", 0));
	cr_assert(eq(str, row_text(1), "Nghị quyết 会议"));

	cr_assert(harness_key(h, "q"));
	wait_exit_status(0);
}

/* Everything ncurses sent for a session (colors, attributes, wide and
 * line-drawing characters, keypad mode, resizes, endwin) is on the
 * scanner's allowlist, with and without default colors. */
static void check_curses_output_is_clean(const char *arg)
{
	h = start_fixture(arg, 24, 80);
	cr_assert(harness_keys(h, "Down F5 ệ"));
	cr_assert(harness_wait_row(h, 5, "key: char ệ", 0));
	cr_assert(harness_resize(h, 30, 100));
	cr_assert(harness_wait_row(h, 29, "bottom", 0));
	cr_assert(harness_key(h, "q"));
	wait_exit_status(0);
	cr_assert(eq(sz, harness_raw_foreign_escapes(h, stderr), 0));
}

Test(harness, curses_output_passes_the_escape_scanner)
{
	check_curses_output_is_clean(NULL);
}

Test(harness, curses_output_without_default_colors_passes_the_escape_scanner)
{
	check_curses_output_is_clean("--no-default-colors");
}

/* ---- the terminal ----------------------------------------------------------- */

Test(harness, resize_sends_sigwinch)
{
	h = start("trap 'stty size' WINCH; echo ready; while :; do read x; done");
	cr_assert(harness_wait_text(h, "ready", 0));
	cr_assert(harness_resize(h, 30, 100));
	cr_assert(harness_wait_text(h, "30 100", 0));
	cr_assert(harness_resize(h, 12, 50));
	cr_assert(harness_wait_text(h, "12 50", 0));
}

Test(harness, exit_status_is_reported_after_the_last_output)
{
	h = start("echo bye; exit 3");
	wait_exit_status(3);
	cr_assert(eq(str, row_text(0), "bye"));
}

Test(harness, a_program_that_cannot_run_exits_127)
{
	const char *argv[] = {"/nonexistent/program", NULL};
	h = harness_start(NULL, argv);
	cr_assert(h != NULL);
	wait_exit_status(127);
	cr_assert(harness_find(h, "cannot execute /nonexistent/program", NULL, NULL));
}

Test(harness, a_program_not_in_path_is_not_started)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log};
	const char *argv[] = {"no-such-program-bienban", NULL};
	cr_assert(eq(ptr, harness_start(&o, argv), NULL));
	fclose(log);
}

Test(harness, signals_reach_the_program)
{
	h = start("trap 'echo caught USR1' USR1; echo ready; while :; do read x; done");
	cr_assert(harness_wait_text(h, "ready", 0));
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_signal(h, SIGUSR1));
	cr_assert(harness_wait_text(h, "caught USR1", 0));
	cr_assert(harness_signal(h, SIGTERM));
	int status;
	cr_assert(harness_wait_exit(h, 0, &status));
	bool signaled = WIFSIGNALED(status);
	cr_assert(signaled);
	cr_assert(eq(int, WTERMSIG(status), SIGTERM));
}

Test(harness, closing_the_terminal_hangs_up_the_program)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log};
	h = start_opts(&o, "trap 'exit 42' HUP; echo ready; while :; do read x; done");
	cr_assert(harness_wait_text(h, "ready", 0));
	harness_close_pty(h);
	/* Only the HUP trap exits with 42. */
	wait_exit_status(42);
	/* The last screen stays readable. */
	cr_assert(eq(str, row_text(0), "ready"));
	cr_assert(not(harness_send(h, "x")));
	fclose(log);
}

Test(harness, environment_is_chosen_by_the_test)
{
	setenv("COLUMNS", "5", 1);
	setenv("LC_CTYPE", "vi_VN.UTF-8", 1);
	const char *extra[] = {"EXTRA=1", "LANG", NULL};
	const struct harness_opts o = {
		.lang = "C.UTF-8",
		.lc_all = "C.UTF-8",
		.home = "/tmp/h",
		.xdg_data_home = "/tmp/x",
		.env = extra,
		.cwd = "/",
	};
	h = start_opts(&o, "echo \"T=$TERM L=${LANG-unset} A=$LC_ALL H=$HOME X=$XDG_DATA_HOME\"; "
			   "echo \"E=$EXTRA C=${COLUMNS-unset} Y=${LC_CTYPE-unset} D=$(pwd)\"");
	wait_exit_status(0);
	cr_assert(eq(str, row_text(0), "T=xterm-256color L=unset A=C.UTF-8 H=/tmp/h X=/tmp/x"));
	cr_assert(eq(str, row_text(1), "E=1 C=unset Y=unset D=/"));
}

Test(harness, terminal_queries_are_answered)
{
	h = start("stty raw -echo; printf '\\033[6n'; x=$(dd bs=1 count=6 2>/dev/null); "
		  "stty sane; echo \"answer:$(printf %s \"$x\" | tr '\\033' E)\"");
	cr_assert(harness_wait_text(h, "answer:E[1;1R", 0));
}

/* ---- waiting ------------------------------------------------------------------ */

Test(harness, a_failed_wait_dumps_the_screen)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log, .lang = "C.UTF-8"};
	h = start_opts(&o, "echo 'Cuộc họp'; cat");
	cr_assert(harness_wait_text(h, "Cuộc họp", 0));
	cr_assert(not(harness_wait_text(h, "Nghị quyết", 200)));

	char buf[4096] = "";
	rewind(log);
	size_t n = fread(buf, 1, sizeof buf - 1, log);
	buf[n] = '\0';
	fclose(log);
	cr_assert(strstr(buf, "timed out") != NULL, "%s", buf);
	cr_assert(strstr(buf, "\"Nghị quyết\"") != NULL, "%s", buf);
	cr_assert(strstr(buf, "  0 |Cuộc họp ") != NULL, "%s", buf);
}

Test(harness, waiting_for_text_stops_when_the_program_is_gone)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log, .timeout_ms = 60000};
	h = start_opts(&o, "echo done");
	/* Fails as soon as the terminal closes, long before the minute. */
	cr_assert(not(harness_wait_text(h, "never", 0)));
	fclose(log);
	cr_assert(harness_find(h, "done", NULL, NULL));
}

Test(harness, endless_output_does_not_hold_a_wait)
{
	FILE *log = tmpfile();
	cr_assert(log != NULL);
	const struct harness_opts o = {.log = log, .timeout_ms = 500, .lang = "C.UTF-8"};
	h = start_opts(&o, "exec yes 'Nghị quyết'");
	cr_assert(not(harness_wait_text(h, "never", 300)));
	/* Returns by the default timeout (whether it saw a pause in the
	 * stream depends on the scheduler). */
	(void)harness_wait_quiet(h, 100);
	cr_assert(harness_find(h, "Nghị quyết", NULL, NULL));
	fclose(log);
}

Test(harness, waits_for_text_to_go_and_for_quiet)
{
	h = start("echo first; read x; printf '\\033[H\\033[2Jsecond\\n'; read x");
	cr_assert(harness_wait_text(h, "first", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_gone(h, "first", 0));
	cr_assert(harness_wait_text_at(h, 0, "second", 0));
	cr_assert(harness_wait_quiet(h, 100));
	int r, c;
	harness_cursor(h, &r, &c);
	cr_assert(eq(int, r, 1));
	cr_assert(eq(int, c, 0));
}

/* ---- the escape scanner ---------------------------------------------------------- */

/* What ncurses sends with TERM=xterm-256color: none of it is foreign. */
static const char curses_bytes[] =
	"\033[?1049h\033[22;0;0t\033[1;24r\033(B\033[m\033[4l\033[?7h\033[?1h\033="
	"\033[39;49m\033[H\033[2J\033[?25l\033[1mMeetings\033(B\033[m\033[2d"
	"\033[31mđỏ\033[39m\033[38;5;200mx\033[48;2;1;2;3my\033[4:3mz\033(0qqq\033(B"
	"\033[5;10H\033[K\033[1K\033[J\033[3@\033[2P\033[4X\033[2L\033[1M\033[3S\033[2T"
	" a\033[4b\033[Z\033[12G\033M\0337\0338\033E\033D\r\n\b\t\033[?12l\033[?25h"
	"\033[?1006;1000h\033[?1000l\033[4h\033[4l\033[?1034h\033[?2004h\033[?2004l"
	"\033[?1049l\033[23;0;0t"
	"\033]104\007\033]104\033\\\033[?1l\033>Nghị quyết 会议";

static const struct {
	const char *bytes;
	unsigned flags;
	size_t count, offset, len;
	const char *what;	/* part of the first finding's description */
} scan_cases[] = {
	{curses_bytes, 0, 0, 0, 0, NULL},
	{"plain \033[1mbold\033[0m text", 0, 0, 0, 0, NULL},
	{"ab\033]52;c;aGVsbG8=\007cd", 0, 1, 2, 16, "OSC 52"},
	{"\033]52;c;aGk=\033\\", 0, 1, 0, 13, "OSC 52"},
	{"\033]0;title\007", 0, 1, 0, 10, "title"},
	{"\033]8;;http://x\033\\link\033]8;;\033\\", 0, 2, 0, 15, "hyperlink"},
	{"x\033[6n", 0, 1, 1, 4, "CSI n"},
	{"\033[c", 0, 1, 0, 3, "CSI c"},
	{"\033[>0c", 0, 1, 0, 5, "private parameters"},
	{"\033[?6n", 0, 1, 0, 5, "CSI ?"},
	{"\033[2 q", 0, 1, 0, 5, "intermediate"},
	{"\033[8;50;100t", 0, 1, 0, 11, "CSI t"},
	{"\033[3J", 0, 1, 0, 4, "scrollback"},
	{"\033[?3h", 0, 1, 0, 5, "private mode"},
	{"\033P1$r\033\\", 0, 1, 0, 7, "DCS"},
	{"\033_x\033\\", 0, 1, 0, 5, "APC"},
	{"\033^x\033\\", 0, 1, 0, 5, "PM"},
	{"\033Xx\033\\", 0, 1, 0, 5, "SOS"},
	{"\033c", 0, 1, 0, 2, "RIS"},
	{"\033#8", 0, 1, 0, 3, "ESC #"},
	{"\033)0", 0, 1, 0, 3, "G1"},
	{"a\033", 0, 1, 1, 1, "end of the output"},
	{"\033[12", 0, 1, 0, 4, "cut off"},
	{"x\x9b" "31m", 0, 1, 1, 1, "C1 control byte"},
	{"\xc2\x9b" "31m", 0, 1, 0, 2, "C1 control in UTF-8"},
	{"\x9d" "0;x\x07", 0, 2, 0, 1, "C1"},
	{"ệ Ư 会", 0, 0, 0, 0, NULL},
	{"ệ", HARNESS_SCAN_8BIT, 1, 2, 1, "C1 control byte"},
	{"\xe9t\xe9", 0, 0, 0, 0, NULL},
	{"\xe9t\xe9", HARNESS_SCAN_INVALID_UTF8, 2, 0, 1, "malformed"},
	{"ding\007", 0, 1, 4, 1, "BEL"},
	{"ding\007", HARNESS_SCAN_ALLOW_BEL, 0, 0, 0, NULL},
	{"a\x0e" "b\x0f", 0, 2, 1, 1, "SO/SI"},
	{"a\x7f", 0, 1, 1, 1, "DEL"},
	{"a\x0c", 0, 1, 1, 1, "C0"},
};

Test(harness, scanner_tells_curses_sequences_from_foreign_ones)
{
	for (size_t i = 0; i < sizeof scan_cases / sizeof *scan_cases; i++) {
		const unsigned char *bytes = (const unsigned char *)scan_cases[i].bytes;
		struct harness_escape found[4];
		size_t n = harness_scan_escapes(bytes, strlen(scan_cases[i].bytes), scan_cases[i].flags,
						found, 4);
		cr_expect(eq(sz, n, scan_cases[i].count), "case %zu", i);
		if (n == 0 || scan_cases[i].count == 0)
			continue;
		cr_expect(eq(sz, found[0].offset, scan_cases[i].offset), "case %zu", i);
		cr_expect(eq(sz, found[0].len, scan_cases[i].len), "case %zu", i);
		cr_expect(strstr(found[0].what, scan_cases[i].what) != NULL, "case %zu: %s", i,
			  found[0].what);
	}
}

Test(harness, scanner_counts_past_its_room)
{
	const char *bytes = "\033[6n\033[6n\033[6n";
	struct harness_escape found[1];
	cr_assert(eq(sz, harness_scan_escapes((const unsigned char *)bytes, strlen(bytes), 0, found, 1), 3));
	cr_assert(eq(sz, found[0].offset, 0));
	cr_assert(eq(sz, harness_scan_escapes((const unsigned char *)bytes, strlen(bytes), 0, NULL, 0), 3));
}

Test(harness, raw_output_is_kept_and_scanned)
{
	const struct harness_opts o = {.no_answer = true};
	h = start_opts(&o, "printf 'a\\033[1mb\\033[0m\\033]52;c;aGk=\\007\\033[6nz\\n'");
	wait_exit_status(0);
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	const char *osc = memmem(raw, len, "\033]52;", 5);
	cr_assert(osc != NULL);

	FILE *report = tmpfile();
	cr_assert(report != NULL);
	cr_assert(eq(sz, harness_raw_foreign_escapes(h, report), 2));
	char buf[1024] = "";
	rewind(report);
	size_t n = fread(buf, 1, sizeof buf - 1, report);
	buf[n] = '\0';
	fclose(report);
	char want[64];
	snprintf(want, sizeof want, "offset %zu: OSC 52 (clipboard): \\e]52;c;aGk=\\a\n",
		 (size_t)((const unsigned char *)osc - raw));
	cr_assert(strstr(buf, want) != NULL, "%s", buf);
	cr_assert(strstr(buf, "CSI n (device status report: a query): \\e[6n") != NULL, "%s", buf);
	/* The screen shows only the text. */
	cr_assert(eq(str, row_text(0), "abz"));
}
