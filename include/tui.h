/* tui.h — the terminal interface (ncursesw). */
#ifndef BIENBAN_TUI_H
#define BIENBAN_TUI_H

#include <stdbool.h>

struct store;

struct tui_options {
	bool read_only;		/* edits explain why they do nothing */
	bool ascii;		/* the locale is not UTF-8, or --ascii */
	bool color;		/* false with --no-color or NO_COLOR */
	bool selection_bar;	/* --selection-bar: over the theme's choice */
	const char *user;	/* recorded in the history of edits */
};

/* Runs the browser on an open store until the user quits or a signal
 * ends it; the terminal is restored either way. Returns the exit status
 * (0, or 1 with a one-line message on stderr). */
int tui_run(struct store *s, const struct tui_options *o);

/* Ends the process after the browser ran, letting curses free what it
 * keeps for the whole process (so leak checkers see a clean exit). */
void tui_exit(int status) __attribute__((noreturn));

#endif
