/* fault_vfs.h — an SQLite VFS that fails writes and syncs on cue.
 *
 * For tests only. fault_vfs_install() registers "fault", a VFS that
 * wraps the default one, and makes it the default, so store_open (which
 * names no VFS) goes through it. Until a plan is armed it only passes
 * calls on. Armed, it counts the xWrite and xSync calls made on a
 * database, its -wal or its journal, and fails the chosen ones with the
 * chosen code: SQLITE_FULL as a full disk does, SQLITE_IOERR_WRITE or
 * SQLITE_IOERR_FSYNC as a failing one does.
 *
 * To look at a database as it really is afterwards, open it with the
 * VFS it wraps: sqlite3_open_v2(path, &db, flags, fault_vfs_real()).
 */
#ifndef BIENBAN_TESTS_FAULT_VFS_H
#define BIENBAN_TESTS_FAULT_VFS_H

#include <stdbool.h>

enum fault_op {
	FAULT_WRITE,
	FAULT_SYNC,
};

struct fault_plan {
	enum fault_op op;	/* which calls are counted and failed */
	int after;		/* how many succeed before the first failure */
	int rc;			/* what the failing ones return */
	bool once;		/* fail one call only (a passing fault);
				 * else every one from then on (a full disk) */
};

void fault_vfs_install(void);
/* Unregisters it; the VFS it wraps is the default again. */
void fault_vfs_remove(void);
/* The name of the VFS it wraps ("unix"), for opening past it. */
const char *fault_vfs_real(void);

void fault_vfs_arm(const struct fault_plan *p);
void fault_vfs_disarm(void);
/* Calls that failed since the last arm. */
int fault_vfs_failures(void);

#endif
