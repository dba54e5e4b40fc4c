/* fault_vfs.c — the VFS behind fault_vfs.h: every call is passed to the
 * default VFS, except the armed xWrite or xSync that fails. */
#include "config.h"

#include <sqlite3.h>
#include <stddef.h>
#include <string.h>

#include "fault_vfs.h"

/* A file of ours: the methods below, then the wrapped VFS's own file. */
struct fault_file {
	sqlite3_file base;
	sqlite3_file *real;
	bool counted;		/* a database, -wal or journal */
};

static sqlite3_vfs *real_vfs;
static struct fault_plan plan;
static bool armed;
static int calls, failures;

void fault_vfs_arm(const struct fault_plan *p)
{
	plan = *p;
	armed = true;
	calls = failures = 0;
}

void fault_vfs_disarm(void)
{
	armed = false;
}

int fault_vfs_failures(void)
{
	return failures;
}

/* What the call should return instead of going through: 0 to go. */
static int injected(const struct fault_file *f, enum fault_op op)
{
	if (!armed || !f->counted || plan.op != op)
		return 0;
	int n = calls++;
	if (n < plan.after || (plan.once && n > plan.after))
		return 0;
	failures++;
	return plan.rc;
}

#define REAL(file) (((struct fault_file *)(file))->real)

static int f_close(sqlite3_file *file)
{
	return REAL(file)->pMethods->xClose(REAL(file));
}

static int f_read(sqlite3_file *file, void *buf, int n, sqlite3_int64 at)
{
	return REAL(file)->pMethods->xRead(REAL(file), buf, n, at);
}

static int f_write(sqlite3_file *file, const void *buf, int n, sqlite3_int64 at)
{
	int rc = injected((struct fault_file *)file, FAULT_WRITE);
	return rc ? rc : REAL(file)->pMethods->xWrite(REAL(file), buf, n, at);
}

static int f_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	return REAL(file)->pMethods->xTruncate(REAL(file), size);
}

static int f_sync(sqlite3_file *file, int flags)
{
	int rc = injected((struct fault_file *)file, FAULT_SYNC);
	return rc ? rc : REAL(file)->pMethods->xSync(REAL(file), flags);
}

static int f_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	return REAL(file)->pMethods->xFileSize(REAL(file), size);
}

static int f_lock(sqlite3_file *file, int level)
{
	return REAL(file)->pMethods->xLock(REAL(file), level);
}

static int f_unlock(sqlite3_file *file, int level)
{
	return REAL(file)->pMethods->xUnlock(REAL(file), level);
}

static int f_check_reserved(sqlite3_file *file, int *out)
{
	return REAL(file)->pMethods->xCheckReservedLock(REAL(file), out);
}

static int f_file_control(sqlite3_file *file, int op, void *arg)
{
	return REAL(file)->pMethods->xFileControl(REAL(file), op, arg);
}

static int f_sector_size(sqlite3_file *file)
{
	return REAL(file)->pMethods->xSectorSize(REAL(file));
}

static int f_device(sqlite3_file *file)
{
	return REAL(file)->pMethods->xDeviceCharacteristics(REAL(file));
}

static int f_shm_map(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
	return REAL(file)->pMethods->xShmMap(REAL(file), region, size, extend, out);
}

static int f_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
	return REAL(file)->pMethods->xShmLock(REAL(file), offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *file)
{
	REAL(file)->pMethods->xShmBarrier(REAL(file));
}

static int f_shm_unmap(sqlite3_file *file, int delete)
{
	return REAL(file)->pMethods->xShmUnmap(REAL(file), delete);
}

static int f_fetch(sqlite3_file *file, sqlite3_int64 at, int n, void **out)
{
	return REAL(file)->pMethods->xFetch(REAL(file), at, n, out);
}

static int f_unfetch(sqlite3_file *file, sqlite3_int64 at, void *p)
{
	return REAL(file)->pMethods->xUnfetch(REAL(file), at, p);
}

static const sqlite3_io_methods fault_io = {
	.iVersion = 3,
	.xClose = f_close,
	.xRead = f_read,
	.xWrite = f_write,
	.xTruncate = f_truncate,
	.xSync = f_sync,
	.xFileSize = f_file_size,
	.xLock = f_lock,
	.xUnlock = f_unlock,
	.xCheckReservedLock = f_check_reserved,
	.xFileControl = f_file_control,
	.xSectorSize = f_sector_size,
	.xDeviceCharacteristics = f_device,
	.xShmMap = f_shm_map,
	.xShmLock = f_shm_lock,
	.xShmBarrier = f_shm_barrier,
	.xShmUnmap = f_shm_unmap,
	.xFetch = f_fetch,
	.xUnfetch = f_unfetch,
};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
		  int *out_flags)
{
	(void)vfs;
	struct fault_file *f = (struct fault_file *)file;
	f->real = (sqlite3_file *)(f + 1);
	f->counted = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL);
	int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
	/* SQLite closes a file only when it has methods. */
	f->base.pMethods = rc == SQLITE_OK ? &fault_io : NULL;
	if (rc != SQLITE_OK && f->real->pMethods)
		f->real->pMethods->xClose(f->real);
	return rc;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static int v_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, us);
}

static int v_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int v_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int v_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static sqlite3_vfs fault_vfs = {
	.iVersion = 2,
	.zName = "fault",
	.xOpen = v_open,
	.xDelete = v_delete,
	.xAccess = v_access,
	.xFullPathname = v_full_pathname,
	.xRandomness = v_randomness,
	.xSleep = v_sleep,
	.xCurrentTime = v_current_time,
	.xGetLastError = v_last_error,
	.xCurrentTimeInt64 = v_current_time_int64,
};

void fault_vfs_install(void)
{
	if (!real_vfs)
		real_vfs = sqlite3_vfs_find(NULL);
	fault_vfs.szOsFile = (int)sizeof(struct fault_file) + real_vfs->szOsFile;
	fault_vfs.mxPathname = real_vfs->mxPathname;
	armed = false;
	sqlite3_vfs_register(&fault_vfs, 1);
}

void fault_vfs_remove(void)
{
	armed = false;
	sqlite3_vfs_unregister(&fault_vfs);
	if (real_vfs)
		sqlite3_vfs_register(real_vfs, 1);
}

const char *fault_vfs_real(void)
{
	return real_vfs ? real_vfs->zName : NULL;
}
