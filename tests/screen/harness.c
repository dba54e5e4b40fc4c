/* The screen-test harness: a program in a pseudo-terminal, its output fed
 * to libvterm, keys written back, and waits that poll for screen content.
 * See harness.h for the contract. */
#include "config.h"

#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

enum {
	DEFAULT_ROWS = 24,
	DEFAULT_COLS = 80,
	DEFAULT_TIMEOUT_MS = 10000,
	/* Without a pidfd, how often a wait looks whether the program ended. */
	REAP_SLICE_MS = 50,
	/* How often harness_wait_idle looks at what the program is doing. */
	IDLE_SLICE_MS = 2,
	READ_BURST = 64 * 1024,
	DUMP_TAIL_BYTES = 240,
	REPORT_BYTES = 80,
	/* A cell holds up to VTERM_MAX_CHARS_PER_CELL code points, 4 bytes each. */
	CELL_BYTES = VTERM_MAX_CHARS_PER_CELL * 4,
};

struct bytes {
	unsigned char *data;
	size_t len, cap;
};

struct harness {
	pid_t pid;
	int master;		/* -1 once closed */
	int pidfd;		/* -1 if the kernel has none */
	bool eof;		/* every slave descriptor is closed: no more output */
	bool reaped;
	int status;
	struct rusage rusage;	/* the program's, once reaped (wait4) */
	VTerm *vt;
	VTermScreen *screen;
	VTermState *state;
	int rows, cols;
	struct bytes raw;	/* everything the program wrote */
	struct bytes outq;	/* keys and answers not yet written */
	bool encoding_keys;	/* libvterm output is a key, not an answer */
	bool answer;
	bool altscreen, cursor_visible;
	int bells;
	int timeout_ms;
	FILE *log;
};

/* ---- small helpers ----------------------------------------------------- */

static void bytes_add(struct bytes *b, const void *data, size_t len)
{
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + len)
			cap *= 2;
		unsigned char *p = realloc(b->data, cap);
		if (!p)
			abort();
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

static void bytes_drop_front(struct bytes *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int resolve_timeout(const struct harness *h, int timeout_ms)
{
	return timeout_ms > 0 ? timeout_ms : h->timeout_ms;
}

static int clamp_wait(long long ms)
{
	return ms > INT_MAX ? INT_MAX : ms < 0 ? 0 : (int)ms;
}

/* Length of the well-formed UTF-8 sequence at s (1–4), 0 if malformed. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		*cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		*cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		*cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xbf))
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	return len;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp > 0x10ffff)
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Prints bytes so that a log never carries a control function: controls
 * as \e, \r, \n, \t, \a or \xNN, UTF-8 as is (except encoded C1), and a
 * backslash doubled if quote_backslash (not in screen rows, to keep them
 * aligned). */
static void print_escaped(FILE *out, const unsigned char *s, size_t n, bool quote_backslash)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		uint32_t cp;
		size_t len = c >= 0x80 ? utf8_decode(s + i, n - i, &cp) : 0;
		if (len > 1 && cp >= 0xa0) {
			fwrite(s + i, 1, len, out);
			i += len;
			continue;
		}
		switch (c) {
		case 0x1b: fputs("\\e", out); break;
		case '\r': fputs("\\r", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case 0x07: fputs("\\a", out); break;
		default:
			if (c == '\\' && quote_backslash)
				fputs("\\\\", out);
			else if (c < 0x20 || c >= 0x7f)
				fprintf(out, "\\x%02x", c);
			else
				fputc(c, out);
		}
		i++;
	}
}

/* ---- libvterm callbacks -------------------------------------------------- */

/* What libvterm writes back: the bytes of a key being encoded, or the
 * answer to a query the program sent. */
static void on_output(const char *s, size_t len, void *user)
{
	struct harness *h = user;
	if (h->encoding_keys || h->answer)
		bytes_add(&h->outq, s, len);
}

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct harness *h = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		h->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		h->cursor_visible = val->boolean;
	return 1;
}

static int on_bell(void *user)
{
	struct harness *h = user;
	h->bells++;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
	.bell = on_bell,
};

/* ---- the pseudo-terminal ------------------------------------------------ */

static void reap_nohang(struct harness *h)
{
	if (h->reaped)
		return;
	int status;
	pid_t r = wait4(h->pid, &status, WNOHANG, &h->rusage);
	if (r == h->pid) {
		h->reaped = true;
		h->status = status;
	} else if (r < 0 && errno == ECHILD) {
		/* Someone else reaped it (SIGCHLD ignored): the status is lost. */
		h->reaped = true;
		h->status = -1;
	}
}

static void feed(struct harness *h, const unsigned char *buf, size_t n)
{
	bytes_add(&h->raw, buf, n);
	vterm_input_write(h->vt, (const char *)buf, n);
}

/* Reads what is ready now, up to READ_BURST bytes so that a program
 * that never stops writing cannot hold a wait past its deadline. Returns
 * whether anything was read. */
static bool read_available(struct harness *h)
{
	bool got = false;
	unsigned char buf[4096];
	for (size_t total = 0; total < READ_BURST && h->master >= 0 && !h->eof;) {
		ssize_t n = read(h->master, buf, sizeof buf);
		if (n > 0) {
			feed(h, buf, (size_t)n);
			total += (size_t)n;
			got = true;
		} else if (n == 0) {
			h->eof = true;
		} else if (errno == EINTR) {
			continue;
		} else if (errno == EAGAIN || errno == EWOULDBLOCK) {
			break;
		} else {
			/* EIO: the last slave descriptor is closed. */
			h->eof = true;
		}
	}
	return got;
}

/* Writes what the queue holds without blocking. False on a hard error
 * (the terminal is gone); the queue is then dropped. */
static bool flush_outq(struct harness *h)
{
	while (h->outq.len) {
		if (h->master < 0) {
			h->outq.len = 0;
			return false;
		}
		ssize_t n = write(h->master, h->outq.data, h->outq.len);
		if (n > 0) {
			bytes_drop_front(&h->outq, (size_t)n);
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return true;
		} else {
			fprintf(h->log, "harness: cannot write to the terminal: %s\n",
				n < 0 ? strerror(errno) : "nothing written");
			h->outq.len = 0;
			return false;
		}
	}
	return true;
}

/* One round of the event loop: waits up to wait_ms for output, room to
 * write, or the program's end. Returns whether output was read. */
static bool pump_once(struct harness *h, int wait_ms)
{
	struct pollfd p[2] = {{.fd = -1}, {.fd = -1}};
	if (h->master >= 0) {
		if (!h->eof)
			p[0].events |= POLLIN;
		if (h->outq.len)
			p[0].events |= POLLOUT;
		if (p[0].events)
			p[0].fd = h->master;
	}
	if (!h->reaped) {
		if (h->pidfd >= 0) {
			p[1].fd = h->pidfd;
			p[1].events = POLLIN;
		} else if (wait_ms > REAP_SLICE_MS) {
			wait_ms = REAP_SLICE_MS;
		}
	}
	if (p[0].fd < 0 && p[1].fd < 0 && h->reaped)
		return false;	/* nothing left that could happen */
	if (poll(p, 2, wait_ms) < 0 && errno != EINTR) {
		fprintf(h->log, "harness: poll: %s\n", strerror(errno));
		return false;
	}
	bool got = false;
	if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
		got = read_available(h);
	/* Answers to what was just read go out at once. */
	if (h->outq.len)
		flush_outq(h);
	reap_nohang(h);
	return got;
}

void harness_pump(struct harness *h)
{
	read_available(h);
	flush_outq(h);
	reap_nohang(h);
}

/* Appends to the output queue and waits until it is all written, reading
 * output meanwhile so that neither side blocks the other. */
static bool send_queued(struct harness *h)
{
	long long deadline = now_ms() + h->timeout_ms;
	bool ok = flush_outq(h);
	while (ok && h->outq.len) {
		long long left = deadline - now_ms();
		if (h->master < 0 || h->eof || left <= 0) {
			fprintf(h->log, "harness: cannot send input: %s\n",
				left <= 0 ? "the program does not read it" : "the terminal is closed");
			h->outq.len = 0;
			return false;
		}
		pump_once(h, clamp_wait(left));
	}
	return ok;
}

bool harness_send_bytes(struct harness *h, const void *bytes, size_t len)
{
	if (h->master < 0) {
		fprintf(h->log, "harness: cannot send input: the terminal is closed\n");
		return false;
	}
	bytes_add(&h->outq, bytes, len);
	return send_queued(h);
}

bool harness_send(struct harness *h, const char *utf8)
{
	return harness_send_bytes(h, utf8, strlen(utf8));
}

/* ---- keys -------------------------------------------------------------- */

static const struct {
	const char *name;
	VTermKey key;
	VTermModifier mod;
} named_keys[] = {
	{"Enter", VTERM_KEY_ENTER, 0},
	{"Return", VTERM_KEY_ENTER, 0},
	{"Tab", VTERM_KEY_TAB, 0},
	{"BackTab", VTERM_KEY_TAB, VTERM_MOD_SHIFT},
	{"Backspace", VTERM_KEY_BACKSPACE, 0},
	{"Esc", VTERM_KEY_ESCAPE, 0},
	{"Escape", VTERM_KEY_ESCAPE, 0},
	{"Up", VTERM_KEY_UP, 0},
	{"Down", VTERM_KEY_DOWN, 0},
	{"Left", VTERM_KEY_LEFT, 0},
	{"Right", VTERM_KEY_RIGHT, 0},
	{"Insert", VTERM_KEY_INS, 0},
	{"Ins", VTERM_KEY_INS, 0},
	{"Delete", VTERM_KEY_DEL, 0},
	{"Del", VTERM_KEY_DEL, 0},
	{"Home", VTERM_KEY_HOME, 0},
	{"End", VTERM_KEY_END, 0},
	{"PgUp", VTERM_KEY_PAGEUP, 0},
	{"PageUp", VTERM_KEY_PAGEUP, 0},
	{"PgDn", VTERM_KEY_PAGEDOWN, 0},
	{"PageDown", VTERM_KEY_PAGEDOWN, 0},
};

static const struct {
	const char *prefix;
	VTermModifier mod;
} modifier_prefixes[] = {
	{"Ctrl-", VTERM_MOD_CTRL},
	{"C-", VTERM_MOD_CTRL},
	{"Alt-", VTERM_MOD_ALT},
	{"M-", VTERM_MOD_ALT},
	{"Shift-", VTERM_MOD_SHIFT},
	{"S-", VTERM_MOD_SHIFT},
};

/* Encodes one character with modifiers the way xterm does by default:
 * Ctrl makes the control byte, Alt prefixes ESC. */
static bool encode_char(struct harness *h, const char *ch, size_t len, VTermModifier mod)
{
	char buf[8];
	size_t n = 0;
	if (mod & VTERM_MOD_ALT)
		buf[n++] = 0x1b;
	if (len == 1 && (mod & VTERM_MOD_SHIFT) && ch[0] >= 'a' && ch[0] <= 'z') {
		buf[n++] = (char)(ch[0] - 'a' + 'A');
	} else if (mod & VTERM_MOD_CTRL) {
		unsigned char c = (unsigned char)ch[0];
		if (len != 1)
			return false;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c == ' ')
			c = '@';
		if (c == '?')
			buf[n++] = 0x7f;
		else if (c >= '@' && c <= '_')
			buf[n++] = (char)(c & 0x1f);
		else
			return false;
	} else {
		memcpy(buf + n, ch, len);
		n += len;
	}
	bytes_add(&h->outq, buf, n);
	return true;
}

/* Queues the bytes for one key name; false if the name is unknown. */
static bool encode_key(struct harness *h, const char *name)
{
	VTermModifier mod = 0;
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < sizeof modifier_prefixes / sizeof *modifier_prefixes; i++) {
			size_t plen = strlen(modifier_prefixes[i].prefix);
			if (strlen(name) > plen && strncasecmp(name, modifier_prefixes[i].prefix, plen) == 0) {
				mod |= modifier_prefixes[i].mod;
				name += plen;
				more = true;
				break;
			}
		}
	}

	uint32_t cp;
	size_t len = strlen(name);
	if (strcasecmp(name, "Space") == 0)
		return encode_char(h, " ", 1, mod);
	if (len > 0 && utf8_decode((const unsigned char *)name, len, &cp) == len)
		return encode_char(h, name, len, mod);

	VTermKey key = VTERM_KEY_NONE;
	char *end;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		long n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			key = VTERM_KEY_FUNCTION(n);
	}
	for (size_t i = 0; key == VTERM_KEY_NONE && i < sizeof named_keys / sizeof *named_keys; i++) {
		if (strcasecmp(name, named_keys[i].name) == 0) {
			key = named_keys[i].key;
			mod |= named_keys[i].mod;
		}
	}
	if (key == VTERM_KEY_NONE)
		return false;
	/* libvterm knows the modes the program set (cursor keys in
	 * application mode and the like) and encodes accordingly. */
	h->encoding_keys = true;
	vterm_keyboard_key(h->vt, key, mod);
	h->encoding_keys = false;
	return true;
}

bool harness_key(struct harness *h, const char *name)
{
	if (h->master < 0) {
		fprintf(h->log, "harness: cannot send key %s: the terminal is closed\n", name);
		return false;
	}
	/* Read first, so the modes the program has set are known. */
	harness_pump(h);
	if (!encode_key(h, name)) {
		fprintf(h->log, "harness: unknown key name \"%s\"\n", name);
		return false;
	}
	return send_queued(h);
}

bool harness_keys(struct harness *h, const char *names)
{
	char name[64];
	const char *p = names;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		if (n >= sizeof name) {
			fprintf(h->log, "harness: key name too long in \"%s\"\n", names);
			return false;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		if (!harness_key(h, name))
			return false;
		p += n;
	}
	return true;
}

/* ---- reading the screen ------------------------------------------------- */

void harness_size(const struct harness *h, int *rows, int *cols)
{
	if (rows)
		*rows = h->rows;
	if (cols)
		*cols = h->cols;
}

static int color_index(const VTermColor *c, bool is_default, uint32_t *rgb)
{
	*rgb = 0;
	if (is_default)
		return HARNESS_COLOR_DEFAULT;
	if (VTERM_COLOR_IS_INDEXED(c))
		return c->indexed.idx;
	*rgb = (uint32_t)c->rgb.red << 16 | (uint32_t)c->rgb.green << 8 | c->rgb.blue;
	return HARNESS_COLOR_RGB;
}

bool harness_cell(const struct harness *h, int row, int col, struct harness_cell *cell)
{
	memset(cell, 0, sizeof *cell);
	cell->text[0] = ' ';
	cell->width = 1;
	cell->fg = cell->bg = HARNESS_COLOR_DEFAULT;
	if (row < 0 || row >= h->rows || col < 0 || col >= h->cols)
		return false;

	VTermScreenCell vc;
	vterm_screen_get_cell(h->screen, (VTermPos){.row = row, .col = col}, &vc);
	/* libvterm marks the right half of a wide character with the code
	 * point (uint32_t)-1 and reports it as width 1. */
	if (vc.chars[0] == (uint32_t)-1) {
		cell->text[0] = '\0';
		cell->width = 0;
	} else if (vc.chars[0] != 0) {
		size_t n = 0;
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && vc.chars[i]; i++)
			n += utf8_encode(vc.chars[i], cell->text + n);
		cell->text[n] = '\0';
		cell->width = vc.width;
	}
	cell->bold = vc.attrs.bold;
	cell->italic = vc.attrs.italic;
	cell->underline = vc.attrs.underline != VTERM_UNDERLINE_OFF;
	cell->blink = vc.attrs.blink;
	cell->reverse = vc.attrs.reverse;
	cell->strike = vc.attrs.strike;
	cell->fg = color_index(&vc.fg, VTERM_COLOR_IS_DEFAULT_FG(&vc.fg), &cell->fg_rgb);
	cell->bg = color_index(&vc.bg, VTERM_COLOR_IS_DEFAULT_BG(&vc.bg), &cell->bg_rgb);
	return true;
}

/* The row as UTF-8, untrimmed (exactly cols cells wide), NUL-terminated,
 * malloc'd in *out; returns its length n. If colmap is not NULL, *colmap
 * (malloc'd, n + 1 entries) gives for each byte the column of the cell
 * starting there, -1 inside a cell, and cols at the end. */
static size_t row_bytes(const struct harness *h, int row, char **out, int **colmap)
{
	size_t cap = (size_t)h->cols * CELL_BYTES + 1;
	char *s = malloc(cap);
	int *map = colmap ? malloc(cap * sizeof *map) : NULL;
	if (!s || (colmap && !map))
		abort();
	size_t n = 0;
	for (int col = 0; col < h->cols; col++) {
		struct harness_cell c;
		harness_cell(h, row, col, &c);
		if (c.width == 0)
			continue;
		size_t len = strlen(c.text);
		memcpy(s + n, c.text, len);
		for (size_t i = 0; map && i < len; i++)
			map[n + i] = i == 0 ? col : -1;
		n += len;
	}
	s[n] = '\0';
	if (map)
		map[n] = h->cols;
	*out = s;
	if (colmap)
		*colmap = map;
	return n;
}

char *harness_row_text(const struct harness *h, int row, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (row < 0 || row >= h->rows)
		return buf;
	char *s;
	size_t n = row_bytes(h, row, &s, NULL);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	free(s);
	return buf;
}

/* Finds text in one row, on whole cells (so "Nghi" does not match the
 * first cells of an NFD "Nghị"); returns the column or -1. */
static int find_in_row(const struct harness *h, int row, const char *text)
{
	char *s;
	int *colmap;
	row_bytes(h, row, &s, &colmap);
	size_t tlen = strlen(text);
	int col = -1;
	for (const char *p = s; col < 0 && (p = strstr(p, text)) != NULL; p++) {
		size_t at = (size_t)(p - s);
		if (colmap[at] >= 0 && colmap[at + tlen] >= 0)
			col = colmap[at];
	}
	free(s);
	free(colmap);
	return col;
}

bool harness_find(const struct harness *h, const char *text, int *row, int *col)
{
	for (int r = 0; r < h->rows; r++) {
		int c = find_in_row(h, r, text);
		if (c >= 0) {
			if (row)
				*row = r;
			if (col)
				*col = c;
			return true;
		}
	}
	return false;
}

void harness_cursor(const struct harness *h, int *row, int *col)
{
	VTermPos pos;
	vterm_state_get_cursorpos(h->state, &pos);
	if (row)
		*row = pos.row;
	if (col)
		*col = pos.col;
}

bool harness_cursor_visible(const struct harness *h)
{
	return h->cursor_visible;
}

bool harness_altscreen(const struct harness *h)
{
	return h->altscreen;
}

int harness_bells(const struct harness *h)
{
	return h->bells;
}

void harness_dump(const struct harness *h, FILE *out)
{
	int crow, ccol;
	harness_cursor(h, &crow, &ccol);
	fprintf(out, "screen %dx%d, cursor at row %d col %d%s%s%s:\n", h->rows, h->cols, crow, ccol,
		h->cursor_visible ? "" : " (hidden)", h->altscreen ? ", alternate screen" : "",
		h->eof || h->master < 0 ? ", terminal closed" : "");
	fputs("    +", out);
	for (int c = 0; c < h->cols; c++)
		fputc(c % 10 == 9 ? '+' : '-', out);
	fputs("+\n", out);
	for (int r = 0; r < h->rows; r++) {
		char *s;
		size_t n = row_bytes(h, r, &s, NULL);
		fprintf(out, "%3d |", r);
		print_escaped(out, (const unsigned char *)s, n, false);
		fputs("|\n", out);
		free(s);
	}
	size_t from = h->raw.len > DUMP_TAIL_BYTES ? h->raw.len - DUMP_TAIL_BYTES : 0;
	fprintf(out, "last %zu of %zu bytes written: ", h->raw.len - from, h->raw.len);
	print_escaped(out, h->raw.data + from, h->raw.len - from, true);
	fputc('\n', out);
	if (h->reaped && h->status != -1) {
		if (WIFEXITED(h->status))
			fprintf(out, "the program exited with status %d\n", WEXITSTATUS(h->status));
		else if (WIFSIGNALED(h->status))
			fprintf(out, "the program was killed by signal %d\n", WTERMSIG(h->status));
	}
	fflush(out);
}

/* ---- waiting ------------------------------------------------------------ */

bool harness_wait_until(struct harness *h, bool (*done)(struct harness *h, void *arg),
			void *arg, const char *what, int timeout_ms)
{
	timeout_ms = resolve_timeout(h, timeout_ms);
	long long deadline = now_ms() + timeout_ms;
	harness_pump(h);
	for (;;) {
		if (done(h, arg))
			return true;
		const char *why = NULL;
		long long left = deadline - now_ms();
		if (h->master < 0 || h->eof)
			why = "the terminal closed";
		else if (left <= 0)
			why = "timed out";
		if (why) {
			fprintf(h->log, "harness: %s after %d ms waiting for %s\n", why,
				timeout_ms - clamp_wait(left), what);
			harness_dump(h, h->log);
			return false;
		}
		pump_once(h, clamp_wait(left));
	}
}

struct text_goal {
	const char *text;
	int row;		/* -1: anywhere */
	bool present;
};

static bool text_reached(struct harness *h, void *arg)
{
	const struct text_goal *g = arg;
	bool there = g->row < 0 ? harness_find(h, g->text, NULL, NULL)
				: find_in_row(h, g->row, g->text) >= 0;
	return there == g->present;
}

static bool wait_text(struct harness *h, const char *text, int row, bool present, int timeout_ms)
{
	struct text_goal goal = {.text = text, .row = row, .present = present};
	char what[256];
	if (row >= 0)
		snprintf(what, sizeof what, "\"%s\" on row %d", text, row);
	else
		snprintf(what, sizeof what, "\"%s\" %s", text, present ? "on screen" : "to go away");
	if (row >= h->rows) {
		fprintf(h->log, "harness: row %d is off the %d-row screen\n", row, h->rows);
		return false;
	}
	return harness_wait_until(h, text_reached, &goal, what, timeout_ms);
}

bool harness_wait_text(struct harness *h, const char *text, int timeout_ms)
{
	return wait_text(h, text, -1, true, timeout_ms);
}

bool harness_wait_text_at(struct harness *h, int row, const char *text, int timeout_ms)
{
	if (row < 0) {
		fprintf(h->log, "harness: row %d is off the screen\n", row);
		return false;
	}
	return wait_text(h, text, row, true, timeout_ms);
}

struct row_goal {
	int row;
	const char *text;
};

static bool row_reached(struct harness *h, void *arg)
{
	const struct row_goal *g = arg;
	size_t size = (size_t)h->cols * CELL_BYTES + 1;
	char *buf = malloc(size);
	if (!buf)
		abort();
	bool same = strcmp(harness_row_text(h, g->row, buf, size), g->text) == 0;
	free(buf);
	return same;
}

bool harness_wait_row(struct harness *h, int row, const char *text, int timeout_ms)
{
	struct row_goal goal = {.row = row, .text = text};
	char what[256];
	snprintf(what, sizeof what, "row %d to read \"%s\"", row, text);
	if (row < 0 || row >= h->rows) {
		fprintf(h->log, "harness: row %d is off the %d-row screen\n", row, h->rows);
		return false;
	}
	return harness_wait_until(h, row_reached, &goal, what, timeout_ms);
}

bool harness_wait_gone(struct harness *h, const char *text, int timeout_ms)
{
	return wait_text(h, text, -1, false, timeout_ms);
}

bool harness_wait_quiet(struct harness *h, int quiet_ms)
{
	long long start = now_ms();
	long long deadline = start + h->timeout_ms;
	long long last = start;
	harness_pump(h);
	for (;;) {
		long long t = now_ms();
		if (h->master < 0 || h->eof || t - last >= quiet_ms)
			return true;
		if (t >= deadline) {
			fprintf(h->log, "harness: output did not stop for %d ms within %d ms\n",
				quiet_ms, h->timeout_ms);
			harness_dump(h, h->log);
			return false;
		}
		long long until = last + quiet_ms < deadline ? last + quiet_ms : deadline;
		if (pump_once(h, clamp_wait(until - t)))
			last = now_ms();
	}
}

bool harness_wait_exit(struct harness *h, int timeout_ms, int *status)
{
	timeout_ms = resolve_timeout(h, timeout_ms);
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		reap_nohang(h);
		if (h->reaped) {
			/* Its writes are all in the terminal now; a read flushes the
			 * kernel's buffers before it reports nothing left. */
			while (read_available(h) && now_ms() < deadline)
				continue;
			if (status)
				*status = h->status;
			return true;
		}
		long long left = deadline - now_ms();
		if (left <= 0) {
			fprintf(h->log, "harness: the program did not exit within %d ms\n", timeout_ms);
			harness_dump(h, h->log);
			return false;
		}
		pump_once(h, clamp_wait(left));
	}
}

/* ---- the terminal --------------------------------------------------------- */

/* The system calls a program waiting for input sleeps in. */
static const long input_waits[] = {
	SYS_read, SYS_readv, SYS_ppoll, SYS_pselect6, SYS_epoll_pwait,
#ifdef SYS_poll
	SYS_poll,
#endif
#ifdef SYS_select
	SYS_select,
#endif
#ifdef SYS_epoll_wait
	SYS_epoll_wait,
#endif
#ifdef SYS_epoll_pwait2
	SYS_epoll_pwait2,
#endif
};

bool harness_is_input_wait(long syscall_nr)
{
	for (size_t i = 0; i < sizeof input_waits / sizeof *input_waits; i++)
		if (syscall_nr == input_waits[i])
			return true;
	return false;
}

bool harness_read_proc(pid_t pid, const char *file, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, file);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

/* 1 if the program sleeps in a call that waits for input, 0 if it does
 * something else, -1 if the system cannot tell. /proc/PID/syscall names
 * the call; where it is not readable (it takes ptrace rights), the state
 * in /proc/PID/stat says at least whether the program sleeps. */
static int program_idle(const struct harness *h)
{
	char buf[512];
	if (harness_read_proc(h->pid, "syscall", buf, sizeof buf)) {
		/* "running", or "-1 …" when blocked outside a system call. */
		if (buf[0] < '0' || buf[0] > '9')
			return 0;
		return harness_is_input_wait(strtol(buf, NULL, 10));
	}
	if (harness_read_proc(h->pid, "stat", buf, sizeof buf)) {
		const char *paren = strrchr(buf, ')');
		if (paren && paren[1] == ' ')
			return paren[2] == 'S';
	}
	return -1;
}

bool harness_wait_idle(struct harness *h, int timeout_ms)
{
	timeout_ms = resolve_timeout(h, timeout_ms);
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		harness_pump(h);
		if (h->reaped) {
			fprintf(h->log, "harness: waiting for the program to be idle, but it has ended\n");
			harness_dump(h, h->log);
			return false;
		}
		if (program_idle(h) != 0)
			return true;
		if (now_ms() >= deadline) {
			fprintf(h->log, "harness: the program was still busy after %d ms\n", timeout_ms);
			harness_dump(h, h->log);
			return false;
		}
		pump_once(h, IDLE_SLICE_MS);
	}
}

bool harness_resize_now(struct harness *h, int rows, int cols)
{
	if (rows < 1 || cols < 1 || rows > USHRT_MAX || cols > USHRT_MAX || h->master < 0)
		return false;
	/* What the program drew for the old size lands on the old size. */
	harness_pump(h);
	vterm_set_size(h->vt, rows, cols);
	h->rows = rows;
	h->cols = cols;
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	if (ioctl(h->master, TIOCSWINSZ, &ws) < 0) {
		fprintf(h->log, "harness: TIOCSWINSZ: %s\n", strerror(errno));
		return false;
	}
	return true;
}

bool harness_resize(struct harness *h, int rows, int cols)
{
	bool idle = harness_wait_idle(h, 0);
	return harness_resize_now(h, rows, cols) && idle;
}

bool harness_signal(struct harness *h, int sig)
{
	reap_nohang(h);
	if (h->reaped)
		return false;
	return kill(h->pid, sig) == 0;
}

void harness_close_pty(struct harness *h)
{
	if (h->master < 0)
		return;
	harness_pump(h);
	close(h->master);
	h->master = -1;
	h->outq.len = 0;
}

pid_t harness_pid(const struct harness *h)
{
	return h->pid;
}

bool harness_rusage(const struct harness *h, struct rusage *out)
{
	if (!h->reaped || h->status == -1)
		return false;
	*out = h->rusage;
	return true;
}

/* ---- starting and stopping ------------------------------------------------ */

struct env {
	char **v;
	size_t n, cap;
};

static void env_unset(struct env *e, const char *name, size_t nlen)
{
	for (size_t i = 0; i < e->n; i++) {
		if (strncmp(e->v[i], name, nlen) == 0 && e->v[i][nlen] == '=') {
			free(e->v[i]);
			e->v[i] = e->v[--e->n];
			e->v[e->n] = NULL;
			return;
		}
	}
}

/* "NAME=value" sets NAME, a bare "NAME" unsets it. */
static void env_put(struct env *e, const char *entry)
{
	const char *eq = strchr(entry, '=');
	env_unset(e, entry, eq ? (size_t)(eq - entry) : strlen(entry));
	if (!eq)
		return;
	if (e->n + 2 > e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		e->v = realloc(e->v, e->cap * sizeof *e->v);
		if (!e->v)
			abort();
	}
	e->v[e->n] = strdup(entry);
	if (!e->v[e->n])
		abort();
	e->v[++e->n] = NULL;
}

static void env_set(struct env *e, const char *name, const char *value)
{
	if (!value)
		return;
	size_t len = strlen(name) + strlen(value) + 2;
	char *entry = malloc(len);
	if (!entry)
		abort();
	snprintf(entry, len, "%s=%s", name, value);
	env_put(e, entry);
	free(entry);
}

static void env_free(struct env *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i]);
	free(e->v);
}

static const char *const passed_through[] = {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"};

static void env_build(struct env *e, const struct harness_opts *o, const char *path)
{
	env_set(e, "PATH", path);
	for (size_t i = 0; i < sizeof passed_through / sizeof *passed_through; i++)
		env_set(e, passed_through[i], getenv(passed_through[i]));
	env_set(e, "TERM", o->term ? o->term : "xterm-256color");
	env_set(e, "LANG", o->lang);
	env_set(e, "LC_ALL", o->lc_all);
	env_set(e, "HOME", o->home);
	env_set(e, "XDG_DATA_HOME", o->xdg_data_home);
	for (const char *const *p = o->env; p && *p; p++)
		env_put(e, *p);
}

/* The program's path: argv0 itself if it has a '/', else the first
 * executable match in path. malloc'd; NULL if none. */
static char *find_program(const char *argv0, const char *path)
{
	if (strchr(argv0, '/'))
		return strdup(argv0);
	for (const char *p = path; p;) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		size_t len = dlen + strlen(argv0) + 3;
		char *full = malloc(len);
		if (!full)
			abort();
		snprintf(full, len, "%.*s/%s", (int)(dlen ? dlen : 1), dlen ? p : ".", argv0);
		if (access(full, X_OK) == 0)
			return full;
		free(full);
		p = colon ? colon + 1 : NULL;
	}
	return NULL;
}

/* In the child, between fork and exec: async-signal-safe calls only. */
static _Noreturn void child_exec(const char *prog, const char *const argv[], char **envp,
				 const char *cwd, const char *failure, int max_fd)
{
	/* Ignored signals stay ignored across exec: undo whatever the test
	 * runner set, so the program meets SIGHUP and SIGWINCH as usual. */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	/* Keep the test runner's descriptors out of the program. */
#ifdef SYS_close_range
	if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
#endif
		for (int fd = 3; fd < max_fd; fd++)
			close(fd);

	if (cwd && chdir(cwd) != 0) {
		static const char msg[] = "harness: cannot change to the working directory\r\n";
		(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
		_exit(127);
	}
	execve(prog, (char *const *)argv, envp);
	(void)!write(STDERR_FILENO, failure, strlen(failure));
	_exit(127);
}

static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
	int fd = (int)syscall(SYS_pidfd_open, pid, 0U);
	if (fd >= 0)
		return fd;
#else
	(void)pid;
#endif
	return -1;
}

struct harness *harness_start(const struct harness_opts *opts, const char *const argv[])
{
	static const struct harness_opts no_opts;
	const struct harness_opts *o = opts ? opts : &no_opts;
	FILE *log = o->log ? o->log : stderr;
	if (!argv || !argv[0]) {
		fprintf(log, "harness: no program to start\n");
		return NULL;
	}

	struct harness *h = calloc(1, sizeof *h);
	if (!h)
		abort();
	h->master = -1;
	h->pidfd = -1;
	h->log = log;
	h->rows = o->rows > 0 ? o->rows : DEFAULT_ROWS;
	h->cols = o->cols > 0 ? o->cols : DEFAULT_COLS;
	h->answer = !o->no_answer;
	h->cursor_visible = true;
	h->timeout_ms = o->timeout_ms;
	if (h->timeout_ms <= 0) {
		const char *t = getenv("HARNESS_TIMEOUT_MS");
		h->timeout_ms = t ? atoi(t) : 0;
		if (h->timeout_ms <= 0)
			h->timeout_ms = DEFAULT_TIMEOUT_MS;
	}

	h->vt = vterm_new(h->rows, h->cols);
	vterm_set_utf8(h->vt, 1);
	vterm_output_set_callback(h->vt, on_output, h);
	h->screen = vterm_obtain_screen(h->vt);
	h->state = vterm_obtain_state(h->vt);
	vterm_screen_set_callbacks(h->screen, &screen_callbacks, h);
	vterm_screen_enable_altscreen(h->screen, 1);
	vterm_screen_reset(h->screen, 1);

	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	struct env env = {0};
	env_build(&env, o, path);
	for (size_t i = 0; i < env.n; i++) {
		if (strncmp(env.v[i], "PATH=", 5) == 0)
			path = env.v[i] + 5;
	}
	char *prog = find_program(argv[0], path);
	if (!prog) {
		fprintf(log, "harness: %s not found in PATH\n", argv[0]);
		env_free(&env);
		harness_free(h);
		return NULL;
	}
	char failure[512];
	snprintf(failure, sizeof failure, "harness: cannot execute %s\r\n", prog);
	long open_max = sysconf(_SC_OPEN_MAX);
	int max_fd = open_max > 0 && open_max < 65536 ? (int)open_max : 65536;

	struct winsize ws = {.ws_row = (unsigned short)h->rows, .ws_col = (unsigned short)h->cols};
	int master;
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid == 0)
		child_exec(prog, argv, env.v, o->cwd, failure, max_fd);
	free(prog);
	env_free(&env);
	if (pid < 0) {
		fprintf(log, "harness: forkpty: %s\n", strerror(errno));
		harness_free(h);
		return NULL;
	}
	h->pid = pid;
	h->master = master;
	fcntl(master, F_SETFD, FD_CLOEXEC);
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	h->pidfd = open_pidfd(pid);
	return h;
}

void harness_free(struct harness *h)
{
	if (!h)
		return;
	if (h->pid > 0 && !h->reaped) {
		/* The program leads its own session and process group; take its
		 * children (a shell's background jobs) with it. */
		kill(-h->pid, SIGKILL);
		kill(h->pid, SIGKILL);
		int status;
		while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
			continue;
	}
	if (h->master >= 0)
		close(h->master);
	if (h->pidfd >= 0)
		close(h->pidfd);
	if (h->vt)
		vterm_free(h->vt);
	free(h->raw.data);
	free(h->outq.data);
	free(h);
}

/* ---- the output scanner ------------------------------------------------------ */

const unsigned char *harness_raw(const struct harness *h, size_t *len)
{
	if (len)
		*len = h->raw.len;
	return h->raw.data ? h->raw.data : (const unsigned char *)"";
}

/* True if the parameter string (p, n) is exactly want. */
static bool params_are(const unsigned char *p, size_t n, const char *want)
{
	return strlen(want) == n && memcmp(p, want, n) == 0;
}

/* The first parameter of (p, n), as a number; -1 if empty or not digits. */
static long first_param(const unsigned char *p, size_t n)
{
	long v = -1;
	for (size_t i = 0; i < n && p[i] != ';'; i++) {
		if (p[i] < '0' || p[i] > '9' || v > 100000)
			return -1;
		v = (v < 0 ? 0 : v * 10) + (p[i] - '0');
	}
	return v;
}

static const char *private_mode_verdict(const unsigned char *p, size_t n, unsigned char final)
{
	static const long allowed[] = {1, 5, 7, 12, 25, 1000, 1002, 1003, 1006, 1034, 1049, 2004};
	if (final != 'h' && final != 'l')
		return "CSI ? with a final other than h/l (a query or report)";
	if (n == 0)
		return "CSI ? h/l without a mode";
	for (size_t i = 0; i <= n;) {
		long mode = first_param(p + i, n - i);
		bool ok = false;
		for (size_t k = 0; k < sizeof allowed / sizeof *allowed; k++)
			ok = ok || mode == allowed[k];
		if (!ok)
			return "CSI ? h/l: a private mode curses does not set";
		const unsigned char *semi = memchr(p + i, ';', n - i);
		if (!semi)
			break;
		i = (size_t)(semi - p) + 1;
	}
	return NULL;
}

static const char *csi_verdict(const unsigned char *p, size_t n, size_t intermediates,
			       unsigned char final)
{
	if (intermediates)
		return "CSI with an intermediate byte (cursor style, mode request, …)";
	if (n > 0 && p[0] == '?')
		return private_mode_verdict(p + 1, n - 1, final);
	for (size_t i = 0; i < n; i++) {
		if (!(p[i] >= '0' && p[i] <= '9') && p[i] != ';' && !(p[i] == ':' && final == 'm'))
			return "CSI with private parameters (a query or an extension)";
	}
	switch (final) {
	case 'm':
	case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': case 'G':
	case 'H': case 'd': case 'f': case 'I': case 'Z':
	case '@': case 'P': case 'X': case 'L': case 'M': case 'S': case 'T': case 'b':
	case 'r':
		return NULL;
	case 'J':
		if (params_are(p, n, "3"))
			return "CSI 3 J (erases the scrollback)";
		/* fall through */
	case 'K':
		return n == 0 || params_are(p, n, "0") || params_are(p, n, "1") || params_are(p, n, "2")
			       ? NULL
			       : "CSI J/K with an unknown parameter";
	case 'h':
	case 'l':
		return params_are(p, n, "4") ? NULL : "CSI h/l: an ANSI mode other than insert";
	case 't': {
		long op = first_param(p, n);
		return op == 22 || op == 23 ? NULL : "CSI t (window manipulation or report)";
	}
	case 'n':
		return "CSI n (device status report: a query)";
	case 'c':
		return "CSI c (device attributes: a query)";
	case 'i':
		return "CSI i (media copy: the printer)";
	case 'g':
		return "CSI g (clear tab stops)";
	case 's':
	case 'u':
		return "CSI s/u (save/restore cursor, margins)";
	default:
		return "CSI not in the curses allowlist";
	}
}

/* The length of a control string (OSC, DCS, …) starting at s[0] = ESC,
 * through its terminator, or up to what interrupts it. */
static size_t string_len(const unsigned char *s, size_t n, bool bel_ends)
{
	for (size_t j = 2; j < n; j++) {
		if (s[j] == 0x1b)
			return j + 1 < n && s[j + 1] == '\\' ? j + 2 : j;
		if ((bel_ends && s[j] == 0x07) || s[j] == 0x18 || s[j] == 0x1a || s[j] == 0x9c)
			return j + 1;
		if (s[j] == 0xc2 && j + 1 < n && s[j + 1] == 0x9c)
			return j + 2;
	}
	return n;
}

static const char *osc_verdict(const unsigned char *s, size_t len)
{
	const unsigned char *body = s + 2;
	size_t n = len - 2;
	while (n > 0 && (body[n - 1] == 0x07 || body[n - 1] == '\\' || body[n - 1] == 0x1b))
		n--;
	if (params_are(body, n, "104"))
		return NULL;
	long op = first_param(body, n);
	switch (op) {
	case 0: case 1: case 2:
		return "OSC 0/1/2 (window title)";
	case 8:
		return "OSC 8 (hyperlink)";
	case 52:
		return "OSC 52 (clipboard)";
	default:
		return "OSC (operating system command)";
	}
}

static const char *esc_verdict(const unsigned char *s, size_t n, size_t *len)
{
	*len = 2;
	if (n < 2) {
		*len = 1;
		return "ESC at the end of the output";
	}
	switch (s[1]) {
	case '[': {
		size_t j = 2;
		while (j < n && s[j] >= 0x30 && s[j] <= 0x3f)
			j++;
		size_t pend = j;
		while (j < n && s[j] >= 0x20 && s[j] <= 0x2f)
			j++;
		if (j == n) {
			*len = n;
			return "CSI cut off at the end of the output";
		}
		if (s[j] < 0x40 || s[j] > 0x7e) {
			*len = j;
			return "CSI interrupted (a control or non-ASCII byte inside)";
		}
		*len = j + 1;
		return csi_verdict(s + 2, pend - 2, j - pend, s[j]);
	}
	case ']':
		*len = string_len(s, n, true);
		return osc_verdict(s, *len);
	case 'P':
		*len = string_len(s, n, false);
		return "DCS (device control string)";
	case 'X':
		*len = string_len(s, n, false);
		return "SOS (start of string)";
	case '^':
		*len = string_len(s, n, false);
		return "PM (privacy message)";
	case '_':
		*len = string_len(s, n, false);
		return "APC (application program command)";
	case '\\':
		return "ST (string terminator) without a string";
	case '7': case '8': case 'M': case 'E': case 'D': case '=': case '>':
		return NULL;
	case 'c':
		return "RIS (full reset)";
	case '(':
		if (n < 3) {
			*len = n;
			return "charset designation cut off";
		}
		*len = 3;
		return s[2] == 'B' || s[2] == '0' ? NULL : "G0 charset designation other than B and 0";
	default:
		break;
	}
	if (s[1] < 0x20 || s[1] >= 0x7f) {
		*len = 1;
		return "ESC followed by a control or non-ASCII byte";
	}
	size_t j = 1;
	while (j < n && s[j] >= 0x20 && s[j] <= 0x2f)
		j++;
	if (j == n) {
		*len = n;
		return "escape sequence cut off";
	}
	*len = j + 1;
	switch (s[1]) {
	case '#':
		return "ESC # (line size, screen alignment fill)";
	case ' ':
		return "ESC SP (7-bit/8-bit control switch)";
	case ')': case '*': case '+': case '-': case '.': case '/':
		return "G1–G3 charset designation";
	case 'N': case 'O':
		return "SS2/SS3 (single shift)";
	default:
		return "escape sequence not in the curses allowlist";
	}
}

static const char *c0_verdict(unsigned char c, unsigned flags)
{
	switch (c) {
	case '\b': case '\t': case '\n': case '\r':
		return NULL;
	case 0x07:
		return flags & HARNESS_SCAN_ALLOW_BEL ? NULL : "BEL (bell)";
	case 0x0e:
	case 0x0f:
		return "SO/SI (character set shift)";
	case 0x7f:
		return "DEL";
	default:
		return "C0 control character";
	}
}

static const char *high_verdict(const unsigned char *s, size_t n, unsigned flags, size_t *len)
{
	*len = 1;
	if (flags & HARNESS_SCAN_8BIT)
		return s[0] <= 0x9f ? "C1 control byte" : NULL;
	uint32_t cp;
	size_t ulen = utf8_decode(s, n, &cp);
	if (ulen > 1) {
		*len = ulen;
		return cp <= 0x9f ? "C1 control in UTF-8 (U+0080–U+009F)" : NULL;
	}
	if (s[0] <= 0x9f)
		return "C1 control byte outside UTF-8 (0x80–0x9f)";
	return flags & HARNESS_SCAN_INVALID_UTF8 ? "malformed UTF-8" : NULL;
}

size_t harness_scan_escapes(const unsigned char *bytes, size_t len, unsigned flags,
			    struct harness_escape *out, size_t max)
{
	size_t found = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = bytes[i];
		size_t n = 1;
		const char *what = NULL;
		if (c == 0x1b)
			what = esc_verdict(bytes + i, len - i, &n);
		else if (c < 0x20 || c == 0x7f)
			what = c0_verdict(c, flags);
		else if (c >= 0x80)
			what = high_verdict(bytes + i, len - i, flags, &n);
		if (what) {
			if (found < max)
				out[found] = (struct harness_escape){.offset = i, .len = n, .what = what};
			found++;
		}
		i += n;
	}
	return found;
}

size_t harness_raw_foreign_escapes(const struct harness *h, FILE *report)
{
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	size_t total = harness_scan_escapes(raw, len, 0, NULL, 0);
	if (total == 0 || !report)
		return total;
	struct harness_escape *found = calloc(total, sizeof *found);
	if (!found)
		abort();
	harness_scan_escapes(raw, len, 0, found, total);
	for (size_t i = 0; i < total; i++) {
		fprintf(report, "offset %zu: %s: ", found[i].offset, found[i].what);
		size_t n = found[i].len < REPORT_BYTES ? found[i].len : REPORT_BYTES;
		print_escaped(report, raw + found[i].offset, n, true);
		fputs(n < found[i].len ? "…\n" : "\n", report);
	}
	free(found);
	return total;
}
