/* The RFC 4180 reader and the action-item tables read with it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "ingest.h"
#include "ingest_test.h"

/* ---- a recording callback -------------------------------------------- */

struct records {
	size_t count;
	size_t lines[16];
	struct csv_pos at[16][9];	/* where each field starts, and the end */
	size_t nfields[16];
	char fields[16][8][64];
	size_t stop_after;	/* return BB_ERROR after this many; 0: never */
};

static enum bb_status record(void *ctx, char **fields, size_t nfields,
			     const struct csv_pos *at, struct bb_error *err)
{
	struct records *r = ctx;
	cr_assert_lt(r->count, 16);
	r->lines[r->count] = at[0].line;
	r->nfields[r->count] = nfields;
	for (size_t i = 0; i < nfields && i < 8; i++) {
		cr_assert_lt(strlen(fields[i]), 64);
		strcpy(r->fields[r->count][i], fields[i]);
	}
	for (size_t i = 0; i <= nfields && i < 9; i++)
		r->at[r->count][i] = at[i];
	r->count++;
	if (r->stop_after && r->count == r->stop_after)
		return bb_fail(err, BB_ERROR, "stopped at line %zu", at[0].line);
	return BB_OK;
}

static void read_csv(const char *data, size_t len, struct records *r)
{
	struct bb_error err = { .msg = "" };
	memset(r, 0, sizeof *r);
	cr_assert_eq(ingest_csv("t.csv", data, len, record, r, &err), BB_OK, "%s", err.msg);
}

#define READ(lit, r) read_csv(lit, sizeof lit - 1, r)

static void assert_record(const struct records *r, size_t i, size_t line,
			  size_t n, const char *const *want)
{
	cr_assert_lt(i, r->count, "record %zu missing", i);
	cr_assert_eq(r->lines[i], line, "record %zu starts on line %zu", i, line);
	cr_assert_eq(r->nfields[i], n, "record %zu has %zu fields", i, n);
	for (size_t k = 0; k < n; k++)
		cr_assert_str_eq(r->fields[i][k], want[k], "record %zu field %zu", i, k);
}

/* ---- reading --------------------------------------------------------- */

Test(csv, plain_records)
{
	struct records r;
	READ("a,b,c\n1,2,3\n", &r);
	cr_assert_eq(r.count, 2);
	assert_record(&r, 0, 1, 3, (const char *[]){ "a", "b", "c" });
	assert_record(&r, 1, 2, 3, (const char *[]){ "1", "2", "3" });
}

Test(csv, quoted_fields)
{
	struct records r;
	READ("x,\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\",3\nlast,\"q\"\n", &r);
	cr_assert_eq(r.count, 3);
	assert_record(&r, 0, 1, 3, (const char *[]){ "x", "a, b", "say \"hi\"" });
	assert_record(&r, 1, 2, 3, (const char *[]){ "two\nlines", "", "3" });
	/* The record after a line break inside quotes starts on line 4. */
	assert_record(&r, 2, 4, 2, (const char *[]){ "last", "q" });
}

Test(csv, every_line_end)
{
	static const char *const want[] = { "a", "b" };
	const char *inputs[] = { "a,b\r\na,b\r\n", "a,b\ra,b\r", "a,b\na,b", "a,b\r\na,b" };
	for (size_t i = 0; i < 4; i++) {
		struct records r;
		read_csv(inputs[i], strlen(inputs[i]), &r);
		cr_assert_eq(r.count, 2, "input %zu", i);
		assert_record(&r, 0, 1, 2, want);
		assert_record(&r, 1, 2, 2, want);
	}
	struct records r;
	READ("\"one\r\ntwo\rthree\",x\r\n", &r);
	assert_record(&r, 0, 1, 2, (const char *[]){ "one\ntwo\nthree", "x" });
}

Test(csv, bom_empty_fields_and_blank_lines)
{
	struct records r;
	READ("\xEF\xBB\xBF" "a,,c,\n\n,,\n\n\n", &r);
	cr_assert_eq(r.count, 2);
	assert_record(&r, 0, 1, 4, (const char *[]){ "a", "", "c", "" });
	assert_record(&r, 1, 3, 3, (const char *[]){ "", "", "" });
	/* A quoted empty field is a record, not a blank line. */
	READ("\"\"\n", &r);
	cr_assert_eq(r.count, 1);
	assert_record(&r, 0, 1, 1, (const char *[]){ "" });
}

Test(csv, fields_know_where_they_start)
{
	struct records r;
	/* Columns count characters: "ă" is one. The record's end is after
	 * its last character; a quoted field starts at its quote. */
	READ("ăă,b\n\"x\ny\",z\n", &r);
	const struct csv_pos want0[] = { { 1, 1 }, { 1, 4 }, { 1, 5 } };
	const struct csv_pos want1[] = { { 2, 1 }, { 3, 4 }, { 3, 5 } };
	for (size_t i = 0; i < 3; i++) {
		cr_assert(r.at[0][i].line == want0[i].line && r.at[0][i].col == want0[i].col,
			  "record 0, %zu: %zu:%zu", i, r.at[0][i].line, r.at[0][i].col);
		cr_assert(r.at[1][i].line == want1[i].line && r.at[1][i].col == want1[i].col,
			  "record 1, %zu: %zu:%zu", i, r.at[1][i].line, r.at[1][i].col);
	}
}

Test(csv, fields_come_in_nfc)
{
	struct records r;
	/* "Đảng ủy" with its tones as combining marks. */
	READ("\xc4\x90" "a\xcc\x89ng,u\xcc\x89y\n", &r);
	assert_record(&r, 0, 1, 2, (const char *[]){ "Đảng", "ủy" });
}

Test(csv, the_callback_can_stop_the_reading)
{
	struct records r = { .stop_after = 1 };
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_csv("t.csv", "a\nb\nc\n", 6, record, &r, &err), BB_ERROR);
	cr_assert_eq(r.count, 1);
	cr_assert_str_eq(err.msg, "stopped at line 1");
}

/* ---- reading errors -------------------------------------------------- */

static void assert_csv_error(const char *data, size_t len, const char *msg)
{
	struct records r = { 0 };
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_csv("t.csv", data, len, record, &r, &err), BB_ERROR);
	assert_msg_starts(err, msg);
}

#define CSV_ERROR(lit, msg) assert_csv_error(lit, sizeof lit - 1, msg)

Test(csv_errors, positions_are_line_and_character_column)
{
	CSV_ERROR("a,b\nc,\"never closed\n\n", "t.csv:2:3: quoted field is never closed");
	CSV_ERROR("a,\"b\"x,c\n", "t.csv:1:6: text after a closing quote");
	CSV_ERROR("a,b\nc\"d\n", "t.csv:2:2: quote inside an unquoted field");
	CSV_ERROR("a,b\r\nc\x00\n", "t.csv:2:2: NUL byte");
	/* "ă" is one column, though two bytes. */
	CSV_ERROR("x\năă,\xff\n", "t.csv:2:4: not valid UTF-8");
	CSV_ERROR("\xEF\xBB\xBF" "ab\xc3", "t.csv:1:3: not valid UTF-8");
	CSV_ERROR("a\rb\r\"\"x", "t.csv:3:3: text after a closing quote");
}

/* ---- action-item tables ---------------------------------------------- */

static void tasks_file(const char *rel, struct csv_tasks *t)
{
	size_t len;
	char *data = read_data(rel, &len);
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_tasks_csv(rel, data, len, t, &err), BB_OK, "%s", err.msg);
	free(data);
}

static void eq(const char *got, const char *want, const char *what)
{
	if (!want)
		cr_assert_null(got, "%s: expected NULL, got \"%s\"", what, got);
	else
		cr_assert(got && strcmp(got, want) == 0, "%s: expected \"%s\", got \"%s\"",
			  what, want, got ? got : "(null)");
}

Test(tasks_csv, english_header)
{
	struct csv_tasks t;
	tasks_file("csv/tasks.csv", &t);
	cr_assert_eq(t.count, 4);
	const struct csv_task *r = &t.rows[0];
	cr_assert_eq(r->line, 2);
	eq(r->meeting, "Hội nghị lần thứ 12", "meeting");
	eq(r->resolution, "Đối với Báo cáo tình hình, kết quả quý I-2023", "resolution");
	eq(r->text, "Rà soát, báo cáo nguồn vốn \"đầu tư công\" chưa phân bổ", "text");
	eq(r->owner, "Sở Tài chính", "owner");
	eq(r->due_text, "15/4/2023", "due_text");
	eq(r->due_on, "2023-04-15", "due_on");
	eq(r->status, "doing", "status");
	eq(r->note, NULL, "empty note");

	r = &t.rows[1];
	eq(r->due_text, "quý II-2023", "due_text");
	eq(r->due_on, "2023-06-30", "due_on");
	eq(r->status, "open", "an empty status is open");
	eq(r->note, "Hai dòng:\ndòng thứ hai", "note");

	r = &t.rows[2];
	cr_assert_eq(r->line, 5, "the row after a two-line note starts on line 5");
	eq(r->owner, NULL, "blank owner");
	eq(r->due_text, "cuối năm", "loose deadline kept");
	eq(r->due_on, NULL, "loose deadline has no date");
	eq(r->status, "done", "status is trimmed and folded");

	r = &t.rows[3];
	eq(r->due_on, "2023-06-30", "ISO due");
	eq(r->status, "dropped", "status");
	ingest_tasks_csv_free(&t);
	cr_assert_null(t.rows);
	cr_assert_eq(t.count, 0);
}

Test(tasks_csv, vietnamese_header_in_any_order_with_bom_and_crlf)
{
	struct csv_tasks t;
	tasks_file("csv/tasks_vi.csv", &t);
	cr_assert_eq(t.count, 3);
	const struct csv_task *r = &t.rows[0];
	eq(r->text, "Kiểm tra đê bao", "text");
	eq(r->meeting, "Hội nghị lần thứ 15", "meeting");
	eq(r->resolution, "Về nhiệm vụ tháng 12/2022", "resolution");
	eq(r->owner, "Ủy ban nhân dân huyện", "owner");
	eq(r->due_text, "trước ngày 15/12/2022", "due_text");
	eq(r->due_on, "2022-12-15", "due_on");
	eq(r->status, "doing", "đang làm");
	eq(t.rows[1].due_on, "2022-12-31", "tháng 12/2022");
	eq(t.rows[1].status, "done", "xong");
	eq(t.rows[2].status, "dropped", "hủy");
	eq(t.rows[2].due_text, NULL, "no due");
	eq(t.rows[2].note, "Không còn cần thiết", "ghi chú");
	ingest_tasks_csv_free(&t);
}

Test(tasks_csv, optional_columns_may_be_absent)
{
	static const char data[] = "Text,Resolution,Meeting\nGiao ban,Về X,Họp 1\n";
	struct csv_tasks t;
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_tasks_csv("m.csv", data, sizeof data - 1, &t, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(t.count, 1);
	eq(t.rows[0].text, "Giao ban", "text");
	eq(t.rows[0].meeting, "Họp 1", "meeting");
	eq(t.rows[0].status, "open", "status");
	eq(t.rows[0].owner, NULL, "owner");
	ingest_tasks_csv_free(&t);
}

static void assert_tasks_error(const char *data, size_t len, const char *msg)
{
	struct csv_tasks t;
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_tasks_csv("x.csv", data, len, &t, &err), BB_ERROR,
		     "accepted; expected \"%s\"", msg);
	assert_msg_starts(err, msg);
	cr_assert_null(t.rows);
	cr_assert_eq(t.count, 0);
}

#define TASKS_ERROR(lit, msg) assert_tasks_error(lit, sizeof lit - 1, msg)

Test(tasks_csv_errors, header)
{
	TASKS_ERROR("meeting,resolution,owner\n", "x.csv:1:1: no column \"text\"");
	TASKS_ERROR("meeting,resolution,text,colour\n", "x.csv:1:25: column 4 \"colour\" is unknown");
	TASKS_ERROR("meeting,Text,resolution, TEXT\n", "x.csv:1:25: column 4 \" TEXT\" repeats column \"text\"");
	TASKS_ERROR("nội dung,nhiệm vụ,meeting,resolution\n", "x.csv:1:10: column 2 \"nhiệm vụ\" repeats column \"text\"");
	assert_tasks_error("", 0, "x.csv:1:1: empty table (no header row)");
	TASKS_ERROR("\n\n", "x.csv:1:1: empty table");
}

Test(tasks_csv_errors, rows)
{
	/* Too few: where the missing field was due; too many: the first
	 * extra one. */
	TASKS_ERROR("meeting,resolution,text\na,b,c\nd,e\n", "x.csv:3:4: 2 fields where the header has 3");
	TASKS_ERROR("meeting,resolution,text\na,b,c,dd\n", "x.csv:2:7: 4 fields where the header has 3");
	TASKS_ERROR("meeting,resolution,text\na,b,  \n", "x.csv:2:5: empty \"text\"");
	TASKS_ERROR("meeting,resolution,text\n,b,c\n", "x.csv:2:1: empty \"meeting\"");
	TASKS_ERROR("meeting,resolution,text,status\na,b,c,finished\n",
		    "x.csv:2:7: status \"finished\" is unknown");
	TASKS_ERROR("meeting,resolution,text,due\na,b,c,2023-02-30\n",
		    "x.csv:2:7: due \"2023-02-30\" is not a real date");
	TASKS_ERROR("meeting,resolution,text,due\nđ,ă,\"c\nd\",31/4/2023\n",
		    "x.csv:3:4: due \"31/4/2023\" is not a real date");
}

Test(tasks_csv_errors, reader_errors_pass_through)
{
	TASKS_ERROR("meeting,resolution,text\na,\"b,c\n", "x.csv:2:3: quoted field is never closed");
	TASKS_ERROR("meeting,resolution,text\na,b,c\xff\n", "x.csv:2:6: not valid UTF-8");
}

Test(tasks_csv, blank_rows_are_skipped)
{
	/* However many fields: ",,", a stray space, a quoted blank. */
	static const char data[] = "meeting,resolution,text\n,,\n \na,b,c\n\n\"\", \n";
	struct csv_tasks t;
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_tasks_csv("x.csv", data, sizeof data - 1, &t, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(t.count, 1);
	cr_assert_eq(t.rows[0].line, 4);
	ingest_tasks_csv_free(&t);
}

Test(tasks_csv, a_header_alone_is_an_empty_table)
{
	static const char data[] = "meeting,resolution,text\r\n";
	struct csv_tasks t;
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_tasks_csv("x.csv", data, sizeof data - 1, &t, &err), BB_OK, "%s", err.msg);
	cr_assert_eq(t.count, 0);
	cr_assert_null(t.rows);
	ingest_tasks_csv_free(&t);
}
