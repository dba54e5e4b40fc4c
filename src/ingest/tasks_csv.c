#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "internal.h"

enum column { C_MEETING, C_RESOLUTION, C_TEXT, C_OWNER, C_DUE, C_STATUS,
	      C_NOTE, C_COUNT };

/* Header names, folded (case and diacritics do not matter): the English
 * names first, then what Vietnamese offices write. */
static const struct {
	const char *name;
	const char *aliases[6];
} columns[C_COUNT] = {
	[C_MEETING] = { "meeting", { "cuoc hop", "hoi nghi", "ky hop", "phien hop" } },
	[C_RESOLUTION] = { "resolution", { "nghi quyet", "ket luan", "noi dung ket luan" } },
	[C_TEXT] = { "text", { "task", "noi dung", "nhiem vu", "cong viec" } },
	[C_OWNER] = { "owner", { "don vi chu tri", "chu tri", "don vi", "phu trach",
				 "nguoi phu trach" } },
	[C_DUE] = { "due", { "thoi han", "han", "han hoan thanh" } },
	[C_STATUS] = { "status", { "trang thai", "tinh trang" } },
	[C_NOTE] = { "note", { "notes", "ghi chu" } },
};

static const struct {
	const char *status;
	const char *aliases[6];
} statuses[] = {
	{ "open", { "mo", "moi", "chua lam", "chua thuc hien" } },
	{ "doing", { "dang lam", "dang thuc hien", "in progress" } },
	{ "done", { "xong", "da xong", "hoan thanh", "da hoan thanh" } },
	{ "dropped", { "huy", "da huy", "bo", "cancelled" } },
};

struct table {
	const char *name;
	struct csv_tasks *out;
	size_t cap;
	bool header;
	int map[64];		/* field index → column */
	size_t nmap;
	int field_of[C_COUNT];	/* column → field index, -1 when absent */
};

/* "NAME:LINE:COLUMN: reason", the reader's own shape, for errors in a
 * record the reader found sound. */
static enum bb_status fail_at(const struct table *t, struct csv_pos at,
			      struct bb_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static enum bb_status fail_at(const struct table *t, struct csv_pos at,
			      struct bb_error *err, const char *fmt, ...)
{
	char reason[sizeof err->msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return bb_fail(err, BB_ERROR, "%s:%zu:%zu: %s", t->name, at.line, at.col, reason);
}

/* ---- values ---------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *trim(const char *s, size_t *len)
{
	size_t n = strlen(s);
	while (n && is_blank(*s)) {
		s++;
		n--;
	}
	while (n && is_blank(s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* `bienban export --format csv` writes a cell that a spreadsheet would
 * run as a formula (= + - @ tab CR first, after any apostrophes; LF too,
 * which is what a CR inside quotes reads as) with one more apostrophe in
 * front: "'=1+1", "''-x". Exactly that one comes off here, so the value
 * reads back as it was; an apostrophe before anything else ("'quoted")
 * is the value's own and stays. */
static size_t formula_guard(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '\'')
		i++;
	return i > 0 && i < n && strchr("=+-@\t\r\n", s[i]) ? 1 : 0;
}

static char *value(const char *s)
{
	size_t n;
	s = trim(s, &n);
	size_t guard = formula_guard(s, n);
	s += guard;
	n -= guard;
	return n ? ingest_strndup(s, n) : NULL;
}

/* Folds for comparing names: "  Thời HẠN " → "thoi han". */
static bool folded_is(const struct text_buf *f, const char *name)
{
	return name && f->len == strlen(name) && memcmp(f->data, name, f->len) == 0;
}

static void fold_trimmed(struct text_buf *f, const char *s)
{
	size_t n;
	s = trim(s, &n);
	text_buf_clear(f);
	text_fold(f, s, n);
	if (!f->data)
		text_buf_addz(f, "");
}

/* ---- the header ------------------------------------------------------ */

static int column_of(const struct text_buf *f)
{
	for (int c = 0; c < C_COUNT; c++) {
		if (folded_is(f, columns[c].name))
			return c;
		for (int a = 0; a < 6; a++)
			if (folded_is(f, columns[c].aliases[a]))
				return c;
	}
	return -1;
}

/* One header field: which column it names, or an error. */
static enum bb_status header_field(struct table *t, size_t i, const char *field,
				   struct csv_pos at, struct bb_error *err)
{
	struct text_buf f = { 0 };
	fold_trimmed(&f, field);
	int c = column_of(&f);
	text_buf_free(&f);
	int shown = ingest_clip(field, strlen(field), 60);
	if (c < 0)
		return fail_at(t, at, err, "column %zu \"%.*s\" is unknown (expected meeting,"
			       " resolution, text, owner, due, status, note)", i + 1, shown, field);
	if (t->field_of[c] >= 0)
		return fail_at(t, at, err, "column %zu \"%.*s\" repeats column \"%s\"",
			       i + 1, shown, field, columns[c].name);
	t->field_of[c] = (int)i;
	t->map[i] = c;
	return BB_OK;
}

static enum bb_status header(struct table *t, char **fields, size_t nfields,
			     const struct csv_pos *at, struct bb_error *err)
{
	t->header = true;
	t->nmap = nfields;
	for (int c = 0; c < C_COUNT; c++)
		t->field_of[c] = -1;
	if (nfields > sizeof t->map / sizeof t->map[0])
		return fail_at(t, at[sizeof t->map / sizeof t->map[0]], err, "%zu columns; an"
			       " action-item table has at most %d", nfields, C_COUNT);
	for (size_t i = 0; i < nfields; i++) {
		enum bb_status st = header_field(t, i, fields[i], at[i], err);
		if (st != BB_OK)
			return st;
	}
	for (int c = C_MEETING; c <= C_TEXT; c++)
		if (t->field_of[c] < 0)
			return fail_at(t, at[0], err, "no column \"%s\" (the header must name"
				       " meeting, resolution and text)", columns[c].name);
	return BB_OK;
}

/* ---- rows ------------------------------------------------------------ */

/* "2023-02-30" or "31/4/2023": digits in a date's shape, whether or not
 * the date exists. */
static bool looks_numeric_date(const char *s)
{
	size_t digits[3] = { 0 }, k = 0;
	char sep = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digits[k]++;
			continue;
		}
		bool is_sep = *s == '-' || *s == '/' || *s == '.';
		if (!is_sep || !digits[k] || k == 2 || (sep && *s != sep))
			return false;
		sep = *s;
		k++;
	}
	if (k != 2 || !digits[2] || digits[1] > 2)
		return false;
	return (digits[0] == 4 && digits[2] <= 2) || (digits[0] <= 2 && digits[2] == 4);
}

/* A deadline as written; a parseable one also as a date. Loose words
 * ("cuối năm") stay as text, but something shaped like a date that is
 * no date ("2023-02-30") is an error: it is a typo, not a wording. */
static enum bb_status due(struct table *t, struct csv_task *row, struct csv_pos at,
			  struct bb_error *err)
{
	if (!row->due_text)
		return BB_OK;
	struct text_date d;
	if (text_date_parse(row->due_text, strlen(row->due_text), &d)) {
		char iso[11];
		text_date_iso(&d, iso);
		row->due_on = ingest_strndup(iso, 10);
		return BB_OK;
	}
	if (looks_numeric_date(row->due_text))
		return fail_at(t, at, err, "due \"%.*s\" is not a real date",
			       ingest_clip(row->due_text, strlen(row->due_text), 60), row->due_text);
	return BB_OK;
}

static enum bb_status status(struct table *t, struct csv_task *row, struct csv_pos at,
			     struct bb_error *err)
{
	struct text_buf f = { 0 };
	fold_trimmed(&f, row->status ? row->status : "open");
	const char *found = NULL;
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0] && !found; i++) {
		if (folded_is(&f, statuses[i].status))
			found = statuses[i].status;
		for (int a = 0; a < 6 && !found; a++)
			if (folded_is(&f, statuses[i].aliases[a]))
				found = statuses[i].status;
	}
	text_buf_free(&f);
	if (!found)
		return fail_at(t, at, err, "status \"%.*s\" is unknown (expected open, doing,"
			       " done or dropped)",
			       ingest_clip(row->status, strlen(row->status), 60), row->status);
	free(row->status);
	row->status = ingest_strndup(found, strlen(found));
	return BB_OK;
}

static void free_row(struct csv_task *r)
{
	free(r->meeting);
	free(r->resolution);
	free(r->text);
	free(r->owner);
	free(r->due_on);
	free(r->due_text);
	free(r->status);
	free(r->note);
}

static void fill(struct csv_task *row, enum column c, const char *v)
{
	char **slot[C_COUNT] = { [C_MEETING] = &row->meeting,
		[C_RESOLUTION] = &row->resolution, [C_TEXT] = &row->text,
		[C_OWNER] = &row->owner, [C_DUE] = &row->due_text,
		[C_STATUS] = &row->status, [C_NOTE] = &row->note };
	*slot[c] = value(v);
}

static bool all_empty(char **fields, size_t nfields)
{
	for (size_t i = 0; i < nfields; i++) {
		size_t n;
		trim(fields[i], &n);
		if (n)
			return false;
	}
	return true;
}

/* Where column c's value is in the record (the record's start when the
 * table has no such column). */
static struct csv_pos pos_of(const struct table *t, const struct csv_pos *at,
			     enum column c)
{
	return t->field_of[c] >= 0 ? at[t->field_of[c]] : at[0];
}

static enum bb_status check_row(struct table *t, struct csv_task *row,
				const struct csv_pos *at, struct bb_error *err)
{
	const char *need[] = { row->meeting, row->resolution, row->text };
	for (int c = C_MEETING; c <= C_TEXT; c++)
		if (!need[c])
			return fail_at(t, pos_of(t, at, (enum column)c), err, "empty \"%s\""
				       " (meeting, resolution and text are required)", columns[c].name);
	enum bb_status st = status(t, row, pos_of(t, at, C_STATUS), err);
	return st == BB_OK ? due(t, row, pos_of(t, at, C_DUE), err) : st;
}

/* A row with too many fields points at the first extra one; a row with
 * too few, at its end, where the next field was due. */
static enum bb_status ragged(struct table *t, size_t nfields,
			     const struct csv_pos *at, struct bb_error *err)
{
	struct csv_pos where = nfields > t->nmap ? at[t->nmap] : at[nfields];
	return fail_at(t, where, err, "%zu fields where the header has %zu", nfields, t->nmap);
}

static enum bb_status on_record(void *ctx, char **fields, size_t nfields,
				const struct csv_pos *at, struct bb_error *err)
{
	struct table *t = ctx;
	if (!t->header)
		return header(t, fields, nfields, at, err);
	/* A row of blanks (",,", or a stray space) is no row, whatever its
	 * number of fields. */
	if (all_empty(fields, nfields))
		return BB_OK;
	if (nfields != t->nmap)
		return ragged(t, nfields, at, err);
	struct csv_task r = { .line = at[0].line };
	for (size_t i = 0; i < nfields; i++)
		fill(&r, (enum column)t->map[i], fields[i]);
	enum bb_status st = check_row(t, &r, at, err);
	if (st != BB_OK) {
		free_row(&r);
		return st;
	}
	struct csv_tasks *out = t->out;
	out->rows = ingest_grow(out->rows, &t->cap, out->count + 1, sizeof *out->rows);
	out->rows[out->count++] = r;
	return BB_OK;
}

enum bb_status ingest_tasks_csv(const char *name, const char *data,
				size_t len, struct csv_tasks *out,
				struct bb_error *err)
{
	memset(out, 0, sizeof *out);
	struct table t = { .name = name && *name ? name : "-", .out = out };
	enum bb_status st = ingest_csv(t.name, data, len, on_record, &t, err);
	if (st == BB_OK && !t.header)
		st = bb_fail(err, BB_ERROR, "%s:1:1: empty table (no header row)", t.name);
	if (st != BB_OK)
		ingest_tasks_csv_free(out);
	return st;
}

void ingest_tasks_csv_free(struct csv_tasks *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->count; i++)
		free_row(&t->rows[i]);
	free(t->rows);
	memset(t, 0, sizeof *t);
}
