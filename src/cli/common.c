#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest.h"
#include "internal.h"
#include "store.h"

void cli_error(const char *msg)
{
	struct text_buf b = {0};
	/* Messages quote file contents and names: keep them inert too. */
	text_sanitize(&b, msg, strlen(msg), TEXT_SINGLE_LINE);
	fprintf(stderr, "bienban: %s\n", b.data ? b.data : "");
	text_buf_free(&b);
}

void cli_say(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct text_buf b = {0};
	text_sanitize(&b, msg, strlen(msg), TEXT_SINGLE_LINE);
	printf("%s\n", b.data ? b.data : "");
	text_buf_free(&b);
}

void cli_errorf(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_error(msg);
}

int cli_exit_for(enum bb_status status)
{
	switch (status) {
	case BB_OK:
	case BB_DUPLICATE:
		return CLI_EXIT_OK;
	case BB_USAGE:
		return CLI_EXIT_USAGE;
	default:
		return CLI_EXIT_ERROR;
	}
}

const char *cli_user(void)
{
	const char *user = getenv("USER");
	if (user && *user)
		return user;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : "unknown";
}

char *cli_db_path(const struct cli_env *env, bool *is_default)
{
	*is_default = false;
	if (env->db_path)
		return strdup(env->db_path);
	const char *from_env = getenv("BIENBAN_DB");
	if (from_env && *from_env)
		return strdup(from_env);
	*is_default = true;
	struct text_buf b = {0};
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		text_buf_printf(&b, "%s/bienban/bienban.db", xdg);
	else
		text_buf_printf(&b, "%s/.local/share/bienban/bienban.db", home && *home ? home : ".");
	return text_buf_take(&b, NULL);
}

/* mkdir -p for the folders above path. */
static enum bb_status make_parents(const char *path, struct bb_error *err)
{
	char *dir = strdup(path);
	if (!dir)
		abort();
	enum bb_status status = BB_OK;
	for (char *p = dir + 1; *p && status == BB_OK; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			status = bb_fail(err, BB_ERROR, "%s: %s", dir, strerror(errno));
		*p = '/';
	}
	free(dir);
	return status;
}

static enum bb_status import_sample(struct store *s, struct bb_error *err)
{
	struct notice n;
	enum bb_status status = ingest_notice("sample-notice.txt", bb_sample_notice,
					      bb_sample_notice_len, &n, err);
	if (status != BB_OK)
		return status;
	long long id;
	status = store_import_notice(s, &n, "sample-notice.txt", &id, err);
	ingest_notice_free(&n);
	return status;
}

enum bb_status cli_open_db(const struct cli_env *env, bool create,
			   struct store **out, struct bb_error *err)
{
	return cli_open_db_created(env, create, out, NULL, err);
}

enum bb_status cli_open_db_created(const struct cli_env *env, bool create,
				   struct store **out, bool *was_created,
				   struct bb_error *err)
{
	bool is_default;
	char *path = cli_db_path(env, &is_default);
	if (!path)
		abort();
	unsigned flags = env->read_only ? STORE_READ_ONLY : STORE_READ_WRITE;
	if ((create || is_default) && !env->read_only && access(path, F_OK) != 0) {
		flags |= STORE_CREATE;
		if (is_default && make_parents(path, err) != BB_OK) {
			free(path);
			return BB_ERROR;
		}
	}
	bool created = false;
	enum bb_status status = store_open(path, flags, out, &created, err);
	if (status == BB_OK && created && is_default &&
	    (status = import_sample(*out, err)) != BB_OK) {
		store_close(*out);
		*out = NULL;
		unlink(path);
	}
	if (was_created)
		*was_created = status == BB_OK && created;
	free(path);
	return status;
}

void cli_remove_db(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct text_buf b = {0};
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		text_buf_clear(&b);
		text_buf_printf(&b, "%s%s", path, suffixes[i]);
		unlink(b.data);
	}
	text_buf_free(&b);
}
