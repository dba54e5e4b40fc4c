#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ingest.h"
#include "internal.h"
#include "store.h"
#include "text.h"

/* Larger inputs are not notices or tables a person wrote. */
#define IMPORT_MAX_BYTES (512L * 1024 * 1024)

static enum bb_status read_file(const char *name, char **data, size_t *len,
				struct bb_error *err)
{
	*data = NULL;
	*len = 0;
	FILE *f = fopen(name, "rb");
	if (!f)
		return bb_fail(err, BB_ERROR, "%s: %s", name, strerror(errno));
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		return bb_fail(err, BB_ERROR, "%s: is a folder", name);
	}
	struct text_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if ((long)(b.len + n) > IMPORT_MAX_BYTES) {
			fclose(f);
			text_buf_free(&b);
			return bb_fail(err, BB_ERROR, "%s: larger than %ld MB", name,
				       IMPORT_MAX_BYTES / (1024 * 1024));
		}
		text_buf_add(&b, chunk, n);
	}
	bool failed = ferror(f);
	fclose(f);
	if (failed) {
		text_buf_free(&b);
		return bb_fail(err, BB_ERROR, "%s: read error", name);
	}
	*data = text_buf_take(&b, len);
	if (!*data && !(*data = calloc(1, 1)))
		abort();
	return BB_OK;
}

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n >= k && !strcasecmp(name + n - k, suffix);
}

/* Files saved per commit: enough that the commits cost little next to
 * the files, few enough that a browser waiting to write (an edit waits
 * up to 3 s) rarely waits long, and progress shows. */
#define IMPORT_BATCH_FILES 200

/* What an import says of each file, held until the batch it is in is
 * saved: a line printed is a file stored. */
struct import_run {
	struct store *s;
	struct text_buf said;
	const char *pending[IMPORT_BATCH_FILES];	/* files stored, not yet saved */
	size_t npending;
	size_t written;		/* files saved */
};

static void say(struct import_run *run, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct import_run *run, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	text_sanitize(&run->said, msg, strlen(msg), TEXT_SINGLE_LINE);
	text_buf_addc(&run->said, '\n');
}

static enum bb_status import_notice(struct import_run *run, const char *name,
				    const char *data, size_t len, struct bb_error *err)
{
	struct notice n;
	enum bb_status status = ingest_notice(name, data, len, &n, err);
	if (status != BB_OK)
		return status;
	long long id;
	status = store_import_notice(run->s, &n, name, &id, err);
	if (status == BB_OK) {
		size_t tasks = 0;
		for (size_t i = 0; i < n.nresolutions; i++)
			tasks += n.resolutions[i].ntasks;
		say(run, "%s: meeting %lld, %zu resolutions, %zu documents, %zu action items",
		       name, id, n.nresolutions, n.ndocuments, tasks);
	}
	ingest_notice_free(&n);
	return status;
}

static enum bb_status import_table(struct import_run *run, const char *name,
				   const char *data, size_t len, struct bb_error *err)
{
	struct csv_tasks t;
	enum bb_status status = ingest_tasks_csv(name, data, len, &t, err);
	if (status != BB_OK)
		return status;
	/* A header alone is an empty table (what `export --format csv` of an
	 * empty database writes): nothing to do, and no error. */
	if (t.count == 0)
		return bb_fail(err, BB_DUPLICATE, "%s: no rows below the header; nothing imported", name);
	size_t added;
	status = store_import_tasks(run->s, &t, name, &added, err);
	if (status == BB_OK)
		say(run, "%s: %zu action items", name, added);
	ingest_tasks_csv_free(&t);
	return status;
}

static enum bb_status import_export(struct import_run *run, const char *name,
				    const char *data, size_t len, struct bb_error *err)
{
	size_t meetings;
	enum bb_status status = store_import_json(run->s, name, data, len, &meetings, err);
	if (status == BB_OK)
		say(run, "%s: %zu meetings", name, meetings);
	return status;
}

static enum bb_status import_one(struct import_run *run, const char *name,
				 struct bb_error *err)
{
	char *data;
	size_t len;
	enum bb_status status = read_file(name, &data, &len, err);
	if (status != BB_OK)
		return status;
	if (has_suffix(name, ".csv"))
		status = import_table(run, name, data, len, err);
	else if (has_suffix(name, ".json"))
		status = import_export(run, name, data, len, err);
	else
		status = import_notice(run, name, data, len, err);
	free(data);
	return status;
}

/* Saves the batch and prints what its files said, then `failure` (the
 * error of the file that ended the batch early, or NULL): the lines keep
 * the order of the files. When the batch could not be saved, says which
 * of its files were lost, after the failure that may have cost them. */
static enum bb_status save_batch(struct import_run *run, const char *failure)
{
	struct bb_error err;
	enum bb_status status = store_batch(run->s, false, &err);
	if (status == BB_OK) {
		if (run->said.len)
			fwrite(run->said.data, 1, run->said.len, stdout);
		run->written += run->npending;
	}
	fflush(stdout);
	if (failure)
		cli_error(failure);
	if (status != BB_OK) {
		cli_error(err.msg);
		for (size_t i = 0; i < run->npending; i++)
			cli_errorf("%s: not imported (undone with the failed write)", run->pending[i]);
	}
	text_buf_clear(&run->said);
	run->npending = 0;
	return status;
}

int cli_import(const struct cli_env *env, int argc, char **argv)
{
	if (argc < 2) {
		cli_error("usage: bienban import FILE... (notices .txt, tables .csv, exports .json)");
		return CLI_EXIT_USAGE;
	}
	struct bb_error err;
	struct import_run run = {0};
	bool created;
	if (cli_open_db_created(env, true, &run.s, &created, &err) != BB_OK) {
		cli_error(err.msg);
		return CLI_EXIT_ERROR;
	}
	int rc = CLI_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		if (!run.npending && store_batch(run.s, true, &err) != BB_OK) {
			cli_error(err.msg);
			rc = CLI_EXIT_ERROR;
			break;
		}
		enum bb_status status = import_one(&run, argv[i], &err);
		if (status == BB_OK) {
			run.pending[run.npending++] = argv[i];
		} else if (status == BB_DUPLICATE) {
			say(&run, "%s", err.msg);
		} else {
			/* Said once the batch is saved: a write that failed
			 * may have cost the files before it theirs. */
			rc = CLI_EXIT_ERROR;
			if (save_batch(&run, err.msg) != BB_OK)
				break;
		}
		if (run.npending == IMPORT_BATCH_FILES && save_batch(&run, NULL) != BB_OK) {
			rc = CLI_EXIT_ERROR;
			break;
		}
	}
	if (save_batch(&run, NULL) != BB_OK)
		rc = CLI_EXIT_ERROR;
	text_buf_free(&run.said);
	store_close(run.s);
	/* A failed first import leaves the folder as it was, not an empty
	 * database that the next "import" would then happily fill. (The
	 * default database keeps its sample, so it stays.) */
	bool is_default;
	char *path = cli_db_path(env, &is_default);
	if (created && !run.written && !is_default)
		cli_remove_db(path);
	free(path);
	return rc;
}
