#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "session.h"
#include "stats.h"

/* How long one key may take before the driver gives up on it. */
#define PRESS_TIMEOUT_MS 20000

/* ppoll's timeout is a struct timespec in the program's memory (its
 * address is the third argument); -1 when it cannot be read. */
static long ppoll_timeout_ms(pid_t pid, unsigned long long address)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/mem", (long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct timespec t;
	ssize_t n = pread(fd, &t, sizeof t, (off_t)address);
	close(fd);
	return n == (ssize_t)sizeof t ? (long)t.tv_sec * 1000 + t.tv_nsec / 1000000 : -1;
}

/* A poll with a timeout shorter than this is a program that has more
 * to do soon (a deferred redraw), not one that waits for a person. */
#define SHORT_WAIT_MS 500

enum sleep_state {
	AWAKE,		/* running, or asleep on something else than input */
	DUE,		/* waiting for input, but only briefly: more will come */
	SETTLED,	/* waiting for input for long */
};

/* What the program is doing, from /proc/PID/syscall: the system call it
 * sleeps in (harness_is_input_wait), and for
 * poll and ppoll its timeout, the fourth field. */
static enum sleep_state sleep_state(pid_t pid)
{
	char buf[256];
	if (!harness_read_proc(pid, "syscall", buf, sizeof buf) || buf[0] < '0' || buf[0] > '9')
		return AWAKE;
	char *end;
	long nr = strtol(buf, &end, 10);
	if (!harness_is_input_wait(nr))
		return AWAKE;
	strtoull(end, &end, 16);	/* fds */
	strtoull(end, &end, 16);	/* nfds */
	unsigned long long arg = strtoull(end, NULL, 16);
	long timeout = -1;
#ifdef SYS_poll
	if (nr == SYS_poll)
		timeout = (int)arg;
#endif
	if (nr == SYS_ppoll && arg)
		timeout = ppoll_timeout_ms(pid, arg);
	return timeout >= 0 && timeout < SHORT_WAIT_MS ? DUE : SETTLED;
}

static bool asleep_on_input(pid_t pid)
{
	return sleep_state(pid) != AWAKE;
}

/* Times the program has gone to sleep of its own accord. */
static long voluntary_switches(pid_t pid)
{
	char buf[4096];
	if (!harness_read_proc(pid, "status", buf, sizeof buf))
		return -1;
	const char *p = strstr(buf, "\nvoluntary_ctxt_switches:");
	return p ? strtol(p + strlen("\nvoluntary_ctxt_switches:"), NULL, 10) : -1;
}

static void pause_briefly(void)
{
	struct timespec t = { 0, 20000 };
	nanosleep(&t, NULL);
}

static size_t raw_len(const struct session *s)
{
	size_t n;
	harness_raw(s->h, &n);
	return n;
}

/* After the press is handled: waits until the program has done what it
 * put off (its poll timeout is long again), timing that too. */
static bool wait_settled(struct session *s, size_t len0, double t0, struct press *out)
{
	size_t seen = len0 + out->bytes;
	double last = t0 + out->ms;
	for (;;) {
		harness_pump(s->h);
		double now = bench_now_ms();
		if (raw_len(s) != seen) {
			seen = raw_len(s);
			last = now;
		}
		if (sleep_state(s->pid) == SETTLED) {
			harness_pump(s->h);
			if (raw_len(s) != seen) {
				seen = raw_len(s);
				last = bench_now_ms();
			}
			out->settled_ms = last - t0;
			out->settled_bytes = seen - len0;
			return true;
		}
		if (now - t0 > s->timeout_ms)
			return false;
		pause_briefly();
	}
}

/* Waits until the program has woken since `switches` was read and sleeps
 * on input again, reading its output meanwhile; the press is timed from
 * t0 to the last output (or to the moment it was seen asleep). */
static bool wait_handled(struct session *s, long switches, size_t len0, double t0,
			 struct press *out)
{
	size_t seen = len0;
	double last = t0;
	for (;;) {
		harness_pump(s->h);
		double now = bench_now_ms();
		if (raw_len(s) != seen) {
			seen = raw_len(s);
			last = now;
		}
		if (asleep_on_input(s->pid) && voluntary_switches(s->pid) > switches) {
			/* What it wrote before falling asleep is in the terminal. */
			harness_pump(s->h);
			if (raw_len(s) != seen) {
				seen = raw_len(s);
				last = bench_now_ms();
			}
			out->ms = (seen != len0 ? last : now) - t0;
			out->bytes = seen - len0;
			return wait_settled(s, len0, t0, out);
		}
		if (now - t0 > s->timeout_ms) {
			fprintf(stderr, "bench: the program did not finish within %d ms\n", s->timeout_ms);
			harness_dump(s->h, stderr);
			return false;
		}
		pause_briefly();
	}
}

bool session_settle(struct session *s)
{
	double t0 = bench_now_ms();
	while (sleep_state(s->pid) != SETTLED) {
		harness_pump(s->h);
		if (bench_now_ms() - t0 > s->timeout_ms)
			return false;
		pause_briefly();
	}
	harness_pump(s->h);
	return true;
}

static bool timed(struct session *s, const char *what, bool is_key, struct press *out)
{
	if (!session_settle(s))
		return false;
	long switches = voluntary_switches(s->pid);
	size_t len0 = raw_len(s);
	double t0 = bench_now_ms();
	bool sent = is_key ? harness_key(s->h, what) : harness_send(s->h, what);
	return sent && wait_handled(s, switches, len0, t0, out);
}

bool session_key(struct session *s, const char *key, struct press *out)
{
	return timed(s, key, true, out);
}

bool session_type(struct session *s, const char *text, struct press *out)
{
	return timed(s, text, false, out);
}

bool session_start(struct session *s, const char *const argv[], const char *home,
		   int rows, int cols, bool (*ready)(struct harness *h, void *arg),
		   void *arg, struct press *first)
{
	struct harness_opts o = {
		.rows = rows, .cols = cols, .lang = "C.UTF-8", .home = home,
		.timeout_ms = PRESS_TIMEOUT_MS,
	};
	*s = (struct session){ .rows = rows, .cols = cols, .timeout_ms = PRESS_TIMEOUT_MS };
	double t0 = bench_now_ms();
	if (!(s->h = harness_start(&o, argv)))
		return false;
	s->pid = harness_pid(s->h);
	double last = t0;
	size_t seen = 0;
	for (;;) {
		harness_pump(s->h);
		double now = bench_now_ms();
		if (raw_len(s) != seen) {
			seen = raw_len(s);
			last = now;
		}
		if (ready(s->h, arg) && asleep_on_input(s->pid)) {
			harness_pump(s->h);
			if (raw_len(s) != seen) {
				seen = raw_len(s);
				last = bench_now_ms();
			}
			first->ms = first->settled_ms = last - t0;
			first->bytes = first->settled_bytes = seen;
			return true;
		}
		if (now - t0 > s->timeout_ms) {
			fprintf(stderr, "bench: %s showed no complete screen within %d ms\n", argv[0], s->timeout_ms);
			harness_dump(s->h, stderr);
			harness_free(s->h);
			s->h = NULL;
			return false;
		}
		pause_briefly();
	}
}

bool session_finish(struct session *s, const char *quit_keys, struct rusage *ru)
{
	bool ok = true;
	if (quit_keys)
		ok = harness_keys(s->h, quit_keys);
	int status;
	ok = ok && harness_wait_exit(s->h, s->timeout_ms, &status);
	ok = ok && harness_rusage(s->h, ru);
	harness_free(s->h);
	s->h = NULL;
	return ok;
}

bool session_row_has(const struct session *s, int row, const char *text)
{
	if (row < 0)
		row += s->rows;
	char buf[4096];
	harness_row_text(s->h, row, buf, sizeof buf);
	return strstr(buf, text) != NULL;
}
