/* internal.h — what the command-line files share. */
#ifndef BIENBAN_CLI_INTERNAL_H
#define BIENBAN_CLI_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include <unitypes.h>

#include "cli.h"
#include "text.h"

/* The bundled sample notice (generated from assets/sample-notice.txt). */
extern const char bb_sample_notice[];
extern const size_t bb_sample_notice_len;

/* Prints "bienban: message" to stderr. */
void cli_error(const char *msg);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints one sanitized line to stdout (file names and messages quote
 * untrusted text). */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* cli_open_db, telling whether the file was made just now. */
enum bb_status cli_open_db_created(const struct cli_env *env, bool create,
				   struct store **out, bool *was_created,
				   struct bb_error *err);
/* Deletes a database file and its -wal, -shm and -journal companions. */
void cli_remove_db(const char *path);

/* Maps a status to an exit code. */
int cli_exit_for(enum bb_status status);

/* ---- output formats (output.c) ---------------------------------------- */

enum cli_format {
	CLI_FORMAT_TABLE,
	CLI_FORMAT_TSV,
	CLI_FORMAT_JSON,
};

/* Parses "table", "tsv" or "json"; false for anything else. */
bool cli_format_parse(const char *s, enum cli_format *out);

enum cli_col_type {
	CLI_COL_INT,		/* digits; JSON number */
	CLI_COL_TEXT,		/* JSON string */
	CLI_COL_LIST,		/* "\n"-joined strings; JSON array of strings */
	CLI_COL_INT_LIST,	/* ","-joined ids; JSON array of numbers */
};

struct cli_column {
	const char *name;	/* also the JSON field name */
	enum cli_col_type type;
	int width;		/* table cells; 0 = not in the table */
	bool flex;		/* takes the table's spare width */
	bool right;		/* right-aligned in the table */
};

/* A streaming writer of rows in one format: memory per row, not per
 * table. Values are strings (NULL = absent). */
struct cli_out {
	FILE *f;
	enum cli_format format;
	const struct cli_column *cols;
	size_t ncols;
	bool ascii;
	int widths[16];
	size_t rows;
	bool started;		/* the heading is out */
	struct text_buf line, tmp;
};

void cli_out_begin(struct cli_out *o, FILE *f, enum cli_format format,
		   const struct cli_column *cols, size_t ncols, bool ascii);
void cli_out_row(struct cli_out *o, const char *const *values);
/* Ends the output. When the rows stopped on an error (`complete` false)
 * nothing more is written: no heading if no row came, and no closing
 * "]", so a JSON reader sees the output is cut rather than taking it
 * for the whole list. The exit status and the one line on stderr say
 * why. */
void cli_out_end(struct cli_out *o, bool complete);


/* Appends s as a JSON string literal; every control character and every
 * C1, bidi and zero-width format character is escaped, so the output is
 * inert on a terminal. NULL becomes null. */
void cli_json_string(struct text_buf *out, const char *s);

/* Appends s for a terminal cell: sanitized, one line, and transliterated
 * to ASCII when `ascii`. */
void cli_display(struct text_buf *out, const char *s, bool ascii);

#endif
