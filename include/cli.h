/* cli.h — the scripting commands: import, list, search, export, set.
 *
 * Plain output, no curses. Each command takes the arguments after its
 * name and returns the process exit status: 0 success, 1 error, 2 usage.
 * Errors go to stderr as one line.
 *
 * Output streams (a million rows need one page of memory), so a failure
 * met half-way — a damaged page, an I/O error — can come after rows were
 * written. Such output is left cut: no closing "]" or "}" for JSON, and
 * the exit status is 1 with the one line on stderr; a command that fails
 * before its first row writes nothing at all (not even the heading).
 */
#ifndef BIENBAN_CLI_H
#define BIENBAN_CLI_H

#include <stdbool.h>

#include "error.h"

struct store;

/* What the global options said. */
struct cli_env {
	const char *db_path;	/* --db, or NULL for $BIENBAN_DB / the default */
	bool read_only;		/* --read-only */
	bool ascii;		/* --ascii, or a locale that is not UTF-8 */
	const char *program;	/* argv[0] for messages */
};

enum cli_exit {
	CLI_EXIT_OK = 0,
	CLI_EXIT_ERROR = 1,
	CLI_EXIT_USAGE = 2,
};

/* Opens the database the environment names. The default database
 * ($XDG_DATA_HOME/bienban/bienban.db) is created on first use with the
 * bundled sample imported; an explicit path is created only when
 * `create` is true (import). */
enum bb_status cli_open_db(const struct cli_env *env, bool create,
			   struct store **out, struct bb_error *err);

/* The database path the environment resolves to (malloc'd). */
char *cli_db_path(const struct cli_env *env, bool *is_default);

/* The user name recorded in history ($USER, else the login name). */
const char *cli_user(void);

int cli_import(const struct cli_env *env, int argc, char **argv);
int cli_list(const struct cli_env *env, int argc, char **argv);
int cli_search(const struct cli_env *env, int argc, char **argv);
int cli_export(const struct cli_env *env, int argc, char **argv);
int cli_set(const struct cli_env *env, int argc, char **argv);

#endif
