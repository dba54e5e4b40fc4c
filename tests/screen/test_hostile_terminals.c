/* Terminals that cannot show a full screen get one actionable line and
 * exit status 1, with no escape codes; terminals with eight colors or
 * none, NO_COLOR and --no-color get the browser with the selection and
 * the overdue items still plain to see. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "fixtures.h"

TestSuite(terminals, .init = fixture_setup, .fini = fixture_teardown, .timeout = 120);

/* The program wrote exactly one line, naming what to do, and not one
 * escape code. */
static void one_plain_line(const char *must)
{
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	cr_assert(len > 0, "a message");
	cr_assert(memchr(raw, 0x1b, len) == NULL, "no escape codes: %.*s", (int)len, (const char *)raw);
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += raw[i] == '\n';
	cr_assert_eq(lines, 1, "one line: %.*s", (int)len, (const char *)raw);
	cr_assert(memmem(raw, len, must, strlen(must)) != NULL, "\"%s\" in: %.*s", must, (int)len,
		  (const char *)raw);
	cr_assert(no_foreign_escapes());
}

static void refused(const char *const *env, const char *must)
{
	import_sample(db);
	h = browser(24, 80, env);
	cr_assert(exits_with(1, 0));
	one_plain_line(must);
}

Test(terminals, term_unset)
{
	const char *env[] = { "TERM", NULL };
	refused(env, "TERM=unset");
}

Test(terminals, term_unknown)
{
	const char *env[] = { "TERM=nonexistent-term", NULL };
	refused(env, "TERM=nonexistent-term");
}

Test(terminals, term_dumb)
{
	const char *env[] = { "TERM=dumb", NULL };
	refused(env, "TERM=dumb");
}

/* TERM is quoted in the message: as text, not as a control. */
Test(terminals, term_holding_an_escape_sequence)
{
	const char *env[] = { "TERM=\x1b]0;pwned\x07\xc2\x9b" "6n", NULL };
	refused(env, "TERM=␛]0;pwned␇");
}

/* The browser needs a terminal on both sides; a script gets told which
 * command to use instead. */
static void redirected(const char *redirection)
{
	import_sample(db);
	char script[128];
	snprintf(script, sizeof script, "exec \"$0\" --db \"$1\" %s", redirection);
	const char *argv[] = { "/bin/sh", "-c", script, BIENBAN_BIN, db, NULL };
	h = start_program(24, 80, NULL, argv);
	cr_assert(exits_with(1, 0));
	one_plain_line("bienban list tasks");
}

Test(terminals, stdout_not_a_terminal)
{
	redirected(">/dev/null");
}

Test(terminals, stdin_not_a_terminal)
{
	redirected("</dev/null");
}

/* Too small to draw: it says so, and q still quits. */
Test(terminals, too_small_to_draw_still_quits)
{
	import_sample(db);
	h = browser(5, 20, NULL);
	cr_assert(harness_wait_text(h, "Terminal too small", 0));
	cr_assert(harness_key(h, "q"));
	cr_assert(exits_with(0, 0));
	cr_assert(harness_altscreen(h) == false);
}

/* ---- colors: eight, none, or refused ------------------------------------------ */

/* Any of the attributes that show without color. */
static bool marked(const struct harness_cell *c)
{
	return c->reverse || c->underline || c->bold;
}

/* The cell of text's first character, once the program has drawn all
 * it meant to (it sleeps waiting for input; what it wrote before is read). */
static struct harness_cell cell_of(const char *text)
{
	cr_assert(harness_wait_text(h, text, 0));
	cr_assert(harness_wait_idle(h, 0));
	harness_pump(h);
	int row, col;
	cr_assert(harness_find(h, text, &row, &col), "\"%s\" is not on the screen", text);
	struct harness_cell c;
	cr_assert(harness_cell(h, row, col, &c));
	return c;
}

static bool same_look(const struct harness_cell *a, const struct harness_cell *b)
{
	return a->reverse == b->reverse && a->underline == b->underline && a->bold == b->bold &&
	       a->fg == b->fg && a->bg == b->bg;
}

/* The cell at row, col once the program has drawn all it meant to. */
static struct harness_cell cell_at(int row, int col)
{
	cr_assert(harness_wait_idle(h, 0));
	harness_pump(h);
	struct harness_cell c;
	cr_assert(harness_cell(h, row, col, &c));
	return c;
}

/* The selection of the list showing `selected` stands out from the row
 * showing `other` by an attribute, not by color alone: the marker in the
 * list's edge and the first column carry reverse or underline. Returns
 * the marker's cell. */
static struct harness_cell selection_stands_out(const char *selected, const char *other)
{
	cr_assert(harness_wait_text(h, selected, 0));
	int row, other_row, edge = list_edge(selected, &row);
	cr_assert_eq(list_edge(other, &other_row), edge, "one list");
	struct harness_cell mark = cell_at(row, edge), first = cell_at(row, edge + 1);
	struct harness_cell border = cell_at(other_row, edge), other_first = cell_at(other_row, edge + 1);
	cr_assert(is_marker(&mark), "the marker in the list's edge, got \"%s\"", mark.text);
	cr_assert(!is_marker(&border), "one marker");
	cr_assert(mark.reverse || mark.underline, "the marker: reverse or underline");
	cr_assert(first.reverse || first.underline, "the first column: reverse or underline");
	cr_assert(marked(&first) && !same_look(&first, &other_first),
		  "the selected row stands out by an attribute");
	return mark;
}

/* The browse view at 120×40 with the items pane focused: its selected
 * row (item 1) is set apart from item 2 by an attribute, not by color
 * alone, as is the selection of the panes without focus, differently;
 * overdue items carry "!" as well as their color. */
static void selection_shows_without_color(const char *const *env, const char *const *args,
					  bool colors_allowed)
{
	import_sample(db);
	h = start_bienban(40, 120, env, args);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l l"));
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0));
	struct harness_cell focused = selection_stands_out("tiếp tục quán triệt", "tập trung chỉ đạo");
	struct harness_cell idle = selection_stands_out("Đối với Báo cáo tình hình", "Đối với dự thảo Báo cáo");
	cr_assert(!same_look(&focused, &idle), "the focused pane's selection is not an idle one's");
	cr_assert(harness_find(h, "○!", NULL, NULL), "overdue items are marked, not only colored");
	cr_assert(harness_wait_text(h, "[Action items", 0), "focus is shown by brackets");
	if (!colors_allowed) {
		int rows, cols;
		harness_size(h, &rows, &cols);
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++) {
				struct harness_cell cell;
				harness_cell(h, r, c, &cell);
				cr_assert(cell.fg == HARNESS_COLOR_DEFAULT && cell.bg == HARNESS_COLOR_DEFAULT,
					  "a color at %d,%d", r, c);
			}
	}
	cr_assert(harness_key(h, "q"));
	cr_assert(exits_with(0, 0));
	cr_assert(harness_cursor_visible(h));
}

Test(terminals, eight_colors)
{
	const char *env[] = { "TERM=xterm", NULL };
	selection_shows_without_color(env, NULL, true);
	cr_assert(no_foreign_escapes());
}

Test(terminals, monochrome_xterm)
{
	const char *env[] = { "TERM=xterm-mono", NULL };
	selection_shows_without_color(env, NULL, false);
}

Test(terminals, monochrome_vt100)
{
	const char *env[] = { "TERM=vt100", NULL };
	selection_shows_without_color(env, NULL, false);
}

Test(terminals, no_color)
{
	const char *env[] = { "NO_COLOR=1", NULL };
	selection_shows_without_color(env, NULL, false);
	cr_assert(no_foreign_escapes());
}

/* NO_COLOR counts only when it holds something (no-color.org). */
Test(terminals, an_empty_no_color_keeps_colors)
{
	const char *env[] = { "NO_COLOR=", NULL };
	import_sample(db);
	h = browser(40, 120, env);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	struct harness_cell c = cell_of("▶");
	cr_assert(c.bg != HARNESS_COLOR_DEFAULT || c.fg != HARNESS_COLOR_DEFAULT, "colors");
}

Test(terminals, no_color_option)
{
	const char *args[] = { "--no-color", NULL };
	selection_shows_without_color(NULL, args, false);
	cr_assert(no_foreign_escapes());
}
