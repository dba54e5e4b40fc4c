#include "config.h"

#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "prompt.h"

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

/* Inserts a pasted text up to its end marker; line breaks become
 * spaces, other controls (an escape sequence in the text) are dropped.
 * False when a signal or a hang-up cut it short. */
static bool paste(struct text_buf *line)
{
	for (;;) {
		struct tui_key key;
		enum input_status st = input_read(&key, -1);
		if (st == INPUT_STOP || st == INPUT_GONE)
			return false;
		if (st != INPUT_KEY)
			continue;
		if (key.fn) {
			if (key.code == KEY_PASTE_END)
				return true;
			continue;
		}
		unsigned ch = key.code;
		if (ch == '\n' || ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0))
			text_buf_add_char(line, ch);
	}
}

static enum outcome on_char(struct text_buf *line, unsigned ch, bool *edited)
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
			text_buf_add_char(line, ch);
			*edited = true;
		}
	}
	return KEEP_GOING;
}

static enum outcome on_function_key(struct text_buf *line, unsigned code,
				    const struct prompt_io *io, bool *edited)
{
	switch (code) {
	case KEY_RESIZE:
		if (io->redraw)
			io->redraw(io->ctx);
		break;
	case KEY_BACKSPACE:
		backspace(line);
		*edited = true;
		break;
	case KEY_ENTER:
		return ACCEPT;
	case KEY_PASTE_BEGIN:
		*edited = true;
		return paste(line) ? KEEP_GOING : CANCEL;
	default:
		break;
	}
	return KEEP_GOING;
}

/* One key's effect on the line. */
static enum outcome on_input(struct text_buf *line, const struct prompt_io *io,
			     bool *edited)
{
	struct tui_key key;
	switch (input_read(&key, -1)) {
	case INPUT_STOP:
	case INPUT_GONE:
		return CANCEL;
	case INPUT_NONE:
	case INPUT_TIMEOUT:
		return KEEP_GOING;
	case INPUT_KEY:
		break;
	}
	return key.fn ? on_function_key(line, key.code, io, edited)
		      : on_char(line, key.code, edited);
}

/* Keys typed and not read yet: a fast typist's next letters. Searching
 * for every prefix of a word as it comes would keep the screen behind
 * the keys; the search waits until they are all in. */
static bool input_waiting(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

bool prompt_read(struct painter *p, const char *label, const char *initial,
		 const struct prompt_io *io, struct text_buf *out)
{
	struct text_buf line = {0};
	text_buf_addz(&line, initial ? initial : "");
	curs_set(1);
	leaveok(stdscr, FALSE);
	enum outcome outcome = KEEP_GOING;
	bool unseen = false;	/* edits the changed callback has not seen */
	while (outcome == KEEP_GOING) {
		draw(p, label, &line);
		bool edited = false;
		outcome = on_input(&line, io, &edited);
		unseen = unseen || edited;
		if (unseen && outcome == KEEP_GOING && io->changed && !input_waiting()) {
			unseen = false;
			io->changed(io->ctx, line.data ? line.data : "");
			if (io->redraw)
				io->redraw(io->ctx);
		}
	}
	curs_set(0);
	leaveok(stdscr, TRUE);
	text_buf_clear(out);
	if (outcome == ACCEPT)
		text_buf_add(out, line.data ? line.data : "", line.len);
	text_buf_addz(out, "");
	text_buf_free(&line);
	return outcome == ACCEPT;
}
