/* cli_harness.c — the sandbox and the runner behind cli_test.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>
#include <uninorm.h>

#include "../../src/store/internal.h"
#include "cli_test.h"
#include "text.h"

struct sandbox sb;

/* Longer than any run takes under the sanitizers, by far. */
#define RUN_TIMEOUT_SECONDS 60

/* ---- memory the sandbox frees ------------------------------------------------ */

static void **kept;
static size_t nkept, capkept;

void *keep(void *p)
{
	cr_assert_not_null(p, "out of memory");
	if (nkept == capkept) {
		capkept = capkept ? 2 * capkept : 64;
		kept = realloc(kept, capkept * sizeof *kept);
		cr_assert_not_null(kept);
	}
	kept[nkept++] = p;
	return p;
}

char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = NULL;
	int n = vasprintf(&s, f, ap);
	va_end(ap);
	cr_assert_geq(n, 0);
	return keep(s);
}

/* ---- the sandbox --------------------------------------------------------------- */

static sqlite3 *json_db;

void sandbox_init(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(sb.dir, sizeof sb.dir, "%s/bienban-cli-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(sb.dir), "mkdtemp: %s", strerror(errno));
	snprintf(sb.xdg, sizeof sb.xdg, "%s/xdg", sb.dir);
	snprintf(sb.db, sizeof sb.db, "%s/test.db", sb.dir);
	snprintf(sb.default_db, sizeof sb.default_db, "%s/bienban/bienban.db", sb.xdg);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);	/* a test may have made a file read-only */
	return remove(path);
}

/* Folders first (a test may have taken their write permission away),
 * so that their files can go. */
static int open_folder(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_D && S_ISDIR(st->st_mode))
		chmod(path, 0700);
	return 0;
}

void sandbox_fini(void)
{
	if (sb.dir[0]) {
		nftw(sb.dir, open_folder, 16, FTW_PHYS);
		nftw(sb.dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	for (size_t i = 0; i < nkept; i++)
		free(kept[i]);
	free(kept);
	kept = NULL;
	nkept = capkept = 0;
	if (json_db)
		sqlite3_close(json_db);
	json_db = NULL;
}

/* ---- files ------------------------------------------------------------------------ */

char *data_path(const char *rel)
{
	return fmt("%s/%s", TEST_DATA_DIR, rel);
}

char *sandbox_path(const char *rel)
{
	return fmt("%s/%s", sb.dir, rel);
}

char *write_file(const char *rel, const void *data, size_t len)
{
	char *path = sandbox_path(rel);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
	return path;
}

char *write_text(const char *rel, const char *text)
{
	return write_file(rel, text, strlen(text));
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			buf = realloc(buf, cap + 1);
			cr_assert_not_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return keep(buf);
}

bool file_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

bool has_companions(const char *path)
{
	return file_exists(fmt("%s-wal", path)) || file_exists(fmt("%s-shm", path)) ||
	       file_exists(fmt("%s-journal", path));
}

struct snapshot snapshot(const char *path)
{
	struct snapshot s;
	s.data = read_file(path, &s.len);
	cr_assert_not_null(s.data, "cannot read %s", path);
	return s;
}

void expect_same_bytes(const struct snapshot *before, const char *path)
{
	size_t len;
	char *now = read_file(path, &len);
	cr_assert_not_null(now, "%s is gone", path);
	cr_assert(len == before->len && memcmp(now, before->data, len) == 0,
		  "%s was changed (%zu bytes before, %zu after)", path, before->len, len);
}

void expect_unchanged(const struct snapshot *before, const char *path)
{
	expect_same_bytes(before, path);
	cr_assert(!has_companions(path), "%s has a -wal, -shm or -journal file left", path);
}

/* ---- running the program ------------------------------------------------------------ */

/* The child's environment: the sandbox's, with the changes applied. The
 * sanitizer options are passed on with exit codes no bienban path uses,
 * so a sanitizer report can never pass for an expected "exit 1". */
char **sandbox_env(const char *const *changes)
{
	const char *asan = getenv("ASAN_OPTIONS"), *ubsan = getenv("UBSAN_OPTIONS");
	const char *lsan = getenv("LSAN_OPTIONS");
	char *base[] = {
		fmt("HOME=%s", sb.dir),
		fmt("XDG_DATA_HOME=%s", sb.xdg),
		fmt("LANG=C.UTF-8"),
		fmt("COLUMNS=%d", CLI_COLUMNS),
		fmt("USER=tester"),
		fmt("TZ=UTC"),
		fmt("PATH=/usr/bin:/bin"),
		fmt("ASAN_OPTIONS=%s%sexitcode=97", asan ? asan : "", asan ? ":" : ""),
		fmt("UBSAN_OPTIONS=%s%sexitcode=98:print_stacktrace=1", ubsan ? ubsan : "",
		    ubsan ? ":" : ""),
		lsan ? fmt("LSAN_OPTIONS=%s", lsan) : NULL,
	};
	size_t nbase = sizeof base / sizeof *base, nchanges = 0;
	while (changes && changes[nchanges])
		nchanges++;
	char **env = keep(calloc(nbase + nchanges + 1, sizeof *env));
	size_t n = 0;
	for (size_t i = 0; i < nbase; i++)
		if (base[i])
			env[n++] = base[i];
	for (size_t c = 0; c < nchanges; c++) {
		const char *eq = strchr(changes[c], '=');
		size_t name_len = eq ? (size_t)(eq - changes[c]) : strlen(changes[c]);
		size_t k = 0;
		for (size_t i = 0; i < n; i++)	/* drop the old value */
			if (strncmp(env[i], changes[c], name_len) || env[i][name_len] != '=')
				env[k++] = env[i];
		n = k;
		if (eq)
			env[n++] = fmt("%s", changes[c]);
	}
	env[n] = NULL;
	return env;
}

/* Who runs the program: the test's own user, or another one. */
struct runner {
	bool other;
	uid_t uid;
	gid_t gid;
};

static void become(const struct runner *who)
{
	if (who->other && (setgroups(0, NULL) != 0 || setgid(who->gid) != 0 ||
			   setuid(who->uid) != 0))
		_exit(124);
}

static struct run *run_as(const struct runner *who, const char *const *env,
			  const char *const *args)
{
	static int serial;
	char *out_path = fmt("%s/.stdout.%d", sb.dir, serial);
	char *err_path = fmt("%s/.stderr.%d", sb.dir, serial++);
	size_t nargs = 0;
	while (args[nargs])
		nargs++;
	char **argv = keep(calloc(nargs + 2, sizeof *argv));
	argv[0] = BIENBAN_BIN;
	for (size_t i = 0; i < nargs; i++)
		argv[i + 1] = (char *)args[i];
	char **envp = sandbox_env(env);

	fflush(NULL);
	pid_t pid = fork();
	cr_assert_geq(pid, 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(err, 2) < 0 || chdir(sb.dir) != 0)
			_exit(125);
		become(who);
		/* A pending alarm survives execve: a hung run dies of SIGALRM
		 * (Criterion's own .timeout leaks memory under LeakSanitizer). */
		alarm(RUN_TIMEOUT_SECONDS);
		execve(BIENBAN_BIN, argv, envp);
		_exit(126);
	}
	int ws;
	while (waitpid(pid, &ws, 0) < 0)
		cr_assert_eq(errno, EINTR, "waitpid: %s", strerror(errno));

	struct run *r = keep(calloc(1, sizeof *r));
	r->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	r->out = read_file(out_path, &r->out_len);
	r->err = read_file(err_path, &r->err_len);
	cr_assert(r->out && r->err, "the run's output is missing");
	cr_assert_neq(r->status, 124, "cannot become uid %d", (int)who->uid);
	cr_assert_neq(r->status, 126, "cannot run %s", BIENBAN_BIN);
	cr_assert(r->status < 97 || r->status > 98, "sanitizer report:\n%s", r->err);
	cr_assert_lt(r->status, 128, "killed by signal %d\n%s", r->status - 128, r->err);
	unlink(out_path);
	unlink(err_path);
	return r;
}

struct run *run_bienban(const char *const *env, const char *const *args)
{
	return run_as(&(struct runner){ .other = false }, env, args);
}

bool unprivileged_user(void)
{
	if (geteuid() != 0)
		return true;
	struct passwd *pw = getpwnam("nobody");
	if (!pw || pw->pw_uid == 0)
		return false;
	/* nobody must reach the sandbox and the program. */
	chmod(sb.dir, 0755);
	return access(BIENBAN_BIN, X_OK) == 0;
}

struct run *run_bienban_unprivileged(const char *const *env, const char *const *args)
{
	struct runner who = { .other = false };
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");
		cr_assert_not_null(pw, "call unprivileged_user() first");
		who = (struct runner){ .other = true, .uid = pw->pw_uid, .gid = pw->pw_gid };
	}
	return run_as(&who, env, args);
}

size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

void expect_ok(const struct run *r, const char *what)
{
	cr_assert_eq(r->status, 0, "%s: exit %d, stderr: %s", what, r->status, r->err);
	cr_assert_eq(r->err_len, 0, "%s: stderr should be empty: %s", what, r->err);
}

void expect_error_v(const struct run *r, int status, bool quiet_stdout,
		    const char *what, const char *const *needles)
{
	cr_assert_eq(r->status, status, "%s: exit %d, want %d; stderr: %s", what,
		     r->status, status, r->err);
	cr_assert(r->err_len > 0 && r->err[r->err_len - 1] == '\n' && count_lines(r->err) == 1,
		  "%s: stderr should be exactly one line: [%s]", what, r->err);
	cr_assert(strncmp(r->err, "bienban: ", 9) == 0, "%s: [%s]", what, r->err);
	for (size_t i = 0; needles[i]; i++)
		cr_assert(strstr(r->err, needles[i]), "%s: stderr [%s] should name \"%s\"",
			  what, r->err, needles[i]);
	if (quiet_stdout)
		cr_assert_eq(r->out_len, 0, "%s: stdout should be empty: [%s]", what, r->out);
}

void import_ok_v(const char *db, const char *const *files)
{
	size_t n = 0;
	while (files[n])
		n++;
	const char **args = keep(calloc(n + 4, sizeof *args));
	args[0] = "--db";
	args[1] = db;
	args[2] = "import";
	for (size_t i = 0; i < n; i++)
		args[i + 3] = files[i];
	struct run *r = run_bienban(NULL, args);
	expect_ok(r, "import");
	cr_assert_eq(count_lines(r->out), n, "one line per file: %s", r->out);
}

char *export_json(const char *db)
{
	struct run *r = BB_DB(db, "export", "--format", "json");
	expect_ok(r, "export");
	return r->out;
}

/* ---- JSON ------------------------------------------------------------------------------ */

static sqlite3_stmt *json_query(const char *json, const char *expr, va_list ap)
{
	if (!json_db)
		cr_assert_eq(sqlite3_open(":memory:", &json_db), SQLITE_OK);
	char *e = NULL;
	cr_assert_geq(vasprintf(&e, expr, ap), 0);
	char *sql = fmt("SELECT (%s)", e);
	free(e);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(json_db, sql, -1, &st, NULL), SQLITE_OK,
		     "%s: %s", sql, sqlite3_errmsg(json_db));
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(json_db));
	return st;
}

char *jtext(const char *json, const char *expr, ...)
{
	va_list ap;
	va_start(ap, expr);
	sqlite3_stmt *st = json_query(json, expr, ap);
	va_end(ap);
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *copy = t ? keep(strdup(t)) : NULL;
	sqlite3_finalize(st);
	return copy;
}

long long jint(const char *json, const char *expr, ...)
{
	va_list ap;
	va_start(ap, expr);
	sqlite3_stmt *st = json_query(json, expr, ap);
	va_end(ap);
	cr_assert_neq(sqlite3_column_type(st, 0), SQLITE_NULL, "%s gave NULL", expr);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

long long expect_json_objects(const char *json, const char *keys)
{
	cr_assert_eq(jint(json, "json_valid(?1)"), 1, "not JSON: %.300s", json);
	cr_assert_str_eq(jtext(json, "json_type(?1)"), "array");
	char *wrong = jtext(json,
		"SELECT group_concat(e.key, ' ') FROM json_each(?1) e WHERE e.type != 'object'"
		" OR (SELECT group_concat(k.key, ',') FROM (SELECT key FROM json_each(e.value)"
		"     ORDER BY id) k) IS NOT '%s'", keys);
	cr_assert_null(wrong, "elements %s do not have exactly the keys %s", wrong, keys);
	return jint(json, "json_array_length(?1)");
}

/* ---- text ---------------------------------------------------------------------------------- */

char *folded(const char *s)
{
	struct text_buf b = {0};
	text_fold(&b, s, strlen(s));
	text_buf_addz(&b, "");
	return keep(text_buf_take(&b, NULL));
}

char *to_nfd(const char *s, size_t len, size_t *out_len)
{
	size_t n = 0;
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)s, len, NULL, &n);
	cr_assert_not_null(nfd, "u8_normalize: %s", strerror(errno));
	char *z = keep(malloc(n + 1));
	memcpy(z, nfd, n);
	z[n] = '\0';
	free(nfd);
	*out_len = n;
	return z;
}

/* ---- the database behind bienban's back --------------------------------------------- */

sqlite3 *open_sql(const char *path)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	struct bb_error err;
	cr_assert_eq(store_register_vi(db, &err), BB_OK);
	return db;
}

void exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg);
}
