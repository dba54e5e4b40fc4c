/* input.h — keys from the terminal, and what signals ask meanwhile.
 *
 * Every key the interface reads comes through input_read: the main
 * loop's, a prompt's, a paste's. It waits for input and for the signals
 * of signals.h at once (no signal is lost between a check and a sleep),
 * suspends and resumes the terminal on ^Z and fg, applies a resize, and
 * tells a dead terminal from a quiet one. */
#ifndef BIENBAN_TUI_INPUT_H
#define BIENBAN_TUI_INPUT_H

#include "internal.h"

enum input_status {
	INPUT_KEY,	/* *key holds a key (KEY_RESIZE after a resize) */
	INPUT_NONE,	/* input that is no key of ours came (Alt-x, an
			 * unknown escape sequence): it was dropped */
	INPUT_TIMEOUT,	/* nothing within the time given */
	INPUT_STOP,	/* a signal asks us to end (signals_pending) */
	INPUT_GONE,	/* the terminal hung up: nothing more will come */
};

/* Once curses runs, and again after input_stop: Esc timing, the paste
 * keys, bracketed paste on. */
void input_start(void);
/* Before endwin, at the end or for a child program: bracketed paste
 * off. */
void input_stop(void);

/* Waits up to timeout_ms (-1: without limit) for a key.
 *
 * Esc is a key of its own only when nothing follows it at once: ESC and
 * a character sent together are Alt and that character, and ESC [ or
 * ESC O begin a sequence (a key curses does not know, or one whose tail
 * came after ESCDELAY); both are read whole and dropped (INPUT_NONE), so
 * that Alt-x does not run x and a late arrow key types no "[A". */
enum input_status input_read(struct tui_key *key, int timeout_ms);

#endif
