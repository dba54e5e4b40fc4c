#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "internal.h"
#include "text.h"

/* ---- the "vi" collation ---------------------------------------------- */

static int collate_vi(void *unused, int alen, const void *a, int blen,
		      const void *b)
{
	(void)unused;
	return text_collate(a, (size_t)alen, b, (size_t)blen);
}

/* ---- vi_fold(text): the search folding, for filters like LIKE ---------- */

static void fn_vi_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	struct text_buf b = {0};
	text_fold(&b, s, (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_text(ctx, b.data ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
	text_buf_free(&b);
}

/* ---- vi_nfc(text): text as the store keeps it (imports in SQL) -------- */

static void fn_vi_nfc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct text_buf b = {0};
	if (!text_nfc(&b, s, (size_t)sqlite3_value_bytes(argv[0])))
		sqlite3_result_error(ctx, "text is not valid UTF-8", -1);
	else
		sqlite3_result_text(ctx, b.data ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
	text_buf_free(&b);
}

/* ---- words ------------------------------------------------------------- */

/* A word is a run of letters and digits, with the combining marks that
 * follow them (NFD text keeps its tones on separate code points). */
static bool word_char(ucs4_t c)
{
	return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

typedef int (*word_fn)(void *ctx, const char *word, size_t len,
		       size_t start, size_t end);

/* Calls fn with each folded word of s and its byte range in s. */
static int each_word(const char *s, size_t n, word_fn fn, void *ctx)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	struct text_buf folded = {0};
	int rc = 0;
	while (p < end && rc == 0) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, (size_t)(end - p));
		if (!word_char(c)) {
			p += len;
			continue;
		}
		const uint8_t *start = p;
		while (p < end) {
			len = u8_mbtouc(&c, p, (size_t)(end - p));
			if (!word_char(c))
				break;
			p += len;
		}
		text_buf_clear(&folded);
		text_fold(&folded, (const char *)start, (size_t)(p - start));
		if (folded.len > 0)
			rc = fn(ctx, folded.data, folded.len,
				(size_t)(start - (const uint8_t *)s),
				(size_t)(p - (const uint8_t *)s));
	}
	text_buf_free(&folded);
	return rc;
}

/* ---- the "vi" FTS5 tokenizer --------------------------------------------- */

/* FTS5 wants a tokenizer object; bienban's has no options or state. */
struct vi_tokenizer {
	int unused;
};

static int tok_create(void *ctx, const char **argv, int argc,
		      Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	(void)argc;
	struct vi_tokenizer *t = calloc(1, sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	free(t);
}

struct tok_call {
	void *ctx;
	int (*emit)(void *, int, const char *, int, int, int);
};

static int tok_emit(void *ctx, const char *word, size_t len, size_t start,
		    size_t end)
{
	struct tok_call *call = ctx;
	return call->emit(call->ctx, 0, word, (int)len, (int)start, (int)end);
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags,
			const char *text, int len,
			int (*emit)(void *, int, const char *, int, int, int))
{
	(void)t;
	(void)flags;
	struct tok_call call = { .ctx = ctx, .emit = emit };
	return each_word(text, len > 0 ? (size_t)len : 0, tok_emit, &call);
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

enum bb_status store_register_vi(sqlite3 *db, struct bb_error *err)
{
	static fts5_tokenizer tokenizer = {
		.xCreate = tok_create,
		.xDelete = tok_delete,
		.xTokenize = tok_tokenize,
	};
	if (sqlite3_create_collation_v2(db, "vi", SQLITE_UTF8, NULL, collate_vi, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "vi_fold", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				       NULL, fn_vi_fold, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "vi_nfc", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				       NULL, fn_vi_nfc, NULL, NULL, NULL) != SQLITE_OK)
		return bb_fail(err, BB_ERROR, "cannot register the Vietnamese collation: %s",
			       sqlite3_errmsg(db));
	fts5_api *api = fts5_api_of(db);
	if (!api || api->xCreateTokenizer(api, "vi", NULL, &tokenizer, NULL) != SQLITE_OK)
		return bb_fail(err, BB_ERROR, "this SQLite has no FTS5: search is unavailable");
	return BB_OK;
}

/* ---- user queries ----------------------------------------------------------- */

struct fts_terms {
	struct text_buf q;
	size_t last_len;	/* bytes of the last word, folded */
};

static int add_term(void *ctx, const char *word, size_t len, size_t start,
		    size_t end)
{
	(void)start;
	(void)end;
	struct fts_terms *t = ctx;
	struct text_buf *q = &t->q;
	t->last_len = len;
	if (q->len)
		text_buf_addc(q, ' ');
	text_buf_addc(q, '"');
	for (size_t i = 0; i < len; i++) {
		if (word[i] == '"')
			text_buf_addc(q, '"');
		text_buf_addc(q, word[i]);
	}
	text_buf_addc(q, '"');
	return 0;
}

char *store_fts_query(const char *words)
{
	struct fts_terms t = {0};
	each_word(words, strlen(words), add_term, &t);
	if (t.q.len == 0) {
		text_buf_free(&t.q);
		return NULL;
	}
	/* What the user is typing is a word in progress: match it as a
	 * prefix ("ngh" finds "nghị") once it has two letters. One letter
	 * as a prefix stands for nearly every word in the index, which FTS5
	 * gathers whole before it can give the first row (0.2–1 s and a
	 * hundred megabytes on a million items): it is a word of its own
	 * until the next letter comes. */
	if (t.last_len > 1)
		text_buf_addc(&t.q, '*');
	return text_buf_take(&t.q, NULL);
}
