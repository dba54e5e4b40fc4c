/* terminal.h — whether curses can drive the terminal at all, asked of
 * terminfo before curses starts. */
#ifndef BIENBAN_TUI_TERMINAL_H
#define BIENBAN_TUI_TERMINAL_H

#include "error.h"

/* BB_OK when $TERM names a terminal whose description terminfo has and
 * that can address the cursor; otherwise BB_ERROR and one line saying
 * what to do instead. */
enum bb_status terminal_check(struct bb_error *err);

#endif
