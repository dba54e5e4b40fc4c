/* session.h — a program in a pseudo-terminal, timed key by key.
 *
 * Built on the screen tests' harness. "Finished" means what a person
 * waits for: the program has written its redraw and sleeps again,
 * waiting for input. It is read from /proc: the program's voluntary
 * context switches have grown since the key was sent (it woke and slept
 * again) and it now sleeps in a call that waits for input. The time
 * taken is from just before the key is written to the last byte the
 * program wrote for it (or to the moment it was seen asleep again, when
 * it wrote nothing). The loop that watches polls every few tens of
 * microseconds; that is its resolution. Each press is then followed to
 * "settled" (see struct press) before the next one is sent, so that
 * work a program defers is measured, not skipped.
 */
#ifndef BIENBAN_BENCH_SESSION_H
#define BIENBAN_BENCH_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "harness.h"

struct session {
	struct harness *h;
	pid_t pid;
	int rows, cols;
	int timeout_ms;
};

struct press {
	double ms;		/* key written → redraw finished */
	size_t bytes;		/* written to the terminal meanwhile */
	/* A program may put work off until the keys pause (it then sleeps
	 * in poll with a short timeout). Settled: that done too, the
	 * program waiting for input with a long timeout or none. */
	double settled_ms;
	size_t settled_bytes;
};

/* Starts argv in a rows×cols terminal (LANG=C.UTF-8, TERM=xterm-256color,
 * HOME in a scratch folder) and waits until ready(h, arg) holds and the
 * program sleeps. *first gets the time from just before the fork to the
 * last byte of that screen, and the bytes it took. False (with the
 * screen on stderr) on timeout. */
bool session_start(struct session *s, const char *const argv[], const char *home,
		   int rows, int cols, bool (*ready)(struct harness *h, void *arg),
		   void *arg, struct press *first);

/* Sends one key by harness name ("j", "PgDn", "Enter") and times it. */
bool session_key(struct session *s, const char *key, struct press *out);

/* Sends text as typed, all at once, and times until all of it is
 * handled. */
bool session_type(struct session *s, const char *text, struct press *out);

/* Waits (untimed) until the program has settled (struct press). */
bool session_settle(struct session *s);

/* Sends quit_keys (NULL: none), waits for the end and fills *ru with
 * the program's resource usage (ru_maxrss: peak memory, KiB). The
 * session is freed either way. */
bool session_finish(struct session *s, const char *quit_keys, struct rusage *ru);

/* Whether row `row` (negative: from the bottom, -1 the last) holds text. */
bool session_row_has(const struct session *s, int row, const char *text);

#endif
