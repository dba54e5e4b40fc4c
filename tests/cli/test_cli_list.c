/* `bienban list`: the JSON, TSV and table formats, the filters and the
 * sort orders of `list tasks`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "cli_test.h"
#include "text.h"

TestSuite(list, .init = sandbox_init, .fini = sandbox_fini);

/* ---- the records every test here reads --------------------------------------------- */

/* Rows a person might type into a spreadsheet: words that test the
 * Vietnamese order, double-width text, and a cell with a tab, a
 * backslash and a line break (done, so it stays out of the open table). */
static const char extra_csv[] =
	"meeting,resolution,text,owner,due,status,note\n"
	"Họp giao ban,Việc chung,đê điều,Phòng Hành chính,15/4/2023,open,\n"
	"Họp giao ban,Việc chung,ăn tết tiết kiệm,Phòng Tài vụ,quý II-2023,open,\n"
	"Họp giao ban,Việc chung,bạ,,,open,\n"
	"Họp giao ban,Việc chung,an toàn lao động,Sở Tài chính,30/6/2023,doing,\n"
	"Họp giao ban,Việc chung,bà,,,open,\n"
	"Họp giao ban,Việc chung,âm thanh hội trường,,,doing,\n"
	"Họp giao ban,Việc chung,dân vận,,1/1/2023,dropped,\n"
	"Họp giao ban,Việc chung,hoàn thành báo cáo,Phòng Tài vụ,1/3/2023,done,\n"
	"Họp giao ban,Việc chung,bá,,,open,\n"
	"Họp giao ban,Việc chung,ba,,,open,\n"
	"Họp giao ban,Việc chung,漢字の会議録を作成し関係部署に配布する漢字漢字漢字漢字漢字漢字,"
	"Ban 漢字漢字漢字漢字漢字漢字漢字漢字,,open,\n"
	"Họp giao ban,Việc chung,\"cột\tmột\\hai\ndòng\",,,done,ghi chú\n";

/* The same words in Vietnamese dictionary order: a < ă < â, d < đ, and
 * tones none < grave < acute < dot below. */
static const char *const vi_order[] = {
	"an toàn lao động", "ăn tết tiết kiệm", "âm thanh hội trường",
	"ba", "bà", "bá", "bạ", "dân vận", "đê điều",
};

/* A database with three notices (the third, ubnd_phien_hop.txt, read
 * from an NFD copy when `nfd`), a table from tests/data and the rows
 * above, plus one row typed in NFD. */
static void fixture(const char *db, bool nfd)
{
	char *ubnd = data_path("notices/ubnd_phien_hop.txt");
	if (nfd) {
		size_t len, nfd_len;
		char *text = read_file(ubnd, &len);
		char *copy = to_nfd(text, len, &nfd_len);
		cr_assert_gt(nfd_len, len);
		ubnd = write_file("ubnd_phien_hop.txt", copy, nfd_len);
	}
	const char *nfd_row = "Họp giao ban,Việc chung,Bảo đảm trật tự an toàn giao thông,"
			      "Sở Tài chính,trước ngày 15/4/2023,open,\n";
	size_t row_len;
	char *row = to_nfd(nfd_row, strlen(nfd_row), &row_len);
	char *extra = write_text("extra.csv", fmt("%s%s", extra_csv, row));
	import_ok(db, data_path("notices/seed.txt"), data_path("notices/huyen_uy.txt"), ubnd,
		  data_path("csv/tasks.csv"), extra);
}

static char *list_json(const char *db, const char *const *filters)
{
	const char *args[16] = { "--db", db, "list", "tasks", "--format", "json" };
	size_t n = 6;
	for (size_t i = 0; filters && filters[i]; i++)
		args[n++] = filters[i];
	struct run *r = run_bienban(NULL, args);
	expect_ok(r, fmt("list tasks %s", filters && filters[0] ? filters[0] : ""));
	cr_assert_eq(jint(r->out, "json_valid(?1)"), 1, "%.200s", r->out);
	return r->out;
}

/* The ids of a task list, sorted, as "[1,2,…]". */
static char *sorted_ids(const char *json)
{
	return jtext(json, "(SELECT json_group_array(id) FROM (SELECT json_extract(value, '$.id')"
		     " AS id FROM json_each(?1) ORDER BY id))");
}

/* ---- JSON ---------------------------------------------------------------------------------- */

/* The fields DESIGN.md names for each list, in order, and the JSON types
 * each may take. */
static const struct {
	const char *list;
	const char *keys;
	const char *types[10];
} shapes[] = {
	{ "meetings", "id,title,body,session,held_on,place,chair,source",
	  { "integer", "text", "text null", "text null", "text null", "text null", "text null",
	    "text null" } },
	{ "resolutions", "id,meeting_id,seq,title,documents",
	  { "integer", "integer", "integer", "text", "array" } },
	{ "documents", "id,code,kind,issued_on,title,meetings",
	  { "integer", "text", "text null", "text null", "text null", "array" } },
	{ "tasks", "id,meeting_id,resolution_id,seq,text,owner,due_on,due_text,status",
	  { "integer", "integer", "integer", "integer", "text", "text null", "text null",
	    "text null", "text" } },
};

static void expect_types(const char *json, const char *keys, const char *const *types)
{
	char *names = keep(strdup(keys));
	char *save, *key = strtok_r(names, ",", &save);
	for (size_t i = 0; key; i++, key = strtok_r(NULL, ",", &save)) {
		char *wrong = jtext(json, "(SELECT group_concat(json_type(value, '$.%s'), ' ')"
				    " FROM json_each(?1) WHERE instr(' %s ', ' ' ||"
				    " json_type(value, '$.%s') || ' ') = 0)", key, types[i], key);
		cr_assert_null(wrong, "field %s has types [%s], want %s", key, wrong, types[i]);
	}
}

Test(list, json_fields_for_every_list)
{
	fixture(sb.db, false);
	char *out[4];
	for (size_t i = 0; i < 4; i++) {
		struct run *r = BB_DB(sb.db, "list", shapes[i].list, "--format", "json");
		expect_ok(r, shapes[i].list);
		cr_assert_gt(expect_json_objects(r->out, shapes[i].keys), 0, "%s is empty", shapes[i].list);
		expect_types(r->out, shapes[i].keys, shapes[i].types);
		out[i] = r->out;
	}
	/* Absent values are null, not "": a meeting made by a table has no
	 * body, date, place or chair. */
	const char *csv_meeting = "(SELECT value FROM json_each(?1) WHERE"
				  " json_extract(value, '$.title') = 'Họp giao ban')";
	cr_assert_str_eq(jtext(out[0], "json_extract(%s, '$.title')", csv_meeting), "Họp giao ban");
	const char *absent[] = { "body", "session", "held_on", "place", "chair" };
	for (size_t i = 0; i < 5; i++)
		cr_assert_str_eq(jtext(out[0], "json_type(%s, '$.%s')", csv_meeting, absent[i]), "null",
				 "meeting field %s", absent[i]);
	cr_assert_str_eq(jtext(out[0], "(SELECT json_type(value, '$.place') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.title') = 'Hội nghị lần thứ 12')"), "null");

	/* Resolutions carry document codes; one that cites none, []. */
	cr_assert_eq(jint(out[1], "(SELECT count(*) FROM json_each(?1) e, json_each(e.value, '$.documents') d"
			  " WHERE d.type != 'text')"), 0);
	cr_assert_gt(jint(out[1], "(SELECT count(*) FROM json_each(?1) WHERE"
			  " json_extract(value, '$.documents') = '[]')"), 0);
	cr_assert_gt(jint(out[1], "(SELECT count(*) FROM json_each(?1) e, json_each(e.value, '$.documents') d"
			  " WHERE d.value = '27-NQ/TW')"), 1);
	/* Documents carry meeting ids, which are exactly the meetings of the
	 * resolutions that cite them. */
	cr_assert_eq(jint(out[2], "(SELECT count(*) FROM json_each(?1) e, json_each(e.value, '$.meetings') m"
			  " WHERE m.type != 'integer')"), 0);
	char *both = fmt("[%s,%s]", out[1], out[2]);
	char *mismatch = jtext(both,
		"(SELECT group_concat(json_extract(d.value, '$.code'), ' ') FROM json_each(?1, '$[1]') d"
		" WHERE json_extract(d.value, '$.meetings') IS NOT (SELECT json_group_array(mid) FROM"
		"  (SELECT DISTINCT json_extract(r.value, '$.meeting_id') AS mid FROM json_each(?1, '$[0]') r,"
		"   json_each(r.value, '$.documents') c WHERE c.value = json_extract(d.value, '$.code')"
		"   ORDER BY mid)))");
	cr_assert_null(mismatch, "documents whose meetings are wrong: %s", mismatch);
	cr_assert_str_eq(jtext(out[2], "(SELECT json_extract(value, '$.meetings') FROM json_each(?1)"
			       " WHERE json_extract(value, '$.code') = '27-NQ/TW')"), "[1,2]");
}

Test(list, resolutions_of_one_meeting)
{
	fixture(sb.db, false);
	struct run *r = BB_DB(sb.db, "list", "resolutions", "--meeting", "2", "--format", "json");
	expect_ok(r, "list resolutions --meeting 2");
	cr_assert_gt(expect_json_objects(r->out, shapes[1].keys), 0);
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1) WHERE"
			  " json_extract(value, '$.meeting_id') != 2)"), 0);
	cr_assert_str_eq(jtext(r->out, "(SELECT json_group_array(json_extract(value, '$.seq'))"
			       " FROM json_each(?1))"), "[1,2,3,4]");
}

Test(list, resolutions_citing_a_document)
{
	fixture(sb.db, false);
	struct run *r = BB_DB(sb.db, "list", "resolutions", "--document", "27-NQ/TW", "--format", "json");
	expect_ok(r, "list resolutions --document");
	cr_assert_eq(expect_json_objects(r->out, shapes[1].keys), 2);
	cr_assert_eq(jint(r->out, "(SELECT count(*) FROM json_each(?1) e, json_each(e.value, '$.documents') d"
			  " WHERE d.value = '27-NQ/TW')"), 2);
	r = BB_DB(sb.db, "list", "resolutions", "--meeting", "2", "--document", "27-NQ/TW", "--format", "json");
	expect_ok(r, "list resolutions --meeting --document");
	cr_assert_eq(jint(r->out, "json_array_length(?1)"), 1);
	cr_assert_eq(jint(r->out, "json_extract(?1, '$[0].meeting_id')"), 2);
}

/* ---- TSV ------------------------------------------------------------------------------------- */

static size_t count_char(const char *s, size_t len, char c)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == c;
	return n;
}

Test(list, tsv_is_one_line_per_record)
{
	fixture(sb.db, false);
	char *json = list_json(sb.db, NULL);
	struct run *r = BB_DB(sb.db, "list", "tasks", "--format", "tsv");
	expect_ok(r, "list tasks --format tsv");
	const char *header = "id\tmeeting_id\tresolution_id\tseq\ttext\towner\tdue_on\tdue_text\tstatus\n";
	cr_assert(!strncmp(r->out, header, strlen(header)), "header: %.120s", r->out);
	cr_assert_eq((long long)count_lines(r->out), jint(json, "json_array_length(?1)") + 1);
	for (const char *line = r->out; *line;) {
		const char *end = strchr(line, '\n');
		cr_assert_not_null(end);
		cr_assert_eq(count_char(line, (size_t)(end - line), '\t'), 8, "%.*s",
			     (int)(end - line), line);
		line = end + 1;
	}
	/* Tab, backslash and line break are escaped; an absent value is an
	 * empty field. */
	char *want = fmt("\tcột\\tmột\\\\hai\\ndòng\t\t\t\tdone\n");
	cr_assert(strstr(r->out, want), "no line ending in [%s]", want);
	cr_assert(strstr(r->out, "\tquý II-2023\topen\n"), "due_text column");
}

/* ---- the table ----------------------------------------------------------------------------------- */

static size_t char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Where cell `cell` starts in line: the byte offset after which the
 * display width (text_width) is exactly `cell`, zero-width marks kept
 * with the character before. -1 when a character straddles it; -2 when
 * the line ends first. */
static long offset_of_cell(const char *line, size_t len, int cell)
{
	long found = -1;
	for (size_t k = 0;; k += char_len((unsigned char)line[k])) {
		int w = text_width(line, k);
		if (w == cell)
			found = (long)k;
		if (w > cell || k >= len)
			return found >= 0 || w > cell ? found : -2;
	}
}

struct layout {
	size_t ncols;
	const char *name[16];
	int start[16];		/* first cell of each column */
	int width[16];		/* cells; 0 for the last (unknown) */
};

/* Column starts from the header: names are separated by at least two
 * spaces; the first column (ids, right-aligned) starts at cell 0. */
static struct layout header_layout(const char *header, size_t len)
{
	struct layout l = { 0 };
	for (size_t i = 0; i < len;) {
		while (i < len && header[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t end = i;
		while (end < len && header[end] != ' ')
			end++;
		cr_assert_lt(l.ncols, 16);
		l.name[l.ncols] = keep(strndup(header + i, end - i));
		l.start[l.ncols] = l.ncols ? text_width(header, i) : 0;
		l.ncols++;
		i = end;
	}
	for (size_t c = 0; c + 1 < l.ncols; c++)
		l.width[c] = l.start[c + 1] - 2 - l.start[c];
	return l;
}

/* Checks one table cell against the value it shows: whole when it fits,
 * else a prefix cut at a character boundary ending in "…", filling the
 * column but for one cell a double-width character may leave. */
static void expect_cell(const char *cell, size_t cell_len, const char *value, int width,
			bool right, const char *where)
{
	while (cell_len && cell[cell_len - 1] == ' ')
		cell_len--;
	while (right && cell_len && *cell == ' ')
		cell++, cell_len--;
	size_t vlen = strlen(value);
	if (width == 0 || text_width(value, vlen) <= width) {
		cr_assert(cell_len == vlen && !memcmp(cell, value, vlen),
			  "%s: cell [%.*s] should be [%s]", where, (int)cell_len, cell, value);
		return;
	}
	size_t el = strlen(TEXT_ELLIPSIS);
	cr_assert(cell_len >= el && !memcmp(cell + cell_len - el, TEXT_ELLIPSIS, el),
		  "%s: clipped cell [%.*s] should end in …", where, (int)cell_len, cell);
	size_t kept_len = cell_len - el;
	cr_assert(kept_len < vlen && !memcmp(cell, value, kept_len) &&
		  (value[kept_len] & 0xc0) != 0x80,
		  "%s: [%.*s] is not a prefix of [%s]", where, (int)cell_len, cell, value);
	int w = text_width(cell, cell_len);
	cr_assert(w <= width && w >= width - 1, "%s: clipped to %d cells of %d", where, w, width);
}

static bool has_wide(const char *s, size_t len)
{
	for (size_t k = 0; k < len; k += char_len((unsigned char)s[k]))
		if (text_width(s + k, char_len((unsigned char)s[k])) == 2)
			return true;
	return false;
}

struct table_stats {
	size_t rows, clipped, wide;
};

/* Checks that every row of a `list tasks --format table` lines up with
 * its header by display width and shows the value `json` has. */
static struct table_stats check_table(const char *table, const char *json)
{
	struct table_stats st = { 0 };
	const char *nl = strchr(table, '\n');
	cr_assert_not_null(nl);
	struct layout l = header_layout(table, (size_t)(nl - table));
	const char *want[] = { "id", "text", "owner", "due_on", "status" };
	cr_assert_eq(l.ncols, 5, "columns: %.*s", (int)(nl - table), table);
	for (size_t c = 0; c < 5; c++)
		cr_assert_str_eq(l.name[c], want[c]);
	cr_assert_eq(text_width(table, (size_t)(nl - table)), l.start[4] + 6, "header width");

	for (const char *line = nl + 1; *line; st.rows++) {
		const char *end = strchr(line, '\n');
		cr_assert_not_null(end);
		size_t len = (size_t)(end - line);
		char *where = fmt("row %zu [%.*s]", st.rows + 1, (int)len, line);
		cr_assert_leq(text_width(line, len), CLI_COLUMNS, "%s is too wide", where);
		long off[17];
		off[0] = 0;
		for (size_t c = 1; c < l.ncols; c++) {
			off[c] = offset_of_cell(line, len, l.start[c]);
			cr_assert_neq(off[c], -1, "%s: a character straddles cell %d", where, l.start[c]);
			if (off[c] == -2) {
				off[c] = (long)len + 2;	/* trailing empty cells are trimmed */
				continue;
			}
			cr_assert(off[c] >= 2 && !memcmp(line + off[c] - 2, "  ", 2),
				  "%s: no gap before column %s", where, l.name[c]);
		}
		off[l.ncols] = (long)len + 2;
		for (size_t c = 0; c < l.ncols; c++) {
			long from = off[c], to = off[c + 1] - 2;
			if (from > (long)len)
				from = to = (long)len;
			char *value = jtext(json, "ifnull(json_extract(?1, '$[%zu].%s'), '')",
					    st.rows, l.name[c]);
			expect_cell(line + from, (size_t)(to - from), value, l.width[c], c == 0,
				    fmt("%s column %s", where, l.name[c]));
			st.clipped += text_width(value, strlen(value)) > l.width[c] && l.width[c];
		}
		st.wide += has_wide(line, len);
		line = end + 1;
	}
	cr_assert_eq(jint(json, "json_array_length(?1)"), (long long)st.rows, "table and JSON rows");
	return st;
}

static char *list_table(const char *db, const char *const *env)
{
	struct run *r = BB_ENV(env, "--db", db, "list", "tasks", "--status", "open", "--format", "table");
	expect_ok(r, "list tasks --format table");
	return r->out;
}

Test(list, table_columns_line_up_by_display_width)
{
	fixture(sb.db, false);
	char *table = list_table(sb.db, NULL);
	char *json = list_json(sb.db, (const char *const[]){ "--status", "open", NULL });
	struct table_stats st = check_table(table, json);
	/* The check means something only if the table has clipped cells and
	 * double-width text. */
	cr_assert_gt(st.rows, 20);
	cr_assert_gt(st.clipped, 5);
	cr_assert_gt(st.wide, 0);
}

Test(list, table_from_nfd_input_is_the_same_table)
{
	/* The same records, once read from NFC and once from NFD text, must
	 * print the same bytes: NFD never shifts a column. */
	char *nfd_db = sandbox_path("nfd.db");
	fixture(sb.db, false);
	fixture(nfd_db, true);
	char *table = list_table(sb.db, NULL), *nfd_table = list_table(nfd_db, NULL);
	cr_assert_str_eq(nfd_table, table);
	check_table(nfd_table, list_json(nfd_db, (const char *const[]){ "--status", "open", NULL }));
	cr_assert(strstr(nfd_table, "Bảo đảm trật tự an toàn giao thông"),
		  "the NFD row is in the table, in NFC");
}

Test(list, table_follows_columns)
{
	fixture(sb.db, false);
	char *json = list_json(sb.db, (const char *const[]){ "--status", "open", NULL });
	/* 80 columns, the smallest terminal bienban is made for: every row
	 * still fits (check_table checks CLI_COLUMNS, so measure here). */
	const char *env[] = { "COLUMNS=80", NULL };
	char *narrow = list_table(sb.db, env);
	check_table(narrow, json);
	for (const char *line = narrow; *line;) {
		const char *end = strchr(line, '\n');
		cr_assert_leq(text_width(line, (size_t)(end - line)), 80, "%.*s", (int)(end - line), line);
		line = end + 1;
	}
	cr_assert_str_neq(narrow, list_table(sb.db, NULL), "COLUMNS was ignored");
}

/* ---- filters --------------------------------------------------------------------------------- */

/* Each filter, and the same choice made in SQL over the unfiltered list. */
static const struct {
	const char *args[6];	/* NULL-terminated */
	const char *where;
} filters[] = {
	{ { "--status", "open" }, "$.status = 'open'" },
	{ { "--status", "doing" }, "$.status = 'doing'" },
	{ { "--status", "done" }, "$.status = 'done'" },
	{ { "--status", "dropped" }, "$.status = 'dropped'" },
	{ { "--overdue=2023-06-30" },
	  "ifnull($.due_on, '9999-12-31') < '2023-06-30' AND $.status IN ('open', 'doing')" },
	{ { "--overdue=30/6/2023" },
	  "ifnull($.due_on, '9999-12-31') < '2023-06-30' AND $.status IN ('open', 'doing')" },
	{ { "--overdue=2023-04-16" },
	  "ifnull($.due_on, '9999-12-31') < '2023-04-16' AND $.status IN ('open', 'doing')" },
	{ { "--meeting", "2" }, "$.meeting_id = 2" },
	{ { "--meeting", "3" }, "$.meeting_id = 3" },
	{ { "--resolution", "3" }, "$.resolution_id = 3" },
	{ { "--status", "open", "--meeting=1" }, "$.status = 'open' AND $.meeting_id = 1" },
	{ { "--resolution", "3", "--status", "open" }, "$.resolution_id = 3 AND $.status = 'open'" },
};

/* "$.x" in a condition stands for json_extract(value, '$.x'). */
static char *expand(const char *where)
{
	char *out = keep(calloc(1, strlen(where) * 8 + 1));
	for (const char *p = where; *p;) {
		if (p[0] == '$' && p[1] == '.') {
			size_t n = 2;
			while (p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z'))
				n++;
			strcat(out, fmt("json_extract(value, '%.*s')", (int)n, p));
			p += n;
		} else {
			strncat(out, p++, 1);
		}
	}
	return out;
}

Test(list, filters_choose_what_they_say)
{
	fixture(sb.db, false);
	char *all = list_json(sb.db, NULL);
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++) {
		char *got = sorted_ids(list_json(sb.db, filters[i].args));
		char *want = jtext(all, "(SELECT json_group_array(id) FROM (SELECT"
				   " json_extract(value, '$.id') AS id FROM json_each(?1) WHERE %s"
				   " ORDER BY id))", expand(filters[i].where));
		cr_assert_str_eq(got, want, "list tasks %s %s: %s, want %s", filters[i].args[0],
				 filters[i].args[1] ? filters[i].args[1] : "", got, want);
		cr_assert_str_neq(got, "[]", "%s: the fixture should have some", filters[i].args[0]);
	}
}

Test(list, overdue_without_a_date_means_today)
{
	fixture(sb.db, false);
	char today[11];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);	/* the program runs with TZ=UTC */
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	char *plain = list_json(sb.db, (const char *const[]){ "--overdue", NULL });
	char *dated = list_json(sb.db, (const char *const[]){ fmt("--overdue=%s", today), NULL });
	cr_assert_str_eq(plain, dated);
	cr_assert_gt(jint(plain, "json_array_length(?1)"), 0, "2023 deadlines are past");
}

/* The ids of the tasks whose folded owner holds folded `needle`. */
static char *ids_by_owner(const char *all, const char *needle)
{
	long long n = jint(all, "json_array_length(?1)");
	char *want = "[", *f = folded(needle);
	for (long long i = 0; i < n; i++) {
		char *owner = jtext(all, "json_extract(?1, '$[%lld].owner')", i);
		if (owner && strstr(folded(owner), f))
			want = fmt("%s%s%lld", want, want[1] ? "," : "",
				   jint(all, "json_extract(?1, '$[%lld].id')", i));
	}
	return jtext(fmt("%s]", want), "(SELECT json_group_array(value) FROM"
		     " (SELECT value FROM json_each(?1) ORDER BY value))");
}

Test(list, owner_ignores_case_and_diacritics)
{
	fixture(sb.db, false);
	char *all = list_json(sb.db, NULL);
	char *so_tai_chinh = ids_by_owner(all, "so tai chinh");
	cr_assert_gt(strlen(so_tai_chinh), 4, "the fixture has owners named Sở Tài chính");
	const char *spellings[] = { "so tai chinh", "Sở Tài chính", "SỞ TÀI CHÍNH", "sở tài CHINH",
				    "tài chính", "ủy ban", "Uy Ban Nhan Dan", "đoàn", "phong" };
	for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
		const char *filter[] = { "--owner", spellings[i], NULL };
		char *want = ids_by_owner(all, spellings[i]);
		char *got = sorted_ids(list_json(sb.db, filter));
		cr_assert_str_eq(got, want, "--owner %s: %s, want %s", spellings[i], got, want);
		if (i < 4)
			cr_assert_str_eq(want, so_tai_chinh, "%s", spellings[i]);
	}
	/* "%" and "_" are letters here, not patterns. */
	const char *like[] = { "--owner", "%", NULL };
	cr_assert_eq(jint(list_json(sb.db, like), "json_array_length(?1)"), 0);
}

Test(list, document_filter_follows_the_citations)
{
	fixture(sb.db, false);
	char *tasks = list_json(sb.db, NULL);
	struct run *r = BB_DB(sb.db, "list", "resolutions", "--format", "json");
	expect_ok(r, "list resolutions");
	char *got = list_json(sb.db, (const char *const[]){ "--document", "27-NQ/TW", NULL });
	char *both = fmt("[%s,%s]", tasks, r->out);
	char *want = jtext(both,
		"(SELECT json_group_array(id) FROM (SELECT json_extract(t.value, '$.id') AS id"
		" FROM json_each(?1, '$[0]') t WHERE json_extract(t.value, '$.resolution_id') IN"
		"  (SELECT json_extract(r.value, '$.id') FROM json_each(?1, '$[1]') r,"
		"   json_each(r.value, '$.documents') d WHERE d.value = '27-NQ/TW') ORDER BY id))");
	cr_assert_str_eq(sorted_ids(got), want);
	cr_assert_str_neq(want, "[]");
	/* The task ids of two meetings: the seed's and the district's. */
	cr_assert_str_eq(jtext(got, "(SELECT json_group_array(DISTINCT json_extract(value, '$.meeting_id'))"
			       " FROM (SELECT value FROM json_each(?1) ORDER BY json_extract(value, '$.meeting_id')))"),
			 "[1,2]");
	char *none = list_json(sb.db, (const char *const[]){ "--document", "99-NQ/TW", NULL });
	cr_assert_eq(jint(none, "json_array_length(?1)"), 0);
}

/* ---- sorting ------------------------------------------------------------------------------------ */

/* Asserts the list is ordered by (key, id), the key compared as SQL
 * strings (keys are given as SQL over value). */
static void expect_sql_order(const char *json, const char *key, const char *what)
{
	char *bad = jtext(json,
		"(SELECT group_concat(id, ' ') FROM (SELECT json_extract(value, '$.id') AS id, %s AS k,"
		"  lag(%s) OVER (ORDER BY key) AS pk, lag(json_extract(value, '$.id')) OVER (ORDER BY key) AS pid"
		"  FROM json_each(?1)) WHERE pk > k OR (pk = k AND pid >= id))", key, key);
	cr_assert_null(bad, "%s: out of order at ids %s", what, bad);
}

/* Asserts the list is ordered by a text field in Vietnamese order (text_collate), then id. */
static void expect_vi_order(const char *json, const char *field)
{
	long long n = jint(json, "json_array_length(?1)");
	for (long long i = 1; i < n; i++) {
		char *a = jtext(json, "ifnull(json_extract(?1, '$[%lld].%s'), '')", i - 1, field);
		char *b = jtext(json, "ifnull(json_extract(?1, '$[%lld].%s'), '')", i, field);
		int c = text_collate(a, strlen(a), b, strlen(b));
		cr_assert(c < 0 || (c == 0 && jint(json, "json_extract(?1, '$[%lld].id') < json_extract(?1,"
					     " '$[%lld].id')", i - 1, i)),
			  "--sort %s: [%s] before [%s]", field, a, b);
	}
}

#define DUE_KEY "ifnull(json_extract(value, '$.due_on'), '9999-12-31')"

Test(list, sort_orders)
{
	fixture(sb.db, false);
	expect_sql_order(list_json(sb.db, NULL), DUE_KEY, "default (due)");
	expect_sql_order(list_json(sb.db, (const char *const[]){ "--sort", "due", NULL }), DUE_KEY,
			 "--sort due");
	expect_sql_order(list_json(sb.db, (const char *const[]){ "--sort", "status", NULL }),
			 "(CASE json_extract(value, '$.status') WHEN 'open' THEN 0 WHEN 'doing' THEN 1"
			 " WHEN 'done' THEN 2 ELSE 3 END) || " DUE_KEY, "--sort status");
	expect_vi_order(list_json(sb.db, (const char *const[]){ "--sort", "owner", NULL }), "owner");
	expect_vi_order(list_json(sb.db, (const char *const[]){ "--sort", "text", NULL }), "text");
	/* Filters and a sort together. */
	char *open_by_text = list_json(sb.db, (const char *const[]){ "--status", "open", "--sort",
								     "text", NULL });
	expect_vi_order(open_by_text, "text");
	cr_assert_eq(jint(open_by_text, "(SELECT count(*) FROM json_each(?1) WHERE"
			  " json_extract(value, '$.status') != 'open')"), 0);
}

Test(list, text_in_vietnamese_dictionary_order)
{
	/* Only the rows of extra_csv with a word of vi_order, so the whole
	 * list is known. */
	struct text_buf csv = { 0 };
	text_buf_addz(&csv, "meeting,resolution,text\n");
	for (size_t i = sizeof vi_order / sizeof *vi_order; i-- > 0;)
		text_buf_printf(&csv, "Họp,Việc,%s\n", vi_order[i]);
	import_ok(sb.db, write_text("words.csv", keep(text_buf_take(&csv, NULL))));
	char *json = list_json(sb.db, (const char *const[]){ "--sort", "text", NULL });
	cr_assert_eq(jint(json, "json_array_length(?1)"), (long long)(sizeof vi_order / sizeof *vi_order));
	for (size_t i = 0; i < sizeof vi_order / sizeof *vi_order; i++)
		cr_assert_str_eq(jtext(json, "json_extract(?1, '$[%zu].text')", i), vi_order[i],
				 "position %zu", i);
}

/* ---- bad values -------------------------------------------------------------------------------- */

static const struct {
	const char *args[6];
	const char *names;
} bad_filters[] = {
	{ { "tasks", "--status", "finished" }, "--status" },
	{ { "tasks", "--status", "" }, "--status" },
	{ { "tasks", "--status", "OPEN" }, "--status" },
	{ { "tasks", "--sort", "name" }, "--sort" },
	{ { "tasks", "--meeting", "abc" }, "--meeting" },
	{ { "tasks", "--meeting", "0" }, "--meeting" },
	{ { "tasks", "--meeting", "-1" }, "--meeting" },
	{ { "tasks", "--meeting", "2x" }, "--meeting" },
	{ { "tasks", "--resolution", "x" }, "--resolution" },
	{ { "tasks", "--overdue=2023-02-30" }, "--overdue" },
	{ { "tasks", "--overdue=tomorrow" }, "--overdue" },
	{ { "tasks", "--format", "csv" }, "--format" },
	{ { "tasks", "--format", "JSON" }, "--format" },
	/* A filter is never ignored in silence. */
	{ { "meetings", "--owner", "Sở Tài chính" }, "--owner" },
	{ { "meetings", "--meeting", "1" }, "--meeting" },
	{ { "documents", "--sort", "text" }, "--sort" },
	{ { "documents", "--document", "27-NQ/TW" }, "--document" },
	{ { "resolutions", "--status", "open" }, "--status" },
	{ { "resolutions", "--resolution", "3" }, "--resolution" },
};

Test(list, bad_values_are_usage_errors)
{
	fixture(sb.db, false);
	struct snapshot before = snapshot(sb.db);
	for (size_t i = 0; i < sizeof bad_filters / sizeof *bad_filters; i++) {
		const char *args[10] = { "--db", sb.db, "list" };
		for (size_t k = 0; k < 6 && bad_filters[i].args[k]; k++)
			args[3 + k] = bad_filters[i].args[k];
		struct run *r = run_bienban(NULL, args);
		expect_error(r, 2, fmt("list %s %s %s", args[3], args[4], args[5] ? args[5] : ""),
			     bad_filters[i].names);
	}
	expect_unchanged(&before, sb.db);
}
