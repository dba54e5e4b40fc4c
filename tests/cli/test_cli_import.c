/* The import corpus: tables and exports in every shape a person or
 * another program writes them. A valid file imports exactly (checked
 * value by value with `list tasks --format json`); an invalid one is
 * refused with exit status 1 and one line on stderr naming
 * file:line:column and the reason, and nothing of it is written. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "cli_test.h"

TestSuite(import_corpus, .init = sandbox_init, .fini = sandbox_fini);
TestSuite(import_refused, .init = sandbox_init, .fini = sandbox_fini);

#define BYTES(lit) lit, sizeof lit - 1

/* ---- helpers ------------------------------------------------------------------ */

/* `list tasks --format json` (kept). */
static char *tasks_json(const char *db)
{
	struct run *r = BB_DB(db, "list", "tasks", "--sort", "text", "--format", "json");
	expect_ok(r, "list tasks");
	return r->out;
}

/* One field of the task whose text is `text` (NULL for JSON null). */
static char *task_field(const char *json, const char *text, const char *field)
{
	cr_assert_eq(jint(json, "(SELECT count(*) FROM json_each(?1)"
			  " WHERE json_extract(value, '$.text') = '%s')", text), 1,
		     "no single task \"%s\" in %.400s", text, json);
	return jtext(json, "(SELECT json_extract(value, '$.%s') FROM json_each(?1)"
		     " WHERE json_extract(value, '$.text') = '%s')", field, text);
}

static void expect_field(const char *json, const char *text, const char *field,
			 const char *want)
{
	char *got = task_field(json, text, field);
	if (want)
		cr_assert(got && !strcmp(got, want), "%s of \"%s\": [%s], want [%s]",
			  field, text, got ? got : "null", want);
	else
		cr_assert_null(got, "%s of \"%s\": [%s], want null", field, text, got);
}

/* Imports one file into a fresh database and returns its tasks. */
static char *import_one(const char *name, const char *data, size_t len)
{
	char *db = sandbox_path(fmt("%s.db", name));
	import_ok(db, write_file(name, data, len));
	return tasks_json(db);
}

/* ---- valid tables import exactly ------------------------------------------------- */

/* The same two rows, in every framing a table comes in. */
static const struct {
	const char *name;
	const char *data;
	size_t len;
} framings[] = {
	{ "lf.csv", BYTES("meeting,resolution,text,owner\nHọp 1,Về A,Việc một,Sở Nội vụ\nHọp 1,Về A,Việc hai,\n") },
	{ "crlf.csv", BYTES("meeting,resolution,text,owner\r\nHọp 1,Về A,Việc một,Sở Nội vụ\r\nHọp 1,Về A,Việc hai,\r\n") },
	{ "cr.csv", BYTES("meeting,resolution,text,owner\rHọp 1,Về A,Việc một,Sở Nội vụ\rHọp 1,Về A,Việc hai,\r") },
	{ "bom_crlf.csv", BYTES("\xEF\xBB\xBFmeeting,resolution,text,owner\r\nHọp 1,Về A,Việc một,Sở Nội vụ\r\nHọp 1,Về A,Việc hai,") },
	{ "mixed.csv", BYTES("meeting,resolution,text,owner\r\nHọp 1,Về A,Việc một,Sở Nội vụ\rHọp 1,Về A,Việc hai,\n\n") },
	{ "quoted.csv", BYTES("\"meeting\",\"resolution\",\"text\",\"owner\"\n\"Họp 1\",\"Về A\",\"Việc một\",\"Sở Nội vụ\"\n\"Họp 1\",\"Về A\",\"Việc hai\",\"\"\n") },
};

Test(import_corpus, bom_and_every_line_end_read_the_same)
{
	for (size_t i = 0; i < sizeof framings / sizeof *framings; i++) {
		char *json = import_one(framings[i].name, framings[i].data, framings[i].len);
		cr_assert_eq(jint(json, "json_array_length(?1)"), 2, "%s: %s", framings[i].name, json);
		expect_field(json, "Việc một", "owner", "Sở Nội vụ");
		expect_field(json, "Việc hai", "owner", NULL);
		expect_field(json, "Việc một", "status", "open");
		cr_assert_eq(jint(json, "(SELECT count(DISTINCT json_extract(value, '$.meeting_id'))"
				  " FROM json_each(?1))"), 1, "%s: one meeting", framings[i].name);
	}
}

Test(import_corpus, quoted_fields_keep_line_breaks_quotes_and_commas)
{
	static const char table[] =
		"meeting,resolution,text,owner,note\r\n"
		"\"Họp \"\"giao ban\"\"\",\"Về A, B và C\",\"Dòng một\r\ndòng hai\",\"\"\"Sở\"\"\",\"x\ny\rz\"\r\n";
	char *db = sandbox_path("q.db");
	import_ok(db, write_text("quoted.csv", table));
	char *json = tasks_json(db);
	/* A line break inside quotes is stored as a LF, whatever the file's. */
	expect_field(json, "Dòng một\ndòng hai", "owner", "\"Sở\"");
	char *exported = export_json(db);
	cr_assert_str_eq(jtext(exported, "json_extract(?1, '$.meetings[0].title')"), "Họp \"giao ban\"");
	cr_assert_str_eq(jtext(exported, "json_extract(?1, '$.meetings[0].resolutions[0].title')"),
			 "Về A, B và C");
	cr_assert_str_eq(jtext(exported, "json_extract(?1, '$.meetings[0].resolutions[0].tasks[0].note')"),
			 "x\ny\nz");
}

Test(import_corpus, values_are_trimmed_and_nfd_becomes_nfc)
{
	size_t nfd_len;
	const char *nfc = "Kiểm tra đê bao";
	char *nfd = to_nfd(nfc, strlen(nfc), &nfd_len);
	char *table = fmt("meeting,resolution,text, owner \nHọp,Về A,  %s\t, Sở Nội vụ  \n", nfd);
	char *json = import_one("nfd.csv", table, strlen(table));
	expect_field(json, nfc, "owner", "Sở Nội vụ");
}

Test(import_corpus, a_ten_megabyte_field)
{
	/* A whole report pasted into a cell: imported whole, its commas and
	 * line breaks included. */
	const size_t big = 10 * 1024 * 1024;
	const char *head = "meeting,resolution,text,note\nHọp,Về A,Báo cáo dài,\"";
	size_t hlen = strlen(head);
	char *data = keep(malloc(hlen + big + 3));
	memcpy(data, head, hlen);
	for (size_t i = 0; i < big; i++)
		data[hlen + i] = "abc d,e\n"[i % 8];
	data[hlen + big - 1] = 'z';	/* values are trimmed: end on a letter */
	memcpy(data + hlen + big, "\"\n", 3);
	char *db = sandbox_path("big.db");
	import_ok(db, write_file("big.csv", data, hlen + big + 2));
	char *note = jtext(export_json(db), "json_extract(?1, '$.meetings[0].resolutions[0].tasks[0].note')");
	cr_assert_not_null(note);
	cr_assert_eq(strlen(note), big);
	cr_assert(memcmp(note, data + hlen, big) == 0, "the 10 MB note came back changed");
}

Test(import_corpus, a_header_alone_imports_nothing_and_says_so)
{
	/* Decided: exit 0 (an empty table is what exporting an empty
	 * database writes), a line on stdout, and nothing written; a database
	 * the import would have created is not left behind. */
	char *file = write_text("header.csv", "meeting,resolution,text,owner,due,status,note\r\n");
	struct run *r = BB_DB(sb.db, "import", file);
	expect_ok(r, "header only");
	cr_assert(strstr(r->out, "header.csv: no rows below the header; nothing imported"), "%s", r->out);
	cr_assert(!file_exists(sb.db), "a header alone made a database");

	import_ok(sb.db, data_path("csv/tasks.csv"));
	char *before = export_json(sb.db);
	struct snapshot bytes = snapshot(sb.db);
	r = BB_DB(sb.db, "import", file);
	expect_ok(r, "header only, again");
	cr_assert_str_eq(export_json(sb.db), before);
	expect_unchanged(&bytes, sb.db);
}

Test(import_corpus, every_date_form)
{
	static const struct {
		const char *due, *iso;
	} dates[] = {
		{ "31-3-2023", "2023-03-31" }, { "31/03/2023", "2023-03-31" },
		{ "31.3.2023", "2023-03-31" }, { "2023-03-31", "2023-03-31" },
		{ "2023/3/31", "2023-03-31" }, { "ngày 9-11-2022", "2022-11-09" },
		{ "Ngày 31 tháng 3 năm 2023", "2023-03-31" },
		{ "trước ngày 15/4/2023", "2023-04-15" }, { "Hạn: 30/6/2023", "2023-06-30" },
		{ "chậm nhất ngày 1/7/2023", "2023-07-01" },
		{ "quý I-2023", "2023-03-31" }, { "quý II/2023", "2023-06-30" },
		{ "quý III năm 2023", "2023-09-30" }, { "cuối quý IV-2023", "2023-12-31" },
		{ "quý 2/2023", "2023-06-30" }, { "tháng 4/2023", "2023-04-30" },
		{ "trong tháng 2/2024", "2024-02-29" }, { "tháng 2 năm 2023", "2023-02-28" },
		{ "QUÝ II-2023", "2023-06-30" }, { "29/2/2000", "2000-02-29" },
		{ "1/1/1900", "1900-01-01" }, { "31/12/2200", "2200-12-31" },
		/* Words are kept as written, with no date. */
		{ "cuối năm", NULL }, { "thường xuyên", NULL }, { "quý V-2023", NULL },
	};
	size_t n = sizeof dates / sizeof *dates;
	char *table = fmt("meeting,resolution,text,due\n");
	for (size_t i = 0; i < n; i++)
		table = fmt("%sHọp,Về A,Việc %02zu,\"%s\"\n", table, i, dates[i].due);
	char *json = import_one("dates.csv", table, strlen(table));
	cr_assert_eq(jint(json, "json_array_length(?1)"), (long long)n);
	for (size_t i = 0; i < n; i++) {
		char *text = fmt("Việc %02zu", i);
		expect_field(json, text, "due_text", dates[i].due);
		expect_field(json, text, "due_on", dates[i].iso);
	}
}

Test(import_corpus, a_json_export_with_a_bom)
{
	import_ok(sb.db, data_path("notices/huyen_uy.txt"));
	char *json = export_json(sb.db);
	char *copy = sandbox_path("copy.db");
	char *with_bom = fmt("\xEF\xBB\xBF%s", json);
	import_ok(copy, write_text("bom.json", with_bom));
	cr_assert_str_eq(export_json(copy), json);
}

/* ---- invalid files are refused whole --------------------------------------------------- */

/* Windows-1258, the legacy Vietnamese code page: "Hội nghị lần thứ 15,
 * Về nhiệm vụ,Kiểm tra đê bao,Ủy ban nhân dân huyện" with its tones as
 * the code page's combining marks. */
#define CP1258_ROW "H\xf4\xf2i nghi\xf2 l\xe2\xccn th\xfd\xec 15,V\xea\xcc nhi\xea\xf2m vu\xf2," \
	"Ki\xea\xd2m tra \xf0\xea bao,U\xd2y ban nh\xe2n d\xe2n huy\xea\xf2n\r\n"

static const struct {
	const char *name;
	const char *data;
	size_t len;
	const char *says;	/* what the one line on stderr starts with, after "bienban: " */
} refused[] = {
	{ "empty.csv", BYTES(""), "empty.csv:1:1: empty table" },
	{ "blank.csv", BYTES("\r\n\r\n"), "blank.csv:1:1: empty table" },
	{ "unterminated.csv", BYTES("meeting,resolution,text\nHọp,Về A,\"Việc\nchưa đóng\n"),
	  "unterminated.csv:2:10: quoted field is never closed" },
	{ "nul.csv", BYTES("meeting,resolution,text\nHọp,Về A,Vi\0c\n"),
	  "nul.csv:2:12: NUL byte" },
	{ "invalid.csv", BYTES("meeting,resolution,text\nHọp,Về A,Vi\xc3\x28" "c\n"),
	  "invalid.csv:2:12: not valid UTF-8; save the table as UTF-8" },
	{ "cut.csv", BYTES("meeting,resolution,text\nHọp,Về A,Vi\xe1\xbb"),
	  "cut.csv:2:12: not valid UTF-8" },
	{ "cp1258.csv", BYTES("meeting,resolution,text,owner\r\n" CP1258_ROW),
	  "cp1258.csv:2:2: not valid UTF-8; save the table as UTF-8" },
	{ "too_few.csv", BYTES("meeting,resolution,text,owner\nHọp,Về A,Việc,Sở\nHọp,Về A\n"),
	  "too_few.csv:3:9: 2 fields where the header has 4" },
	{ "too_many.csv", BYTES("meeting,resolution,text\nHọp,Về A,Việc,thừa\n"),
	  "too_many.csv:2:15: 4 fields where the header has 3" },
	{ "dup_header.csv", BYTES("meeting,resolution,text,Nội dung\nHọp,Về A,Việc,x\n"),
	  "dup_header.csv:1:25: column 4 \"Nội dung\" repeats column \"text\"" },
	{ "unknown_header.csv", BYTES("meeting,resolution,text,màu\n"),
	  "unknown_header.csv:1:25: column 4 \"màu\" is unknown" },
	{ "no_text.csv", BYTES("meeting,resolution,owner\nHọp,Về A,Sở\n"),
	  "no_text.csv:1:1: no column \"text\"" },
	{ "stray_quote.csv", BYTES("meeting,resolution,text\nHọp,Về \"A\",Việc\n"),
	  "stray_quote.csv:2:8: quote inside an unquoted field" },
	{ "after_quote.csv", BYTES("meeting,resolution,text\nHọp,\"Về A\"x,Việc\n"),
	  "after_quote.csv:2:11: text after a closing quote" },
	{ "bad_status.csv", BYTES("meeting,resolution,text,status\nHọp,Về A,Việc,xong rồi\n"),
	  "bad_status.csv:2:15: status \"xong rồi\" is unknown" },
	{ "bad_date.csv", BYTES("meeting,resolution,text,due\nHọp,Về A,Việc,30/2/2024\n"),
	  "bad_date.csv:2:15: due \"30/2/2024\" is not a real date" },
	{ "no_value.csv", BYTES("meeting,resolution,text\nHọp,,Việc\n"),
	  "no_value.csv:2:5: empty \"resolution\"" },
	{ "notice_cp1258.txt", BYTES("Hội nghị lần thứ 5\n\nNg\xe0y 1/2/2023\n"),
	  "notice_cp1258.txt:3:3: not valid UTF-8 (byte 0xE0); save the notice as UTF-8" },
	{ "notice_nul.txt", BYTES("Hội nghị lần thứ 5\n\n1. Về \0\n"), "notice_nul.txt:3:7: binary data" },
	{ "cp1258.json", BYTES("{\"format\": \"bienban\", \"version\": 1,\n \"meetings\": [{\"title\": \""
			       "H\xf4\xf2i nghi\xf2\"}]}"),
	  "cp1258.json:2:27: not valid UTF-8; save the file as UTF-8" },
	{ "binary.json", BYTES("{\"format\": \"bienban\", \0\"version\": 1}"),
	  "binary.json:1:23: NUL byte" },
	{ "bad_date.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"title\": \"Họp\","
				 " \"resolutions\": [{\"title\": \"R\", \"tasks\": [{\"text\": \"T\","
				 " \"due_on\": \"2023-13-01\"}]}]}]}"),
	  "bad_date.json: $.meetings[0].resolutions[0].tasks[0].due_on is not a date" },
	{ "text_seq.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"title\": \"Họp\","
				 " \"resolutions\": [{\"seq\": \"một\", \"title\": \"R\"}]}]}"),
	  "text_seq.json: $.meetings[0].resolutions[0].seq is not a whole number" },
	{ "huge_id.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"id\":"
				" 9223372036854775807, \"title\": \"Họp\"}]}"),
	  "huge_id.json: $.meetings[0].id is not an id" },
	{ "surrogate.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"documents\": [{\"code\": \"\\udc00\"}]}"),
	  "surrogate.json: $.documents[0].code is not valid UTF-8" },
	{ "nul.json", BYTES("{\"format\": \"bienban\", \"version\": 1,\n \"meetings\": [{\"title\": \"H\\u0000p\"}]}"),
	  "nul.json:2:27: a string holds \\u0000" },
	{ "no_title.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"id\": 3}]}"),
	  "no_title.json: $.meetings[0].title is missing" },
	{ "not_object.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [\"Họp\"]}"),
	  "not_object.json: $.meetings[0] is not an object" },
	{ "same_task_id.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"title\": \"Họp\","
				     " \"resolutions\": [{\"title\": \"R\", \"tasks\": [{\"id\": 4, \"text\": \"a\"},"
				     " {\"id\": 4, \"text\": \"b\"}]}]}]}"),
	  "same_task_id.json: $.meetings[0].resolutions[0].tasks[1].id is the id of another" },
	{ "bad_status.json", BYTES("{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"title\": \"Họp\","
				   " \"resolutions\": [{\"title\": \"R\", \"tasks\": [{\"text\": \"a\", \"status\": \"xong\"}]}]}]}"),
	  "bad_status.json: $.meetings[0].resolutions[0].tasks[0].status is not a status" },
};

Test(import_refused, with_the_place_and_the_reason_and_nothing_written)
{
	import_ok(sb.db, data_path("notices/huyen_uy.txt"), data_path("csv/tasks.csv"));
	char *before = export_json(sb.db);
	struct snapshot bytes = snapshot(sb.db);
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		char *path = write_file(refused[i].name, refused[i].data, refused[i].len);
		struct run *r = BB_DB(sb.db, "import", path);
		expect_error(r, 1, refused[i].name, refused[i].name);
		const char *msg = strstr(r->err, refused[i].name);
		cr_assert(!strncmp(msg, refused[i].says, strlen(refused[i].says)),
			  "%s: [%s] should start with [%s]", refused[i].name, msg, refused[i].says);
		cr_assert_str_eq(export_json(sb.db), before, "%s changed the records", refused[i].name);
		expect_unchanged(&bytes, sb.db);
	}
}

Test(import_refused, one_bad_row_after_many_good_ones_writes_none)
{
	/* All or nothing: a thousand good rows do not stay for one bad one. */
	size_t cap = 64 * 1024, len = 0;
	char *table = keep(malloc(cap));
	len += (size_t)snprintf(table, cap, "meeting,resolution,text,status\n");
	for (int i = 0; i < 1000; i++)
		len += (size_t)snprintf(table + len, cap - len, "Họp,Về A,Việc %d,open\n", i);
	snprintf(table + len, cap - len, "Họp,Về A,Việc cuối,finished\n");
	import_ok(sb.db, data_path("notices/huyen_uy.txt"));
	char *before = export_json(sb.db);
	struct run *r = BB_DB(sb.db, "import", write_text("long.csv", table));
	expect_error(r, 1, "a bad last row", "long.csv:1002:20: status \"finished\"");
	cr_assert_str_eq(export_json(sb.db), before);
	/* The same for an export whose last task is bad. */
	char *json = fmt("{\"format\": \"bienban\", \"version\": 1, \"documents\": [{\"code\": \"1-NQ/TW\"}],"
			 " \"meetings\": [{\"title\": \"Họp\", \"resolutions\": [{\"title\": \"R\","
			 " \"tasks\": [{\"text\": \"a\"}, {\"text\": \"b\", \"span_end\": -1}]}]}]}");
	r = BB_DB(sb.db, "import", write_text("late.json", json));
	expect_error(r, 1, "a bad last task", "late.json: $.meetings[0].resolutions[0].tasks[1].span_end");
	cr_assert_str_eq(export_json(sb.db), before);
}

/* ---- what a hostile file puts on the terminal --------------------------------------- */

/* Whether s holds a byte or character a terminal would act on: C0
 * controls but tab and line feed, DEL, C1 controls (as UTF-8), and the
 * bidi overrides that reorder what follows. */
static const char *first_control(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || p[i] == 0x7f)
			return s + i;
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			return s + i;
		if (p[i] == 0xe2 && i + 2 < len && p[i + 1] == 0x80 && p[i + 2] >= 0xaa && p[i + 2] <= 0xae)
			return s + i;
		if (p[i] == 0xe2 && i + 2 < len && p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9)
			return s + i;
	}
	return NULL;
}

static void expect_inert(const struct run *r, const char *what)
{
	const char *out = first_control(r->out, r->out_len), *err = first_control(r->err, r->err_len);
	cr_assert_null(out, "%s: a control reached stdout at byte %td: [%.40s]", what,
		       out ? out - r->out : 0, out);
	cr_assert_null(err, "%s: a control reached stderr: [%s]", what, r->err);
}

/* Escape sequences that recolour, retitle the window, write the
 * clipboard (OSC 52), ring the bell, move the cursor; a C1 CSI; a
 * right-to-left override. */
#define HOSTILE "\\u001b[31mđỏ\\u001b[0m \\u001b]0;pwned\\u0007 \\u001b]52;c;aGk=\\u0007" \
	" \\u001b[2J\\u001b[H \\u009b31m \\u202eabc \\r\\u0008x"

Test(import_corpus, hostile_text_reaches_no_terminal_as_a_control)
{
	const char *json = "{\"format\": \"bienban\", \"version\": 1, \"meetings\": [{\"title\": \"Họp " HOSTILE "\","
		" \"body\": \"" HOSTILE "\", \"place\": \"" HOSTILE "\", \"source_hash\": \"x\","
		" \"resolutions\": [{\"seq\": 1, \"title\": \"Về " HOSTILE "\", \"documents\": [\"9-NQ/TW" HOSTILE "\"],"
		" \"tasks\": [{\"text\": \"Việc " HOSTILE "\", \"owner\": \"" HOSTILE "\","
		" \"due_text\": \"" HOSTILE "\", \"note\": \"" HOSTILE "\"}]}]}],"
		" \"documents\": [{\"code\": \"9-NQ/TW" HOSTILE "\", \"title\": \"" HOSTILE "\"}]}";
	struct run *r = BB_DB(sb.db, "import", write_text("hostile.json", json));
	expect_ok(r, "import hostile.json");
	expect_inert(r, "import");
	const char *const cmds[][6] = {
		{ "list", "meetings" }, { "list", "meetings", "--format", "tsv" },
		{ "list", "meetings", "--format", "json" },
		{ "list", "resolutions" }, { "list", "resolutions", "--format", "tsv" },
		{ "list", "documents" }, { "list", "documents", "--format", "tsv" },
		{ "list", "documents", "--format", "json" },
		{ "list", "tasks" }, { "list", "tasks", "--format", "tsv" },
		{ "list", "tasks", "--format", "json" },
		{ "search", "do" }, { "search", "--format", "tsv", "do" },
		{ "export" }, { "export", "--format", "md" },
	};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		const char *args[10] = { "--db", sb.db };
		for (size_t k = 0; k < 6 && cmds[i][k]; k++)
			args[2 + k] = cmds[i][k];
		r = run_bienban(NULL, args);
		char *what = fmt("%s %s %s", cmds[i][0], cmds[i][1], cmds[i][2] ? cmds[i][2] : "");
		expect_ok(r, what);
		cr_assert_gt(r->out_len, 0, "%s printed nothing", what);
		expect_inert(r, what);
	}
	/* A value of a refused table, quoted in the message. */
	char *table = fmt("meeting,resolution,text,status\nHọp,Về A,Việc,\x1b]52;c;aGk=\x07\x1b[2J\n");
	r = BB_DB(sb.db, "import", write_text("hostile.csv", table));
	expect_error(r, 1, "hostile status", "hostile.csv:2:15: status");
	expect_inert(r, "hostile status");
}
