#include "config.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "signals.h"

/* The handlers only set a flag (or, for a crash, write bytes prepared in
 * advance): curses is never called from a handler. */
static volatile sig_atomic_t stop_signal;

static struct termios saved_termios;
static bool have_termios;
static char reset_bytes[256];
static size_t reset_len;
static struct sigaction previous[32];

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* A crash must not leave the terminal in raw mode on the alternate
 * screen: restore it with prepared bytes and the saved termios, then let
 * the previous handler (a sanitizer's, or the default) do its work. */
static void on_fatal(int sig, siginfo_t *info, void *ctx)
{
	if (reset_len)
		(void)!write(STDOUT_FILENO, reset_bytes, reset_len);
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	struct sigaction *old = &previous[sig];
	if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
		old->sa_sigaction(sig, info, ctx);
		return;
	}
	if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler) {
		old->sa_handler(sig);
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void signals_install(void)
{
	have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the input wait at once. */
	sa.sa_handler = on_stop;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void signals_install_fatal(const char *reset)
{
	size_t n = strlen(reset);
	if (n >= sizeof reset_bytes)
		n = sizeof reset_bytes - 1;
	memcpy(reset_bytes, reset, n);
	reset_len = n;
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_sigaction = on_fatal;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
	for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
		sigaction(fatal[i], &sa, &previous[fatal[i]]);
}

int signals_pending(void)
{
	return stop_signal;
}
