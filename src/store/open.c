#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* How long a writer waits for another process's lock before "busy". */
#define STORE_BUSY_TIMEOUT_MS 3000

/* Looks at the file before SQLite does, so that a file that is not a
 * database is refused without SQLite ever opening it for writing. */
static enum bb_status check_file(const char *path, unsigned flags,
				 bool *exists, struct bb_error *err)
{
	struct stat sb;
	*exists = stat(path, &sb) == 0;
	if (!*exists) {
		if (errno != ENOENT)
			return bb_fail(err, BB_ERROR, "%s: %s", path, strerror(errno));
		if (!(flags & STORE_CREATE) || (flags & STORE_READ_ONLY))
			return bb_fail(err, BB_ERROR, "%s: no such database (\"bienban --db %s import FILE\" creates one)",
				       path, path);
		return BB_OK;
	}
	if (!S_ISREG(sb.st_mode))
		return bb_fail(err, BB_ERROR, "%s: not a regular file", path);
	if (sb.st_size == 0)
		return bb_fail(err, BB_ERROR, "%s: empty file, not a bienban database", path);

	static const char magic[16] = "SQLite format 3";	/* and its NUL */
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bb_fail(err, BB_ERROR, "%s: %s", path, strerror(errno));
	ssize_t got = read(fd, head, sizeof head);
	close(fd);
	if (got != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return bb_fail(err, BB_ERROR, "%s: not a bienban database (not an SQLite file)", path);
	return BB_OK;
}

static enum bb_status pragma_int(struct store *s, const char *sql,
				 long long *out, struct bb_error *err)
{
	sqlite3_stmt *st = store_prepare(s, sql, err);
	if (!st)
		return BB_ERROR;
	enum bb_status status = BB_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		status = store_sql_fail(s, err, "reading the header");
	sqlite3_finalize(st);
	return status;
}

/* Identity first (application id, version), then the shape. */
static enum bb_status check_identity(struct store *s, struct bb_error *err)
{
	long long app_id = 0, version = 0;
	if (pragma_int(s, "PRAGMA application_id", &app_id, err) != BB_OK ||
	    pragma_int(s, "PRAGMA user_version", &version, err) != BB_OK)
		return BB_ERROR;
	if (app_id != STORE_APPLICATION_ID || version < 1)
		return bb_fail(err, BB_ERROR, "%s: not a bienban database", s->path);
	if (version > STORE_SCHEMA_VERSION)
		return bb_fail(err, BB_ERROR, "%s: made by a newer bienban (schema %lld; this one knows %d)",
			       s->path, version, STORE_SCHEMA_VERSION);
	return store_schema_check(s, err);
}

static enum bb_status configure(struct store *s, struct bb_error *err)
{
	int on = 1, off = 0;
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, off, NULL);
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	return store_register_vi(s->db, err);
}

enum bb_status store_open(const char *path, unsigned flags,
			  struct store **out, bool *created,
			  struct bb_error *err)
{
	*out = NULL;
	if (created)
		*created = false;
	bool exists;
	if (check_file(path, flags, &exists, err) != BB_OK)
		return BB_ERROR;

	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path)))
		abort();
	s->read_only = flags & STORE_READ_ONLY;
	int oflags = s->read_only ? SQLITE_OPEN_READONLY
		: SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
	enum bb_status status;
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK) {
		status = bb_fail(err, BB_ERROR, "%s: %s", path,
				 s->db ? sqlite3_errmsg(s->db) : "cannot open");
		goto fail;
	}
	if ((status = configure(s, err)) != BB_OK)
		goto fail;
	if (!exists) {
		if ((status = store_exec(s, "PRAGMA journal_mode = WAL", err)) != BB_OK ||
		    (status = store_schema_create(s, err)) != BB_OK)
			goto fail;
		if (created)
			*created = true;
	} else if ((status = check_identity(s, err)) != BB_OK) {
		goto fail;
	} else if (!s->read_only &&
		   (status = store_exec(s, "PRAGMA journal_mode = WAL", err)) != BB_OK) {
		goto fail;
	}
	if ((status = store_exec(s, "PRAGMA foreign_keys = ON", err)) != BB_OK)
		goto fail;
	s->schema_version = store_schema_version(s);
	*out = s;
	return BB_OK;
fail:
	store_close(s);
	if (!exists)
		unlink(path);	/* never leave a half-made database behind */
	return status;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

bool store_read_only(const struct store *s)
{
	return s->read_only;
}

long long store_data_version(struct store *s)
{
	long long v = 0;
	pragma_int(s, "PRAGMA data_version", &v, NULL);
	return v;
}

enum bb_status store_counts(struct store *s, struct store_counts *out,
			    struct bb_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_prepare(s, "SELECT name, n FROM counts", err);
	if (!st)
		return BB_ERROR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		long long n = sqlite3_column_int64(st, 1);
		if (!name)
			continue;
		if (!strcmp(name, "meeting"))
			out->meetings = n;
		else if (!strcmp(name, "resolution"))
			out->resolutions = n;
		else if (!strcmp(name, "document"))
			out->documents = n;
		else if (!strcmp(name, "action_item"))
			out->tasks = n;
	}
	enum bb_status status = rc == SQLITE_DONE ? BB_OK
		: store_sql_fail(s, err, "reading the totals");
	sqlite3_finalize(st);
	return status;
}
