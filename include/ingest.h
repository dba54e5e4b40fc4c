/* ingest.h — reading notices and tables into plain C structures.
 *
 * Nothing here touches the database: a parser turns bytes into a
 * structure that a test can inspect, and the store writes it in one
 * transaction. All strings in the structures are NFC UTF-8, malloc'd, and
 * owned by the structure; NULL means "not given". Free with the matching
 * *_free function.
 */
#ifndef BIENBAN_INGEST_H
#define BIENBAN_INGEST_H

#include <stddef.h>

#include "error.h"

/* ---- notices (plain-text published results of a meeting) ------------- */

struct notice_document {
	char *code;		/* "27-NQ/TW" */
	char *kind;		/* "Nghị quyết", "Kế hoạch", "Kết luận", … */
	char *issued_on;	/* ISO date, or NULL */
	char *issuer;		/* "Tỉnh ủy", "Bộ Chính trị", or NULL */
	char *title;		/* what it is about, or NULL */
};

struct notice_task {
	int seq;		/* 1-based, in order of appearance */
	char *text;
	char *owner;		/* "Sở Tài chính", or NULL */
	char *due_on;		/* ISO date derived from due_text, or NULL */
	char *due_text;		/* "quý II-2023" as written, or NULL */
	size_t span_start;	/* bytes into notice.source_text */
	size_t span_end;
};

struct notice_resolution {
	int seq;		/* the section number ("3." → 3) */
	char *title;		/* the section's heading sentence */
	char *text;		/* the section's full text */
	size_t span_start;
	size_t span_end;
	size_t *documents;	/* indexes into notice.documents */
	size_t ndocuments;
	struct notice_task *tasks;
	size_t ntasks;
};

struct notice {
	char *title;		/* "Hội nghị lần thứ 12" */
	char *body;		/* "Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI" */
	char *session;		/* "12" */
	char *held_on;		/* ISO date */
	char *place;
	char *chair;		/* "Lê Đức Thọ" */
	char *summary;		/* the opening paragraph */
	char *source_text;	/* the whole text as stored: NFC, LF, no BOM */
	size_t source_len;
	struct notice_resolution *resolutions;
	size_t nresolutions;
	struct notice_document *documents;
	size_t ndocuments;
};

/* Parses a notice. `name` (a file name) is used in error messages, which
 * look like "NAME:LINE: reason". Accepts a UTF-8 BOM and CRLF or CR line
 * ends. Fails on text that is not UTF-8, is empty or binary, or has no
 * recognizable structure (no meeting, no numbered section). On failure
 * *out is left empty. */
enum bb_status ingest_notice(const char *name, const char *data, size_t len,
			     struct notice *out, struct bb_error *err);
void ingest_notice_free(struct notice *n);

/* ---- CSV (RFC 4180) -------------------------------------------------- */

/* A place in a table as an editor shows it: the line, and the column
 * counted in characters (not bytes) from 1. */
struct csv_pos {
	size_t line;
	size_t col;
};

/* Called once per record, header included. fields[i] are NUL-terminated
 * NFC strings owned by the reader (valid until the callback returns).
 * at[i] is where field i starts (its opening quote, if quoted) and
 * at[nfields] where the record ends, for messages that point into the
 * file; at[0].line is the line the record starts on. A status other than
 * BB_OK stops the reading and is returned. */
typedef enum bb_status (*ingest_csv_fn)(void *ctx, char **fields,
					 size_t nfields,
					 const struct csv_pos *at,
					 struct bb_error *err);

/* Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes
 * with "" for a quote and line breaks allowed inside quotes; CRLF, LF or
 * CR ends a record; a leading BOM is skipped. Errors (unterminated quote,
 * text after a closing quote, NUL, invalid UTF-8) read
 * "NAME:LINE:COLUMN: reason". */
enum bb_status ingest_csv(const char *name, const char *data, size_t len,
			  ingest_csv_fn fn, void *ctx, struct bb_error *err);

/* A row of an action-item table, after its header was matched. */
struct csv_task {
	size_t line;
	char *meeting;		/* meeting title (required) */
	char *resolution;	/* resolution title (required) */
	char *text;		/* required */
	char *owner;
	char *due_on;		/* ISO, derived from due_text */
	char *due_text;
	char *status;		/* open | doing | done | dropped (default open) */
	char *note;
};

struct csv_tasks {
	struct csv_task *rows;
	size_t count;
};

/* Reads an action-item table. The header names the columns, in any
 * order and case: meeting, resolution, text, owner, due, status (and
 * optionally note); meeting, resolution and text are required. A bad
 * status or date, an unknown or duplicate column, a missing required
 * column or value, or a ragged row is an error "NAME:LINE:COLUMN: reason"
 * pointing at the field (or where a missing one would be); rows whose
 * fields are all blank are skipped, and a header with no rows below it
 * gives an empty table. Values are trimmed;
 * a cell that starts with apostrophes and then = + - @ tab CR or LF (the
 * formula guard `export --format csv` writes) loses one apostrophe. */
enum bb_status ingest_tasks_csv(const char *name, const char *data,
				size_t len, struct csv_tasks *out,
				struct bb_error *err);
void ingest_tasks_csv_free(struct csv_tasks *t);

#endif
