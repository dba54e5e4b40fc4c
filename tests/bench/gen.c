#include "config.h"

/* bench-gen — writes a synthetic bienban database, or notice files, for
 * the benchmarks. Everything comes from the seed: the same seed and size
 * give the same records (only edit times differ). The database is written
 * through the store's own API (store_import_notice, store_task_set_many), in
 * bulk mode; a share of the meetings goes the way a real import does —
 * text made NFD, then read by ingest_notice — so that normalization and
 * the parser are part of what is measured. */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <uninorm.h>

#include "ingest.h"
#include "notice_gen.h"
#include "store.h"

struct options {
	struct gen_config gen;
	int nfd_percent;
	const char *as_of;	/* statuses are drawn as of this day */
	const char *notices_dir;
	long count;		/* notices to write */
	bool check;
	bool quiet;
	bool paragraphs_given;
	const char *out;
};

static void usage(FILE *f)
{
	fputs("usage: bench-gen [--size tiny|small|medium|large] [--meetings N] [--seed N]\n"
	      "                 [--nfd PERCENT] [--paragraphs N] [--as-of YYYY-MM-DD] [--check]\n"
	      "                 [--quiet] OUT.db\n"
	      "       bench-gen --notices DIR [--count N] [--seed N] [--paragraphs N] [--nfd PERCENT]\n"
	      "sizes: tiny 50 meetings, small 1k (10k action items), medium 10k (100k),\n"
	      "       large 100k (about 400k resolutions, 1M action items, 50k documents)\n", f);
}

static long size_meetings(const char *size)
{
	static const struct { const char *name; long meetings; } sizes[] = {
		{ "tiny", 50 }, { "small", 1000 }, { "medium", 10000 }, { "large", 100000 },
	};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		if (!strcmp(size, sizes[i].name))
			return sizes[i].meetings;
	return -1;
}

/* The shape behind the sizes: 3–5 sections of 2–3 tasks, so 4
 * resolutions and 10 action items a meeting; a document for every two. */
static void defaults(struct options *o)
{
	*o = (struct options){0};
	o->gen = (struct gen_config){
		.seed = 42, .meetings = 1000, .resolutions_min = 3, .resolutions_max = 5,
		.tasks_min = 2, .tasks_max = 3, .paragraphs = 2,
		.first_year = 2016, .last_year = 2026,
	};
	o->nfd_percent = 5;
	o->as_of = "2026-06-30";
	o->count = 2000;
}

/* The import benchmark's notices are the seed notice's size: about
 * 25 KB, five sections, some 45 tasks. (--paragraphs still sets the
 * prose.) */
static void seed_shape(struct options *o)
{
	o->gen.resolutions_min = o->gen.resolutions_max = 5;
	o->gen.tasks_min = 8;
	o->gen.tasks_max = 10;
	if (!o->paragraphs_given)
		o->gen.paragraphs = 11;
}

static bool parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return *s && !*end && !errno && *out >= 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longs[] = {
		{ "size", required_argument, NULL, 'S' }, { "meetings", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' }, { "nfd", required_argument, NULL, 'n' },
		{ "paragraphs", required_argument, NULL, 'p' }, { "as-of", required_argument, NULL, 'a' },
		{ "notices", required_argument, NULL, 'N' }, { "count", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'k' }, { "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	defaults(o);
	int c;
	long v;
	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		bool ok = true;
		switch (c) {
		case 'S': ok = (o->gen.meetings = size_meetings(optarg)) > 0; break;
		case 'm': ok = parse_long(optarg, &o->gen.meetings) && o->gen.meetings > 0; break;
		case 's': ok = parse_long(optarg, &v); o->gen.seed = (uint64_t)v; break;
		case 'n': ok = parse_long(optarg, &v) && v <= 100; o->nfd_percent = (int)v; break;
		case 'p': ok = parse_long(optarg, &v) && v <= 100; o->gen.paragraphs = (int)v;
			o->paragraphs_given = true; break;
		case 'a': o->as_of = optarg; break;
		case 'N': o->notices_dir = optarg; break;
		case 'c': ok = parse_long(optarg, &o->count) && o->count > 0; break;
		case 'k': o->check = true; break;
		case 'q': o->quiet = true; break;
		case 'h': usage(stdout); exit(0);
		default: ok = false; break;
		}
		if (!ok) {
			usage(stderr);
			return 2;
		}
	}
	o->gen.documents = o->gen.meetings / 2 > 20 ? o->gen.meetings / 2 : 20;
	if (o->notices_dir)
		seed_shape(o);
	if (o->notices_dir || o->check)
		return optind == argc ? 0 : (usage(stderr), 2);
	if (optind + 1 != argc) {
		usage(stderr);
		return 2;
	}
	o->out = argv[optind];
	return 0;
}

/* ---- a share in NFD, read back by the parser --------------------------- */

static char *to_nfd(const char *s, size_t len, size_t *out_len)
{
	char *nfd = (char *)u8_normalize(UNINORM_NFD, (const uint8_t *)s, len, NULL, out_len);
	if (!nfd)
		abort();
	return nfd;
}

static bool nfd_turn(const struct options *o, long i)
{
	return (long)((uint64_t)i * 2654435761u % 100) < o->nfd_percent;
}

/* Replaces n by what the parser reads from its text written in NFD. */
static enum bb_status reparse_nfd(const char *name, struct notice *n,
				  struct bb_error *err)
{
	size_t len;
	char *nfd = to_nfd(n->source_text, n->source_len, &len);
	struct notice parsed;
	enum bb_status st = ingest_notice(name, nfd, len, &parsed, err);
	free(nfd);
	if (st != BB_OK)
		return st;
	ingest_notice_free(n);
	*n = parsed;
	return BB_OK;
}

/* ---- the database ---------------------------------------------------------- */

struct progress {
	long meetings, resolutions, tasks, edits, parsed;
	long long next_task_id;
	struct timespec start;
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The statuses other than open, and the items waiting for each. */
static const char *const edited_statuses[] = { "doing", "done", "dropped" };
#define NSTATUSES (sizeof edited_statuses / sizeof *edited_statuses)

struct id_list {
	long long *v;
	size_t n, cap;
};

static void id_add(struct id_list *l, long long id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n++] = id;
}

/* Gives the items their statuses, as people closing tasks would have:
 * edits with history, through store_task_set_many, a statement per
 * status for a whole batch of meetings. Task ids run in import order in
 * a database this program made from nothing. */
static void plan_statuses(const struct options *o, const struct notice *n,
			  struct progress *p, struct id_list *pending)
{
	for (size_t r = 0; r < n->nresolutions; r++)
		for (size_t t = 0; t < n->resolutions[r].ntasks; t++) {
			long long id = p->next_task_id++;
			const char *status = gen_status(&o->gen, id, n->resolutions[r].tasks[t].due_on, o->as_of);
			for (size_t k = 0; k < NSTATUSES; k++)
				if (!strcmp(status, edited_statuses[k]))
					id_add(&pending[k], id);
		}
}

static enum bb_status set_statuses(struct store *s, struct id_list *pending,
				   struct progress *p, struct bb_error *err)
{
	enum bb_status st = BB_OK;
	for (size_t k = 0; k < NSTATUSES && st == BB_OK; k++) {
		size_t changed;
		st = store_task_set_many(s, pending[k].v, pending[k].n, STORE_FIELD_STATUS,
					 edited_statuses[k], "bench", &changed, err);
		p->edits += (long)changed;
		pending[k].n = 0;
	}
	return st;
}

static enum bb_status add_meeting(struct store *s, const struct options *o, long i,
				  struct progress *p, struct id_list *pending, struct bb_error *err)
{
	char name[64];
	snprintf(name, sizeof name, "bench-%llu/notice-%06ld.txt", (unsigned long long)o->gen.seed, i + 1);
	struct notice n;
	gen_notice(&o->gen, i, &n);
	enum bb_status st = BB_OK;
	if (nfd_turn(o, i)) {
		st = reparse_nfd(name, &n, err);
		p->parsed += st == BB_OK;
	}
	long long id = 0;
	if (st == BB_OK)
		st = store_import_notice(s, &n, name, &id, err);
	if (st == BB_OK) {
		p->meetings++;
		p->resolutions += (long)n.nresolutions;
		for (size_t r = 0; r < n.nresolutions; r++)
			p->tasks += (long)n.resolutions[r].ntasks;
		plan_statuses(o, &n, p, pending);
	}
	ingest_notice_free(&n);
	return st;
}

static void report(const struct options *o, const struct progress *p, bool done)
{
	if (o->quiet && !done)
		return;
	double t = seconds_since(&p->start);
	fprintf(stderr, "%s%ld/%ld meetings, %ld resolutions, %ld action items (%ld edits, %ld via the parser) in %.1f s, %.0f meetings/s%s",
		done ? "" : "\r", p->meetings, o->gen.meetings, p->resolutions, p->tasks, p->edits,
		p->parsed, t, t > 0 ? (double)p->meetings / t : 0.0, done ? "\n" : "");
}

/* Commits every so many meetings: the write-ahead log stays small and a
 * long run shows its progress. */
#define BULK_MEETINGS 2000

static int write_database(const struct options *o)
{
	struct stat sb;
	if (stat(o->out, &sb) == 0) {
		fprintf(stderr, "bench-gen: %s exists; remove it first\n", o->out);
		return 1;
	}
	struct bb_error err = { "" };
	struct store *s;
	if (store_open(o->out, STORE_CREATE, &s, NULL, &err) != BB_OK) {
		fprintf(stderr, "bench-gen: %s\n", err.msg);
		return 1;
	}
	struct progress p = { .next_task_id = 1 };
	struct id_list pending[NSTATUSES] = {{0}};
	clock_gettime(CLOCK_MONOTONIC, &p.start);
	enum bb_status st = store_bulk(s, true, &err);
	for (long i = 0; i < o->gen.meetings && st == BB_OK; i++) {
		st = add_meeting(s, o, i, &p, pending, &err);
		bool batch_end = (i + 1) % BULK_MEETINGS == 0 || i + 1 == o->gen.meetings;
		if (st == BB_OK && batch_end)
			st = set_statuses(s, pending, &p, &err);
		if (st == BB_OK && (i + 1) % BULK_MEETINGS == 0) {
			st = store_bulk(s, false, &err);
			if (st == BB_OK)
				st = store_bulk(s, true, &err);
			report(o, &p, false);
		}
	}
	if (st == BB_OK)
		st = store_bulk(s, false, &err);
	report(o, &p, true);
	struct store_counts counts;
	if (st == BB_OK && store_counts(s, &counts, &err) == BB_OK)
		printf("%s: %lld meetings, %lld resolutions, %lld documents, %lld action items\n",
		       o->out, counts.meetings, counts.resolutions, counts.documents, counts.tasks);
	store_close(s);
	for (size_t k = 0; k < NSTATUSES; k++)
		free(pending[k].v);
	if (st != BB_OK) {
		fprintf(stderr, "bench-gen: %s\n", err.msg);
		return 1;
	}
	return 0;
}

/* ---- notice files, for the import benchmark ----------------------------------- */

static int write_notices(const struct options *o)
{
	if (mkdir(o->notices_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench-gen: %s: %s\n", o->notices_dir, strerror(errno));
		return 1;
	}
	size_t total = 0;
	for (long i = 0; i < o->count; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/notice-%06ld.txt", o->notices_dir, i + 1);
		struct notice n;
		gen_notice(&o->gen, i, &n);
		size_t len = n.source_len;
		char *nfd = nfd_turn(o, i) ? to_nfd(n.source_text, n.source_len, &len) : NULL;
		FILE *f = fopen(path, "wb");
		bool ok = f && fwrite(nfd ? nfd : n.source_text, 1, len, f) == len;
		ok = f && fclose(f) == 0 && ok;
		free(nfd);
		ingest_notice_free(&n);
		if (!ok) {
			fprintf(stderr, "bench-gen: %s: %s\n", path, strerror(errno));
			return 1;
		}
		total += len;
	}
	printf("%s: %ld notices, %zu bytes each on average\n", o->notices_dir, o->count,
	       total / (size_t)o->count);
	return 0;
}

/* ---- --check: does the parser read what the generator meant? -------------------- */

/* Tasks compared and those whose owner the parser read as generated,
 * over every notice read back (the owner is the parser's most
 * vocabulary-bound field: this says how far it is from the generator). */
struct owner_tally {
	long tasks, agree;
};

static void tally_owners(const struct notice *want, const struct notice *got,
			 struct owner_tally *t)
{
	for (size_t r = 0; r < want->nresolutions && r < got->nresolutions; r++) {
		const struct notice_resolution *a = &want->resolutions[r], *b = &got->resolutions[r];
		for (size_t k = 0; k < a->ntasks && k < b->ntasks; k++) {
			const char *x = a->tasks[k].owner, *y = b->tasks[k].owner;
			t->tasks++;
			t->agree += !strcmp(x ? x : "", y ? y : "");
		}
	}
}

static int compare(const struct notice *want, const struct notice *got, long i)
{
	size_t tw = 0, tg = 0;
	for (size_t r = 0; r < want->nresolutions; r++)
		tw += want->resolutions[r].ntasks;
	for (size_t r = 0; r < got->nresolutions; r++)
		tg += got->resolutions[r].ntasks;
	bool same = want->nresolutions == got->nresolutions && tw == tg &&
		    want->ndocuments == got->ndocuments &&
		    !strcmp(want->held_on, got->held_on ? got->held_on : "");
	for (size_t r = 0; same && r < want->nresolutions; r++)
		for (size_t t = 0; same && t < want->resolutions[r].ntasks; t++) {
			const struct notice_task *a = &want->resolutions[r].tasks[t];
			const struct notice_task *b = &got->resolutions[r].tasks[t];
			same = !strcmp(a->text, b->text) &&
			       !strcmp(a->owner ? a->owner : "", b->owner ? b->owner : "") &&
			       !strcmp(a->due_on ? a->due_on : "", b->due_on ? b->due_on : "");
			if (!same)
				fprintf(stderr, "meeting %ld, task %zu.%zu:\n  want [%s] owner [%s] due [%s]\n  got  [%s] owner [%s] due [%s]\n",
					i, r + 1, t + 1, a->text, a->owner ? a->owner : "", a->due_on ? a->due_on : "",
					b->text, b->owner ? b->owner : "", b->due_on ? b->due_on : "");
		}
	if (!same)
		fprintf(stderr, "meeting %ld: %zu/%zu resolutions, %zu/%zu tasks, %zu/%zu documents, held %s/%s\n",
			i, want->nresolutions, got->nresolutions, tw, tg, want->ndocuments, got->ndocuments,
			want->held_on, got->held_on ? got->held_on : "-");
	return same ? 0 : 1;
}

static int check_parser(const struct options *o)
{
	long bad = 0;
	struct owner_tally owners = { 0, 0 };
	for (long i = 0; i < o->gen.meetings; i++) {
		struct notice want, got;
		struct bb_error err = { "" };
		gen_notice(&o->gen, i, &want);
		if (ingest_notice("generated", want.source_text, want.source_len, &got, &err) != BB_OK) {
			fprintf(stderr, "meeting %ld: %s\n", i, err.msg);
			bad++;
		} else {
			bad += compare(&want, &got, i);
			tally_owners(&want, &got, &owners);
			ingest_notice_free(&got);
		}
		ingest_notice_free(&want);
	}
	printf("%ld of %ld generated notices read back as generated\n", o->gen.meetings - bad, o->gen.meetings);
	printf("owners: %ld of %ld tasks as generated\n", owners.agree, owners.tasks);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct options o;
	int rc = parse_options(argc, argv, &o);
	if (rc)
		return rc;
	if (o.check)
		return check_parser(&o);
	return o.notices_dir ? write_notices(&o) : write_database(&o);
}
