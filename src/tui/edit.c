#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "input.h"
#include "prompt.h"
#include "signals.h"

static void redraw(void *ctx)
{
	app_draw(ctx);
}

static const char *next_status(const char *status)
{
	static const char *const cycle[] = { "open", "doing", "done", "dropped" };
	for (size_t i = 0; i < 4; i++)
		if (status && !strcmp(status, cycle[i]))
			return cycle[(i + 1) % 4];
	return "open";
}

static const char *editor_command(void)
{
	const char *editor = getenv("VISUAL");
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	return editor && *editor ? editor : NULL;
}

/* Runs the editor on a file holding `text`; the edited text in *out.
 * False when it failed. */
static bool run_editor(const char *editor, const char *text, struct text_buf *out)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/bienban-note-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	bool ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	input_stop();
	def_prog_mode();
	endwin();
	signals_for_child(true);
	pid_t pid = ok ? fork() : -1;
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		/* The editor may carry arguments ("emacs -nw"); the path goes
		 * in as $1, so it needs no quoting. exec: a shell left waiting
		 * would die of the ^C meant for the editor, and we would take
		 * the edit for failed while the editor still ran. */
		setenv("BIENBAN_EDITOR", editor, 1);
		execl("/bin/sh", "sh", "-c", "exec $BIENBAN_EDITOR \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	signals_for_child(false);
	reset_prog_mode();
	refresh();
	input_start();
	ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	FILE *f = ok ? fopen(path, "r") : NULL;
	if (f) {
		char chunk[4096];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			text_buf_add(out, chunk, n);
		fclose(f);
		while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == '\r'))
			out->len--;
		text_buf_addz(out, "");
	}
	unlink(path);
	return f != NULL;
}

/* Asks for the new value of a text field; false when cancelled. */
static bool ask(struct app *a, enum tui_action action, const struct store_task *t,
		struct text_buf *value)
{
	struct prompt_io io = { .redraw = redraw, .ctx = a };
	switch (action) {
	case ACTION_SET_OWNER:
		return prompt_read(&a->painter, "Owner: ", t->owner, &io, value);
	case ACTION_SET_DUE:
		return prompt_read(&a->painter, "Due (15/4/2023, quý II-2023…): ",
				   t->due_text ? t->due_text : t->due_on, &io, value);
	default:
		break;
	}
	const char *editor = editor_command();
	if (editor)
		return run_editor(editor, t->note ? t->note : "", value);
	return prompt_read(&a->painter, "Note: ", t->note, &io, value);
}

static enum store_field field_of(enum tui_action action)
{
	switch (action) {
	case ACTION_SET_OWNER: return STORE_FIELD_OWNER;
	case ACTION_SET_DUE: return STORE_FIELD_DUE;
	case ACTION_EDIT_NOTE: return STORE_FIELD_NOTE;
	default: return STORE_FIELD_STATUS;
	}
}

static void save(struct app *a, long long id, enum store_field field, const char *value)
{
	struct bb_error err;
	long long history = 0;
	enum bb_status st = store_task_set(a->store, id, field, value, a->opt->user, &history, &err);
	if (st != BB_OK) {
		app_say(a, true, "%s", st == BB_BUSY ? "busy: the database is locked by another program; try again" : err.msg);
		return;
	}
	if (history && a->nundo < UNDO_MAX)
		a->undo[a->nundo++] = history;
	app_refresh(a);
	static const char *const names[] = { "status", "owner", "due date", "note" };
	if (history)
		app_say(a, false, "item %lld: %s saved (u undoes)", id, names[field]);
}

void edit_action(struct app *a, enum tui_action action)
{
	if (a->opt->read_only || store_read_only(a->store)) {
		app_say(a, true, "read-only: opened with --read-only or without write access; nothing changed");
		return;
	}
	enum store_kind kind;
	long long id = app_selected(a, &kind);
	if (!id || kind != STORE_KIND_TASK) {
		app_say(a, true, "select an action item first");
		return;
	}
	struct store_task *t;
	struct bb_error err;
	if (store_task_get(a->store, id, &t, &err) != BB_OK) {
		app_say(a, true, "%s", err.msg);
		return;
	}
	struct text_buf value = {0};
	bool go = true;
	if (action == ACTION_TOGGLE_DONE)
		text_buf_addz(&value, strcmp(t->status, "done") ? "done" : "open");
	else if (action == ACTION_CYCLE_STATUS)
		text_buf_addz(&value, next_status(t->status));
	else
		go = ask(a, action, t, &value);
	if (go)
		save(a, id, field_of(action), value.data ? value.data : "");
	text_buf_free(&value);
	store_task_free(t);
}

void edit_undo(struct app *a)
{
	if (!a->nundo) {
		app_say(a, false, "nothing to undo in this session");
		return;
	}
	struct bb_error err;
	long long task;
	enum bb_status st = store_task_undo(a->store, a->undo[a->nundo - 1], a->opt->user, &task, &err);
	if (st != BB_OK) {
		app_say(a, true, "%s", err.msg);
		if (st != BB_BUSY)
			a->nundo--;	/* that edit cannot be undone; the next may */
		return;
	}
	a->nundo--;
	app_refresh(a);
	app_say(a, false, "undone: item %lld", task);
}
