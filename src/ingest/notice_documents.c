#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The kinds of document a notice cites, as written and folded, with the
 * letters their codes carry ("27-NQ/TW" is a Nghị quyết). */
static const struct kind {
	const char *name;
	const char *folded;
	const char *letters;
} kinds[] = {
	{ "Nghị quyết", "nghi quyet", "NQ" },
	{ "Kết luận", "ket luan", "KL" },
	{ "Kế hoạch", "ke hoach", "KH" },
	{ "Chương trình", "chuong trinh", "CTr" },
	{ "Chỉ thị", "chi thi", "CT" },
	{ "Quyết định", "quyet dinh", "QĐ" },
	{ "Thông báo", "thong bao", "TB" },
	{ "Quy định", "quy dinh", "QĐi" },
	{ "Hướng dẫn", "huong dan", "HD" },
	{ "Công văn", "cong van", "CV" },
	{ "Thông tư", "thong tu", "TT" },
	{ "Nghị định", "nghi dinh", "NĐ" },
	{ "Tờ trình", "to trinh", "TTr" },
	{ "Báo cáo", "bao cao", "BC" },
	{ "Đề án", "de an", "ĐA" },
	{ "Quy chế", "quy che", "QC" },
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

/* ---- codes ----------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Đ and đ: the one non-ASCII letter of document codes ("QĐ-UBND"). */
static size_t d_stroke(const char *s, size_t p, size_t n)
{
	if (p + 1 < n && (unsigned char)s[p] == 0xC4 &&
	    ((unsigned char)s[p + 1] == 0x90 || (unsigned char)s[p + 1] == 0x91))
		return 2;
	return 0;
}

static size_t letter_len(const char *s, size_t p, size_t n, bool first)
{
	if (p >= n)
		return 0;
	if (is_upper_ascii(s[p]) || (!first && s[p] >= 'a' && s[p] <= 'z'))
		return 1;
	size_t d = d_stroke(s, p, n);
	return d && (!first || (unsigned char)s[p + 1] == 0x90) ? d : 0;
}

struct code {
	size_t start, end;
	size_t letters, letters_end;	/* the first run of letters */
};

/* A segment after "-" or "/": digits, or letters starting with a capital. */
static size_t segment(const char *s, size_t p, size_t n, bool *letters)
{
	size_t q = p;
	if (q < n && is_digit(s[q])) {
		while (q < n && is_digit(s[q]))
			q++;
		*letters = false;
		return q;
	}
	size_t l = letter_len(s, q, n, true);
	while (l) {
		q += l;
		l = letter_len(s, q, n, false);
	}
	*letters = true;
	return q;
}

/* "27-NQ/TW", "129-KH/TU", "05/2023/QĐ-UBND": digits, then segments
 * joined by "-" or "/", at least one "/" and one run of letters. */
static bool parse_code(const struct scan *sc, size_t p, struct code *c)
{
	const char *s = sc->s;
	size_t n = sc->n, q = p;
	while (q < n && is_digit(s[q]))
		q++;
	if (q == p || q - p > 6)
		return false;
	bool slash = false;
	c->letters = NPOS;
	while (q + 1 < n && (s[q] == '-' || s[q] == '/')) {
		bool letters;
		size_t e = segment(s, q + 1, n, &letters);
		if (e == q + 1)
			break;
		slash |= s[q] == '/';
		if (letters && c->letters == NPOS) {
			c->letters = q + 1;
			c->letters_end = e;
		}
		q = e;
	}
	if (!slash || c->letters == NPOS || scan_is_alnum(sc, q))
		return false;
	c->start = p;
	c->end = q;
	return true;
}

static bool code_can_start(const struct scan *sc, size_t p)
{
	if (!is_digit(sc->s[p]))
		return false;
	if (p == 0)
		return true;
	char b = sc->s[p - 1];
	if (b == '/' || b == '-' || b == '.')
		return false;
	size_t q = p - 1;
	while (q > 0 && ((unsigned char)sc->s[q] & 0xC0) == 0x80)
		q--;
	return !scan_is_alnum(sc, q);
}

/* ---- what surrounds a code ------------------------------------------- */

/* Start of the word that ends at b (skipping spaces before b). */
static size_t word_before(const struct scan *sc, size_t a, size_t b)
{
	b = scan_trim_back(sc, a, b);
	size_t w = b;
	while (w > a) {
		size_t p = w - 1;
		while (p > a && ((unsigned char)sc->s[p] & 0xC0) == 0x80)
			p--;
		if (!scan_is_alnum(sc, p))
			break;
		w = p;
	}
	return w;
}

/* The kind written before the code ("Nghị quyết số 27-NQ/TW"). */
static const struct kind *kind_written(const struct scan *sc, size_t line_start,
				       size_t code)
{
	size_t end = scan_trim_back(sc, line_start, code);
	size_t w = word_before(sc, line_start, end);
	size_t e;
	if (w < end && scan_at(sc, w, end, "so", &e) && e == end)
		end = scan_trim_back(sc, line_start, w);
	size_t two = word_before(sc, line_start, word_before(sc, line_start, end));
	for (size_t k = 0; k < NKINDS; k++)
		if (two < end && scan_at(sc, two, end, kinds[k].folded, &e) && e == end)
			return &kinds[k];
	return NULL;
}

static const struct kind *kind_from_letters(const struct scan *sc,
					    const struct code *c)
{
	size_t len = c->letters_end - c->letters;
	for (size_t k = 0; k < NKINDS; k++)
		if (strlen(kinds[k].letters) == len &&
		    memcmp(kinds[k].letters, sc->s + c->letters, len) == 0)
			return &kinds[k];
	return NULL;
}

/* A window of at most `max` bytes from a that ends between characters. */
static size_t window(const struct scan *sc, size_t a, size_t b, size_t max)
{
	if (b - a <= max)
		return b;
	b = a + max;
	while (b > a && ((unsigned char)sc->s[b] & 0xC0) == 0x80)
		b--;
	return b;
}

/* " ngày 9-11-2022" or " ngày 9 tháng 11 năm 2022" after a code: the
 * date it was issued. Returns where the citation goes on. */
static size_t issued(struct scan *sc, size_t p, size_t b, char iso[static 11])
{
	size_t a = scan_skip_space(sc, p, b);
	if (a < b && sc->s[a] == ',')
		a = scan_skip_space(sc, a + 1, b);
	struct text_date d;
	struct text_range r;
	if (!scan_at(sc, a, b, "ngay", NULL) ||
	    !text_date_find(sc->s + a, window(sc, a, b, 48) - a, &d, &r) || r.start != 0)
		return p;
	text_date_iso(&d, iso);
	sc->doc_dates = ingest_grow(sc->doc_dates, &sc->doc_dates_cap,
				    sc->ndoc_dates + 1,
		       sizeof *sc->doc_dates);
	sc->doc_dates[sc->ndoc_dates++] =
		(struct text_range){ .start = a, .end = a + r.end };
	return a + r.end;
}

static size_t issuer(const struct scan *sc, size_t p, size_t b, char **out)
{
	size_t a = scan_skip_space(sc, p, b), e;
	if (scan_at(sc, a, b, "cua", &e)) {
		a = scan_skip_space(sc, e, b);
	} else if (scan_at(sc, a, b, "hoi nghi lan thu", &e) &&
		   scan_word(sc, e, b, &e) != NPOS) {
		a = scan_skip_space(sc, e, b);
	} else {
		return p;
	}
	size_t end = scan_name_end(sc, a, b, 12);
	if (end == a)
		return p;
	if (!*out)
		*out = scan_copy(sc, a, end);
	return end;
}

static size_t closing_quote(const struct scan *sc, size_t a, size_t b)
{
	for (size_t q = a; q < b; q++)
		if (sc->s[q] == '"' || strncmp(sc->s + q, "\xe2\x80\x9d", 3) == 0)
			return q;
	return NPOS;
}

static bool opening_quote(const struct scan *sc, size_t a, size_t *len)
{
	if (sc->s[a] == '"')
		*len = 1;
	else if (strncmp(sc->s + a, "\xe2\x80\x9c", 3) == 0)
		*len = 3;
	else
		return false;
	return true;
}

/* " về việc “…”" or " về tiếp tục …;": what the document is about. */
static void title_after(const struct scan *sc, size_t p, size_t b, char **out)
{
	size_t a = scan_skip_space(sc, p, b), e, ql;
	if (a + 3 <= b && strncmp(sc->s + a, "\xe2\x80\x9d", 3) == 0)
		a = scan_skip_space(sc, a + 3, b);
	if (!scan_at(sc, a, b, "ve viec", &e) && !scan_at(sc, a, b, "ve", &e))
		return;
	a = scan_skip_space(sc, e, b);
	if (a >= b || *out)
		return;
	/* A title is a phrase, not a page: looking further than this would
	 * make a line full of citations quadratic. */
	b = window(sc, a, b, 1024);
	if (opening_quote(sc, a, &ql)) {
		size_t q = closing_quote(sc, a + ql, b);
		if (q != NPOS && q > a + ql)
			*out = scan_copy(sc, a + ql, q);
		return;
	}
	size_t end = scan_sentence_end(sc, a, b);
	end = scan_decision_tail(sc, a, end);
	for (size_t q = a; q < end; q++)
		if (sc->s[q] == ';' || sc->s[q] == ':' ||
		    strncmp(sc->s + q, "\xe2\x80\x9d", 3) == 0) {
			end = q;
			break;
		}
	end = scan_trim_back(sc, a, end);
	if (end > a)
		*out = scan_copy(sc, a, end);
}

/* ---- collecting ------------------------------------------------------ */

/* Codes seen so far, hashed: a long text may cite many documents, and
 * each citation looks its code up. */
struct doc_table {
	struct notice *n;
	size_t cap;		/* of n->documents */
	size_t *slots;		/* index + 1, 0 when empty */
	size_t nslots;		/* a power of two */
};

static size_t hash(const char *s, size_t len)
{
	size_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void rehash(struct doc_table *t)
{
	free(t->slots);
	t->nslots = t->nslots ? t->nslots * 2 : 64;
	t->slots = calloc(t->nslots, sizeof *t->slots);
	if (!t->slots)
		abort();
	for (size_t i = 0; i < t->n->ndocuments; i++) {
		const char *c = t->n->documents[i].code;
		size_t h = hash(c, strlen(c)) & (t->nslots - 1);
		while (t->slots[h])
			h = (h + 1) & (t->nslots - 1);
		t->slots[h] = i + 1;
	}
}

static size_t document_index(struct doc_table *t, const char *code, size_t len)
{
	struct notice *n = t->n;
	if ((n->ndocuments + 1) * 2 > t->nslots)
		rehash(t);
	size_t h = hash(code, len) & (t->nslots - 1);
	for (; t->slots[h]; h = (h + 1) & (t->nslots - 1)) {
		const char *c = n->documents[t->slots[h] - 1].code;
		if (strlen(c) == len && memcmp(c, code, len) == 0)
			return t->slots[h] - 1;
	}
	n->documents = ingest_grow(n->documents, &t->cap, n->ndocuments + 1,
				   sizeof *n->documents);
	struct notice_document *d = &n->documents[n->ndocuments];
	memset(d, 0, sizeof *d);
	d->code = ingest_strndup(code, len);
	t->slots[h] = n->ndocuments + 1;
	return n->ndocuments++;
}

/* One citation: fills what this mention tells and the document still
 * lacks (the first mention is usually the fullest, but not always). */
static size_t cite(struct scan *sc, struct doc_table *t, const struct code *c,
		   const struct line *l)
{
	size_t i = document_index(t, sc->s + c->start, c->end - c->start);
	struct notice_document *d = &t->n->documents[i];
	size_t ls = l->start, le = l->end;
	const struct kind *k = kind_written(sc, ls, c->start);
	if (!k)
		k = kind_from_letters(sc, c);
	if (!d->kind && k)
		d->kind = ingest_strndup(k->name, strlen(k->name));
	char iso[11];
	size_t p = issued(sc, c->end, le, iso);
	if (p != c->end && !d->issued_on)
		d->issued_on = ingest_strndup(iso, 10);
	p = issuer(sc, p, le, &d->issuer);
	title_after(sc, p, le, &d->title);
	sc->refs = ingest_grow(sc->refs, &sc->refs_cap, sc->nrefs + 1, sizeof *sc->refs);
	sc->refs[sc->nrefs++] = (struct doc_ref){ .at = c->start, .doc = i };
	return c->end;
}

void documents_find(struct scan *sc, struct notice *n)
{
	struct doc_table t = { .n = n };
	size_t li = 0;
	/* Codes open with a digit: only the digits need a look, from the
	 * end of the last citation on. */
	size_t from = 0;
	for (size_t k = 0; k < sc->ndigits; k++) {
		size_t p = sc->digits[k];
		struct code c;
		if (p < from)
			continue;
		while (li < sc->nlines && sc->lines[li].end <= p)
			li++;
		if (li < sc->nlines && p >= sc->lines[li].start &&
		    code_can_start(sc, p) && parse_code(sc, p, &c))
			from = cite(sc, &t, &c, &sc->lines[li]);
	}
	free(t.slots);
}

static void link_one(struct notice_resolution *res, size_t *cap, size_t doc)
{
	res->documents = ingest_grow(res->documents, cap, res->ndocuments + 1,
				     sizeof *res->documents);
	res->documents[res->ndocuments++] = doc;
}

/* Citations and resolutions both run left to right: one walk pairs
 * them. linked[d] remembers the last resolution given document d. */
void documents_link(const struct scan *sc, struct notice *n)
{
	size_t *linked = calloc(n->ndocuments + 1, sizeof *linked);
	size_t *caps = calloc(n->nresolutions + 1, sizeof *caps);
	if (!linked || !caps)
		abort();
	size_t r = 0;
	for (size_t i = 0; i < sc->nrefs && r < n->nresolutions; i++) {
		const struct doc_ref *ref = &sc->refs[i];
		while (r < n->nresolutions && ref->at >= n->resolutions[r].span_end)
			r++;
		if (r == n->nresolutions || ref->at < n->resolutions[r].span_start ||
		    linked[ref->doc] == r + 1)
			continue;
		linked[ref->doc] = r + 1;
		link_one(&n->resolutions[r], &caps[r], ref->doc);
	}
	free(caps);
	free(linked);
}
