/* error.h — one way to report failure.
 *
 * Functions that can fail return an enum bb_status and fill a caller-owned
 * struct bb_error with one line of text for a person. Only main() decides
 * to exit. The message never holds a newline and needs no freeing.
 */
#ifndef BIENBAN_ERROR_H
#define BIENBAN_ERROR_H

enum bb_status {
	BB_OK = 0,
	BB_ERROR,	/* anything else: the message says what */
	BB_USAGE,	/* the caller asked for something malformed */
	BB_NOT_FOUND,	/* no record with that id */
	BB_READ_ONLY,	/* a write was asked of a read-only database */
	BB_BUSY,	/* another process holds the lock past the timeout */
	BB_DUPLICATE,	/* already there: re-importing the same notice */
};

struct bb_error {
	char msg[512];
};

/* Formats the message (printf-style). A NULL e is allowed and ignored.
 * Returns status, so a failing path can `return bb_fail(e, BB_ERROR, …)`. */
enum bb_status bb_fail(struct bb_error *e, enum bb_status status,
		       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
