/* `bienban export` in its three formats, and reading the JSON and CSV
 * exports back with `bienban import`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "cli_test.h"

TestSuite(export, .init = sandbox_init, .fini = sandbox_fini);

/* Cells a spreadsheet would run as formulas, a quote, a line break, an
 * apostrophe of the value's own, and Markdown's special characters. */
static const char awkward_csv[] =
	"meeting,resolution,text,owner,due,status,note\n"
	"Họp giao ban,- Việc chung,- gạch đầu dòng,=SUM(A1),+84 giờ,open,@chú ý\n"
	"Họp giao ban,- Việc chung,=1+1,Văn phòng,,doing,'trích dẫn\n"
	"Họp giao ban,- Việc chung,\"Ghi \"\"rõ\"\", hai dòng:\ndòng hai\",Sở Nội vụ,quý III-2023,done,\"a,b\"\n"
	"Họp giao ban,- Việc chung,@mention và a_b *c* [d] #e,,,dropped,-\n";

/* Notices, tables, the rows above and a few edits (so there is history). */
static void fixture(const char *db)
{
	import_ok(db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"),
		  data_path("notices/hdnd_crlf.txt"), data_path("csv/tasks.csv"),
		  data_path("csv/tasks_vi.csv"), write_text("awkward.csv", awkward_csv));
	expect_ok(BB_DB(db, "set", "3", "--status", "doing", "--note", "đang làm",
			"--owner", "'-đã có dấu nháy"), "set 3");
	expect_ok(BB_DB(db, "set", "5", "--status", "done", "--owner", "Sở Tài chính",
			"--due", "15/4/2023"), "set 5");
}

/* Every task of a JSON export as one sorted list of
 * [meeting, resolution, text, owner, due_on, due_text, status, note]. */
static char *task_tuples(const char *export)
{
	return jtext(export,
		"(SELECT json_group_array(json(t)) FROM (SELECT json_array("
		"  json_extract(m.value, '$.title'), json_extract(r.value, '$.title'),"
		"  json_extract(a.value, '$.text'), json_extract(a.value, '$.owner'),"
		"  json_extract(a.value, '$.due_on'), json_extract(a.value, '$.due_text'),"
		"  json_extract(a.value, '$.status'), json_extract(a.value, '$.note')) AS t"
		" FROM json_each(?1, '$.meetings') m, json_each(m.value, '$.resolutions') r,"
		"  json_each(r.value, '$.tasks') a ORDER BY t))");
}

Test(export, json_round_trip_is_byte_identical)
{
	fixture(sb.db);
	char *first = export_json(sb.db);
	cr_assert_eq(jint(first, "json_valid(?1)"), 1);
	cr_assert_str_eq(jtext(first, "json_extract(?1, '$.format')"), "bienban");
	cr_assert_eq(jint(first, "json_extract(?1, '$.version')"), 1);
	cr_assert_eq(jint(first, "json_array_length(?1, '$.meetings')"), 5);
	cr_assert_eq(jint(first, "json_array_length(?1, '$.history')"), 6);

	char *file = write_text("backup.json", first);
	char *copy = sandbox_path("copy.db");
	struct run *r = BB_DB(copy, "import", file);
	expect_ok(r, "import the export");
	cr_assert(strstr(r->out, "backup.json: 5 meetings"), "%s", r->out);
	cr_assert_str_eq(export_json(copy), first, "export → import → export changed the bytes");
	/* And through a third database, from the copy's export. */
	char *third = sandbox_path("third.db");
	import_ok(third, write_text("copy.json", export_json(copy)));
	cr_assert_str_eq(export_json(third), first);
}

/* SQLite's JSON escapes C0 controls only: C1 controls (U+009B is a CSI
 * to xterm), DEL, bidi overrides and invisible characters would reach a
 * terminal as they are. The export writes them as \u escapes, which mean
 * the same to a JSON reader, so the round trip stays exact. */
Test(export, json_escapes_what_a_terminal_would_obey)
{
	import_ok(sb.db, write_text("c1.csv", "meeting,resolution,text,owner,due,status,note\n"
		"Họp \xc2\x9b" "31m,Việc \xe2\x80\xae" "x,Tên\xe2\x80\x8b" "ẩn,Sở\xc2\x85" "NV,,open,"
		"\x7f" "del\xef\xbb\xbf\xe2\x81\xa6\xd8\x9c\n"));
	char *first = export_json(sb.db);
	cr_assert_eq(jint(first, "json_valid(?1)"), 1);
	static const char *const raw[] = { "\xc2\x9b", "\xc2\x85", "\xe2\x80\xae", "\xe2\x80\x8b",
					   "\x7f", "\xef\xbb\xbf", "\xe2\x81\xa6", "\xd8\x9c" };
	for (size_t i = 0; i < sizeof raw / sizeof *raw; i++)
		cr_assert(strstr(first, raw[i]) == NULL, "raw character %zu in the export", i);
	static const char *const escaped[] = { "Họp \\u009b31m", "Sở\\u0085NV", "Việc \\u202ex",
					       "Tên\\u200bẩn", "\\u007fdel\\ufeff\\u2066\\u061c" };
	for (size_t i = 0; i < sizeof escaped / sizeof *escaped; i++)
		cr_assert(strstr(first, escaped[i]) != NULL, "no %s in the export", escaped[i]);
	cr_assert_str_eq(jtext(first, "json_extract(?1, '$.meetings[0].title')"), "Họp \xc2\x9b" "31m");
	char *copy = sandbox_path("copy.db");
	import_ok(copy, write_text("backup.json", first));
	cr_assert_str_eq(export_json(copy), first, "export → import → export changed the bytes");
}

/* That filter sees the export in pieces of stdio's buffer: a letter cut
 * between two pieces comes out whole. Long runs of three-byte letters
 * make sure of cuts. */
Test(export, json_keeps_letters_cut_between_writes)
{
	char *text = keep(malloc(3 * 40000 + 1));
	for (int i = 0; i < 40000; i++)
		memcpy(text + 3 * i, "ệ", 3);
	text[3 * 40000] = '\0';
	import_ok(sb.db, write_text("long.csv", fmt("meeting,resolution,text,owner,due,status,note\n"
						   "Họp,Việc,%s,Sở,,open,\n", text)));
	char *json = export_json(sb.db);
	cr_assert(strstr(json, "\\ufffd") == NULL, "a letter was lost");
	cr_assert_str_eq(jtext(json, "json_extract(?1, '$.meetings[0].resolutions[0].tasks[0].text')"), text);
}

Test(export, json_of_notices_imported_twice_adds_nothing)
{
	import_ok(sb.db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"));
	char *first = export_json(sb.db);
	char *file = write_text("backup.json", first);
	struct run *r = BB_DB(sb.db, "import", file);
	expect_ok(r, "import own export");
	cr_assert(strstr(r->out, "backup.json: 0 meetings"), "%s", r->out);
	cr_assert_str_eq(export_json(sb.db), first);
}

Test(export, csv_round_trip_keeps_every_task)
{
	fixture(sb.db);
	struct run *r = BB_DB(sb.db, "export", "--format", "csv");
	expect_ok(r, "export csv");
	const char *header = "meeting,resolution,text,owner,due,status,note\r\n";
	cr_assert(!strncmp(r->out, header, strlen(header)), "%.80s", r->out);
	/* The formula guard: one apostrophe more before = + - @ (also after
	 * apostrophes already there), none before anything else. */
	const char *guarded[] = { "\"'- gạch đầu dòng\"", "\"'=1+1\"", "\"'=SUM(A1)\"", "\"'+84 giờ\"",
				  "\"'@chú ý\"", "\"''-đã có dấu nháy\"", "\"'- Việc chung\"", ",'trích dẫn\r\n" };
	for (size_t i = 0; i < sizeof guarded / sizeof *guarded; i++)
		cr_assert(strstr(r->out, guarded[i]), "no %s in the CSV", guarded[i]);

	char *task3 = jtext(export_json(sb.db), "(SELECT json_extract(t.value, '$.text')"
			    " FROM json_each(?1, '$.meetings') m, json_each(m.value, '$.resolutions') r,"
			    " json_each(r.value, '$.tasks') t WHERE json_extract(t.value, '$.id') = 3)");
	char *copy = sandbox_path("copy.db");
	import_ok(copy, write_text("tasks.csv", r->out));
	char *want = task_tuples(export_json(sb.db)), *got = task_tuples(export_json(copy));
	cr_assert_str_eq(got, want, "the tasks differ after a CSV round trip");
	/* The cells that start like formulas came back as they were. */
	struct run *l = BB_DB(copy, "list", "tasks", "--format", "json");
	expect_ok(l, "list copy");
	const char *texts[] = { "- gạch đầu dòng", "=1+1", "@mention và a_b *c* [d] #e" };
	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(jint(l->out, "(SELECT count(*) FROM json_each(?1) WHERE"
				  " json_extract(value, '$.text') = '%s')", texts[i]), 1, "%s", texts[i]);
	cr_assert_str_eq(jtext(l->out, "(SELECT json_extract(value, '$.owner') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.text') = '%s')", task3), "'-đã có dấu nháy",
			 "an apostrophe of the value's own, before a guarded character");
}

Test(export, markdown_report)
{
	fixture(sb.db);
	struct run *r = BB_DB(sb.db, "export", "--format", "md");
	expect_ok(r, "export md");
	const char *must[] = {
		"# bienban export\n",
		"\n# Hội nghị lần thứ 12 — Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI\n",
		"- Held on: 2023-03-31\n", "- Chair: Lê Đức Thọ\n",
		"\n## 3. ", "Documents: 27-NQ/TW", "\n- [ ] ", "\n- [x] ",
		"owner: Sở Tài chính; due: 2023-04-15 (15/4/2023); status: done\n",
		/* Markdown's own characters are escaped. */
		"@mention và a\\_b \\*c\\* \\[d\\] \\#e",
	};
	for (size_t i = 0; i < sizeof must / sizeof *must; i++)
		cr_assert(strstr(r->out, must[i]), "the report lacks [%s]", must[i]);
	/* One "- [ ]" or "- [x]" line per task. */
	size_t items = 0;
	for (const char *p = r->out; (p = strstr(p, "\n- [")); p++)
		items++;
	struct run *l = BB_DB(sb.db, "list", "tasks", "--format", "json");
	expect_ok(l, "list tasks");
	cr_assert_eq((long long)items, jint(l->out, "json_array_length(?1)"));
}

Test(export, a_one_row_table)
{
	/* The smallest database: one table row, no notice, most fields absent. */
	import_ok(sb.db, write_text("one.csv", "meeting,resolution,text\nA,B,C\n"));
	char *json = export_json(sb.db);
	cr_assert_eq(jint(json, "json_valid(?1)"), 1);
	struct run *r = BB_DB(sb.db, "export", "--format", "csv");
	expect_ok(r, "export csv");
	cr_assert_str_eq(r->out, "meeting,resolution,text,owner,due,status,note\r\nA,B,C,,,open,\r\n");
}

/* ---- the formula guard, character by character ---------------------------------------- */

/* A value, and the cell `export --format csv` must write for it. */
static const struct {
	const char *value;
	const char *cell;
} guard_cases[] = {
	{ "=1+1", "\"'=1+1\"" },
	{ "+84 giờ", "\"'+84 giờ\"" },
	{ "-5", "\"'-5\"" },
	{ "@chú ý", "\"'@chú ý\"" },
	{ "\t=cmd|' /C calc'!A0", "\"'\t=cmd|' /C calc'!A0\"" },
	{ "\r=cmd", "\"'\r=cmd\"" },
	{ "\nxuống dòng", "\"'\nxuống dòng\"" },
	{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
	/* Apostrophes of the value's own before a guarded character: one
	 * more, which is the one the import takes off. */
	{ "'=đã có nháy", "\"''=đã có nháy\"" },
	{ "''+hai nháy", "\"'''+hai nháy\"" },
	{ "'\tnháy rồi tab", "\"''\tnháy rồi tab\"" },
	{ "'@", "\"''@\"" },
	/* Nothing to guard. */
	{ "'trích dẫn", "'trích dẫn" },
	{ "'", "'" },
	{ "ô=1", "ô=1" },
	{ "a=b, \"c\"", "\"a=b, \"\"c\"\"\"" },
};

#define NGUARD (sizeof guard_cases / sizeof *guard_cases)

/* s as a JSON string (kept). */
static char *json_string(const char *s)
{
	char *out = fmt("\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			out = fmt("%s\\%c", out, *p);
		else if (*p < 0x20)
			out = fmt("%s\\u%04x", out, *p);
		else
			out = fmt("%s%c", out, *p);
	}
	return fmt("%s\"", out);
}

/* One meeting, one resolution, a task per case: the value as text,
 * owner and note. (JSON, because a table would trim the tabs and line
 * breaks off.) */
static char *guard_fixture(void)
{
	char *tasks = fmt("%s", "");
	for (size_t i = 0; i < NGUARD; i++) {
		char *v = json_string(guard_cases[i].value);
		tasks = fmt("%s%s{\"seq\": %zu, \"text\": %s, \"owner\": %s, \"note\": %s}", tasks,
			    i ? ", " : "", i + 1, v, v, v);
	}
	return write_text("guard.json", fmt("{\"format\": \"bienban\", \"version\": 1, \"meetings\":"
		" [{\"title\": \"Họp\", \"resolutions\": [{\"seq\": 1, \"title\": \"R\", \"tasks\": [%s]}]}]}",
		tasks));
}

Test(export, csv_guards_every_leading_character_and_is_rfc_4180)
{
	import_ok(sb.db, guard_fixture());
	struct run *r = BB_DB(sb.db, "export", "--format", "csv");
	expect_ok(r, "export csv");
	/* The whole file, byte for byte: CRLF after every record, a quoted
	 * cell wherever there is a quote, comma, CR or LF, quotes doubled. */
	char *want = fmt("meeting,resolution,text,owner,due,status,note\r\n");
	for (size_t i = 0; i < NGUARD; i++)
		want = fmt("%sHọp,R,%s,%s,,open,%s\r\n", want, guard_cases[i].cell,
			   guard_cases[i].cell, guard_cases[i].cell);
	cr_assert_str_eq(r->out, want);
}

/* The value as the CSV reader gives it back: a CR inside quotes is a
 * line break, and bienban keeps line breaks as LF. */
static char *read_back(const char *value)
{
	char *v = fmt("%s", value);
	for (char *p = v; *p; p++)
		if (*p == '\r')
			*p = '\n';
	return v;
}

Test(export, csv_guard_comes_off_on_import)
{
	import_ok(sb.db, guard_fixture());
	struct run *r = BB_DB(sb.db, "export", "--format", "csv");
	expect_ok(r, "export csv");
	char *copy = sandbox_path("copy.db");
	import_ok(copy, write_text("guarded.csv", r->out));
	char *json = export_json(copy);
	cr_assert_eq(jint(json, "json_array_length(?1, '$.meetings[0].resolutions[0].tasks')"),
		     (long long)NGUARD);
	for (size_t i = 0; i < NGUARD; i++) {
		const char *fields[] = { "text", "owner", "note" };
		for (size_t f = 0; f < 3; f++) {
			char *got = jtext(json, "json_extract(?1, '$.meetings[0].resolutions[0].tasks[%zu].%s')",
					  i, fields[f]);
			cr_assert(got && !strcmp(got, read_back(guard_cases[i].value)),
				  "case %zu, %s: [%s] came back as [%s]", i, fields[f],
				  guard_cases[i].value, got ? got : "null");
		}
	}
	/* And a second round changes nothing more. */
	struct run *again = BB_DB(copy, "export", "--format", "csv");
	expect_ok(again, "export the copy");
	char *third = sandbox_path("third.db");
	import_ok(third, write_text("again.csv", again->out));
	struct run *last = BB_DB(third, "export", "--format", "csv");
	expect_ok(last, "export the third");
	cr_assert_str_eq(last->out, again->out);
}
