#include "config.h"

#include <string.h>

#include "prompt.h"
#include "signals.h"

static void draw(struct painter *p, const char *label, const struct text_buf *line)
{
	int y = LINES - 1, width = COLS;
	attr_t attr = p->theme->attr[ROLE_NORMAL];
	int label_cells = paint_text(p, stdscr, y, 0, width, label, attr, NULL, false);
	int room = width - label_cells - 1;
	/* Measure what will be shown, not the line: a control character in
	 * it (a record's owner may hold one) measures 0 cells but is shown
	 * as a placeholder of 1. */
	struct text_buf clean = {0};
	text_sanitize(&clean, line->data ? line->data : "", line->len, TEXT_SINGLE_LINE);
	const char *text = clean.data ? clean.data : "";
	/* Show the end of a line longer than the room: that is where one
	 * types. */
	size_t from = 0;
	int excess = text_width(text, clean.len) - room;
	if (excess > 0 && room > 0) {
		struct text_fit drop = text_fit(text, clean.len, excess);
		if (drop.cells < excess)	/* a wide letter straddles the cut */
			drop = text_fit(text, clean.len, excess + 1);
		from = drop.bytes;
	}
	int cells = paint_text(p, stdscr, y, label_cells, room > 0 ? room : 0, text + from,
			       attr, NULL, false);
	text_buf_free(&clean);
	move(y, label_cells + cells);
	refresh();
}

/* Removes the last whole letter: a Vietnamese letter with its marks. */
static void backspace(struct text_buf *line)
{
	if (line->len)
		line->len = text_last_grapheme(line->data, line->len);
	if (line->data)
		line->data[line->len] = '\0';
}

static void delete_word(struct text_buf *line)
{
	while (line->len && line->data[line->len - 1] == ' ')
		line->len--;
	while (line->len && line->data[line->len - 1] != ' ')
		line->len--;
	if (line->data)
		line->data[line->len] = '\0';
}

enum outcome {
	KEEP_GOING,
	ACCEPT,
	CANCEL,
};

/* Inserts a pasted text up to its end marker; line breaks become spaces. */
static void paste(struct text_buf *line)
{
	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR || (r == KEY_CODE_YES && ch == KEY_PASTE_END) || signals_pending())
			return;
		if (r != OK)
			continue;
		if (ch == '\n' || ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0))
			text_buf_add_char(line, (unsigned)ch);
	}
}

static enum outcome on_char(struct text_buf *line, wint_t ch, bool *edited)
{
	switch (ch) {
	case '\n':
	case '\r':
		return ACCEPT;
	case 27:
		return CANCEL;
	case 127:
	case 8:
		backspace(line);
		*edited = true;
		break;
	case 21:	/* C-u */
		text_buf_clear(line);
		text_buf_addz(line, "");
		*edited = true;
		break;
	case 23:	/* C-w */
		delete_word(line);
		*edited = true;
		break;
	default:
		if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0)) {
			text_buf_add_char(line, (unsigned)ch);
			*edited = true;
		}
	}
	return KEEP_GOING;
}

bool prompt_read(struct painter *p, const char *label, const char *initial,
		 const struct prompt_io *io, struct text_buf *out)
{
	struct text_buf line = {0};
	text_buf_addz(&line, initial ? initial : "");
	curs_set(1);
	enum outcome outcome = KEEP_GOING;
	timeout(-1);
	while (outcome == KEEP_GOING) {
		draw(p, label, &line);
		wint_t ch;
		int r = get_wch(&ch);
		bool edited = false;
		if (signals_pending()) {
			outcome = CANCEL;
		} else if (r == KEY_CODE_YES) {
			if (ch == KEY_RESIZE && io->redraw)
				io->redraw(io->ctx);
			else if (ch == KEY_BACKSPACE)
				backspace(&line), edited = true;
			else if (ch == KEY_ENTER)
				outcome = ACCEPT;
			else if (ch == KEY_PASTE_BEGIN)
				paste(&line), edited = true;
		} else if (r == OK) {
			outcome = on_char(&line, ch, &edited);
		}
		if (edited && io->changed) {
			io->changed(io->ctx, line.data ? line.data : "");
			if (io->redraw)
				io->redraw(io->ctx);
		}
	}
	curs_set(0);
	text_buf_clear(out);
	if (outcome == ACCEPT)
		text_buf_add(out, line.data ? line.data : "", line.len);
	text_buf_addz(out, "");
	text_buf_free(&line);
	return outcome == ACCEPT;
}
