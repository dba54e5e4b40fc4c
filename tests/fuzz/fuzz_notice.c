/* fuzz_notice.c — libFuzzer target for the notice parser.
 *
 * Any bytes: the parser either refuses them with a one-line message and
 * an empty notice, or returns a notice whose every promise holds — valid
 * UTF-8 strings, spans inside the source that equal the stored texts,
 * document indexes in range. Memory errors and leaks are the sanitizers'.
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

static void check_string(const char *s)
{
	if (s) {
		CHECK(text_is_valid_utf8(s, strlen(s)));
		CHECK(*s != '\0');
	}
}

static void check_span(const struct notice *n, size_t a, size_t b,
		       const char *text)
{
	CHECK(a <= b && b <= n->source_len);
	CHECK(strlen(text) == b - a);
	CHECK(memcmp(n->source_text + a, text, b - a) == 0);
}

static void check_resolution(const struct notice *n,
			     const struct notice_resolution *r)
{
	check_string(r->title);
	CHECK(r->title != NULL);
	check_string(r->text);
	check_span(n, r->span_start, r->span_end, r->text);
	for (size_t k = 0; k < r->ndocuments; k++)
		CHECK(r->documents[k] < n->ndocuments);
	for (size_t k = 0; k < r->ntasks; k++) {
		const struct notice_task *t = &r->tasks[k];
		CHECK(t->seq == (int)k + 1);
		check_string(t->text);
		check_string(t->owner);
		check_string(t->due_on);
		check_string(t->due_text);
		CHECK((t->due_on == NULL) == (t->due_text == NULL));
		CHECK(!t->due_on || strlen(t->due_on) == 10);
		check_span(n, t->span_start, t->span_end, t->text);
		CHECK(t->span_start >= r->span_start && t->span_end <= r->span_end);
	}
}

static void check_notice(const struct notice *n)
{
	CHECK(n->source_text && text_is_valid_utf8(n->source_text, n->source_len));
	CHECK(strlen(n->source_text) == n->source_len);
	CHECK(memchr(n->source_text, '\r', n->source_len) == NULL);
	CHECK(n->title != NULL && n->nresolutions > 0);
	const char *fields[] = { n->title, n->body, n->session, n->held_on,
				 n->place, n->chair, n->summary };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		check_string(fields[i]);
	for (size_t i = 0; i < n->ndocuments; i++) {
		const struct notice_document *d = &n->documents[i];
		CHECK(d->code != NULL);
		check_string(d->code);
		check_string(d->kind);
		check_string(d->issued_on);
		check_string(d->issuer);
		check_string(d->title);
	}
	for (size_t i = 0; i < n->nresolutions; i++)
		check_resolution(n, &n->resolutions[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct notice n;
	struct bb_error err = { .msg = "" };
	enum bb_status st = ingest_notice("fuzz.txt", (const char *)data, size, &n, &err);
	if (st == BB_OK) {
		check_notice(&n);
	} else {
		CHECK(st == BB_ERROR);
		CHECK(strncmp(err.msg, "fuzz.txt:", 9) == 0);
		CHECK(strchr(err.msg, '\n') == NULL);
		CHECK(n.source_text == NULL && n.title == NULL && n.nresolutions == 0 &&
		      n.ndocuments == 0 && n.resolutions == NULL && n.documents == NULL);
	}
	ingest_notice_free(&n);
	return 0;
}
