#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compare.h"
#include "stats.h"

int run_timed(const char *const argv[], double *ms, struct rusage *ru)
{
	double t0 = bench_now_ms();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int status;
	while (wait4(pid, &status, 0, ru) < 0)
		if (errno != EINTR)
			return -1;
	*ms = bench_now_ms() - t0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool have_program(const char *name)
{
	const char *path = getenv("PATH");
	if (!path)
		return false;
	char *copy = strdup(path), *save = NULL;
	bool found = false;
	for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char full[4096];
		snprintf(full, sizeof full, "%s/%s", dir, name);
		found = access(full, X_OK) == 0;
	}
	free(copy);
	return found;
}

/* The columns page.c reads for an action item. */
#define TASK_COLUMNS \
	"a.id, (SELECT meeting_id FROM resolution WHERE id = a.resolution_id)," \
	" a.resolution_id, a.seq, a.text, a.owner, a.due_on, a.due_text," \
	" a.status, a.note, a.updated_at, a.span_start, a.span_end," \
	" (SELECT m.title FROM resolution r JOIN meeting m ON m.id = r.meeting_id" \
	"  WHERE r.id = a.resolution_id)," \
	" (SELECT title FROM resolution WHERE id = a.resolution_id)"

/* A page is two screens of an 18-row pane (listmodel.c). */
#define PAGE "36"

#define NEWEST_MEETING \
	"(SELECT id FROM meeting ORDER BY ifnull(held_on, '') DESC, id DESC LIMIT 1)"

static const char first_screen_sql[] =
	"SELECT name, n FROM counts;"
	"SELECT m.id, m.title, m.body, m.session, m.held_on, m.place, m.chair, m.summary,"
	" m.source, ifnull(m.held_on, '') FROM meeting m WHERE 1"
	" ORDER BY ifnull(m.held_on, '') DESC, m.id DESC LIMIT " PAGE ";"
	"SELECT r.id, r.meeting_id, r.seq, r.title, r.text, r.span_start, r.span_end,"
	" (SELECT group_concat(d.code, char(10)) FROM resolution_document rd"
	"  JOIN document d ON d.id = rd.document_id WHERE rd.resolution_id = r.id),"
	" (SELECT title FROM meeting WHERE id = r.meeting_id), r.seq"
	" FROM resolution r WHERE 1 AND r.meeting_id = " NEWEST_MEETING
	" ORDER BY r.seq ASC, r.id ASC LIMIT " PAGE ";"
	"SELECT " TASK_COLUMNS ", a.seq FROM action_item a WHERE 1 AND a.resolution_id ="
	" (SELECT id FROM resolution WHERE meeting_id = " NEWEST_MEETING " ORDER BY seq, id LIMIT 1)"
	" ORDER BY a.seq ASC, a.id ASC LIMIT " PAGE ";"
	"SELECT id, title, body, session, held_on, place, chair, summary, source"
	" FROM meeting WHERE id = " NEWEST_MEETING ";"
	"SELECT source_text FROM meeting WHERE id = " NEWEST_MEETING ";";

char *floor_first_screen_sql(void)
{
	return strdup(first_screen_sql);
}

char *floor_overdue_sql(const char *today)
{
	const char *fmt =
		"SELECT name, n FROM counts;"
		"SELECT " TASK_COLUMNS ", ifnull(a.due_on, '9999-12-31') FROM action_item a"
		" WHERE 1 AND ifnull(a.due_on, '9999-12-31') < '%s' AND +a.status IN ('open', 'doing')"
		" ORDER BY ifnull(a.due_on, '9999-12-31') ASC, a.id ASC LIMIT " PAGE ";";
	size_t n = strlen(fmt) + strlen(today) + 1;
	char *sql = malloc(n);
	if (!sql)
		abort();
	snprintf(sql, n, fmt, today);
	return sql;
}
