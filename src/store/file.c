#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "text.h"

/* The database header (https://sqlite.org/fileformat.html#the_database_header):
 * the fields read here, all big-endian. */
enum {
	HEADER_SIZE = 100,
	HEADER_PAGE_SIZE = 16,		/* 2 bytes; 1 means 65536 */
	HEADER_CHANGE_COUNTER = 24,
	HEADER_PAGE_COUNT = 28,		/* valid when VALID_FOR = CHANGE_COUNTER */
	HEADER_USER_VERSION = 60,
	HEADER_APPLICATION_ID = 68,
	HEADER_VALID_FOR = 92,
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

char *store_companion(const char *path, const char *suffix)
{
	struct text_buf b = {0};
	text_buf_printf(&b, "%s%s", path, suffix);
	return text_buf_take(&b, NULL);
}

static bool companion_exists(const char *path, const char *suffix)
{
	char *name = store_companion(path, suffix);
	bool there = access(name, F_OK) == 0;
	free(name);
	return there;
}

static bool folder_writable(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		abort();
	bool ok = access(dirname(copy), W_OK | X_OK) == 0;
	free(copy);
	return ok;
}

/* SQLite writes a -wal and a -shm beside the file: each must be there
 * and writable, or creatable in the folder. */
static bool companion_writable(const char *path, const char *suffix)
{
	char *name = store_companion(path, suffix);
	bool ok = access(name, F_OK) == 0 ? access(name, W_OK) == 0 : folder_writable(path);
	free(name);
	return ok;
}

static bool writable(const char *path)
{
	return access(path, W_OK) == 0 && companion_writable(path, "-wal") &&
	       companion_writable(path, "-shm");
}

/* A file whose own header is not bienban's, is newer, or is shorter than
 * it says is refused before SQLite reads a page of it. Only without a
 * -wal or -journal: then the header in the file is the last word (with
 * one, the newest header may be there, and SQLite decides). */
static enum bb_status check_header(const char *path, const unsigned char *h,
				   off_t size, struct bb_error *err)
{
	uint32_t version = be32(h + HEADER_USER_VERSION);
	if (be32(h + HEADER_APPLICATION_ID) != STORE_APPLICATION_ID || version < 1)
		return bb_fail(err, BB_ERROR, "%s: not a bienban database", path);
	if (version > STORE_SCHEMA_VERSION)
		return bb_fail(err, BB_ERROR, "%s: made by a newer bienban (schema %u; this one knows %d)",
			       path, (unsigned)version, STORE_SCHEMA_VERSION);
	unsigned page = (unsigned)h[HEADER_PAGE_SIZE] << 8 | h[HEADER_PAGE_SIZE + 1];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)))
		return bb_fail(err, BB_ERROR, "%s: database is damaged (its header is)", path);
	/* The page count is kept in the header since SQLite 3.7.0; a file
	 * shorter than it was cut (a copy that stopped, a full disk). */
	long long want = (long long)be32(h + HEADER_PAGE_COUNT) * page;
	if (be32(h + HEADER_VALID_FOR) == be32(h + HEADER_CHANGE_COUNTER) && size < want)
		return bb_fail(err, BB_ERROR, "%s: database is damaged (cut short: %lld of %lld bytes)",
			       path, (long long)size, want);
	return BB_OK;
}

static enum bb_status read_header(const char *path, struct store_file *f,
				  struct bb_error *err)
{
	static const char magic[16] = "SQLite format 3";	/* and its NUL */
	unsigned char head[HEADER_SIZE];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bb_fail(err, BB_ERROR, "%s: %s", path, strerror(errno));
	ssize_t got = read(fd, head, sizeof head);
	/* The size after the header: a checkpoint writes the header before
	 * the pages that grow the file. */
	struct stat sb;
	off_t size = fstat(fd, &sb) == 0 ? sb.st_size : 0;
	close(fd);
	if (got < (ssize_t)sizeof magic || memcmp(head, magic, sizeof magic) != 0)
		return bb_fail(err, BB_ERROR, "%s: not a bienban database (not an SQLite file)", path);
	if (got < HEADER_SIZE)
		return bb_fail(err, BB_ERROR, "%s: database is damaged (shorter than its header)", path);
	f->header_ours = be32(head + HEADER_APPLICATION_ID) == STORE_APPLICATION_ID;
	/* A hot -journal (a rollback-mode writer that died) puts pages,
	 * the header among them, back when SQLite opens the file. */
	if (f->wal || companion_exists(path, "-journal"))
		return BB_OK;
	/* Looked for again after the reads: a -wal that came meanwhile is a
	 * writer checkpointing into the file, which may be longer in a
	 * moment than it was when measured; and one that went has left the
	 * file whole. Only a file that had none throughout is judged. */
	if (companion_exists(path, "-wal"))
		return BB_OK;
	return check_header(path, head, size, err);
}

static enum bb_status missing(const char *path, unsigned flags, struct bb_error *err)
{
	if (errno != ENOENT)
		return bb_fail(err, BB_ERROR, "%s: %s", path, strerror(errno));
	if (!(flags & STORE_CREATE) || (flags & STORE_READ_ONLY))
		return bb_fail(err, BB_ERROR, "%s: no such database (\"bienban --db %s import FILE\" creates one)",
			       path, path);
	return BB_OK;
}

enum bb_status store_file_check(const char *path, unsigned flags,
				struct store_file *f, struct bb_error *err)
{
	*f = (struct store_file){0};
	struct stat sb;
	f->exists = stat(path, &sb) == 0;
	if (!f->exists)
		return missing(path, flags, err);
	if (!S_ISREG(sb.st_mode))
		return bb_fail(err, BB_ERROR, "%s: not a regular file", path);
	if (sb.st_size == 0)
		return bb_fail(err, BB_ERROR, "%s: empty file, not a bienban database", path);
	f->wal = companion_exists(path, "-wal");
	f->shm = companion_exists(path, "-shm");
	f->writable = writable(path);
	return read_header(path, f, err);
}

/* "file:" and the path with every byte a URI could read otherwise
 * escaped ('?', '#', '%', and anything not plain). */
char *store_immutable_uri(const char *path)
{
	struct text_buf b = {0};
	text_buf_addz(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			text_buf_addc(&b, (char)*p);
		else
			text_buf_printf(&b, "%%%02X", *p);
	}
	text_buf_addz(&b, "?immutable=1");
	return text_buf_take(&b, NULL);
}
