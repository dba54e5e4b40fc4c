/* harness.h — run a program in a pseudo-terminal and read its screen back.
 *
 * The screen tests drive the real binary the way a person would: it runs
 * under forkpty at a chosen size, everything it writes goes through a
 * libvterm terminal (xterm-like, UTF-8, with the alternate screen), and the
 * test reads what is on that screen cell by cell. Keys go in as the bytes
 * an xterm would send.
 *
 * Conventions:
 *   - Rows and columns count from 0, top left.
 *   - Tests wait on screen content, never on time: harness_wait_text() and
 *     friends poll the pseudo-terminal and return as soon as the text is on
 *     screen. A wait that times out prints the screen (harness_dump) to the
 *     log (stderr unless opts.log says otherwise) and returns false, so
 *     `cr_assert(harness_wait_text(h, "Cuộc họp", 0))` explains itself.
 *   - A timeout_ms of 0 (or less) means the harness default: opts.timeout_ms,
 *     else $HARNESS_TIMEOUT_MS, else 10000.
 *   - Text is compared byte for byte as UTF-8: a program that prints NFD
 *     shows NFD cells, so match what it prints.
 *   - A harness comes from harness_start() and goes back with harness_free(),
 *     which kills the program if it still runs. Nothing else needs freeing.
 *
 * libvterm 0.1.4 measures characters with its own table, which predates
 * Unicode 11: newer emoji (U+1F97A and later) take one cell there while
 * glibc's wcwidth gives them two. Keep such characters out of screen tests.
 */
#ifndef BIENBAN_TESTS_SCREEN_HARNESS_H
#define BIENBAN_TESTS_SCREEN_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct harness;

struct harness_opts {
	int rows, cols;		/* 0: 24 rows, 80 columns */
	/* The program's environment is built from scratch: PATH and the
	 * sanitizer options (ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS) come
	 * from the test's environment, then these. NULL leaves a variable
	 * unset, except term, which defaults to "xterm-256color". Nothing else
	 * leaks in: no LINES or COLUMNS (curses would believe them over the
	 * terminal size), no LC_* the test did not choose. */
	const char *term;
	const char *lang;	/* LANG */
	const char *lc_all;	/* LC_ALL */
	const char *home;	/* HOME */
	const char *xdg_data_home;
	/* More variables, "NAME=value", NULL-terminated; they override the
	 * above. A bare "NAME" removes NAME. */
	const char *const *env;
	const char *cwd;	/* working directory; NULL: the test's */
	int timeout_ms;		/* default for the waits; 0: see above */
	/* Do not answer terminal queries. By default the harness answers
	 * what libvterm answers (cursor position report, device attributes),
	 * as a real terminal would. */
	bool no_answer;
	FILE *log;		/* where failed waits print; NULL: stderr */
};

/* Starts argv[0] (searched in the program's PATH when it has no '/') with
 * arguments argv (NULL-terminated) in a new pseudo-terminal. opts may be
 * NULL. Returns NULL, with a message on the log, if argv[0] is not found
 * or the terminal or the process could not be made; a program that is
 * found but cannot be executed exits with status 127 after printing why on
 * its terminal. */
struct harness *harness_start(const struct harness_opts *opts, const char *const argv[]);

/* Kills the program (its whole process group) if it still runs, reaps it,
 * closes the terminal and frees everything. NULL is allowed. */
void harness_free(struct harness *h);

pid_t harness_pid(const struct harness *h);
/* Reads a small /proc file of a process into buf, NUL-terminated;
 * false if it cannot. */
bool harness_read_proc(pid_t pid, const char *file, char *buf, size_t size);

struct rusage;
/* The program's resource usage as wait4 reported it when it was reaped
 * (ru_maxrss: its peak resident memory, in KiB). False until then. For
 * the benchmarks. */
bool harness_rusage(const struct harness *h, struct rusage *out);

/* ---- keys ------------------------------------------------------------ */

/* Sends UTF-8 text as typed (no translation). */
bool harness_send(struct harness *h, const char *utf8);
bool harness_send_bytes(struct harness *h, const void *bytes, size_t len);

/* Sends one key by name, as xterm would encode it in the terminal's
 * current modes (cursor keys send ESC O A once the program has asked for
 * application mode, as curses does with keypad()). Names, case-insensitive:
 *   Enter Tab BackTab Backspace Esc Space Up Down Left Right Home End
 *   PgUp PgDn Insert Delete F1 … F12
 * optionally prefixed by modifiers "Ctrl-" ("C-"), "Alt-" ("M-"),
 * "Shift-" ("S-"): "Ctrl-x", "C-Left", "S-Tab", "M-x". A single character
 * stands for itself ("q", "ệ"). Ctrl with a letter or one of @[\]^_ sends
 * the control byte (Ctrl-x is 0x18), Alt prefixes ESC. Returns false for
 * an unknown name (and says so on the log) or if the key could not be
 * written. */
bool harness_key(struct harness *h, const char *name);

/* Sends several keys separated by spaces: "Down Down Enter". */
bool harness_keys(struct harness *h, const char *names);

/* ---- waiting --------------------------------------------------------- */

/* Returns true once text is anywhere on screen (or at row, for _at).
 * False on timeout, or as soon as the program's side of the terminal is
 * closed and the text is not there; either way the screen is dumped. */
bool harness_wait_text(struct harness *h, const char *text, int timeout_ms);
bool harness_wait_text_at(struct harness *h, int row, const char *text, int timeout_ms);

/* Returns true once the row reads exactly text (as harness_row_text gives
 * it: trailing spaces trimmed). */
bool harness_wait_row(struct harness *h, int row, const char *text, int timeout_ms);

/* Returns true once text is nowhere on screen. */
bool harness_wait_gone(struct harness *h, const char *text, int timeout_ms);

/* Returns true once done(h, arg) is true, checked after every chunk of
 * output; what names the condition in the failure message. */
bool harness_wait_until(struct harness *h, bool (*done)(struct harness *h, void *arg),
			void *arg, const char *what, int timeout_ms);

/* Returns true after quiet_ms without output (at once if the program has
 * closed its terminal), false if the output did not stop within the
 * default timeout. Prefer waiting for text: quiet is a guess. */
bool harness_wait_quiet(struct harness *h, int quiet_ms);

/* Waits for the program to end, reads the last of its output, and stores
 * its wait status (test it with WIFEXITED, WEXITSTATUS, WIFSIGNALED,
 * WTERMSIG) in *status if status is not NULL. False on timeout. */
bool harness_wait_exit(struct harness *h, int timeout_ms, int *status);

/* Reads whatever output is ready now, without waiting. The waits do this
 * themselves; call it before reading the screen outside a wait. */
void harness_pump(struct harness *h);

/* ---- reading the screen ---------------------------------------------- */

enum {
	HARNESS_COLOR_DEFAULT = -1,	/* no color set (SGR 39 / 49) */
	HARNESS_COLOR_RGB = -2,		/* a direct color: see fg_rgb, bg_rgb */
};

struct harness_cell {
	/* The cell's character and its combining marks, UTF-8: "ệ" written as
	 * e + U+0323 + U+0302 is one cell holding those three code points.
	 * " " for a blank cell, "" for the right half of a wide character. */
	char text[32];
	int width;		/* 1 or 2; 0 for the right half of a wide character */
	bool bold, italic, underline, blink, reverse, strike;
	int fg, bg;		/* palette index 0–255, or HARNESS_COLOR_* */
	uint32_t fg_rgb, bg_rgb;	/* 0xRRGGBB when fg/bg is HARNESS_COLOR_RGB */
};

void harness_size(const struct harness *h, int *rows, int *cols);

/* Fills *cell; false (and a blank cell) outside the screen. */
bool harness_cell(const struct harness *h, int row, int col, struct harness_cell *cell);

/* The row as UTF-8 (each wide character once, blank cells as spaces,
 * trailing spaces trimmed) in buf, cut at a character boundary to fit
 * size; returns buf. An out-of-range row gives "". */
char *harness_row_text(const struct harness *h, int row, char *buf, size_t size);

/* Finds text on screen, top to bottom, left to right (a match never spans
 * rows); *row and *col (either may be NULL) get the screen position of its
 * first cell. */
bool harness_find(const struct harness *h, const char *text, int *row, int *col);

void harness_cursor(const struct harness *h, int *row, int *col);
bool harness_cursor_visible(const struct harness *h);
bool harness_altscreen(const struct harness *h);	/* on the alternate screen now */
int harness_bells(const struct harness *h);		/* BEL characters seen */

/* Prints the screen with row numbers, the cursor, and the last bytes the
 * program wrote (escaped). */
void harness_dump(const struct harness *h, FILE *out);

/* ---- the terminal ----------------------------------------------------- */

/* Returns once the program sleeps waiting for input (in read, poll,
 * select…, as /proc/PID/syscall tells; where that file is not readable,
 * once /proc/PID/stat says it sleeps), reading its output meanwhile; false
 * if it ended or stayed busy past the timeout. Where /proc cannot tell,
 * returns true at once. Only the main thread is looked at.
 *
 * Why: a signal that lands while a program is between its last check of
 * "did a signal come?" and its next blocking read is only noticed after
 * the next key. ncurses has such a window (from the start of doupdate()
 * to the read() in wgetch()), and dash's read builtin another; a test
 * that resizes as soon as a redraw shows on screen hits it often. A
 * program asleep in read() is past the window: the signal interrupts the
 * read. */
bool harness_wait_idle(struct harness *h, int timeout_ms);
/* Whether a system call (its number, as /proc/PID/syscall gives it) is
 * one a program sleeps in while it waits for input. */
bool harness_is_input_wait(long syscall_nr);

/* Resizes the terminal as a person does: waits until the program is idle
 * (harness_wait_idle), then sets the new size on the terminal emulator and
 * on the pseudo-terminal, which sends the program SIGWINCH. Output already
 * written for the old size is read first. False if the program was not
 * idle (it is resized all the same) or the size could not be set. */
bool harness_resize(struct harness *h, int rows, int cols);

/* The same without waiting: for resizing a program that is busy on
 * purpose. */
bool harness_resize_now(struct harness *h, int rows, int cols);

/* Sends sig to the program, at once: to make sure a handler that only
 * sets a flag is seen, call harness_wait_idle first. */
bool harness_signal(struct harness *h, int sig);

/* Closes the terminal's master side, as a dropped SSH connection does: the
 * program, which leads the terminal's session, gets SIGHUP, and its reads
 * and writes on the terminal fail. The screen stays readable. */
void harness_close_pty(struct harness *h);

/* ---- what the program wrote -------------------------------------------- */

/* Every byte the program wrote to its terminal, in order. The pointer is
 * valid until the next call that reads output. */
const unsigned char *harness_raw(const struct harness *h, size_t *len);

/* A control function in the output that a curses program drawing with
 * TERM=xterm-256color has no reason to send: the sign that text from the
 * data reached the terminal unescaped. */
struct harness_escape {
	size_t offset;		/* of its first byte */
	size_t len;
	const char *what;	/* static text: "OSC (operating system command)", … */
};

enum harness_scan_flags {
	HARNESS_SCAN_ALLOW_BEL = 1 << 0,	/* BEL is fine (the program beeps) */
	HARNESS_SCAN_8BIT = 1 << 1,	/* not UTF-8: every byte 0x80–0x9f is C1 */
	HARNESS_SCAN_INVALID_UTF8 = 1 << 2,	/* also report malformed UTF-8 */
};

/* Scans bytes for foreign control functions; stores the first max of them
 * in out and returns how many there are in all.
 *
 * Allowed — what ncurses 6 emits from xterm-256color's terminfo:
 *   C0: BS, HT, LF, CR (and BEL with HARNESS_SCAN_ALLOW_BEL)
 *   ESC 7, ESC 8 (sc/rc), ESC M (ri), ESC E (nel), ESC D (ind),
 *   ESC = and ESC > (keypad), ESC ( B and ESC ( 0 (ASCII / line drawing)
 *   CSI with no intermediate bytes and these finals:
 *     m (SGR: any parameters, ':' included)
 *     A B C D E F G H d f (cursor movement), I Z (tabs forward/back)
 *     J K with 0, 1 or 2 (erase; not 3J, which wipes the scrollback)
 *     @ P X L M S T b (insert, delete, erase, scroll, repeat characters)
 *     r (scrolling region), h/l with 4 (insert mode)
 *     t with 22 or 23 (smcup/rmcup save and restore the title)
 *   CSI ? … h / l with private modes 1 (cursor keys), 5 (flash), 7 (wrap),
 *     12 and 25 (cursor blink/visibility), 1000 1002 1003 1006 (mouse),
 *     1034 (meta key), 1049 (alternate screen), and 2004 (bracketed
 *     paste: not in terminfo, but bienban sets it itself)
 *   OSC 104 with no parameter, ended by BEL or ST (xterm-256color's
 *     orig_colors, which ncurses may send to reset the palette)
 * Reported — everything else, notably:
 *   OSC (titles, OSC 52 clipboard, OSC 8 links), DCS, SOS, PM, APC, a lone ST
 *   C1 controls: a byte 0x80–0x9f outside a UTF-8 sequence, or U+0080–U+009F
 *     encoded in UTF-8 (xterm obeys both)
 *   other C0 controls (NUL, SO/SI, VT, FF, …), DEL, BEL
 *   CSI queries and window operations (6n, c, >c, t other than 22/23, …),
 *   other private modes, any CSI with an intermediate byte (" q, $p, …)
 *   ESC c (full reset), ESC # 8 (fill with E), other charset designations,
 *   truncated or malformed sequences. */
size_t harness_scan_escapes(const unsigned char *bytes, size_t len, unsigned flags,
			    struct harness_escape *out, size_t max);

/* Scans everything the program wrote (UTF-8, BEL reported) and prints each
 * finding with its offset and bytes to report (if not NULL). Returns the
 * number of findings. */
size_t harness_raw_foreign_escapes(const struct harness *h, FILE *report);

#endif
