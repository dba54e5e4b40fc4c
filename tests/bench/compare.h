/* compare.h — the other programs the benchmark measures bienban beside:
 * the sqlite3 shell running the same first-page queries as one process
 * (the floor: no program that shows those rows can start faster), and
 * VisiData opening the same file. */
#ifndef BIENBAN_BENCH_COMPARE_H
#define BIENBAN_BENCH_COMPARE_H

#include <stdbool.h>
#include <sys/resource.h>

/* Runs argv to its end, its output thrown away, timed from fork to
 * reaping. Returns its exit status (-1 when it could not run). */
int run_timed(const char *const argv[], double *ms, struct rusage *ru);

/* Whether a program can be found in PATH. */
bool have_program(const char *name);

/* The SQL of bienban's first screen at 120×40 (totals, a page of
 * meetings, the newest meeting's resolutions, its first resolution's
 * items, the reader's meeting), and of the tasks view filtered to
 * overdue (as of `today`) by due date; malloc'd. */
char *floor_first_screen_sql(void);
char *floor_overdue_sql(const char *today);

#endif
