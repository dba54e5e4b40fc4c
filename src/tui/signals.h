/* signals.h — ending cleanly on SIGHUP, SIGTERM and SIGINT, and leaving
 * a sane terminal behind even after a crash. */
#ifndef BIENBAN_TUI_SIGNALS_H
#define BIENBAN_TUI_SIGNALS_H

#include <stdbool.h>

/* Before curses starts: saves the terminal's modes and makes the three
 * signals set a flag the main loop reads. */
void signals_install(void);
/* Once curses runs: `reset` is what puts the terminal back (leave the
 * alternate screen, show the cursor, plain attributes). */
void signals_install_fatal(const char *reset);
/* The signal that asked us to stop, or 0. */
int signals_pending(void);

#endif
