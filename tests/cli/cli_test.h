/* cli_test.h — running the real bienban binary in a sandbox.
 *
 * Every test gets a fresh temporary folder (the sandbox) that is the
 * program's HOME and working directory; XDG_DATA_HOME points to
 * <sandbox>/xdg, which does not exist until the program makes it;
 * BIENBAN_DB is unset; LANG=C.UTF-8, COLUMNS=100, TZ=UTC, USER=tester.
 *
 * Everything the helpers return (runs, strings, paths) belongs to the
 * sandbox and is freed when the test ends: tests do not free.
 */
#ifndef BIENBAN_CLI_TEST_H
#define BIENBAN_CLI_TEST_H

#include <stdbool.h>
#include <stddef.h>

#include <criterion/criterion.h>

/* The width the program is told the terminal has ($COLUMNS). */
#define CLI_COLUMNS 100

struct sandbox {
	char dir[256];		/* the folder itself */
	char xdg[300];		/* $XDG_DATA_HOME */
	char db[300];		/* <dir>/test.db: a --db path, absent at start */
	char default_db[340];	/* $XDG_DATA_HOME/bienban/bienban.db */
};

extern struct sandbox sb;

/* Criterion fixtures: TestSuite(x, .init = sandbox_init, .fini = sandbox_fini). */
void sandbox_init(void);
void sandbox_fini(void);

/* Makes p the sandbox's to free at the end of the test; returns p. */
void *keep(void *p);
/* printf into a kept string. */
char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* ---- running the program --------------------------------------------------- */

/* What one run left behind. */
struct run {
	int status;		/* exit status; 128 + N when killed by signal N */
	char *out;		/* stdout, NUL-terminated */
	size_t out_len;
	char *err;		/* stderr, NUL-terminated */
	size_t err_len;
};

/* Runs bienban with args (NULL-terminated, without the program name).
 * env lists changes to the sandbox's environment, NULL-terminated:
 * "NAME=value" sets, "NAME" unsets; env may be NULL. */
struct run *run_bienban(const char *const *env, const char *const *args);

/* The environment run_bienban gives the program, with changes applied as
 * there (kept), for tests that start it themselves. */
char **sandbox_env(const char *const *changes);

#define BB(...) run_bienban(NULL, (const char *const[]){ __VA_ARGS__, NULL })
#define BB_ENV(envs, ...) run_bienban((envs), (const char *const[]){ __VA_ARGS__, NULL })
/* The same with "--db <db>" in front. */
#define BB_DB(db, ...) BB("--db", (db), __VA_ARGS__)

/* Runs bienban as a user who may not write what the test made: as root
 * (who may write anything), as "nobody"; as anyone else, as that user,
 * whom permissions do bind. Call unprivileged_user() first: false when
 * root has no such user (skip the test then); true after opening the
 * sandbox folder to others (0755) so that user can reach it. */
bool unprivileged_user(void);
struct run *run_bienban_unprivileged(const char *const *env, const char *const *args);
#define BB_UNPRIVILEGED(...) \
	run_bienban_unprivileged(NULL, (const char *const[]){ __VA_ARGS__, NULL })

/* Asserts exit status 0 and nothing on stderr. */
void expect_ok(const struct run *r, const char *what);
/* Asserts the exit status, that stderr is exactly one line starting with
 * "bienban: " and containing each of the NULL-terminated needles, and
 * that stdout is empty when `quiet_stdout`. */
void expect_error_v(const struct run *r, int status, bool quiet_stdout,
		    const char *what, const char *const *needles);
#define expect_error(r, status, what, ...) \
	expect_error_v((r), (status), true, (what), (const char *const[]){ __VA_ARGS__, NULL })

/* Number of lines (LF) in s. */
size_t count_lines(const char *s);

/* ---- files ------------------------------------------------------------------- */

/* TEST_DATA_DIR/rel (kept). */
char *data_path(const char *rel);
/* <sandbox>/rel (kept). */
char *sandbox_path(const char *rel);
/* Writes bytes to <sandbox>/rel; returns the full path (kept). */
char *write_file(const char *rel, const void *data, size_t len);
char *write_text(const char *rel, const char *text);
/* Reads a whole file (kept, NUL-terminated); NULL when it cannot be read. */
char *read_file(const char *path, size_t *len);
bool file_exists(const char *path);
/* Whether any of path's -wal, -shm or -journal files exists. */
bool has_companions(const char *path);

/* A file's bytes, to check later that nothing was written to it. */
struct snapshot {
	char *data;
	size_t len;
};
struct snapshot snapshot(const char *path);
/* Asserts the file has the same bytes and no -wal, -shm or -journal. */
void expect_unchanged(const struct snapshot *before, const char *path);
/* The bytes only. */
void expect_same_bytes(const struct snapshot *before, const char *path);

/* Imports files into db (NULL-terminated), asserting success. */
void import_ok_v(const char *db, const char *const *files);
#define import_ok(db, ...) import_ok_v((db), (const char *const[]){ __VA_ARGS__, NULL })
/* `bienban --db db export --format json`, asserted to succeed (kept). */
char *export_json(const char *db);

/* ---- JSON, read with SQLite's JSON functions ----------------------------------- */

/* Evaluates one SQL expression in which ?1 is `json`, e.g.
 * jtext(out, "json_extract(?1, '$[%d].title')", i). A failing query
 * fails the test. jtext returns NULL for SQL NULL (kept otherwise). */
char *jtext(const char *json, const char *expr, ...) __attribute__((format(printf, 2, 3)));
long long jint(const char *json, const char *expr, ...) __attribute__((format(printf, 2, 3)));

/* Asserts that `json` is a JSON array whose every element is an object
 * with exactly these keys in this order (comma-separated). Returns the
 * array's length. */
long long expect_json_objects(const char *json, const char *keys);

/* ---- the database behind bienban's back --------------------------------------------- */

struct sqlite3;
/* Opens a database file with plain SQLite and bienban's collation and
 * tokenizer registered (so its triggers and indexes work), for tests
 * that make or damage files themselves. */
struct sqlite3 *open_sql(const char *path);
/* Runs SQL on it; a failure fails the test. */
void exec_sql(struct sqlite3 *db, const char *sql);

/* ---- text ------------------------------------------------------------------------ */

/* Folds as search does (text_fold), kept. */
char *folded(const char *s);
/* Converts UTF-8 to NFD (kept). */
char *to_nfd(const char *s, size_t len, size_t *out_len);

#endif
