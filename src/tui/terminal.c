#include "config.h"

/* Ours first: term.h defines macros named like capabilities (lines,
 * columns…), which would rename text.h's parameters. */
#include "terminal.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

enum bb_status terminal_check(struct bb_error *err)
{
	/* TERM is quoted in the message, and it could hold anything, an
	 * escape sequence too. */
	const char *term = getenv("TERM");
	struct text_buf shown = {0};
	if (term && *term)
		text_sanitize(&shown, term, strlen(term), TEXT_SINGLE_LINE);
	else
		text_buf_addz(&shown, "unset");
	/* setupterm with an error slot reports and frees; a newterm that
	 * fails would leak its screen, and prints nothing we can use. */
	int found;
	enum bb_status st = BB_OK;
	if (setupterm(NULL, STDOUT_FILENO, &found) != OK) {
		st = bb_fail(err, BB_ERROR, "cannot drive this terminal (TERM=%s); set TERM, or use"
			     " a command such as \"bienban list tasks\"", shown.data);
	} else {
		const char *cup = tigetstr("cup");
		if (!cup || cup == (char *)-1)
			st = bb_fail(err, BB_ERROR, "this terminal (TERM=%s) cannot move the cursor;"
				     " use a command such as \"bienban list tasks\"", shown.data);
		del_curterm(cur_term);
	}
	text_buf_free(&shown);
	return st;
}
