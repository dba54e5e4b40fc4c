/* fuzz_csv.c — libFuzzer target for the CSV reader and the action-item
 * tables.
 *
 * Any bytes go through ingest_csv (every field handed to the callback
 * must be valid UTF-8, every record's line must not go back) and through
 * ingest_tasks_csv (rows hold required values, known statuses, ISO
 * dates). Errors must name the file and a line.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                    \
			abort();                                           \
		}                                                          \
	} while (0)

struct seen {
	size_t last_line;
	size_t records;
};

static enum bb_status on_record(void *ctx, char **fields, size_t nfields,
				const struct csv_pos *at, struct bb_error *err)
{
	struct seen *s = ctx;
	(void)err;
	CHECK(nfields >= 1);
	CHECK(at[0].line > s->last_line);
	s->last_line = at[0].line;
	/* Fields start in order, each after the one before, the end last. */
	for (size_t i = 0; i < nfields; i++)
		CHECK(at[i].col >= 1 && (at[i + 1].line > at[i].line ||
		      (at[i + 1].line == at[i].line && at[i + 1].col > at[i].col) ||
		      (i + 1 == nfields && at[i + 1].line == at[i].line &&
		       at[i + 1].col == at[i].col)));
	s->records++;
	for (size_t i = 0; i < nfields; i++)
		CHECK(text_is_valid_utf8(fields[i], strlen(fields[i])));
	return BB_OK;
}

/* "fuzz.csv:LINE:COLUMN: reason", both numbers from 1. */
static void check_error(const struct bb_error *err)
{
	CHECK(strncmp(err->msg, "fuzz.csv:", 9) == 0);
	char *end;
	unsigned long line = strtoul(err->msg + 9, &end, 10);
	CHECK(line >= 1 && *end == ':');
	unsigned long col = strtoul(end + 1, &end, 10);
	CHECK(col >= 1 && end[0] == ':' && end[1] == ' ');
	CHECK(strchr(err->msg, '\n') == NULL);
}

static void check_opt(const char *s)
{
	if (s)
		CHECK(*s && text_is_valid_utf8(s, strlen(s)));
}

static void check_row(const struct csv_task *r)
{
	CHECK(r->line >= 2);
	CHECK(r->meeting && r->resolution && r->text);
	check_opt(r->meeting);
	check_opt(r->resolution);
	check_opt(r->text);
	check_opt(r->owner);
	check_opt(r->due_text);
	check_opt(r->note);
	CHECK(!r->due_on || (r->due_text && strlen(r->due_on) == 10));
	CHECK(r->status && (!strcmp(r->status, "open") || !strcmp(r->status, "doing") ||
			    !strcmp(r->status, "done") || !strcmp(r->status, "dropped")));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct seen seen = { 0 };
	struct bb_error err = { .msg = "" };
	if (ingest_csv("fuzz.csv", s, size, on_record, &seen, &err) != BB_OK)
		check_error(&err);

	struct csv_tasks t;
	if (ingest_tasks_csv("fuzz.csv", s, size, &t, &err) == BB_OK) {
		for (size_t i = 0; i < t.count; i++)
			check_row(&t.rows[i]);
	} else {
		check_error(&err);
		CHECK(t.rows == NULL && t.count == 0);
	}
	ingest_tasks_csv_free(&t);
	return 0;
}
