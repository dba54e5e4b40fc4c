/* wrap_test.h — hard-wrapping a notice as a mailer, fold(1) or a PDF
 * viewer would, and comparing what two parses of it read.
 *
 * Used by test_ingest_wrapped.c; kept apart so that a program outside
 * the test suite (a run over generated notices) can do the same. Plain
 * C, no Criterion: the comparison says what differs, the caller asserts.
 */
#ifndef BIENBAN_WRAP_TEST_H
#define BIENBAN_WRAP_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

/* How a copy was wrapped. */
struct rewrap {
	size_t width;		/* at most this many columns a line */
	bool bytes;		/* columns are bytes (fold -s), else characters */
	bool crlf;		/* lines end in CR LF */
	size_t indent;		/* spaces before every continuation line */
};

static inline bool wrap_is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static inline void wrap_put(char **out, size_t *n, size_t *cap, const char *s,
			    size_t len)
{
	if (*n + len + 1 > *cap) {
		*cap = (*n + len + 1) * 2;
		*out = realloc(*out, *cap);
		if (!*out)
			abort();
	}
	memcpy(*out + *n, s, len);
	*n += len;
	(*out)[*n] = '\0';
}

/* One line of the original (no line end) wrapped as fold -s does it: a
 * character that would pass the width breaks the line after the last
 * space before it, which stays at the end of the broken line. A word
 * longer than the width is left whole. */
static inline void wrap_line(char **out, size_t *n, size_t *cap,
			     const char *s, size_t len, const struct rewrap *how)
{
	const char *eol = how->crlf ? "\r\n" : "\n";
	size_t start = 0, col = 0, space = (size_t)-1;
	for (size_t i = 0; i < len; i++) {
		if (!how->bytes && wrap_is_cont((unsigned char)s[i]))
			continue;
		if (col + 1 > how->width && space != (size_t)-1) {
			wrap_put(out, n, cap, s + start, space + 1 - start);
			wrap_put(out, n, cap, eol, strlen(eol));
			for (size_t k = 0; k < how->indent; k++)
				wrap_put(out, n, cap, " ", 1);
			start = space + 1;
			col = how->indent;
			for (size_t k = start; k < i; k++)
				col += how->bytes || !wrap_is_cont((unsigned char)s[k]);
			space = (size_t)-1;
		}
		if (s[i] == ' ')
			space = i;
		col++;
	}
	wrap_put(out, n, cap, s + start, len - start);
}

/* A copy of s[0..len) wrapped as `how` says; malloc'd, NUL-terminated,
 * its length in *out_len. CR LF line ends of s are read as LF. */
static inline char *rewrap_text(const char *s, size_t len,
				const struct rewrap *how, size_t *out_len)
{
	char *out = NULL;
	size_t n = 0, cap = 0;
	wrap_put(&out, &n, &cap, "", 0);
	for (size_t a = 0; a < len;) {
		const char *lf = memchr(s + a, '\n', len - a);
		size_t b = lf ? (size_t)(lf - s) : len, e = b;
		if (e > a && s[e - 1] == '\r')
			e--;
		wrap_line(&out, &n, &cap, s + a, e - a, how);
		if (lf)
			wrap_put(&out, &n, &cap, how->crlf ? "\r\n" : "\n", how->crlf ? 2 : 1);
		a = b + 1;
	}
	*out_len = n;
	return out;
}

/* s with every run of white space one space, trimmed; malloc'd. A
 * wrapped line break inside a text reads as a space. */
static inline char *wrap_collapsed(const char *s)
{
	size_t len = strlen(s), n = 0;
	char *d = malloc(len + 1);
	if (!d)
		abort();
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		bool blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
		if (blank) {
			space = n > 0;
			continue;
		}
		if (space)
			d[n++] = ' ';
		space = false;
		d[n++] = s[i];
	}
	d[n] = '\0';
	return d;
}

/* Whether two fields read the same but for white space; if not, a
 * line saying which and how goes to `why`. */
static inline bool wrap_same_str(const char *a, const char *b, const char *what,
				 char *why, size_t whylen)
{
	if (!a || !b) {
		if (a == b)
			return true;
		snprintf(why, whylen, "%s: \"%.80s\" vs \"%.80s\"", what,
			 a ? a : "(null)", b ? b : "(null)");
		return false;
	}
	char *ca = wrap_collapsed(a), *cb = wrap_collapsed(b);
	bool same = strcmp(ca, cb) == 0;
	if (!same) {
		size_t k = 0;
		while (ca[k] && ca[k] == cb[k])
			k++;
		k = k > 20 ? k - 20 : 0;
		while (k > 0 && wrap_is_cont((unsigned char)ca[k]))
			k--;
		snprintf(why, whylen, "%s: \"…%.100s\" vs \"…%.100s\"", what, ca + k,
			 strlen(cb) > k ? cb + k : "");
	}
	free(ca);
	free(cb);
	return same;
}

static inline bool wrap_same_count(size_t a, size_t b, const char *what,
				   char *why, size_t whylen)
{
	if (a != b)
		snprintf(why, whylen, "%s: %zu vs %zu", what, a, b);
	return a == b;
}

static inline bool wrap_same_task(const struct notice_task *a,
				  const struct notice_task *b, char *why,
				  size_t whylen)
{
	char what[64];
	snprintf(what, sizeof what, "task %d", a->seq);
	if (!wrap_same_str(a->text, b->text, what, why, whylen))
		return false;
	snprintf(what, sizeof what, "task %d owner", a->seq);
	if (!wrap_same_str(a->owner, b->owner, what, why, whylen))
		return false;
	snprintf(what, sizeof what, "task %d due", a->seq);
	return wrap_same_str(a->due_on, b->due_on, what, why, whylen) &&
	       wrap_same_str(a->due_text, b->due_text, what, why, whylen);
}

static inline bool wrap_same_resolution(const struct notice_resolution *a,
					const struct notice_resolution *b,
					char *why, size_t whylen)
{
	char what[64];
	snprintf(what, sizeof what, "section %d", a->seq);
	if (!wrap_same_count((size_t)a->seq, (size_t)b->seq, what, why, whylen) ||
	    !wrap_same_str(a->title, b->title, what, why, whylen) ||
	    !wrap_same_str(a->text, b->text, what, why, whylen))
		return false;
	snprintf(what, sizeof what, "documents of section %d", a->seq);
	if (!wrap_same_count(a->ndocuments, b->ndocuments, what, why, whylen))
		return false;
	for (size_t i = 0; i < a->ndocuments; i++)
		if (!wrap_same_count(a->documents[i], b->documents[i], what, why, whylen))
			return false;
	snprintf(what, sizeof what, "tasks of section %d", a->seq);
	if (!wrap_same_count(a->ntasks, b->ntasks, what, why, whylen)) {
		size_t k = 0;
		while (k < a->ntasks && k < b->ntasks &&
		       wrap_same_task(&a->tasks[k], &b->tasks[k], why, whylen))
			k++;
		/* The count, and the first task that differs. */
		char first[400] = "";
		if (k < a->ntasks && k < b->ntasks)
			wrap_same_task(&a->tasks[k], &b->tasks[k], first, sizeof first);
		else
			snprintf(first, sizeof first, "\"%.100s\"",
				 (k < a->ntasks ? &a->tasks[k] : &b->tasks[k])->text);
		snprintf(why, whylen, "%s: %zu vs %zu; first apart: %s", what,
			 a->ntasks, b->ntasks, first);
		return false;
	}
	for (size_t i = 0; i < a->ntasks; i++)
		if (!wrap_same_task(&a->tasks[i], &b->tasks[i], why, whylen))
			return false;
	return true;
}

static inline bool wrap_same_document(const struct notice_document *a,
				      const struct notice_document *b,
				      char *why, size_t whylen)
{
	return wrap_same_str(a->code, b->code, "document code", why, whylen) &&
	       wrap_same_str(a->kind, b->kind, "document kind", why, whylen) &&
	       wrap_same_str(a->issued_on, b->issued_on, "document date", why, whylen) &&
	       wrap_same_str(a->issuer, b->issuer, "document issuer", why, whylen) &&
	       wrap_same_str(a->title, b->title, "document title", why, whylen);
}

/* Whether b reads as a does: the meeting, every document, every section
 * and its tasks, field by field, white space aside. */
static inline bool wrap_same_notice(const struct notice *a,
				    const struct notice *b, char *why,
				    size_t whylen)
{
	if (!wrap_same_str(a->title, b->title, "title", why, whylen) ||
	    !wrap_same_str(a->body, b->body, "body", why, whylen) ||
	    !wrap_same_str(a->session, b->session, "session", why, whylen) ||
	    !wrap_same_str(a->held_on, b->held_on, "held_on", why, whylen) ||
	    !wrap_same_str(a->place, b->place, "place", why, whylen) ||
	    !wrap_same_str(a->chair, b->chair, "chair", why, whylen) ||
	    !wrap_same_str(a->summary, b->summary, "summary", why, whylen) ||
	    !wrap_same_count(a->ndocuments, b->ndocuments, "documents", why, whylen) ||
	    !wrap_same_count(a->nresolutions, b->nresolutions, "sections", why, whylen))
		return false;
	for (size_t i = 0; i < a->ndocuments; i++)
		if (!wrap_same_document(&a->documents[i], &b->documents[i], why, whylen))
			return false;
	for (size_t i = 0; i < a->nresolutions; i++)
		if (!wrap_same_resolution(&a->resolutions[i], &b->resolutions[i], why, whylen))
			return false;
	return true;
}

#endif
