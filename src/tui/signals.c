#include "config.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "signals.h"

/* The handlers only set a flag (or, for a crash, write bytes prepared in
 * advance): curses is never called from a handler. The input wait
 * (input.c) reads the flags with these signals blocked and sleeps in
 * ppoll, which lets them in, so none slips between a check and a sleep. */
static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t suspend_asked, continued, resized;

static struct termios saved_termios;
static bool have_termios;
static char reset_bytes[256];
static size_t reset_len;
static struct sigaction previous[32];

static void on_stop(int sig)
{
	stop_signal = sig;
}

static void on_tstp(int sig)
{
	(void)sig;
	suspend_asked = 1;
}

static void on_cont(int sig)
{
	(void)sig;
	continued = 1;
}

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
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

static void catch(int sig, void (*handler)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the input wait at once. */
	sa.sa_handler = handler;
	sigaction(sig, &sa, NULL);
}

void signals_install(void)
{
	have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
	catch(SIGHUP, on_stop);
	catch(SIGTERM, on_stop);
	catch(SIGINT, on_stop);
	/* Caught before curses starts, so that curses leaves them to us:
	 * its own SIGTSTP handler would call endwin() inside the handler,
	 * its SIGWINCH handler would leave a resize unseen until a key. */
	catch(SIGTSTP, on_tstp);
	catch(SIGCONT, on_cont);
	catch(SIGWINCH, on_winch);
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

void signals_watched(sigset_t *set)
{
	sigemptyset(set);
	static const int watched[] = { SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT, SIGWINCH };
	for (size_t i = 0; i < sizeof watched / sizeof *watched; i++)
		sigaddset(set, watched[i]);
}

int signals_pending(void)
{
	return stop_signal;
}

bool signals_any(void)
{
	return stop_signal || suspend_asked || continued || resized;
}

bool signals_take_suspend(void)
{
	bool asked = suspend_asked;
	suspend_asked = 0;
	return asked;
}

bool signals_take_continued(void)
{
	bool was = continued;
	continued = 0;
	return was;
}

bool signals_take_resize(void)
{
	bool was = resized;
	resized = 0;
	return was;
}

void signals_stop_self(void)
{
	/* The default action stops the process, as ^Z would have; a process
	 * group no shell waits on (an orphan) has SIGTSTP discarded by the
	 * kernel instead, and goes on at once. */
	signal(SIGTSTP, SIG_DFL);
	sigset_t tstp, old;
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, &old);
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &old, NULL);
	catch(SIGTSTP, on_tstp);
	continued = 0;	/* the redraw after this is the resumption */
}

void signals_for_child(bool child)
{
	/* Like system(): while a child program has the terminal, ^C is for
	 * it, not for us; ^Z stops us with it, as one job. */
	if (child) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_DFL);
	} else {
		catch(SIGINT, on_stop);
		signal(SIGQUIT, SIG_DFL);
		catch(SIGTSTP, on_tstp);
	}
}
