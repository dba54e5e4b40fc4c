/* notice_gen.h — synthetic meeting notices for the benchmarks.
 *
 * Meeting number i of a configuration is a function of (seed, i) alone,
 * so any meeting can be made again without the ones before it. Each is
 * made twice over, in one pass: the notice text as a provincial office
 * would publish it (headline, date, opening paragraph, numbered sections
 * citing documents, numbered task lists with owners and deadlines), and
 * the struct notice that ingest_notice would read from that text, with
 * every byte span pointing into it.
 */
#ifndef BIENBAN_BENCH_NOTICE_GEN_H
#define BIENBAN_BENCH_NOTICE_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "ingest.h"

struct gen_config {
	uint64_t seed;
	long meetings;
	long documents;			/* size of the pool resolutions cite */
	int resolutions_min, resolutions_max;	/* per meeting */
	int tasks_min, tasks_max;		/* per resolution */
	int paragraphs;			/* of prose per section: the size */
	/* Meetings are held over these years; deadlines run up to a year
	 * past the meeting, so some lie ahead of any "today". */
	int first_year, last_year;
};

/* Makes meeting i's notice (all strings malloc'd and NFC, as the parser
 * leaves them; free with ingest_notice_free). */
void gen_notice(const struct gen_config *c, long i, struct notice *n);

/* The status an item of meeting i gets, from its due date as of
 * `as_of` (ISO): past deadlines are mostly done, future ones mostly open.
 * Deterministic in (seed, task id). */
const char *gen_status(const struct gen_config *c, long long task_id,
		       const char *due_on, const char *as_of);

#endif
