#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "internal.h"

struct reader {
	const char *name;
	const char *s;
	size_t n;
	size_t i;		/* next byte */
	struct csv_pos at;	/* position of byte i */
	struct text_buf *fields;	/* the current record's raw fields */
	size_t nfields, cap;
	struct csv_pos *starts;	/* where each field starts, and the end */
	size_t starts_cap;
	size_t inited;		/* fields[0..inited) are initialised */
	bool quoted_any;	/* the record has a quoted field */
	struct text_buf norm;	/* NFC of all fields, NUL-separated */
	char **ptrs;
	size_t ptrs_cap;
};

static enum bb_status fail_at(const struct reader *r, struct csv_pos p,
			      struct bb_error *err, const char *reason)
{
	return bb_fail(err, BB_ERROR, "%s:%zu:%zu: %s", r->name, p.line, p.col, reason);
}

/* ---- bytes ----------------------------------------------------------- */

/* Whether s[i] ends a line: a LF, or a CR not followed by LF (the CR
 * of a CRLF is no line end of its own). */
static bool ends_line(const char *s, size_t n, size_t i)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'));
}

/* NUL and invalid UTF-8 are found before parsing, so the parser deals in
 * whole characters and every error has one position. */
static enum bb_status check_bytes(struct reader *r, struct bb_error *err)
{
	struct csv_pos p = { 1, 1 };
	for (size_t i = r->i; i < r->n;) {
		size_t l = ingest_u8_len((unsigned char)r->s[i]);
		if (r->s[i] == '\0')
			return fail_at(r, p, err, "NUL byte (binary data, not a table)");
		if (l > r->n - i || !text_is_valid_utf8(r->s + i, l))
			return fail_at(r, p, err, "not valid UTF-8; save the table as UTF-8");
		if (ends_line(r->s, r->n, i)) {
			p.line++;
			p.col = 1;
		} else if (r->s[i] != '\r') {
			p.col++;
		}
		i += l;
	}
	return BB_OK;
}

/* Moves past one character, keeping the position. */
static void advance(struct reader *r)
{
	char c = r->s[r->i];
	if (ends_line(r->s, r->n, r->i)) {
		r->at.line++;
		r->at.col = 1;
	} else if (c != '\r') {
		r->at.col++;
	}
	r->i += ingest_u8_len((unsigned char)c);
}

static bool at_line_end(const struct reader *r)
{
	return r->i < r->n && (r->s[r->i] == '\n' || r->s[r->i] == '\r');
}

/* Consumes one line end (CRLF, LF or CR). */
static void skip_line_end(struct reader *r)
{
	bool cr = r->s[r->i] == '\r';
	advance(r);
	if (cr && r->i < r->n && r->s[r->i] == '\n')
		advance(r);
}

/* ---- fields ---------------------------------------------------------- */

/* Notes that field k (or, for k == nfields, the record's end) is at the
 * current position. */
static void mark(struct reader *r, size_t k)
{
	r->starts = ingest_grow(r->starts, &r->starts_cap, k + 1, sizeof *r->starts);
	r->starts[k] = r->at;
}

static struct text_buf *new_field(struct reader *r)
{
	mark(r, r->nfields);
	r->fields = ingest_grow(r->fields, &r->cap, r->nfields + 1, sizeof *r->fields);
	struct text_buf *f = &r->fields[r->nfields];
	if (r->nfields == r->inited) {
		memset(f, 0, sizeof *f);
		r->inited++;
	}
	text_buf_clear(f);
	r->nfields++;
	return f;
}

static void add_char(struct reader *r, struct text_buf *f)
{
	size_t start = r->i;
	advance(r);
	text_buf_add(f, r->s + start, r->i - start);
}

/* A quoted field: "" is a quote, line breaks are kept (as LF, like
 * every other line end bienban stores). */
static enum bb_status quoted(struct reader *r, struct text_buf *f,
			     struct bb_error *err)
{
	struct csv_pos open = r->at;
	advance(r);
	for (;;) {
		if (r->i >= r->n)
			return fail_at(r, open, err, "quoted field is never closed");
		char c = r->s[r->i];
		if (c == '"' && r->i + 1 < r->n && r->s[r->i + 1] == '"') {
			advance(r);
			add_char(r, f);
		} else if (c == '"') {
			advance(r);
			break;
		} else if (c == '\r' || c == '\n') {
			skip_line_end(r);
			text_buf_addc(f, '\n');
		} else {
			add_char(r, f);
		}
	}
	if (r->i < r->n && r->s[r->i] != ',' && !at_line_end(r))
		return fail_at(r, r->at, err, "text after a closing quote (quote it all, and write a quote as \"\")");
	r->quoted_any = true;
	return BB_OK;
}

static enum bb_status plain(struct reader *r, struct text_buf *f,
			    struct bb_error *err)
{
	while (r->i < r->n && r->s[r->i] != ',' && !at_line_end(r)) {
		if (r->s[r->i] == '"')
			return fail_at(r, r->at, err, "quote inside an unquoted field (quote the whole field, and write a quote as \"\")");
		add_char(r, f);
	}
	return BB_OK;
}

/* ---- records --------------------------------------------------------- */

/* Hands the record to the callback, its fields in NFC. */
static enum bb_status emit(struct reader *r, ingest_csv_fn fn, void *ctx,
			   struct bb_error *err)
{
	text_buf_clear(&r->norm);
	size_t *offs = ingest_xrealloc(NULL, r->nfields, sizeof *offs);
	for (size_t k = 0; k < r->nfields; k++) {
		offs[k] = r->norm.len;
		struct text_buf *f = &r->fields[k];
		text_nfc(&r->norm, f->data ? f->data : "", f->len);
		text_buf_addc(&r->norm, '\0');
	}
	r->ptrs = ingest_grow(r->ptrs, &r->ptrs_cap, r->nfields, sizeof *r->ptrs);
	for (size_t k = 0; k < r->nfields; k++)
		r->ptrs[k] = r->norm.data + offs[k];
	free(offs);
	return fn(ctx, r->ptrs, r->nfields, r->starts, err);
}

/* A line with nothing on it is no record: a table often ends with one,
 * and a blank line between rows is no row. */
static bool blank_record(const struct reader *r)
{
	return r->nfields == 1 && r->fields[0].len == 0 && !r->quoted_any;
}

static enum bb_status record(struct reader *r, ingest_csv_fn fn, void *ctx,
			     struct bb_error *err)
{
	r->nfields = 0;
	r->quoted_any = false;
	for (;;) {
		struct text_buf *f = new_field(r);
		enum bb_status st = r->i < r->n && r->s[r->i] == '"' ?
			quoted(r, f, err) : plain(r, f, err);
		if (st != BB_OK)
			return st;
		if (r->i < r->n && r->s[r->i] == ',') {
			advance(r);
			continue;
		}
		break;
	}
	mark(r, r->nfields);
	if (at_line_end(r))
		skip_line_end(r);
	return blank_record(r) ? BB_OK : emit(r, fn, ctx, err);
}

static void reader_free(struct reader *r)
{
	for (size_t k = 0; k < r->inited; k++)
		text_buf_free(&r->fields[k]);
	free(r->fields);
	free(r->ptrs);
	free(r->starts);
	text_buf_free(&r->norm);
}

enum bb_status ingest_csv(const char *name, const char *data, size_t len,
			  ingest_csv_fn fn, void *ctx, struct bb_error *err)
{
	struct reader r = { .name = name && *name ? name : "-", .s = data,
			    .n = len, .at = { 1, 1 } };
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r.i = 3;
	enum bb_status st = check_bytes(&r, err);
	while (st == BB_OK && r.i < r.n)
		st = record(&r, fn, ctx, err);
	reader_free(&r);
	return st;
}
