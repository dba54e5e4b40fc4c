/* A small curses program for the harness's own tests: it draws what a
 * browser draws (bold, colors, reverse, underline, Vietnamese, CJK, line
 * drawing), names each key curses decodes, redraws on KEY_RESIZE and
 * quits on q. It proves the harness against real ncurses output and real
 * terminfo key decoding, before the browser exists.
 *
 * Usage: fixture_curses [--no-default-colors]
 *   --no-default-colors  skip use_default_colors(): curses then paints
 *                        every cell with explicit colors (SGR 37;40). */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

enum { PAIR_RED = 1 };

static void draw(const char *last)
{
	erase();
	attron(A_BOLD);
	mvaddstr(0, 0, "Meetings");
	attroff(A_BOLD);
	mvaddstr(1, 0, "Nghị quyết 会议");
	attron(COLOR_PAIR(PAIR_RED));
	mvaddstr(2, 0, "đỏ");
	attroff(COLOR_PAIR(PAIR_RED));
	attron(A_REVERSE);
	mvaddstr(2, 4, "chọn");
	attroff(A_REVERSE);
	attron(A_UNDERLINE);
	mvaddstr(2, 10, "gạch");
	attroff(A_UNDERLINE);
	mvhline(3, 0, ACS_HLINE, 10);
	mvprintw(4, 0, "size %dx%d", LINES, COLS);
	mvprintw(5, 0, "key: %s", last);
	mvaddstr(LINES - 1, 0, "bottom");
	refresh();
}

/* What the key was, as curses sees it. */
static void describe(int r, wint_t ch, char *out, size_t size)
{
	if (r == KEY_CODE_YES) {
		const char *name = keyname((int)ch);
		snprintf(out, size, "%s", name ? name : "?");
	} else if (ch < 0x80) {
		snprintf(out, size, "%s", keyname((int)ch));
	} else {
		char mb[MB_LEN_MAX + 1];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)ch, &st);
		mb[n == (size_t)-1 ? 0 : n] = '\0';
		snprintf(out, size, "char %s", mb);
	}
}

int main(int argc, char **argv)
{
	bool default_colors = !(argc > 1 && strcmp(argv[1], "--no-default-colors") == 0);
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (has_colors()) {
		start_color();
		if (default_colors)
			use_default_colors();
		init_pair(PAIR_RED, COLOR_RED, default_colors ? -1 : COLOR_BLACK);
	}

	char last[64] = "none";
	draw(last);
	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			break;	/* the terminal is gone */
		if (r == OK && ch == 'q')
			break;
		if (!(r == KEY_CODE_YES && ch == KEY_RESIZE))
			describe(r, ch, last, sizeof last);
		draw(last);
	}
	endwin();
	/* Frees what ncurses keeps, so a sanitized build reports no leaks. */
	exit_curses(0);
}
