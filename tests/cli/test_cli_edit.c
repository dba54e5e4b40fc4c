/* `bienban search` and `bienban set`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "cli_test.h"

TestSuite(search, .init = sandbox_init, .fini = sandbox_fini);
TestSuite(set, .init = sandbox_init, .fini = sandbox_fini);

static void two_notices(void)
{
	import_ok(sb.db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"));
}

static char *search_json(const char *const *words)
{
	const char *args[12] = { "--db", sb.db, "search", "--format", "json" };
	size_t n = 5;
	for (size_t i = 0; words[i]; i++)
		args[n++] = words[i];
	struct run *r = run_bienban(NULL, args);
	expect_ok(r, fmt("search %s", words[0]));
	expect_json_objects(r->out, "kind,id,title,snippet");
	return r->out;
}

#define SEARCH(...) search_json((const char *const[]){ __VA_ARGS__, NULL })

/* ---- search ---------------------------------------------------------------------------- */

Test(search, finds_the_resolution_and_the_document)
{
	two_notices();
	char *hits = SEARCH("nghi quyet 27");
	cr_assert_str_eq(SEARCH("nghi", "quyet", "27"), hits, "words as separate arguments");
	/* Every resolution that cites 27-NQ/TW is a hit… */
	struct run *r = BB_DB(sb.db, "list", "resolutions", "--format", "json");
	expect_ok(r, "list resolutions");
	char *both = fmt("[%s,%s]", r->out, hits);
	char *missing = jtext(both,
		"(SELECT group_concat(json_extract(r.value, '$.id'), ' ') FROM json_each(?1, '$[0]') r,"
		" json_each(r.value, '$.documents') d WHERE d.value = '27-NQ/TW' AND NOT EXISTS"
		" (SELECT 1 FROM json_each(?1, '$[1]') h WHERE json_extract(h.value, '$.kind') = 'resolution'"
		"  AND json_extract(h.value, '$.id') = json_extract(r.value, '$.id')))");
	cr_assert_null(missing, "resolutions citing 27-NQ/TW not found: %s", missing);
	cr_assert_eq(jint(both, "(SELECT count(*) FROM json_each(?1, '$[0]') r, json_each(r.value,"
			  " '$.documents') d WHERE d.value = '27-NQ/TW')"), 2);
	/* …and so is the document itself. */
	cr_assert_eq(jint(hits, "(SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.kind')"
			  " = 'document' AND json_extract(value, '$.title') LIKE '27-NQ/TW%%')"), 1);
	/* Snippets show where the words are. */
	char *snippet = jtext(hits, "(SELECT json_extract(value, '$.snippet') FROM json_each(?1)"
			      " WHERE json_extract(value, '$.kind') = 'resolution' LIMIT 1)");
	cr_assert(strstr(folded(snippet), "nghi quyet"), "snippet [%s]", snippet);
}

Test(search, ignores_case_and_diacritics_d_included)
{
	two_notices();
	char *hits = SEARCH("dang");
	long long n = jint(hits, "json_array_length(?1)");
	cr_assert_gt(n, 5);
	const char *spellings[] = { "ĐẢNG", "Đảng", "đảng", "DANG", "Dang" };
	for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++)
		cr_assert_str_eq(SEARCH(spellings[i]), hits, "search %s", spellings[i]);
	/* Every hit shows the word, and all four kinds are searched. */
	for (long long i = 0; i < n; i++) {
		char *title = jtext(hits, "json_extract(?1, '$[%lld].title')", i);
		char *snippet = jtext(hits, "json_extract(?1, '$[%lld].snippet')", i);
		cr_assert(strstr(folded(fmt("%s %s", title, snippet)), "dang"),
			  "hit %lld [%s] [%s]", i, title, snippet);
	}
	cr_assert_eq(jint(hits, "(SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.kind')"
			  " NOT IN ('meeting', 'resolution', 'document', 'task'))"), 0);
	cr_assert_gt(jint(hits, "(SELECT count(DISTINCT json_extract(value, '$.kind'))"
			  " FROM json_each(?1))"), 2);
	cr_assert_eq(jint(hits, "(SELECT count(*) FROM json_each(?1) WHERE json_type(value, '$.id')"
			  " != 'integer')"), 0);
	/* Two words: "dang uy" finds "đảng ủy". */
	char *two = SEARCH("dang uy");
	cr_assert_gt(jint(two, "json_array_length(?1)"), 0);
	cr_assert_leq(jint(two, "json_array_length(?1)"), n);
}

Test(search, formats_and_awkward_queries)
{
	two_notices();
	struct run *r = BB_DB(sb.db, "search", "--format", "tsv", "dang");
	expect_ok(r, "search tsv");
	cr_assert(!strncmp(r->out, "kind\tid\ttitle\tsnippet\n", 22), "%.60s", r->out);
	cr_assert_eq((long long)count_lines(r->out), jint(SEARCH("dang"), "json_array_length(?1)") + 1);
	r = BB_DB(sb.db, "search", "dang");
	expect_ok(r, "search table");
	cr_assert(!strncmp(r->out, "kind ", 5), "%.60s", r->out);
	/* FTS5 syntax is not the user's business: none of these is an error. */
	const char *awkward[] = { "\"", "NEAR(", "*", "-", "'", "a OR", "title:x", "!!!", "zzqxj" };
	for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++) {
		char *hits = SEARCH(awkward[i]);
		cr_assert_eq(jint(hits, "json_array_length(?1)"), 0, "search %s", awkward[i]);
	}
}

/* ---- set ---------------------------------------------------------------------------------- */

/* Task `id` as `list tasks` shows it (kept JSON object). */
static char *task(long long id)
{
	struct run *r = BB_DB(sb.db, "list", "tasks", "--format", "json");
	expect_ok(r, "list tasks");
	char *t = jtext(r->out, "(SELECT value FROM json_each(?1) WHERE json_extract(value, '$.id') = %lld)", id);
	cr_assert_not_null(t, "no task %lld", id);
	return t;
}

Test(set, edits_show_in_the_list_and_the_history)
{
	two_notices();
	char *before = task(5);
	cr_assert_str_eq(jtext(before, "json_extract(?1, '$.status')"), "open");
	struct run *r = BB_DB(sb.db, "set", "5", "--status", "done", "--owner", "Văn phòng Tỉnh ủy",
			      "--due", "trước ngày 15/4/2023", "--note", "đã giao, xem \"biên bản\"");
	expect_ok(r, "set");
	char *after = task(5);
	cr_assert_str_eq(jtext(after, "json_extract(?1, '$.status')"), "done");
	cr_assert_str_eq(jtext(after, "json_extract(?1, '$.owner')"), "Văn phòng Tỉnh ủy");
	cr_assert_str_eq(jtext(after, "json_extract(?1, '$.due_on')"), "2023-04-15");
	cr_assert_str_eq(jtext(after, "json_extract(?1, '$.due_text')"), "trước ngày 15/4/2023");
	/* Everything else is as it was. */
	const char *same[] = { "id", "meeting_id", "resolution_id", "seq", "text" };
	for (size_t i = 0; i < 5; i++)
		cr_assert_str_eq(jtext(after, "json_extract(?1, '$.%s')", same[i]),
				 jtext(before, "json_extract(?1, '$.%s')", same[i]), "%s", same[i]);

	/* The note and the history, with $USER, are in the export. */
	char *exp = export_json(sb.db);
	cr_assert_str_eq(jtext(exp, "(SELECT json_extract(t.value, '$.note') FROM json_each(?1, '$.meetings') m,"
			       " json_each(m.value, '$.resolutions') r, json_each(r.value, '$.tasks') t"
			       " WHERE json_extract(t.value, '$.id') = 5)"), "đã giao, xem \"biên bản\"");
	cr_assert_str_eq(jtext(exp, "(SELECT group_concat(json_extract(value, '$.field') || '=' ||"
			       " json_extract(value, '$.new'), '|') FROM json_each(?1, '$.history')"
			       " WHERE json_extract(value, '$.item_id') = 5 AND json_extract(value, '$.user') = 'tester')"),
			 "status=done|owner=Văn phòng Tỉnh ủy|due=trước ngày 15/4/2023|note=đã giao, xem \"biên bản\"");
	cr_assert_str_eq(jtext(exp, "(SELECT json_extract(value, '$.old') FROM json_each(?1, '$.history')"
			       " WHERE json_extract(value, '$.field') = 'status')"), "open");

	/* Setting the same values again records nothing. */
	r = BB_DB(sb.db, "set", "5", "--status", "done");
	expect_ok(r, "set again");
	cr_assert_str_eq(export_json(sb.db), exp);
}

Test(set, values_are_stored_in_nfc_and_empty_clears)
{
	two_notices();
	size_t n;
	char *nfd = to_nfd("Sở Tài chính", strlen("Sở Tài chính"), &n);
	expect_ok(BB_DB(sb.db, "set", "7", "--owner", nfd, "--due", "quý II-2023"), "set NFD owner");
	char *t = task(7);
	cr_assert_str_eq(jtext(t, "json_extract(?1, '$.owner')"), "Sở Tài chính");
	cr_assert_str_eq(jtext(t, "json_extract(?1, '$.due_on')"), "2023-06-30");
	struct run *r = BB_DB(sb.db, "list", "tasks", "--owner", "so tai chinh", "--format", "json");
	expect_ok(r, "list --owner");
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.id') = 7)"), 1);

	expect_ok(BB_DB(sb.db, "set", "7", "--owner", "", "--due", ""), "clear owner and due");
	t = task(7);
	cr_assert_str_eq(jtext(t, "json_type(?1, '$.owner')"), "null");
	cr_assert_str_eq(jtext(t, "json_type(?1, '$.due_on')"), "null");
	cr_assert_str_eq(jtext(t, "json_type(?1, '$.due_text')"), "null");
}

/* Each is refused as a usage error, and nothing at all is changed: not
 * even the fields before the bad one. */
static const struct {
	const char *args[6];
	const char *names;
} bad_sets[] = {
	{ { "--due", "31/2/2023" }, "31/2/2023" },
	{ { "--due", "sometime" }, "sometime" },
	{ { "--status", "finished" }, "finished" },
	{ { "--status", "Done" }, "Done" },
	{ { "--status", "done", "--due", "bogus" }, "bogus" },
	{ { "--owner", "Sở Nội vụ", "--status", "closed" }, "closed" },
	{ { "--note", "x", "--owner", "\xff\xfe" }, "UTF-8" },
};

Test(set, bad_values_change_nothing)
{
	two_notices();
	char *before = export_json(sb.db);
	for (size_t i = 0; i < sizeof bad_sets / sizeof *bad_sets; i++) {
		const char *args[10] = { "--db", sb.db, "set", "5" };
		for (size_t k = 0; k < 6 && bad_sets[i].args[k]; k++)
			args[4 + k] = bad_sets[i].args[k];
		struct run *r = run_bienban(NULL, args);
		char *what = fmt("set 5 %s %s", args[4], args[5]);
		expect_error(r, 2, what, bad_sets[i].names);
		cr_assert_str_eq(export_json(sb.db), before, "%s changed the database", what);
	}
}

Test(set, unknown_item)
{
	two_notices();
	char *before = export_json(sb.db);
	struct run *r = BB_DB(sb.db, "set", "99999", "--status", "done");
	expect_error(r, 1, "set 99999", "99999");
	cr_assert_str_eq(export_json(sb.db), before);
}

Test(set, read_only_refuses_and_writes_nothing)
{
	two_notices();
	struct snapshot before = snapshot(sb.db);
	struct run *r = BB("--read-only", "--db", sb.db, "set", "5", "--status", "done");
	expect_error(r, 1, "--read-only set", "read-only", sb.db);
	expect_unchanged(&before, sb.db);
	/* Reading is fine, and writes nothing either. */
	r = BB("--read-only", "--db", sb.db, "list", "tasks", "--format", "json");
	expect_ok(r, "--read-only list");
	cr_assert_str_eq(jtext(r->out, "(SELECT json_extract(value, '$.status') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.id') = 5)"), "open");
	expect_unchanged(&before, sb.db);
	/* A read-only import is refused too. */
	r = BB("--read-only", "--db", sb.db, "import", data_path("notices/ubnd_phien_hop.txt"));
	expect_error(r, 1, "--read-only import", "read-only");
	expect_unchanged(&before, sb.db);
}
