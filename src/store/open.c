#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* How long a writer waits for another process's lock before "busy". */
#define STORE_BUSY_TIMEOUT_MS 3000

/* How the file is opened, chosen from what store_file_check saw. */
enum open_mode {
	OPEN_CREATE,		/* a new database */
	OPEN_WRITE,		/* read-write */
	OPEN_QUERY_ONLY,	/* --read-only where writing is allowed: read-write
				 * with PRAGMA query_only, so that SQLite removes
				 * its -wal and -shm at close as for any writer */
	OPEN_READ_SHARED,	/* no write access, a -wal and -shm there:
				 * SQLITE_OPEN_READONLY, sharing them */
	OPEN_IMMUTABLE,		/* no write access, no -wal and -shm to share:
				 * immutable=1, which creates none (SQLite
				 * cannot otherwise read a WAL database it
				 * cannot make a -shm for) */
};

static enum open_mode choose_mode(unsigned flags, const struct store_file *f)
{
	if (!f->exists)
		return OPEN_CREATE;
	if (f->writable)
		return flags & STORE_READ_ONLY ? OPEN_QUERY_ONLY : OPEN_WRITE;
	return f->wal && f->shm ? OPEN_READ_SHARED : OPEN_IMMUTABLE;
}

static int open_sqlite(const char *path, enum open_mode mode, sqlite3 **db)
{
	int flags = SQLITE_OPEN_EXRESCODE;
	switch (mode) {
	case OPEN_CREATE:
		return sqlite3_open_v2(path, db, flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	case OPEN_WRITE:
	case OPEN_QUERY_ONLY:
		return sqlite3_open_v2(path, db, flags | SQLITE_OPEN_READWRITE, NULL);
	case OPEN_READ_SHARED:
		return sqlite3_open_v2(path, db, flags | SQLITE_OPEN_READONLY, NULL);
	case OPEN_IMMUTABLE:
		break;
	}
	char *uri = store_immutable_uri(path);
	int rc = sqlite3_open_v2(uri, db, flags | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	return rc;
}

static enum bb_status pragma_int(struct store *s, const char *sql,
				 long long *out, struct bb_error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_fail(s, err, "reading the header");	/* BB_BUSY stays */
	enum bb_status status = BB_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		status = store_sql_fail(s, err, "reading the header");
	sqlite3_finalize(st);
	return status;
}

/* Identity first (application id, version), then the shape. The file's
 * own header was bienban's when `header_ours`: if SQLite now reads
 * another id, the pages came from the -wal beside it. */
static enum bb_status check_identity(struct store *s, bool header_ours,
				     struct bb_error *err)
{
	long long app_id = 0, version = 0;
	enum bb_status status;
	if ((status = pragma_int(s, "PRAGMA application_id", &app_id, err)) != BB_OK ||
	    (status = pragma_int(s, "PRAGMA user_version", &version, err)) != BB_OK)
		return status;
	if (app_id != STORE_APPLICATION_ID && header_ours)
		return bb_fail(err, BB_ERROR, "%s: not a bienban database (its -wal file is another"
			       " database's: move %s-wal away to open it)", s->path, s->path);
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

/* A -wal with no -shm beside it was left by a crash or a copy, or
 * strayed from another database: SQLite would read its pages as this
 * file's and, at close, copy them in. So it is first read through a
 * private index (exclusive locking mode makes no -shm), and only let be
 * copied in when what it makes is a bienban database of this version;
 * otherwise the file, the -wal and the folder are left as they were.
 *
 * Another process opening or closing the file also has a -wal without
 * a -shm for a moment; it holds a lock on the file meanwhile. So the
 * look does not wait: BB_BUSY means the -wal is in use, not stale. */
static enum bb_status settle_stale_wal(const char *path, const struct store_file *f,
				       struct bb_error *err)
{
	struct store probe = { .path = (char *)path };
	enum bb_status status;
	if (sqlite3_open_v2(path, &probe.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
			    NULL) != SQLITE_OK)
		status = bb_fail(err, BB_ERROR, "%s: %s", path,
				 probe.db ? sqlite3_errmsg(probe.db) : "cannot open");
	else if ((status = configure(&probe, err)) == BB_OK &&
		 (status = store_exec(&probe, "PRAGMA locking_mode = EXCLUSIVE", err)) == BB_OK) {
		sqlite3_busy_timeout(probe.db, 0);
		status = check_identity(&probe, f->header_ours, err);
	}
	if (status != BB_OK && probe.db)
		sqlite3_db_config(probe.db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	sqlite3_close_v2(probe.db);
	return status;
}

/* Looks at the file (and a stale -wal) before the real open. */
static enum bb_status check_before_open(const char *path, unsigned flags,
					struct store_file *f, struct bb_error *err)
{
	if (store_file_check(path, flags, f, err) != BB_OK)
		return BB_ERROR;
	if (!f->exists || !f->writable || !f->wal || f->shm)
		return BB_OK;
	enum bb_status status = settle_stale_wal(path, f, err);
	if (status == BB_BUSY)
		return BB_OK;	/* in use: the open below waits its turn */
	if (status != BB_OK)
		return BB_ERROR;
	return store_file_check(path, flags, f, err);	/* the -wal is in the file now */
}

/* After the checks: the journal and the pragmas that hold for a session. */
static enum bb_status set_up(struct store *s, enum open_mode mode, struct bb_error *err)
{
	enum bb_status status = BB_OK;
	if (mode == OPEN_CREATE)
		status = store_exec(s, "PRAGMA journal_mode = WAL", err);
	if (status == BB_OK && mode == OPEN_CREATE)
		status = store_schema_create(s, err);
	if (status == BB_OK && mode == OPEN_WRITE)
		status = store_exec(s, "PRAGMA journal_mode = WAL", err);
	if (status == BB_OK)
		status = store_exec(s, "PRAGMA foreign_keys = ON", err);
	if (status == BB_OK && mode == OPEN_QUERY_ONLY)
		status = store_exec(s, "PRAGMA query_only = ON", err);
	return status;
}

static struct store *store_new(const char *path, enum open_mode mode, unsigned flags)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path)))
		abort();
	s->read_only = mode == OPEN_QUERY_ONLY || mode == OPEN_READ_SHARED || mode == OPEN_IMMUTABLE;
	s->no_write_access = s->read_only && mode != OPEN_QUERY_ONLY && !(flags & STORE_READ_ONLY);
	return s;
}

/* Closes a store that was refused. A -wal that was there before is not
 * copied into the file (it may be another database's); a database made
 * just now is removed again. */
static void close_refused(struct store *s, const char *path, const struct store_file *f)
{
	if (f->wal && s->db)
		sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	store_close(s);
	if (!f->exists)
		unlink(path);
}

enum bb_status store_open(const char *path, unsigned flags,
			  struct store **out, bool *created,
			  struct bb_error *err)
{
	*out = NULL;
	if (created)
		*created = false;
	struct store_file f;
	if (check_before_open(path, flags, &f, err) != BB_OK)
		return BB_ERROR;
	enum open_mode mode = choose_mode(flags, &f);
	struct store *s = store_new(path, mode, flags);
	enum bb_status status;
	if (open_sqlite(path, mode, &s->db) != SQLITE_OK)
		status = bb_fail(err, BB_ERROR, "%s: %s", path,
				 s->db ? sqlite3_errmsg(s->db) : "cannot open");
	else if ((status = configure(s, err)) == BB_OK && mode != OPEN_CREATE)
		status = check_identity(s, f.header_ours, err);
	if (status == BB_OK)
		status = set_up(s, mode, err);
	if (status != BB_OK) {
		close_refused(s, path, &f);
		return status;
	}
	s->schema_version = store_schema_version(s);
	if (created)
		*created = mode == OPEN_CREATE;
	*out = s;
	return BB_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	/* A batch or a bulk still open is not saved (closing rolls its
	 * transaction back); the rows it noted for the index go with it. */
	store_defer_end(s);
	store_cache_free(s);
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
