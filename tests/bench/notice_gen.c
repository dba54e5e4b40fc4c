#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notice_gen.h"
#include "text.h"
#include "vocab.h"

/* ---- dates -------------------------------------------------------------- */

struct ymd {
	int y, m, d;
};

/* Days since 1970-01-01 and back (Howard Hinnant's civil algorithms):
 * deadlines are "meeting date + N days" without a calendar table. */
static long days_from_civil(struct ymd t)
{
	int y = t.y - (t.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct ymd civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct ymd t;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)(yoe + era * 400 + (t.m <= 2));
	return t;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static char *iso(struct ymd t)
{
	/* Dates here are built valid; the unsigned casts tell the compiler
	 * the fields fit their two digits. */
	char *s = malloc(16);
	if (!s)
		abort();
	snprintf(s, 16, "%04u-%02u-%02u", (unsigned)t.y % 10000, (unsigned)t.m % 100, (unsigned)t.d % 100);
	return s;
}

/* ---- small helpers ----------------------------------------------------------- */

static char *dupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *dupf(const char *fmt, ...)
{
	struct text_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	char small[512];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		text_buf_add(&b, small, (size_t)n);
	} else {
		char *big = malloc((size_t)n + 1);
		if (!big)
			abort();
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		text_buf_add(&b, big, (size_t)n);
		free(big);
	}
	text_buf_addz(&b, "");
	return text_buf_take(&b, NULL);
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		abort();
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* First letter up: the lists hold verbs in lower case, and every one
 * starts with an ASCII letter or with "đ". */
static void add_capitalized(struct text_buf *b, const char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z') {
		text_buf_addc(b, (char)(s[0] - 'a' + 'A'));
		text_buf_addz(b, s + 1);
	} else if (!strncmp(s, "\xc4\x91", 2)) {	/* đ → Đ */
		text_buf_addz(b, "\xc4\x90");
		text_buf_addz(b, s + 2);
	} else {
		text_buf_addz(b, s);
	}
}

static void add_lowercased(struct text_buf *b, const char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z') {
		text_buf_addc(b, (char)(s[0] - 'A' + 'a'));
		text_buf_addz(b, s + 1);
	} else {
		text_buf_addz(b, s);
	}
}

static struct rng rng_for(uint64_t seed, uint64_t salt, uint64_t i)
{
	struct rng r = { seed ^ (salt * 0x9e3779b97f4a7c15ULL) ^ (i * 0xd1b54a32d192ed03ULL) };
	rng_next(&r);
	return r;
}

/* ---- the document pool ----------------------------------------------------------- */

struct pool_doc {
	const struct doc_kind *kind;
	char code[48];
	struct ymd issued;
	const char *topic;
};

/* Document d of the pool: its kind, a code no other document has, the
 * day it was issued and what it is about. */
static void pool_doc(const struct gen_config *c, long d, struct pool_doc *out)
{
	struct rng r = rng_for(c->seed, 0xd0c, (uint64_t)d);
	long kinds = (long)vocab_ndoc_kinds;
	out->kind = &vocab_doc_kinds[d % kinds];
	int number = (int)(d / kinds) + 1;
	int year = rng_range(&r, c->first_year - 3, c->last_year);
	snprintf(out->code, sizeof out->code, out->kind->code_fmt, number, year);
	out->issued = (struct ymd){ year, rng_range(&r, 1, 12), rng_range(&r, 1, 28) };
	out->topic = vocab_pick(&r, &vocab_topics);
}

/* ---- one meeting ------------------------------------------------------------------- */

struct builder {
	const struct gen_config *c;
	struct rng r;
	struct text_buf src;
	struct notice *n;
	size_t doc_cap, res_cap;
	struct ymd held;
	bool party;		/* "ngày 9-11-2022" rather than "ngày 9/11/2022" */
};

static size_t at(const struct builder *b)
{
	return b->src.len;
}

/* The notice's index of pool document d, adding it on first use. */
static size_t notice_doc(struct builder *b, long d, struct pool_doc *pd)
{
	pool_doc(b->c, d, pd);
	struct notice *n = b->n;
	for (size_t i = 0; i < n->ndocuments; i++)
		if (!strcmp(n->documents[i].code, pd->code))
			return i;
	if (n->ndocuments == b->doc_cap) {
		b->doc_cap = b->doc_cap ? 2 * b->doc_cap : 4;
		n->documents = realloc(n->documents, b->doc_cap * sizeof *n->documents);
		if (!n->documents)
			abort();
	}
	struct notice_document *nd = &n->documents[n->ndocuments];
	nd->code = dupn(pd->code, strlen(pd->code));
	nd->kind = dupn(pd->kind->name, strlen(pd->kind->name));
	nd->issued_on = iso(pd->issued);
	nd->issuer = dupn(pd->kind->issuer, strlen(pd->kind->issuer));
	nd->title = dupn(pd->topic, strlen(pd->topic));
	return n->ndocuments++;
}

static void cite(struct builder *b, struct notice_resolution *r, long d)
{
	struct pool_doc pd;
	size_t k = notice_doc(b, d, &pd);
	for (size_t i = 0; i < r->ndocuments; i++)
		if (r->documents[i] == k)
			goto written;
	r->documents = realloc(r->documents, (r->ndocuments + 1) * sizeof *r->documents);
	if (!r->documents)
		abort();
	r->documents[r->ndocuments++] = k;
written:
	text_buf_printf(&b->src, "%s số %s ngày %d%c%d%c%d của %s về %s", pd.kind->name, pd.code,
			pd.issued.d, b->party ? '-' : '/', pd.issued.m, b->party ? '-' : '/',
			pd.issued.y, pd.kind->issuer, pd.topic);
}

static long pick_doc(struct builder *b)
{
	return (long)rng_skewed(&b->r, (size_t)b->c->documents);
}

static void person(struct builder *b, struct text_buf *out)
{
	text_buf_printf(out, "%s %s %s", vocab_pick(&b->r, &vocab_family_names),
			vocab_pick(&b->r, &vocab_middle_names), vocab_pick(&b->r, &vocab_given_names));
}

/* The headline, the date line, the opening paragraph and the chair. */
static void opening(struct builder *b)
{
	struct notice *n = b->n;
	struct rng *r = &b->r;
	const char *province = vocab_pick(r, &vocab_provinces);
	int kind = (int)rng_below(r, BODY_KINDS);
	int session = rng_range(r, 1, 30);
	b->party = kind == BODY_PARTY_PROVINCE || kind == BODY_PARTY_DISTRICT;
	switch (kind) {
	case BODY_PARTY_PROVINCE:
		n->body = dupf("Ban Chấp hành Đảng bộ tỉnh %s khóa %s", province, vocab_roman(rng_range(r, 10, 15)));
		n->title = dupf("Hội nghị lần thứ %d", session);
		break;
	case BODY_PARTY_DISTRICT:
		n->body = dupf("Ban Chấp hành Đảng bộ huyện %s khóa %s",
			       vocab_pick(r, &vocab_districts), vocab_roman(rng_range(r, 12, 18)));
		n->title = dupf("Hội nghị lần thứ %d", session);
		break;
	case BODY_PEOPLE_COMMITTEE:
		n->body = dupf("Ủy ban nhân dân tỉnh %s", province);
		n->title = dupf("Phiên họp thường kỳ tháng %d/%d", b->held.m, b->held.y);
		session = 0;
		break;
	default:
		n->body = dupf("Hội đồng nhân dân tỉnh %s khóa %s", province, vocab_roman(rng_range(r, 9, 11)));
		n->title = dupf("Kỳ họp thứ %d", session);
		break;
	}
	n->session = session ? dupf("%d", session) : NULL;
	n->held_on = iso(b->held);
	const char *place = vocab_pick(r, &vocab_places);
	n->place = dupn(place, strlen(place));

	text_buf_printf(&b->src, "Thông báo kết quả %s %s\n\n%02d/%02d/%d - %02d:%02d\n\n", n->title, n->body,
			b->held.d, b->held.m, b->held.y, rng_range(r, 7, 18), rng_range(r, 0, 59));
	size_t summary = at(b);
	const char *verb = kind == BODY_COUNCIL ? "tiến hành" : "tổ chức";
	struct text_buf what = {0};
	add_lowercased(&what, n->title);
	text_buf_printf(&b->src, "Ngày %d%c%d%c%d, %s %s %s tại %s để %s.", b->held.d, b->party ? '-' : '/',
			b->held.m, b->party ? '-' : '/', b->held.y, n->body, verb,
			kind == BODY_PEOPLE_COMMITTEE ? what.data : n->title, n->place,
			vocab_pick(r, &vocab_purposes));
	text_buf_free(&what);
	n->summary = dupn(b->src.data + summary, at(b) - summary);

	struct text_buf chair = {0};
	person(b, &chair);
	n->chair = text_buf_take(&chair, NULL);
	text_buf_printf(&b->src, "\n\nĐồng chí %s - %s phát biểu khai mạc hội nghị.\n\n", n->chair,
			vocab_pick(r, &vocab_positions));
}

/* A paragraph of assessment: what went well, what did not. */
static void prose(struct builder *b)
{
	struct rng *r = &b->r;
	text_buf_printf(&b->src, "%s %s. ", vocab_pick(r, &vocab_subjects), vocab_pick(r, &vocab_good));
	text_buf_printf(&b->src, "%s %s. ", vocab_pick(r, &vocab_subjects), vocab_pick(r, &vocab_good));
	text_buf_addz(&b->src, "Tuy nhiên, ");
	add_lowercased(&b->src, vocab_pick(r, &vocab_subjects));
	text_buf_printf(&b->src, " %s.\n\n", vocab_pick(r, &vocab_bad));
}

/* A deadline phrase, and what the parser makes of it. */
static void deadline(struct builder *b, struct notice_task *t)
{
	struct rng *r = &b->r;
	if (rng_percent(r, 15))
		return;
	struct ymd due = civil_from_days(days_from_civil(b->held) + rng_range(r, 10, 400));
	switch (rng_below(r, 3)) {
	case 0:
		t->due_text = dupf("trước ngày %d/%d/%d", due.d, due.m, due.y);
		text_buf_printf(&b->src, ", hoàn thành %s", t->due_text);
		break;
	case 1: {
		int q = (due.m - 1) / 3 + 1;
		due = (struct ymd){ due.y, q * 3, month_days(due.y, q * 3) };
		t->due_text = dupf("quý %s-%d", vocab_roman(q), due.y);
		text_buf_printf(&b->src, " trong %s", t->due_text);
		break;
	}
	default:
		due.d = month_days(due.y, due.m);
		t->due_text = dupf("tháng %d/%d", due.m, due.y);
		text_buf_printf(&b->src, " trong %s", t->due_text);
		break;
	}
	t->due_on = iso(due);
}

/* One task, as the list writes it: "Sở X chủ trì, phối hợp với Sở Y
 * rà soát …, hoàn thành trước ngày …". */
static void task(struct builder *b, struct notice_resolution *res, int seq)
{
	struct rng *r = &b->r;
	struct notice_task *t = &res->tasks[res->ntasks++];
	memset(t, 0, sizeof *t);
	t->seq = seq;
	t->span_start = at(b);
	if (rng_percent(r, 75)) {
		const char *owner = vocab_pick_skewed(r, &vocab_owners);
		t->owner = dupn(owner, strlen(owner));
		text_buf_printf(&b->src, "%s chủ trì, phối hợp với %s %s", owner,
				vocab_pick(r, &vocab_owners), vocab_pick(r, &vocab_verbs));
	} else {
		add_capitalized(&b->src, vocab_pick(r, &vocab_verbs));
	}
	text_buf_printf(&b->src, " %s%s", vocab_pick(r, &vocab_objects), vocab_pick(r, &vocab_qualifiers));
	deadline(b, t);
	t->span_end = at(b);
	t->text = dupn(b->src.data + t->span_start, t->span_end - t->span_start);
}

/* The task list of a section, inline "(1) …; (2) …." or one per line
 * "a) …;". */
static void task_list(struct builder *b, struct notice_resolution *res)
{
	struct rng *r = &b->r;
	int count = rng_range(r, b->c->tasks_min, b->c->tasks_max);
	res->tasks = calloc((size_t)count, sizeof *res->tasks);
	if (!res->tasks)
		abort();
	bool lines = rng_percent(r, 40);
	text_buf_addz(&b->src, lines ? "Các nhiệm vụ trọng tâm thời gian tới:\n" : "Nhiệm vụ, giải pháp: ");
	for (int i = 1; i <= count; i++) {
		if (lines)
			text_buf_printf(&b->src, "%c) ", 'a' + (i - 1) % 26);
		else
			text_buf_printf(&b->src, "(%d) ", i);
		task(b, res, i);
		text_buf_addz(&b->src, i < count ? (lines ? ";\n" : "; ") : ".\n\n");
	}
}

/* A section's heading: a document it deals with, or a period's report. */
static void heading(struct builder *b, struct notice_resolution *res)
{
	struct rng *r = &b->r;
	int q = (b->held.m - 1) / 3 + 1;
	switch (rng_below(r, 5)) {
	case 0:
		text_buf_addz(&b->src, "Đối với dự thảo Chương trình thực hiện ");
		cite(b, res, pick_doc(b));
		break;
	case 1:
		text_buf_addz(&b->src, "Về ");
		cite(b, res, pick_doc(b));
		break;
	case 2:
		text_buf_addz(&b->src, "Đối với Báo cáo sơ kết việc thực hiện ");
		cite(b, res, pick_doc(b));
		break;
	case 3:
		text_buf_printf(&b->src, "Về tình hình kinh tế - xã hội quý %s/%d", vocab_roman(q), b->held.y);
		break;
	default:
		text_buf_printf(&b->src, "Đối với Báo cáo kết quả thực hiện nhiệm vụ quý %s-%d và phương hướng, nhiệm vụ quý %s-%d",
				vocab_roman(q), b->held.y, vocab_roman(q % 4 + 1), b->held.y + (q == 4));
		break;
	}
}

static void section(struct builder *b, int seq)
{
	struct notice *n = b->n;
	struct notice_resolution *res = &n->resolutions[n->nresolutions++];
	memset(res, 0, sizeof *res);
	res->seq = seq;
	res->span_start = at(b);
	text_buf_printf(&b->src, "%d. ", seq);
	size_t title = at(b);
	heading(b, res);
	res->title = dupn(b->src.data + title, at(b) - title);
	text_buf_addz(&b->src, ", hội nghị thống nhất nhận định:\n\n");
	for (int p = 0; p < b->c->paragraphs; p++)
		prose(b);
	if (rng_percent(&b->r, 30)) {
		text_buf_addz(&b->src, "Kết quả trên góp phần thực hiện ");
		cite(b, res, pick_doc(b));
		text_buf_addz(&b->src, ".\n\n");
	}
	task_list(b, res);
	res->span_end = at(b) - 2;	/* without the blank line */
	res->text = dupn(b->src.data + title, res->span_end - title);
}

void gen_notice(const struct gen_config *c, long i, struct notice *n)
{
	memset(n, 0, sizeof *n);
	struct builder b = { .c = c, .r = rng_for(c->seed, 0x6d7467, (uint64_t)i), .n = n };
	long first = days_from_civil((struct ymd){ c->first_year, 1, 1 });
	long last = days_from_civil((struct ymd){ c->last_year, 10, 31 });
	b.held = civil_from_days(first + (long)rng_below(&b.r, (size_t)(last - first + 1)));
	opening(&b);
	int count = rng_range(&b.r, c->resolutions_min, c->resolutions_max);
	n->resolutions = calloc((size_t)count, sizeof *n->resolutions);
	if (!n->resolutions)
		abort();
	for (int k = 1; k <= count; k++)
		section(&b, k);
	text_buf_printf(&b.src, "Phát biểu bế mạc hội nghị, đồng chí %s đề nghị các cấp, các ngành tập trung thực hiện thắng lợi các nhiệm vụ đã đề ra.\n",
			n->chair);
	n->source_text = text_buf_take(&b.src, &n->source_len);
}

const char *gen_status(const struct gen_config *c, long long task_id,
		       const char *due_on, const char *as_of)
{
	struct rng r = rng_for(c->seed, 0x57a7, (uint64_t)task_id);
	int roll = (int)rng_below(&r, 100);
	bool past = due_on && strcmp(due_on, as_of) < 0;
	if (past)	/* 70 done, 6 dropped, 8 doing, 16 open */
		return roll < 70 ? "done" : roll < 76 ? "dropped" : roll < 84 ? "doing" : "open";
	return roll < 10 ? "done" : roll < 12 ? "dropped" : roll < 40 ? "doing" : "open";
}
