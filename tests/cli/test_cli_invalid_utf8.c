/* Text that is not UTF-8, written into the database by another program:
 * every kind of bad sequence comes out as U+FFFD (or \ufffd in JSON),
 * the Vietnamese collation and the search tokenizer survive it, and
 * search over the valid parts still finds the rows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <sqlite3.h>

#include "../../src/store/internal.h"
#include "cli_test.h"
#include "text.h"

TestSuite(invalid_utf8, .init = sandbox_init, .fini = sandbox_fini);

/* Overlong "/", a lone continuation byte, a surrogate, a code point past
 * U+10FFFF, 0xFF, and a sequence cut off at the end of the text. */
static const char *const bad[] = {
	"\xc0\xaf", "\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\xe1\xba",
};

/* Writes each bad sequence into a task's text and owner, around valid
 * Vietnamese words, as another program would: through the raw SQLite
 * API with bienban's collation and tokenizer registered (its triggers
 * index what is written). */
static void write_bad_text(const char *db)
{
	struct store *s;
	struct bb_error err;
	cr_assert_eq(store_open(db, 0, &s, NULL, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(store_begin(s, &err), BB_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(s->db, "UPDATE action_item SET text = ?1, owner = ?2"
					" WHERE id = ?3", -1, &st, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[128], owner[64];
		snprintf(text, sizeof text, "Kiểm tra%s hồ sơ số %zu", bad[i], i);
		snprintf(owner, sizeof owner, "Sở%s Tư pháp", bad[i]);
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, owner, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, (long long)i + 1);
		cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s", sqlite3_errmsg(s->db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	cr_assert_eq(store_commit(s, &err), BB_OK);
	store_close(s);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

Test(invalid_utf8, lists_show_replacement_characters)
{
	import_ok(sb.db, data_path("notices/seed.txt"));
	write_bad_text(sb.db);
	struct run *r = BB_DB(sb.db, "list", "tasks", "--format", "json");
	expect_ok(r, "list tasks --format json");
	cr_assert_eq(jint(r->out, "json_valid(?1)"), 1);
	cr_assert_eq(text_is_valid_utf8(r->out, r->out_len), true, "JSON output is UTF-8");
	cr_assert_geq(count(r->out, "\\ufffd"), 12, "each bad sequence is \\ufffd: %.300s", r->out);
	r = BB_DB(sb.db, "list", "tasks", "--format", "table");
	expect_ok(r, "list tasks --format table");
	cr_assert_eq(text_is_valid_utf8(r->out, r->out_len), true, "table output is UTF-8");
	cr_assert_geq(count(r->out, "\xef\xbf\xbd"), 6, "the table shows U+FFFD");
	r = BB_DB(sb.db, "list", "tasks", "--format", "tsv");
	expect_ok(r, "list tasks --format tsv");
	cr_assert_eq(text_is_valid_utf8(r->out, r->out_len), true, "TSV output is UTF-8");
}

Test(invalid_utf8, sorting_and_searching_survive)
{
	import_ok(sb.db, data_path("notices/seed.txt"));
	write_bad_text(sb.db);
	/* The vi collation orders the bad owners and texts without failing. */
	const char *sorts[] = { "owner", "text" };
	for (size_t i = 0; i < 2; i++) {
		struct run *r = BB_DB(sb.db, "list", "tasks", "--sort", sorts[i], "--format", "json");
		expect_ok(r, fmt("list tasks --sort %s", sorts[i]));
		cr_assert_eq(jint(r->out, "json_array_length(?1)"), 46);
	}
	/* The valid words around each bad sequence are found. */
	struct run *r = BB_DB(sb.db, "search", "--format", "json", "kiem tra ho so");
	expect_ok(r, "search kiem tra ho so");
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1)"
			  " WHERE json_extract(value, '$.kind') = 'task')"), 6, "%s", r->out);
	r = BB_DB(sb.db, "list", "tasks", "--owner", "tu phap", "--format", "json");
	expect_ok(r, "list tasks --owner tu phap");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 6, "%s", r->out);
	/* An edit of such a row is stored as valid text again. */
	r = BB_DB(sb.db, "set", "1", "--owner", "Sở Tư pháp");
	expect_ok(r, "set 1 --owner");
	r = BB_DB(sb.db, "list", "tasks", "--owner", "so tu phap", "--format", "json");
	cr_assert_str_eq(jtext(r->out, "(SELECT json_extract(value, '$.owner') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.id') = 1)"), "Sở Tư pháp");
}
