#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Who and by when, as an introduction ("Giao Sở Tài chính:", "… cần
 * tập trung thực hiện trong quý II-2023.") tells it for a whole list. */
struct context {
	char *owner;
	char *due_on;
	char *due_text;
};

struct collector {
	const struct scan *sc;
	struct notice_resolution *r;
	size_t cap;
	/* taken[i]: byte base + i already belongs to a task. A map, not a
	 * search of the tasks so far: a long list stays linear. */
	unsigned char *taken;
	size_t base, len;
};

static void context_of(const struct scan *sc, size_t a, size_t b,
		       struct context *c)
{
	c->owner = owner_find(sc, a, b);
	due_find(sc, a, b, &c->due_on, &c->due_text);
}

static void context_free(struct context *c)
{
	free(c->owner);
	free(c->due_on);
	free(c->due_text);
	memset(c, 0, sizeof *c);
}

static char *dup_or_null(const char *s)
{
	return s ? ingest_strndup(s, strlen(s)) : NULL;
}

static bool overlaps(const struct collector *col, size_t a, size_t b)
{
	if (a < col->base || b > col->base + col->len)
		return true;
	return memchr(col->taken + (a - col->base), 1, b - a) != NULL;
}

static bool is_trailing(char c)
{
	return c == ';' || c == ',' || c == '.' || c == ':';
}

/* Adds the task written at [a, b), trimmed of spaces and of the
 * punctuation that joins it to the next one. Text already taken by an
 * earlier rule is not taken twice. */
static void add_task(struct collector *col, size_t a, size_t b,
		     const struct context *ctx)
{
	const struct scan *sc = col->sc;
	a = scan_skip_space(sc, a, b);
	b = scan_trim_back(sc, a, b);
	while (b > a && is_trailing(sc->s[b - 1]))
		b = scan_trim_back(sc, a, b - 1);
	if (b <= a || overlaps(col, a, b))
		return;
	memset(col->taken + (a - col->base), 1, b - a);
	struct notice_resolution *r = col->r;
	r->tasks = ingest_grow(r->tasks, &col->cap, r->ntasks + 1, sizeof *r->tasks);
	struct notice_task *t = &r->tasks[r->ntasks++];
	memset(t, 0, sizeof *t);
	t->text = ingest_strndup(sc->s + a, b - a);
	t->span_start = a;
	t->span_end = b;
	t->owner = owner_find(sc, a, b);
	due_find(sc, a, b, &t->due_on, &t->due_text);
	if (!t->owner && ctx)
		t->owner = dup_or_null(ctx->owner);
	if (!t->due_on && ctx) {
		t->due_on = dup_or_null(ctx->due_on);
		t->due_text = dup_or_null(ctx->due_text);
	}
}

/* ---- is a list a list of tasks? -------------------------------------- */

/* A list after "kết quả đạt được:" reports; after "nhiệm vụ, giải
 * pháp:" or "giao …" it assigns. Unclear introductions count as tasks:
 * inside a section, lists mostly assign work. */
static bool assigns_work(const struct scan *sc, size_t a, size_t b)
{
	static const char *const strong[] = { "giai phap", "giao", "yeu cau",
		"de nghi", "thoi gian toi", "phan cong", "can tap trung",
		"chi dao", "nhiem vu trong tam", "nhiem vu cu the", NULL };
	static const char *const report[] = { "ket qua", "dat duoc", "han che",
		"ton tai", "nhan dinh", "tinh hinh", "danh gia", "so lieu", NULL };
	if (a >= b || scan_has_any(sc, a, b, strong))
		return true;
	return !scan_has_any(sc, a, b, report);
}

/* ---- list markers ---------------------------------------------------- */

enum marker_style { M_PAREN, M_RPAREN, M_LETTER };

/* Length of the k-th marker of a style at p ("(3)", "3)", "c)"), 0 when
 * there is none. */
static size_t marker_at(const struct scan *sc, size_t p, size_t b,
			enum marker_style st, int k)
{
	const char *s = sc->s;
	int v;
	size_t q;
	switch (st) {
	case M_PAREN:
		if (p >= b || s[p] != '(')
			return 0;
		q = scan_number(sc, p + 1, b, &v);
		return q > p + 1 && v == k && q < b && s[q] == ')' ? q + 1 - p : 0;
	case M_RPAREN:
		q = scan_number(sc, p, b, &v);
		return q > p && v == k && q < b && s[q] == ')' ? q + 1 - p : 0;
	case M_LETTER:
		return k <= 26 && p + 1 < b && s[p] == 'a' + k - 1 &&
		       s[p + 1] == ')' ? 2 : 0;
	}
	return 0;
}

/* A marker inside running text starts the text or follows a space. */
static bool marker_may_start(const struct scan *sc, size_t seg, size_t p)
{
	return p == seg || scan_is_space(sc, p - 1);
}

/* ---- rule 1: "(1) …; (2) …" within a paragraph ----------------------- */

/* Every marker holds a bracket: "(" first, or ")" after at most three
 * digits or one letter. The search goes from bracket to bracket and
 * tries only the few places a marker around it could start, in order,
 * so the first marker found is the first one in the text. */
static size_t find_marker(const struct scan *sc, size_t a, size_t seg,
			  size_t b, enum marker_style st, int k, size_t *len)
{
	char bracket = st == M_PAREN ? '(' : ')';
	size_t before = st == M_PAREN ? 0 : st == M_RPAREN ? 3 : 1;
	for (size_t from = a; from < b;) {
		const char *hit = memchr(sc->s + from, bracket, b - from);
		if (!hit)
			return NPOS;
		size_t q = (size_t)(hit - sc->s);
		for (size_t p = q - a < before ? a : q - before; p <= q; p++)
			if ((*len = marker_at(sc, p, b, st, k)) && marker_may_start(sc, seg, p))
				return p;
		from = q + 1;
	}
	return NPOS;
}

/* The items of one inline list starting with its marker 1 at m1. */
static size_t inline_list(struct collector *col, size_t seg, size_t m1,
			  size_t b, enum marker_style st)
{
	const struct scan *sc = col->sc;
	size_t at[64], len[64], n = 0, l;
	at[0] = m1;
	len[0] = marker_at(sc, m1, b, st, 1);
	for (n = 1; n < 64; n++) {
		size_t from = at[n - 1] + len[n - 1];
		size_t p = find_marker(sc, from, seg, b, st, (int)n + 1, &l);
		if (p == NPOS)
			break;
		at[n] = p;
		len[n] = l;
	}
	/* No "(2)" after this "(1)": none after a later "(1)" either. */
	if (n < 2)
		return b;
	size_t last = scan_sentence_end(sc, at[n - 1] + len[n - 1], b);
	if (!assigns_work(sc, seg, m1))
		return last;
	struct context ctx;
	context_of(sc, seg, m1, &ctx);
	for (size_t i = 0; i < n; i++)
		add_task(col, at[i] + len[i], i + 1 < n ? at[i + 1] : last, &ctx);
	context_free(&ctx);
	return last;
}

static void inline_lists(struct collector *col, size_t a, size_t b)
{
	static const enum marker_style styles[] = { M_PAREN, M_RPAREN, M_LETTER };
	for (size_t k = 0; k < sizeof styles / sizeof styles[0]; k++) {
		size_t p = a, l;
		while ((p = find_marker(col->sc, p, a, b, styles[k], 1, &l)) != NPOS)
			p = inline_list(col, a, p, b, styles[k]);
	}
}

/* ---- rule 2: "13 nhóm nhiệm vụ, giải pháp …", items joined by ";" ---- */

static size_t skip_lead_in(const struct scan *sc, size_t a, size_t b)
{
	static const char *const leads[] = { "trong do", "cu the la", "cu the",
		"bao gom", "gom", "do la", NULL };
	size_t e;
	for (const char *const *l = leads; *l; l++)
		if (scan_at(sc, a, b, *l, &e)) {
			e = scan_skip_space(sc, e, b);
			if (e < b && (sc->s[e] == ',' || sc->s[e] == ':'))
				e++;
			return scan_skip_space(sc, e, b);
		}
	return a;
}

/* Splits [a, b) at semicolons outside quotes and parentheses. */
static void semicolon_items(struct collector *col, size_t a, size_t b,
			    const struct context *ctx)
{
	const char *s = col->sc->s;
	int depth = 0;
	size_t item = a;
	for (size_t p = a; p < b; p++) {
		if (s[p] == '(' || strncmp(s + p, "\xe2\x80\x9c", 3) == 0)
			depth++;
		else if (depth > 0 &&
			 (s[p] == ')' || strncmp(s + p, "\xe2\x80\x9d", 3) == 0))
			depth--;
		else if (s[p] == ';' && depth == 0) {
			add_task(col, item, p, ctx);
			item = p + 1;
		}
	}
	add_task(col, item, b, ctx);
}

static bool counted(const struct scan *sc, size_t a, size_t at)
{
	size_t p = scan_trim_back(sc, a, at);
	return p > a && sc->s[p - 1] >= '0' && sc->s[p - 1] <= '9';
}

/* Where the list announced at [at, e) starts: after a colon in the
 * same sentence ("… cơ bản về: Đổi mới …; triển khai …"), else with the
 * next sentence, past "Trong đó," and the like. */
static size_t group_start(const struct scan *sc, size_t at, size_t e,
			  size_t b, size_t *intro_end)
{
	const char *colon = memchr(sc->s + at, ':', (e < b ? e + 1 : b) - at);
	if (colon) {
		*intro_end = (size_t)(colon - sc->s);
		return scan_skip_space(sc, *intro_end + 1, b);
	}
	*intro_end = e;
	return skip_lead_in(sc, scan_skip_space(sc, e < b ? e + 1 : b, b), b);
}

static void group_lists(struct collector *col, size_t a, size_t b)
{
	const struct scan *sc = col->sc;
	for (size_t s = a; s < b;) {
		size_t e = scan_sentence_end(sc, s, b), x, intro_end;
		size_t at = scan_find(sc, s, e, "nhom nhiem vu", &x);
		if (at != NPOS && counted(sc, s, at)) {
			size_t list = group_start(sc, at, e, b, &intro_end);
			if (list < b && memchr(sc->s + list, ';', b - list)) {
				struct context ctx;
				context_of(sc, s, intro_end, &ctx);
				semicolon_items(col, list, b, &ctx);
				context_free(&ctx);
				return;
			}
		}
		s = scan_skip_space(sc, e < b ? e + 1 : b, b);
	}
}

/* ---- rule 3: items on lines of their own ----------------------------- */

static size_t line_marker(const struct scan *sc, const struct line *l)
{
	return scan_item_marker(sc, l->start, l->end);
}

/* A run of item lines [first, last) after the intro line `intro`. */
static void line_run(struct collector *col, size_t intro_a, size_t intro_b,
		     size_t first, size_t last)
{
	const struct scan *sc = col->sc;
	if (!assigns_work(sc, intro_a, intro_b))
		return;
	struct context outer, inner = { 0 };
	const struct context *ctx = &outer;
	context_of(sc, intro_a, intro_b, &outer);
	for (size_t i = first; i < last; i++) {
		const struct line *l = &sc->lines[i];
		size_t a = l->start + line_marker(sc, l);
		/* "a) Giao Sở Tư pháp:" heads the items below it. */
		if (sc->s[l->end - 1] == ':') {
			context_free(&inner);
			context_of(sc, a, l->end, &inner);
			if (!inner.owner)
				inner.owner = dup_or_null(outer.owner);
			if (!inner.due_on) {
				inner.due_on = dup_or_null(outer.due_on);
				inner.due_text = dup_or_null(outer.due_text);
			}
			ctx = &inner;
			continue;
		}
		add_task(col, a, l->end, ctx);
	}
	context_free(&inner);
	context_free(&outer);
}

static void line_lists(struct collector *col, const struct section *sec)
{
	const struct scan *sc = col->sc;
	size_t end = sec->line + sec->nlines;
	for (size_t i = sec->line + 1; i < end;) {
		if (!line_marker(sc, &sc->lines[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < end && line_marker(sc, &sc->lines[j]))
			j++;
		const struct line *in = &sc->lines[i - 1];
		line_run(col, in->start, in->end, i, j);
		i = j;
	}
}

/* ---- rule 4: sentences that assign work ------------------------------ */

static size_t after_lead(const struct scan *sc, size_t a, size_t e,
			 const char *const *leads)
{
	size_t x;
	for (const char *const *l = leads; *l; l++)
		if (scan_at(sc, a, e, *l, &x)) {
			x = scan_skip_space(sc, x, e);
			if (x < e && sc->s[x] == ',')
				x = scan_skip_space(sc, x + 1, e);
			size_t y;
			if (scan_at(sc, x, e, "can", &y) && scan_literal(sc, x, "cần"))
				x = scan_skip_space(sc, y, e);
			return x;
		}
	return NPOS;
}

/* A sentence opening with "Giao", "Yêu cầu" or "Đề nghị" — spelled so:
 * "Giáo dục …" folds like "Giao" but assigns nothing. */
static bool opens_with_assignment(const struct scan *sc, size_t s, size_t e)
{
	static const char *const verbs[] = { "Giao", "giao", "Yêu cầu",
		"yêu cầu", "Đề nghị", "đề nghị", NULL };
	for (const char *const *v = verbs; *v; v++) {
		size_t l = strlen(*v);
		if (e - s > l && scan_literal(sc, s, *v) && !scan_is_alnum(sc, s + l))
			return true;
	}
	return false;
}

/* "Thời gian tới …" opens a paragraph of things to do; "Giao …",
 * "Yêu cầu …", "Đề nghị …" and "Sở X chủ trì …" assign one each. */
static void sentences(struct collector *col, size_t a, size_t b)
{
	static const char *const ahead[] = { "trong thoi gian toi",
		"nhiem vu thoi gian toi", "thoi gian toi", NULL };
	const struct scan *sc = col->sc;
	bool following = false;
	for (size_t s = scan_skip_space(sc, a, b); s < b;) {
		size_t e = scan_sentence_end(sc, s, b);
		size_t next = scan_skip_space(sc, e < b ? e + 1 : b, b);
		/* "Giao Sở Tư pháp:" introduces the items below it; they are
		 * the tasks, and it is their context. */
		if (e < b && sc->s[e] == ':' && next >= b) {
			s = next;
			continue;
		}
		size_t lead = after_lead(sc, s, e, ahead);
		if (lead != NPOS)
			following = true;
		if (lead != NPOS && lead < e)
			add_task(col, lead, e, NULL);
		else if (following || opens_with_assignment(sc, s, e))
			add_task(col, s, e, NULL);
		else if (scan_is_upper(sc, s) &&
			 scan_find(sc, s, e, "chu tri", NULL) != NPOS) {
			/* "chủ trì" first: one look, where naming the owner
			 * takes several, and most sentences have none. */
			char *o = owner_find(sc, s, e);
			if (o)
				add_task(col, s, e, NULL);
			free(o);
		}
		s = next;
	}
}

/* ---- a section ------------------------------------------------------- */

static int by_position(const void *x, const void *y)
{
	const struct notice_task *a = x, *b = y;
	return (a->span_start > b->span_start) - (a->span_start < b->span_start);
}

void tasks_find(const struct scan *sc, const struct section *sec,
		struct notice_resolution *r)
{
	size_t end = sec->line + sec->nlines;
	struct collector col = { .sc = sc, .r = r,
				 .base = sc->lines[sec->line].start };
	col.len = sc->lines[end - 1].end - col.base;
	col.taken = calloc(col.len + 1, 1);
	if (!col.taken)
		abort();
	/* A heading may announce its list ("1. Xác định 9 nhóm nhiệm vụ,
	 * giải pháp: …; …"): lists are looked for in the whole line. */
	for (size_t i = sec->line; i < end; i++) {
		inline_lists(&col, sc->lines[i].start, sc->lines[i].end);
		group_lists(&col, sc->lines[i].start, sc->lines[i].end);
	}
	line_lists(&col, sec);
	for (size_t i = sec->line; i < end; i++) {
		const struct line *l = &sc->lines[i];
		if (i > sec->line && line_marker(sc, l))
			continue;
		sentences(&col, i == sec->line ? sec->body : l->start, l->end);
	}
	free(col.taken);
	if (r->ntasks > 1)
		qsort(r->tasks, r->ntasks, sizeof *r->tasks, by_position);
	for (size_t i = 0; i < r->ntasks; i++)
		r->tasks[i].seq = (int)i + 1;
}
