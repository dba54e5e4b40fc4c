/* signals.h — ending cleanly on SIGHUP, SIGTERM and SIGINT, suspending
 * on SIGTSTP, noticing SIGCONT and SIGWINCH, and leaving a sane terminal
 * behind even after a crash. Handlers only set flags; the input wait
 * (input.c) acts on them. */
#ifndef BIENBAN_TUI_SIGNALS_H
#define BIENBAN_TUI_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Before curses starts: saves the terminal's modes and makes the
 * signals above set flags. */
void signals_install(void);
/* Once curses runs: `reset` is what puts the terminal back (leave the
 * alternate screen, show the cursor, plain attributes). */
void signals_install_fatal(const char *reset);
/* The signals whose flags the input wait reads: it blocks them while it
 * looks at the flags, and lets them in only while it sleeps. */
void signals_watched(sigset_t *set);

/* The signal that asked us to stop, or 0. */
int signals_pending(void);
/* True while any flag is up. */
bool signals_any(void);
/* Each reports whether its signal came since the last call, and lowers
 * the flag. */
bool signals_take_suspend(void);
bool signals_take_continued(void);
bool signals_take_resize(void);

/* Stops the process as SIGTSTP's default action would (the terminal is
 * the caller's to put back first); returns once continued. */
void signals_stop_self(void);

/* While a child program (the editor) runs in the foreground: true
 * before starting it, false once it has ended. The child itself must
 * reset SIGINT and SIGQUIT to SIG_DFL, as ignored signals stay ignored
 * across exec. */
void signals_for_child(bool child);

#endif
