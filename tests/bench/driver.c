#include "config.h"

/* bench-run — measures the real bienban in a pseudo-terminal at 120×40.
 *
 * For each database: start to first complete screen; keypress to
 * finished redraw for j, PgDn, G, a pane switch and the view switches to
 * tasks and to documents, in the browse and the tasks views; the first
 * page of the documents view; search from typing a folded query to
 * its first page of results; the tasks view filtered to overdue by due
 * date; the bytes written for each; peak memory (wait4's rusage). Beside
 * it on the same file: the sqlite3 shell running the same first-page
 * queries as one process (the floor), and VisiData opening the file.
 * With --notices, the speed of `bienban import` into an empty database.
 * Every number is a median over repeated runs, with its spread. */

#include <dirent.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "compare.h"
#include "session.h"
#include "stats.h"
#include "store.h"

#define ROWS 40
#define COLS 120
#define MAX_DBS 4
#define MAX_MEASURES 48

struct config {
	const char *bin;
	const char *dbs[MAX_DBS];
	int ndbs;
	const char *notices;
	int starts;		/* runs of the start measurement */
	int presses;		/* presses of j (other keys: fewer) */
	int repeats;		/* runs of each search and filter */
	bool compare;		/* sqlite3 and VisiData beside bienban */
	bool quick;		/* the smoke run of make check */
	const char *markdown;
	char home[64];		/* a scratch $HOME for every program */
	char today[11];
};

struct measure {
	char name[64];
	struct samples ms, bytes, kib;
	struct samples settled_ms, settled_bytes;	/* see struct press */
	double target_median, target_p99;	/* ms; 0: none */
	double target_bytes;			/* median bytes; 0: none */
	double target_kib;
};

struct suite {
	const char *db;
	struct store_counts counts;
	long long file_bytes;
	struct measure m[MAX_MEASURES];
	size_t n;
};

static struct measure *measure(struct suite *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->m[i].name, name))
			return &s->m[i];
	if (s->n == MAX_MEASURES)
		abort();
	struct measure *m = &s->m[s->n++];
	snprintf(m->name, sizeof m->name, "%s", name);
	return m;
}

static void record(struct suite *s, const char *name, const struct press *p)
{
	struct measure *m = measure(s, name);
	samples_add(&m->ms, p->ms);
	samples_add(&m->bytes, (double)p->bytes);
	if (p->settled_ms > 0) {
		samples_add(&m->settled_ms, p->settled_ms);
		samples_add(&m->settled_bytes, (double)p->settled_bytes);
	}
}

static void targets(struct suite *s, const char *name, double median, double p99, double bytes)
{
	struct measure *m = measure(s, name);
	m->target_median = median;
	m->target_p99 = p99;
	m->target_bytes = bytes;
}

/* ---- bienban in the terminal ------------------------------------------------ */

static bool first_screen(struct harness *h, void *arg)
{
	(void)arg;
	int row;
	return harness_find(h, " quit", &row, NULL) && row == ROWS - 1 &&
	       harness_find(h, "Meetings", NULL, NULL);
}

static bool start_bienban(const struct config *c, const char *db, struct session *s,
			  struct press *first)
{
	/* Nothing here edits: the databases measured may be shared. */
	const char *argv[] = { c->bin, "--read-only", "--db", db, NULL };
	return session_start(s, argv, c->home, ROWS, COLS, first_screen, NULL, first);
}

/* One start, to the first complete screen, and quit. */
static void bench_start_once(const struct config *c, struct suite *su)
{
	struct session s;
	struct press first;
	struct rusage ru;
	if (!start_bienban(c, su->db, &s, &first))
		exit(1);
	record(su, "start → first screen", &first);
	/* The documents view reads its first page on the first switch only:
	 * each start gives one sample of it. */
	struct press docs;
	if (!session_key(&s, "3", &docs))
		exit(1);
	if (!harness_find(s.h, "[Documents", NULL, NULL)) {
		fprintf(stderr, "bench: 3 did not show the documents view\n");
		harness_dump(s.h, stderr);
		exit(1);
	}
	record(su, "first page · documents (3)", &docs);
	if (session_finish(&s, "q", &ru))
		samples_add(&measure(su, "peak memory: start, quit")->kib, (double)ru.ru_maxrss);
	targets(su, "start → first screen", 25, 0, 0);
	targets(su, "first page · documents (3)", 25, 0, 0);
	measure(su, "peak memory: start, quit")->target_kib = 24 * 1024;
}

/* Presses `key` n times (and `back`, if given, after each, timed under
 * its own name): a series of samples. */
static bool series(struct session *s, struct suite *su, const char *name, const char *key,
		   const char *back_name, const char *back, int n)
{
	for (int i = 0; i < n; i++) {
		struct press p;
		if (!session_key(s, key, &p))
			return false;
		record(su, name, &p);
		if (back) {
			if (!session_key(s, back, &p))
				return false;
			record(su, back_name, &p);
		}
	}
	return true;
}

static bool untimed(struct session *s, const char *keys);

/* PgDn presses between two returns to the top: 10 screens of 18 rows
 * stay inside the 1000 meetings of the small database. */
#define PAGE_BLOCK 10

static bool bench_lists(const struct config *c, struct session *s, struct suite *su,
			const char *view)
{
	char j[64], pg[64], big_g[64], small_g[64];
	snprintf(j, sizeof j, "j · %s", view);
	snprintf(pg, sizeof pg, "PgDn · %s", view);
	snprintf(big_g, sizeof big_g, "G · %s", view);
	snprintf(small_g, sizeof small_g, "g · %s", view);
	bool ok = series(s, su, j, "j", NULL, NULL, c->presses);
	/* Pages from the top, a block at a time, so that a small list is
	 * not left at its end where PgDn does nothing. */
	for (int done = 0; ok && done < c->presses / 2; done += PAGE_BLOCK)
		ok = untimed(s, "g") && series(s, su, pg, "PgDn", NULL, NULL, PAGE_BLOCK);
	ok = ok && series(s, su, big_g, "G", small_g, "g", c->presses / 4);
	targets(su, j, 2, 10, 300);
	targets(su, pg, 2, 10, 0);
	targets(su, big_g, 2, 10, 0);
	targets(su, small_g, 2, 10, 0);
	return ok;
}

/* j alone in a list the session does not page through (documents,
 * search results): the bytes of a move in every kind of list. */
static bool bench_j(const struct config *c, struct session *s, struct suite *su, const char *view)
{
	char j[64];
	snprintf(j, sizeof j, "j · %s", view);
	bool ok = series(s, su, j, "j", NULL, NULL, c->presses);
	targets(su, j, 2, 10, 300);
	return ok;
}

/* The results of a search, as a list to move in. */
static bool bench_hits_list(const struct config *c, struct session *s, struct suite *su,
			    const char *query)
{
	struct press p;
	if (!untimed(s, "/") || !session_type(s, query, &p) || !untimed(s, "Enter"))
		return false;
	return bench_j(c, s, su, "search results") && untimed(s, "1");
}

static bool bench_switches(const struct config *c, struct session *s, struct suite *su)
{
	bool ok = series(s, su, "pane switch (l, h) · browse", "l", "pane switch (l, h) · browse", "h",
			 c->presses / 4) &&
		  series(s, su, "view switch (2, 1)", "2", "view switch (2, 1)", "1", c->presses / 4) &&
		  series(s, su, "view switch (3, 1)", "3", "view switch (3, 1)", "1", c->presses / 4);
	targets(su, "pane switch (l, h) · browse", 2, 10, 0);
	targets(su, "view switch (2, 1)", 2, 10, 0);
	targets(su, "view switch (3, 1)", 2, 10, 0);
	return ok;
}

static bool untimed(struct session *s, const char *keys)
{
	struct press p;
	char copy[128], *save = NULL;
	snprintf(copy, sizeof copy, "%s", keys);
	for (char *k = strtok_r(copy, " ", &save); k; k = strtok_r(NULL, " ", &save))
		if (!session_key(s, k, &p))
			return false;
	return true;
}

static bool hits_shown(struct session *s)
{
	return session_row_has(s, 0, "[search]") && !harness_find(s->h, "(none)", NULL, NULL);
}

/* The query typed all at once (as a fast typist's keys arrive), timed
 * to the program asleep with the first page shown; then, once, one
 * character at a time. */
static bool bench_search(const struct config *c, struct session *s, struct suite *su,
			 const char *query)
{
	char name[64], each[64];
	snprintf(name, sizeof name, "search \"%s\"", query);
	snprintf(each, sizeof each, "search keystroke · \"%s\"", query);
	for (int r = 0; r < c->repeats; r++) {
		struct press p;
		if (!untimed(s, "/") || !session_type(s, query, &p))
			return false;
		record(su, name, &p);
		if (!hits_shown(s)) {
			fprintf(stderr, "bench: no results on screen for \"%s\"\n", query);
			harness_dump(s->h, stderr);
			return false;
		}
		if (!untimed(s, "Esc"))
			return false;
	}
	if (!untimed(s, "/"))
		return false;
	for (const char *q = query; *q; q++) {
		char one[2] = { *q, '\0' };
		struct press p;
		if (!session_type(s, one, &p))
			return false;
		record(su, each, &p);
	}
	targets(su, name, 30, 0, 0);
	targets(su, each, 30, 0, 0);
	return untimed(s, "Esc");
}

static bool bench_overdue(const struct config *c, struct session *s, struct suite *su)
{
	const char *name = "tasks: overdue, by due date";
	if (!untimed(s, "2"))
		return false;
	for (int r = 0; r < c->repeats; r++) {
		struct press p;
		if (!untimed(s, "f") || !session_type(s, "overdue", &p) || !session_key(s, "Enter", &p))
			return false;
		record(su, name, &p);
		if (!session_row_has(s, 0, "overdue")) {
			fprintf(stderr, "bench: the overdue filter did not apply\n");
			harness_dump(s->h, stderr);
			return false;
		}
		if (!untimed(s, "f C-u Enter"))
			return false;
	}
	targets(su, name, 30, 0, 0);
	return untimed(s, "1");
}

static void bench_session(const struct config *c, struct suite *su)
{
	static const char *const queries[] = { "nghi quyet", "dang uy", "so tai chinh" };
	struct session s;
	struct press first;
	if (!start_bienban(c, su->db, &s, &first))
		exit(1);
	bool ok = bench_lists(c, &s, su, "browse, meetings") && bench_switches(c, &s, su) &&
		  untimed(&s, "2") && bench_lists(c, &s, su, "tasks") && untimed(&s, "3") &&
		  bench_j(c, &s, su, "documents") && untimed(&s, "1");
	for (size_t i = 0; ok && i < sizeof queries / sizeof *queries; i++)
		ok = bench_search(c, &s, su, queries[i]);
	ok = ok && bench_hits_list(c, &s, su, queries[0]);
	ok = ok && bench_overdue(c, &s, su);
	struct rusage ru;
	if (!ok || !session_finish(&s, "q", &ru)) {
		fprintf(stderr, "bench: the session on %s failed\n", su->db);
		exit(1);
	}
	struct measure *m = measure(su, "peak memory: whole session");
	samples_add(&m->kib, (double)ru.ru_maxrss);
	m->target_kib = 24 * 1024;
}

/* ---- beside it ------------------------------------------------------------------- */

static void bench_floor_once(struct suite *su, const char *name, char *sql)
{
	const char *argv[] = { "sqlite3", "-readonly", su->db, sql, NULL };
	struct press p = { 0 };
	struct rusage ru;
	if (run_timed(argv, &p.ms, &ru) != 0)
		fprintf(stderr, "bench: sqlite3 failed on %s\n", su->db);
	else {
		record(su, name, &p);
		samples_add(&measure(su, name)->kib, (double)ru.ru_maxrss);
	}
	free(sql);
}

/* VisiData's first sheet lists the tables (names may be clipped). */
static bool visidata_index(struct harness *h, void *arg)
{
	(void)arg;
	return harness_find(h, "meeting", NULL, NULL) && harness_find(h, "counts", NULL, NULL);
}

static void bench_visidata(const struct config *c, struct suite *su)
{
	const char *argv[] = { "vd", su->db, NULL };
	for (int r = 0; r < (c->starts < 5 ? c->starts : 5); r++) {
		struct session s;
		struct press first;
		struct rusage ru;
		if (!session_start(&s, argv, c->home, ROWS, COLS, visidata_index, NULL, &first))
			return;
		record(su, "VisiData: open → first screen", &first);
		if (session_finish(&s, "g q", &ru))
			samples_add(&measure(su, "VisiData: open → first screen")->kib, (double)ru.ru_maxrss);
	}
}

/* ---- import ------------------------------------------------------------------------ */

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **notice_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	char **files = NULL;
	*n = 0;
	if (!d)
		return NULL;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt"))
			continue;
		files = realloc(files, (*n + 1) * sizeof *files);
		size_t size = strlen(dir) + len + 2;
		if (!files || !(files[*n] = malloc(size)))
			abort();
		snprintf(files[(*n)++], size, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(files, *n, sizeof *files, by_name);
	return files;
}

static void bench_import(const struct config *c, struct suite *su)
{
	size_t n;
	char **files = notice_files(c->notices, &n);
	if (!n) {
		fprintf(stderr, "bench: no .txt notices in %s\n", c->notices);
		return;
	}
	char db[128];
	snprintf(db, sizeof db, "%s/import.db", c->home);
	const char **argv = calloc(n + 5, sizeof *argv);
	argv[0] = c->bin, argv[1] = "--db", argv[2] = db, argv[3] = "import";
	memcpy(argv + 4, files, n * sizeof *files);
	struct measure *m = measure(su, "import: notices per second");
	for (int r = 0; r < 3; r++) {
		char wal[160], shm[160];
		snprintf(wal, sizeof wal, "%s-wal", db);
		snprintf(shm, sizeof shm, "%s-shm", db);
		unlink(db), unlink(wal), unlink(shm);
		double ms;
		struct rusage ru;
		if (run_timed(argv, &ms, &ru) != 0)
			fprintf(stderr, "bench: bienban import failed\n");
		samples_add(&m->ms, (double)n / (ms / 1000.0));
		samples_add(&m->kib, (double)ru.ru_maxrss);
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(argv);
}

/* ---- the report -------------------------------------------------------------------- */

static void describe(FILE *f, const struct suite *su)
{
	if (!su->file_bytes) {	/* the import run */
		const struct measure *m = &su->m[0];
		fprintf(f, "import of the notices in %s into an empty database: %.0f notices/s median"
			" (min %.0f, max %.0f, %zu runs), peak %.0f KiB (target ≥ 2000/s: %s)\n", su->db,
			samples_quantile(&m->ms, 0.5), samples_min(&m->ms), samples_max(&m->ms), m->ms.n,
			samples_max(&m->kib), samples_quantile(&m->ms, 0.5) >= 2000 ? "met" : "MISSED");
		return;
	}
	fprintf(f, "%s: %lld meetings, %lld resolutions, %lld documents, %lld action items, %.2f GB\n",
		su->db, su->counts.meetings, su->counts.resolutions, su->counts.documents,
		su->counts.tasks, (double)su->file_bytes / 1e9);
}

static const char *verdict(const struct measure *m)
{
	bool met = true, any = false;
	if (m->target_median > 0 && m->ms.n) {
		any = true;
		met = met && samples_quantile(&m->ms, 0.5) <= m->target_median;
	}
	if (m->target_p99 > 0 && m->ms.n) {
		any = true;
		met = met && samples_quantile(&m->ms, 0.99) <= m->target_p99;
	}
	if (m->target_bytes > 0 && m->bytes.n) {
		any = true;
		met = met && samples_quantile(&m->bytes, 0.5) <= m->target_bytes;
	}
	if (m->target_kib > 0 && m->kib.n) {
		any = true;
		met = met && samples_max(&m->kib) <= m->target_kib;
	}
	return !any ? "" : met ? "met" : "MISSED";
}

/* A table cell: the number, or "–" where there is none. */
static void cell(FILE *f, double x, int decimals)
{
	if (isnan(x))
		fprintf(f, "| – ");
	else
		fprintf(f, "| %.*f ", decimals, x);
}

static void print_suite(FILE *f, const struct suite *su)
{
	describe(f, su);
	if (!su->file_bytes)
		return;
	fprintf(f, "| measure | n | median ms | p99 ms | min ms | max ms | bytes (median) | settled: median ms | p99 ms | bytes | peak KiB | target | |\n"
		   "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
	for (size_t i = 0; i < su->n; i++) {
		const struct measure *m = &su->m[i];
		char target[64] = "";
		if (m->target_median > 0)
			snprintf(target, sizeof target, "≤ %g ms%s", m->target_median, m->target_p99 > 0 ? "," : "");
		if (m->target_p99 > 0)
			snprintf(target + strlen(target), sizeof target - strlen(target), " p99 ≤ %g ms", m->target_p99);
		if (m->target_bytes > 0)
			snprintf(target + strlen(target), sizeof target - strlen(target), ", ≤ %g B", m->target_bytes);
		if (m->target_kib > 0)
			snprintf(target, sizeof target, "≤ %g MiB", m->target_kib / 1024);
		const struct samples *v = &m->ms;
		size_t n = v->n ? v->n : m->kib.n;
		fprintf(f, "| %s | %zu ", m->name, n);
		cell(f, samples_quantile(v, 0.5), 2);
		cell(f, samples_quantile(v, 0.99), 2);
		cell(f, samples_min(v), 2);
		cell(f, samples_max(v), 2);
		cell(f, samples_quantile(&m->bytes, 0.5), 0);
		cell(f, samples_quantile(&m->settled_ms, 0.5), 2);
		cell(f, samples_quantile(&m->settled_ms, 0.99), 2);
		cell(f, samples_quantile(&m->settled_bytes, 0.5), 0);
		cell(f, samples_max(&m->kib), 0);
		fprintf(f, "| %s | %s |\n", target, verdict(m));
	}
}

static double median_of(const struct suite *su, const char *name)
{
	for (size_t i = 0; i < su->n; i++)
		if (!strcmp(su->m[i].name, name))
			return samples_quantile(&su->m[i].ms, 0.5);
	return NAN;
}

static void print_ratios(FILE *f, const struct suite *su)
{
	double start = median_of(su, "start → first screen");
	double floor_start = median_of(su, "sqlite3 floor: first screen's queries");
	double vd = median_of(su, "VisiData: open → first screen");
	double overdue = median_of(su, "tasks: overdue, by due date");
	double floor_overdue = median_of(su, "sqlite3 floor: overdue page's queries");
	fprintf(f, "\nratios on %s: first screen / sqlite3 floor = %.2f (target ≤ 3); "
		   "VisiData / bienban = %.1f; overdue page / sqlite3 floor = %.2f\n",
		su->db, start / floor_start, vd / start, overdue / floor_overdue);
}

/* Each measure on the last database against the same on the first. */
static void print_growth(FILE *f, const struct suite *a, const struct suite *b)
{
	fprintf(f, "\ngrowth: %s (%lld action items) against %s (%lld), medians (target ≤ 1.5×)\n",
		b->db, b->counts.tasks, a->db, a->counts.tasks);
	fprintf(f, "| measure | small ms | large ms | ratio | |\n|---|---:|---:|---:|---|\n");
	for (size_t i = 0; i < b->n; i++) {
		const struct measure *m = &b->m[i];
		double x = median_of(a, m->name), y = samples_quantile(&m->ms, 0.5);
		if (!m->ms.n || isnan(x) || !strncmp(m->name, "sqlite3", 7) || !strncmp(m->name, "VisiData", 8) ||
		    !strncmp(m->name, "import", 6))
			continue;
		fprintf(f, "| %s | %.2f | %.2f | %.2f | %s |\n", m->name, x, y, y / x,
			y / x <= 1.5 ? "met" : "MISSED");
	}
}

static void report(const struct config *c, struct suite *suites, int n)
{
	FILE *md = c->markdown ? fopen(c->markdown, "w") : NULL;
	for (int k = 0; k < 2; k++) {
		FILE *f = k ? md : stdout;
		if (!f)
			continue;
		for (int i = 0; i < n; i++) {
			fprintf(f, "\n");
			print_suite(f, &suites[i]);
			if (c->compare && suites[i].file_bytes)
				print_ratios(f, &suites[i]);
		}
		int dbs = n - (c->notices != NULL);
		if (dbs > 1)
			print_growth(f, &suites[0], &suites[dbs - 1]);
	}
	if (md)
		fclose(md);
}

/* ---- main ---------------------------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("usage: bench-run [--bin BIENBAN] [--db FILE]... [--notices DIR] [--starts N]\n"
	      "                 [--presses N] [--repeats N] [--no-compare] [--quick] [--markdown FILE]\n"
	      "Several --db (small first): also the growth from the first to the last.\n", f);
}

static int parse_options(int argc, char **argv, struct config *c)
{
	static const struct option longs[] = {
		{ "bin", required_argument, NULL, 'b' }, { "db", required_argument, NULL, 'd' },
		{ "notices", required_argument, NULL, 'N' }, { "starts", required_argument, NULL, 's' },
		{ "presses", required_argument, NULL, 'p' }, { "repeats", required_argument, NULL, 'r' },
		{ "no-compare", no_argument, NULL, 'n' }, { "quick", no_argument, NULL, 'q' },
		{ "markdown", required_argument, NULL, 'm' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	*c = (struct config){ .bin = "./bienban", .starts = 21, .presses = 300, .repeats = 11,
			      .compare = true };
	int ch;
	while ((ch = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		switch (ch) {
		case 'b': c->bin = optarg; break;
		case 'd': if (c->ndbs < MAX_DBS) c->dbs[c->ndbs++] = optarg; break;
		case 'N': c->notices = optarg; break;
		case 's': c->starts = atoi(optarg); break;
		case 'p': c->presses = atoi(optarg); break;
		case 'r': c->repeats = atoi(optarg); break;
		case 'n': c->compare = false; break;
		case 'q': c->quick = true; break;
		case 'm': c->markdown = optarg; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return 2;
		}
	}
	if (c->quick) {
		c->starts = 3, c->presses = 8, c->repeats = 2;
		c->compare = false;
	}
	if (optind != argc || (!c->ndbs && !c->notices) || c->starts < 1 || c->presses < 4 || c->repeats < 1) {
		usage(stderr);
		return 2;
	}
	return 0;
}

static void today_iso(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static bool describe_db(struct suite *su)
{
	struct bb_error err;
	struct store *s;
	struct stat sb;
	if (store_open(su->db, STORE_READ_ONLY, &s, NULL, &err) != BB_OK ||
	    store_counts(s, &su->counts, &err) != BB_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return false;
	}
	store_close(s);
	su->file_bytes = stat(su->db, &sb) == 0 ? (long long)sb.st_size : 0;
	return true;
}

/* The starts and the sqlite3 floor take turns between the databases,
 * so that a change in the machine's load falls on all of them alike
 * (the growth ratios compare them). */
static void run_interleaved(const struct config *c, struct suite *suites, int n)
{
	bool floor = c->compare && have_program("sqlite3");
	for (int r = 0; r < c->starts; r++)
		for (int i = 0; i < n; i++) {
			bench_start_once(c, &suites[i]);
			if (!floor)
				continue;
			bench_floor_once(&suites[i], "sqlite3 floor: first screen's queries", floor_first_screen_sql());
			bench_floor_once(&suites[i], "sqlite3 floor: overdue page's queries", floor_overdue_sql(c->today));
		}
}

static void run_suite(const struct config *c, struct suite *su)
{
	if (c->compare && have_program("vd"))
		bench_visidata(c, su);
	bench_session(c, su);
}

int main(int argc, char **argv)
{
	static struct config c;
	int rc = parse_options(argc, argv, &c);
	if (rc)
		return rc;
	snprintf(c.home, sizeof c.home, "/tmp/bench-run.XXXXXX");
	if (!mkdtemp(c.home)) {
		perror("bench: mkdtemp");
		return 1;
	}
	today_iso(c.today);
	static struct suite suites[MAX_DBS + 1];
	int n = 0;
	for (int i = 0; i < c.ndbs; i++, n++) {
		suites[n].db = c.dbs[i];
		if (!describe_db(&suites[n]))
			return 1;
	}
	fprintf(stderr, "bench: starts\n");
	run_interleaved(&c, suites, n);
	for (int i = 0; i < n; i++) {
		fprintf(stderr, "bench: measuring %s\n", c.dbs[i]);
		run_suite(&c, &suites[i]);
	}
	if (c.notices) {
		suites[n].db = c.notices;
		bench_import(&c, &suites[n++]);
	}
	report(&c, suites, n);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", c.home);
	return system(cmd) == 0 ? 0 : 1;
}
