#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "signals.h"

/* Esc alone should close a prompt at once; the terminal sends a key's
 * sequence in one write, so it comes whole well within this. */
#define ESC_DELAY_MS 25
/* Once ESC [ or ESC O came, how long each further byte of the sequence
 * may take: only a slow link splits a sequence. */
#define SEQUENCE_MS 1000
/* Once the first byte of a UTF-8 character came, how long the rest may
 * take (curses drops a character it gets only part of). */
#define CHAR_MS 200
/* Input that curses reads but makes no key of, this many times in a
 * row, is a terminal that only pretends to have input. */
#define EMPTY_READS_MAX 100

static struct tui_key held;	/* a key read ahead of its turn */
static bool have_held;

static void paste_mode(bool on)
{
	/* putp writes through stdio: flush, or the mode would only reach the
	 * terminal at exit. */
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
}

void input_start(void)
{
	if (!getenv("ESCDELAY"))
		set_escdelay(ESC_DELAY_MS);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	paste_mode(true);
}

void input_stop(void)
{
	paste_mode(false);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One key from curses, waiting at most wait_ms for it. */
static bool curses_key(struct tui_key *key, int wait_ms)
{
	wint_t ch;
	timeout(wait_ms);
	int r = get_wch(&ch);
	if (r == ERR)
		return false;
	*key = (struct tui_key){ .fn = r == KEY_CODE_YES, .code = (unsigned)ch };
	return true;
}

static void hold(struct tui_key key)
{
	held = key;
	have_held = true;
}

/* ---- signals ---------------------------------------------------------- */

/* ^Z: give the terminal back as endwin leaves it, stop, and on fg have
 * the caller draw everything again (the next refresh takes curses out
 * of endwin). */
static void suspend(void)
{
	paste_mode(false);
	endwin();
	signals_stop_self();
	paste_mode(true);
}

/* Continued after a stop that was not ours (SIGSTOP): whoever had the
 * terminal meanwhile may have reset it, so set it up again. */
static void resume(void)
{
	endwin();
	paste_mode(true);
}

/* Takes the terminal's size and has the whole screen drawn again, even
 * when the size is the one curses knows: several resizes may have come
 * and gone since it last looked (1×1 and back), and what the terminal
 * shows after them is anyone's guess. resize_term, not resizeterm: the
 * latter also queues a KEY_RESIZE of its own, which would sit behind
 * ppoll's back until the next key. */
static void apply_resize(struct tui_key *key)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	*key = (struct tui_key){ .fn = true, .code = KEY_RESIZE };
}

/* Acts on the flags; INPUT_NONE when waiting should go on. After a
 * stop the size is read again too: the terminal may have been resized
 * meanwhile, and the SIGWINCH went to the shell. */
static enum input_status on_signals(struct tui_key *key)
{
	if (signals_pending())
		return INPUT_STOP;
	bool stopped = false;
	if (signals_take_suspend()) {
		suspend();
		stopped = true;
	}
	if (signals_take_continued()) {
		resume();
		stopped = true;
	}
	if (signals_take_resize() || stopped) {
		apply_resize(key);
		return INPUT_KEY;
	}
	return INPUT_NONE;
}

/* ---- waiting ---------------------------------------------------------- */

enum wake {
	WAKE_INPUT,
	WAKE_SIGNAL,
	WAKE_TIMEOUT,
	WAKE_HANGUP,
};

/* Sleeps until the terminal has input, a watched signal comes or the
 * deadline (monotonic ms; -1: none) passes. The caller blocks the
 * signals; ppoll lets them in while it sleeps. */
static enum wake sleep_until(long long deadline, const sigset_t *open)
{
	struct timespec ts, *tsp = NULL;
	if (deadline >= 0) {
		long long left = deadline - now_ms();
		if (left <= 0)
			return WAKE_TIMEOUT;
		ts = (struct timespec){ .tv_sec = left / 1000, .tv_nsec = left % 1000 * 1000000 };
		tsp = &ts;
	}
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int n = ppoll(&p, 1, tsp, open);
	if (n < 0)
		return errno == EINTR ? WAKE_SIGNAL : WAKE_HANGUP;
	if (n == 0)
		return WAKE_TIMEOUT;
	/* A hung-up terminal polls as readable forever and every read fails
	 * at once: without this the loop would spin on a dead link. */
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return WAKE_HANGUP;
	return WAKE_INPUT;
}

static enum wake wait_once(long long deadline)
{
	sigset_t watched, open;
	signals_watched(&watched);
	sigprocmask(SIG_BLOCK, &watched, &open);
	enum wake w = signals_any() ? WAKE_SIGNAL : sleep_until(deadline, &open);
	sigprocmask(SIG_SETMASK, &open, NULL);
	return w;
}

static enum input_status wait_key(struct tui_key *key, int timeout_ms)
{
	long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	int empty_reads = 0;
	for (;;) {
		enum input_status st;
		switch (wait_once(deadline)) {
		case WAKE_INPUT:
			if (curses_key(key, CHAR_MS))
				return INPUT_KEY;
			if (++empty_reads >= EMPTY_READS_MAX)
				return INPUT_GONE;
			break;
		case WAKE_SIGNAL:
			if ((st = on_signals(key)) != INPUT_NONE)
				return st;
			break;
		case WAKE_TIMEOUT:
			return INPUT_TIMEOUT;
		case WAKE_HANGUP:
			return INPUT_GONE;
		}
	}
}

/* ---- after an ESC --------------------------------------------------------- */

/* Reads the rest of ESC [ … or ESC O … as far as it comes. The paste
 * markers are known keys to curses, but one whose tail came late reaches
 * here: it still starts or ends a paste, or the paste would run as keys. */
static enum input_status rest_of_sequence(bool ss3, struct tui_key *key)
{
	char params[16];
	size_t n = 0;
	struct tui_key k;
	while (curses_key(&k, SEQUENCE_MS)) {
		if (k.fn || k.code < 0x20 || k.code > 0x7e) {
			hold(k);
			break;
		}
		if (ss3 || k.code >= 0x40) {
			params[n] = '\0';
			bool tilde = k.code == '~' && !ss3;
			if (tilde && !strcmp(params, "200")) {
				*key = (struct tui_key){ .fn = true, .code = KEY_PASTE_BEGIN };
				return INPUT_KEY;
			}
			if (tilde && !strcmp(params, "201")) {
				*key = (struct tui_key){ .fn = true, .code = KEY_PASTE_END };
				return INPUT_KEY;
			}
			break;
		}
		if (n + 1 < sizeof params)
			params[n++] = (char)k.code;
	}
	return INPUT_NONE;
}

/* curses has waited ESCDELAY for more after the ESC; whatever it read
 * meanwhile and could not make a key of is still queued. */
static enum input_status after_esc(struct tui_key *key)
{
	struct tui_key next;
	if (!curses_key(&next, 0))
		return INPUT_KEY;	/* Esc alone */
	if (next.fn || next.code == 27) {
		hold(next);		/* Esc, then a key of its own */
		return INPUT_KEY;
	}
	if (next.code == '[' || next.code == 'O')
		return rest_of_sequence(next.code == 'O', key);
	return INPUT_NONE;	/* Alt and a character: bienban binds none */
}

enum input_status input_read(struct tui_key *key, int timeout_ms)
{
	if (have_held) {
		have_held = false;
		*key = held;
		return INPUT_KEY;
	}
	enum input_status st = wait_key(key, timeout_ms);
	if (st != INPUT_KEY || key->fn || key->code != 27)
		return st;
	return after_esc(key);
}
