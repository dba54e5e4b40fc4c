#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <unistr.h>

#include "internal.h"

bool cli_format_parse(const char *s, enum cli_format *out)
{
	if (!strcmp(s, "table"))
		*out = CLI_FORMAT_TABLE;
	else if (!strcmp(s, "tsv"))
		*out = CLI_FORMAT_TSV;
	else if (!strcmp(s, "json"))
		*out = CLI_FORMAT_JSON;
	else
		return false;
	return true;
}

void cli_display(struct text_buf *out, const char *s, bool ascii)
{
	if (!s)
		return;
	if (!ascii) {
		text_sanitize(out, s, strlen(s), TEXT_SINGLE_LINE);
		return;
	}
	struct text_buf clean = {0};
	text_sanitize(&clean, s, strlen(s), TEXT_SINGLE_LINE);
	text_to_ascii(out, clean.data ? clean.data : "", clean.len);
	text_buf_free(&clean);
}

/* u8_mbtouc reports a bad sequence as U+FFFD: tell it from a real one. */
static bool is_invalid(ucs4_t c, const uint8_t *p, int n)
{
	return c == 0xfffd && !(n == 3 && !memcmp(p, "\xef\xbf\xbd", 3));
}

void cli_json_string(struct text_buf *out, const char *s)
{
	if (!s) {
		text_buf_addz(out, "null");
		return;
	}
	text_buf_addc(out, '"');
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (is_invalid(c, p, n))
			text_buf_addz(out, "\\ufffd");
		else if (c == '"' || c == '\\')
			text_buf_printf(out, "\\%c", (char)c);
		else if (c == '\n')
			text_buf_addz(out, "\\n");
		else if (c == '\t')
			text_buf_addz(out, "\\t");
		else if (text_needs_escape(c))
			text_buf_printf(out, "\\u%04x", (unsigned)c);
		else
			text_buf_add(out, (const char *)p, (size_t)n);
		p += n;
	}
	text_buf_addc(out, '"');
}

/* TSV: one line per record, so tab, newline and backslash are escaped as
 * \t \n \\, and anything a terminal would obey as \xHH or \uHHHH. */
static void tsv_field(struct text_buf *out, const char *s)
{
	if (!s)
		return;
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == '\\')
			text_buf_addz(out, "\\\\");
		else if (c == '\t')
			text_buf_addz(out, "\\t");
		else if (c == '\n')
			text_buf_addz(out, "\\n");
		else if (c == '\r')
			text_buf_addz(out, "\\r");
		else if (is_invalid(c, p, n))
			text_buf_printf(out, "\\x%02x", p[0]);
		else if (text_needs_escape(c))
			text_buf_printf(out, c < 0x100 ? "\\x%02x" : "\\u%04x", (unsigned)c);
		else
			text_buf_add(out, (const char *)p, (size_t)n);
		p += n;
	}
}

/* The width a table may use: the terminal's, else $COLUMNS, else 120. */
static int table_width(FILE *f)
{
	struct winsize ws;
	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	int n = cols ? atoi(cols) : 0;
	return n > 20 ? n : 120;
}

static void plan_widths(struct cli_out *o)
{
	int used = 0, flex = -1;
	for (size_t i = 0; i < o->ncols; i++) {
		o->widths[i] = o->cols[i].width;
		if (!o->widths[i])
			continue;
		if (o->cols[i].flex)
			flex = (int)i;
		else
			used += o->widths[i] + 2;
	}
	if (flex >= 0) {
		int spare = table_width(o->f) - used;
		o->widths[flex] = spare > o->cols[flex].width ? spare : o->cols[flex].width;
	}
}

static void table_cell(struct cli_out *o, size_t i, const char *v, bool first)
{
	if (!o->widths[i])
		return;
	if (!first)
		text_buf_addz(&o->line, "  ");
	text_buf_clear(&o->tmp);
	if (v)
		cli_display(&o->tmp, v, o->ascii);
	const char *ellipsis = o->ascii ? "~" : TEXT_ELLIPSIS;
	const char *s = o->tmp.data ? o->tmp.data : "";
	if (o->cols[i].right)
		text_put_cells_right(&o->line, s, o->tmp.len, o->widths[i], ellipsis);
	else
		text_put_cells(&o->line, s, o->tmp.len, o->widths[i], ellipsis);
}

static void flush_line(struct cli_out *o)
{
	/* Trailing padding is noise in a pipe. */
	while (o->line.len && o->line.data[o->line.len - 1] == ' ')
		o->line.len--;
	text_buf_addc(&o->line, '\n');
	fwrite(o->line.data, 1, o->line.len, o->f);
	text_buf_clear(&o->line);
}

void cli_out_begin(struct cli_out *o, FILE *f, enum cli_format format,
		   const struct cli_column *cols, size_t ncols, bool ascii)
{
	*o = (struct cli_out){ .f = f, .format = format, .cols = cols,
			       .ncols = ncols < 16 ? ncols : 16, .ascii = ascii };
	if (format == CLI_FORMAT_TABLE)
		plan_widths(o);
}

/* The heading (or the JSON "["), written with the first row or at the
 * end: a command that fails before its first row prints nothing. */
static void put_heading(struct cli_out *o)
{
	if (o->started)
		return;
	o->started = true;
	if (o->format == CLI_FORMAT_JSON) {
		fputc('[', o->f);
		return;
	}
	bool first = true;
	for (size_t i = 0; i < o->ncols; i++) {
		if (o->format == CLI_FORMAT_TSV) {
			if (i)
				text_buf_addc(&o->line, '\t');
			text_buf_addz(&o->line, o->cols[i].name);
		} else if (o->widths[i]) {
			table_cell(o, i, o->cols[i].name, first);
			first = false;
		}
	}
	flush_line(o);
}

/* "a\nb" → ["a","b"]; "1,2" → [1,2]. */
static void json_list(struct text_buf *out, const char *v, bool ints)
{
	text_buf_addc(out, '[');
	for (const char *p = v; p && *p;) {
		const char *end = strchr(p, ints ? ',' : '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *item = strndup(p, n);
		if (!item)
			abort();
		if (p != v)
			text_buf_addc(out, ',');
		if (ints)
			text_buf_printf(out, "%lld", strtoll(item, NULL, 10));
		else
			cli_json_string(out, item);
		free(item);
		p += n + (end ? 1 : 0);
	}
	text_buf_addc(out, ']');
}

static void json_row(struct cli_out *o, const char *const *values)
{
	text_buf_addz(&o->line, o->rows ? ",\n{" : "\n{");
	for (size_t i = 0; i < o->ncols; i++) {
		const char *v = values[i];
		text_buf_printf(&o->line, "%s\"%s\": ", i ? ", " : "", o->cols[i].name);
		switch (o->cols[i].type) {
		case CLI_COL_INT:
			if (v)
				text_buf_printf(&o->line, "%lld", strtoll(v, NULL, 10));
			else
				text_buf_addz(&o->line, "null");
			break;
		case CLI_COL_TEXT:
			cli_json_string(&o->line, v);
			break;
		case CLI_COL_LIST:
		case CLI_COL_INT_LIST:
			json_list(&o->line, v, o->cols[i].type == CLI_COL_INT_LIST);
			break;
		}
	}
	text_buf_addc(&o->line, '}');
	fwrite(o->line.data, 1, o->line.len, o->f);
	text_buf_clear(&o->line);
}

void cli_out_row(struct cli_out *o, const char *const *values)
{
	put_heading(o);
	if (o->format == CLI_FORMAT_JSON) {
		json_row(o, values);
	} else {
		bool first = true;
		for (size_t i = 0; i < o->ncols; i++) {
			if (o->format == CLI_FORMAT_TSV) {
				if (i)
					text_buf_addc(&o->line, '\t');
				tsv_field(&o->line, values[i]);
			} else if (o->widths[i]) {
				table_cell(o, i, values[i], first);
				first = false;
			}
		}
		flush_line(o);
	}
	o->rows++;
}

void cli_out_end(struct cli_out *o, bool complete)
{
	if (complete) {
		put_heading(o);
		if (o->format == CLI_FORMAT_JSON)
			fputs(o->rows ? "\n]\n" : "]\n", o->f);
	}
	text_buf_free(&o->line);
	text_buf_free(&o->tmp);
}
