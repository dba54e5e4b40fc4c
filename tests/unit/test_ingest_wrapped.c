/* A notice reads the same whether or not its lines were hard-wrapped:
 * every notice of tests/data, wrapped as fold -s, an editor, a mailer
 * with CR LF and a PDF viewer (continuations indented) would, at the
 * widths such copies have, gives the meeting, documents, sections and
 * tasks of the original, white space aside. Then the places where a
 * wrapped line starts with what looks like a list marker. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <uninorm.h>

#include "ingest.h"
#include "ingest_test.h"
#include "wrap_test.h"

static const char *const notices[] = { "notices/seed.txt",
	"notices/ubnd_phien_hop.txt", "notices/huyen_uy.txt",
	"notices/hdnd_crlf.txt", NULL };

static const size_t widths[] = { 50, 60, 72, 80 };

static void parse_ok(const char *name, const char *data, size_t len,
		     struct notice *n)
{
	struct bb_error err = { .msg = "" };
	enum bb_status st = ingest_notice(name, data, len, n, &err);
	cr_assert_eq(st, BB_OK, "%s: %s", name, err.msg);
}

/* Appends to `report` a line for each notice and width whose wrapped
 * copy reads otherwise than the original. */
static void check_wrapped(const char *rel, struct rewrap how, char *report,
			  size_t cap)
{
	size_t len;
	char *data = read_data(rel, &len);
	struct notice a;
	parse_ok(rel, data, len, &a);
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		how.width = widths[w];
		size_t wlen;
		char *wrapped = rewrap_text(data, len, &how, &wlen);
		struct notice b;
		char why[512] = "";
		parse_ok(rel, wrapped, wlen, &b);
		if (!wrap_same_notice(&a, &b, why, sizeof why)) {
			size_t l = strlen(report);
			snprintf(report + l, cap - l, "\n  %s at %zu: %s", rel, how.width, why);
		}
		ingest_notice_free(&b);
		free(wrapped);
	}
	ingest_notice_free(&a);
	free(data);
}

static void assert_all_read_alike(struct rewrap how)
{
	char report[8192] = "";
	for (const char *const *rel = notices; *rel; rel++)
		check_wrapped(*rel, how, report, sizeof report);
	cr_assert_str_empty(report, "wrapped copies read otherwise:%s", report);
}

/* ---- whole notices, wrapped ------------------------------------------ */

Test(notice_wrapped, fold_counting_bytes)
{
	assert_all_read_alike((struct rewrap){ .bytes = true });
}

Test(notice_wrapped, an_editor_counting_characters)
{
	assert_all_read_alike((struct rewrap){ .bytes = false });
}

Test(notice_wrapped, a_mailer_with_crlf)
{
	assert_all_read_alike((struct rewrap){ .bytes = true, .crlf = true });
	assert_all_read_alike((struct rewrap){ .crlf = true });
}

Test(notice_wrapped, pdf_copies_with_indented_continuations)
{
	assert_all_read_alike((struct rewrap){ .indent = 3 });
	assert_all_read_alike((struct rewrap){ .bytes = true, .indent = 2 });
}

Test(notice_wrapped, decomposed_text_wrapped_as_it_came)
{
	/* Saved decomposed (NFD), then wrapped: fold counted the bytes of
	 * the combining marks that composing takes away. */
	for (const char *const *rel = notices; *rel; rel++) {
		size_t len, dlen;
		char *data = read_data(*rel, &len);
		char *nfd = (char *)u8_normalize(UNINORM_NFD, (const uint8_t *)data, len,
						 NULL, &dlen);
		cr_assert_not_null(nfd);
		struct notice a;
		parse_ok(*rel, data, len, &a);
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			struct rewrap how = { .width = widths[w], .bytes = w % 2 == 0 };
			size_t wlen;
			char *wrapped = rewrap_text(nfd, dlen, &how, &wlen);
			struct notice b;
			char why[512] = "";
			parse_ok(*rel, wrapped, wlen, &b);
			cr_assert(wrap_same_notice(&a, &b, why, sizeof why), "%s at %zu: %s",
				  *rel, how.width, why);
			ingest_notice_free(&b);
			free(wrapped);
		}
		ingest_notice_free(&a);
		free(nfd);
		free(data);
	}
}

Test(notice_wrapped, the_stored_copy_folded_at_60)
{
	/* fold -s -w 60 of ubnd_phien_hop.txt, as a user would import it:
	 * it used to lose a) to d) of section 1. */
	size_t len, wlen;
	char *data = read_data("notices/ubnd_phien_hop.txt", &len);
	char *wrapped = read_data("notices/ubnd_wrapped_60.txt", &wlen);
	struct notice a, b;
	char why[512] = "";
	parse_ok("ubnd_phien_hop.txt", data, len, &a);
	parse_ok("ubnd_wrapped_60.txt", wrapped, wlen, &b);
	cr_assert(wrap_same_notice(&a, &b, why, sizeof why), "%s", why);
	cr_assert_eq(b.resolutions[0].ntasks, 4);
	ingest_notice_free(&a);
	ingest_notice_free(&b);
	free(wrapped);
	free(data);
}

Test(notice_wrapped, the_helper_wraps_as_fold_does)
{
	const char *line = "d) Ủy ban nhân dân các huyện, thành phố tập trung giải ngân vốn đầu tư công";
	size_t n;
	/* fold -s -w 80 counts bytes: "vốn" would end on column 80,
	 * where the space after it has no room, so it goes down. */
	char *w = rewrap_text(line, strlen(line), &(struct rewrap){ .width = 80, .bytes = true }, &n);
	cr_assert_str_eq(w, "d) Ủy ban nhân dân các huyện, thành phố tập trung giải ngân \nvốn đầu tư công");
	free(w);
	w = rewrap_text(line, strlen(line), &(struct rewrap){ .width = 40, .indent = 2, .crlf = true }, &n);
	cr_assert_str_eq(w, "d) Ủy ban nhân dân các huyện, thành phố \r\n  tập trung giải ngân vốn đầu tư công");
	free(w);
}

/* ---- what looks like a marker at the start of a wrapped line --------- */

/* Parses text, which must have `nsec` sections, and returns section
 * `sec` (from 1). */
static const struct notice_resolution *section(struct notice *n, const char *text,
					       size_t nsec, size_t sec)
{
	parse_ok("t.txt", text, strlen(text), n);
	cr_assert_eq(n->nresolutions, nsec, "sections");
	return &n->resolutions[sec - 1];
}

static void assert_task_text(const struct notice_resolution *r, size_t k,
			     const char *want)
{
	cr_assert_lt(k, r->ntasks, "task %zu of %zu", k + 1, r->ntasks);
	char *got = wrap_collapsed(r->tasks[k].text);
	cr_assert_str_eq(got, want, "task %zu", k + 1);
	free(got);
}

/* The lines around each case are filled to about 60 columns, as a
 * wrapped text's are, so that width alone does not decide. */
static const char *const head =
	"Hội nghị lần thứ 5 Ban Thường vụ Huyện ủy Phú Điền khóa\n"
	"XV\n"
	"\n"
	"Ngày 5/6/2023, Ban Thường vụ Huyện ủy Phú Điền khóa XV tổ\n"
	"chức Hội nghị lần thứ 5 để cho ý kiến một số nội dung quan\n"
	"trọng của huyện trong quý II-2023 và những tháng tiếp theo.\n"
	"\n";

static char *with_head(const char *body)
{
	size_t a = strlen(head), b = strlen(body);
	char *s = malloc(a + b + 1);
	cr_assert_not_null(s);
	memcpy(s, head, a);
	memcpy(s + a, body, b + 1);
	return s;
}

Test(notice_wrapped_markers, a_number_inside_a_sentence_starts_no_section)
{
	/* "… giới thiệu thêm" stops mid-sentence: the "2. " below is a
	 * count that the wrap moved to the start of a line, not section 2
	 * (which comes after, in sequence). */
	char *t = with_head(
		"1. Về công tác cán bộ, hội nghị thống nhất giới thiệu thêm\n"
		"2. đồng chí vào Ban Thường vụ Huyện ủy; giao Ban Tổ chức\n"
		"Huyện ủy hoàn thiện hồ sơ trước ngày 30/6/2023.\n"
		"2. Về công tác dân vận, hội nghị giao Ban Dân vận Huyện ủy\n"
		"chủ trì sơ kết công tác dân vận trong quý III-2023.\n");
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 2, 1);
	char *text = wrap_collapsed(r->text);
	cr_assert(strstr(text, "giới thiệu thêm 2. đồng chí vào Ban Thường vụ"), "%s", text);
	free(text);
	cr_assert_eq(n.resolutions[1].seq, 2);
	ingest_notice_free(&n);
	free(t);
}

Test(notice_wrapped_markers, a_year_or_a_dash_after_a_wrap_goes_on)
{
	/* "2023." and "- " after a line that stops mid-phrase: a year
	 * ending a sentence, a dash in "kinh tế - xã hội". */
	char *t = with_head(
		"1. Về nhiệm vụ trọng tâm, hội nghị giao các nhiệm vụ sau:\n"
		"a) Phòng Tài chính - Kế hoạch chủ trì rà soát nguồn vốn năm\n"
		"2023. Hoàn thành trước ngày 30/7/2023;\n"
		"b) Phòng Kinh tế tổng hợp tình hình về phát triển kinh tế\n"
		"- xã hội của huyện, báo cáo trong tháng 8/2023.\n");
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 1, 1);
	cr_assert_eq(r->ntasks, 2);
	assert_task_text(r, 0, "Phòng Tài chính - Kế hoạch chủ trì rà soát nguồn vốn "
			 "năm 2023. Hoàn thành trước ngày 30/7/2023");
	assert_task_text(r, 1, "Phòng Kinh tế tổng hợp tình hình về phát triển kinh tế - "
			 "xã hội của huyện, báo cáo trong tháng 8/2023");
	cr_assert_str_eq(r->tasks[1].due_on, "2023-08-31");
	ingest_notice_free(&n);
	free(t);
}

Test(notice_wrapped_markers, items_after_a_finished_line_start_anew)
{
	/* Each line is full, yet each ends a clause (";", ".", ":") and
	 * the next starts the next marker of its list: new items. After
	 * the last "-" item ends with ".", a capitalised line is the text
	 * after the list, not more of the item. */
	char *t = with_head(
		"1. Về tình hình quý II-2023, hội nghị đánh giá như sau:\n"
		"- Tổng sản phẩm trên địa bàn huyện tăng 6,2% so với cùng kỳ;\n"
		"- Thu ngân sách nhà nước trên địa bàn đạt 47% dự toán năm.\n"
		"Để hoàn thành các chỉ tiêu năm 2023, hội nghị giao nhiệm vụ:\n"
		"a) Phòng Tài chính - Kế hoạch chủ trì cân đối vốn đầu tư\n"
		"công, hoàn thành trước ngày 30/7/2023;\n"
		"b) Thanh tra huyện kiểm tra việc quản lý đất đai các xã;\n"
		"c) Công an huyện bảo đảm an ninh trật tự trên địa bàn.\n");
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 1, 1);
	cr_assert_eq(r->ntasks, 3, "a) to c), not the \"-\" figures");
	assert_task_text(r, 0, "Phòng Tài chính - Kế hoạch chủ trì cân đối vốn đầu tư "
			 "công, hoàn thành trước ngày 30/7/2023");
	cr_assert_str_eq(r->tasks[0].owner, "Phòng Tài chính - Kế hoạch");
	assert_task_text(r, 2, "Công an huyện bảo đảm an ninh trật tự trên địa bàn");
	ingest_notice_free(&n);
	free(t);
}

Test(notice_wrapped_markers, a_list_inside_a_paragraph_wrapped_before_its_marker)
{
	/* "(2)" after a wrap continues "(1) …;" inline: one paragraph. */
	char *t = with_head(
		"1. Về chất vấn, hội nghị kết luận: (1) Phòng Nông nghiệp và\n"
		"Phát triển nông thôn khắc phục sạt lở trước ngày 30/9/2023;\n"
		"(2) Phòng Y tế bảo đảm thuốc cho trạm y tế trong quý III-2023.\n");
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 1, 1);
	cr_assert_eq(r->ntasks, 2);
	cr_assert_str_eq(r->tasks[1].owner, "Phòng Y tế");
	cr_assert_str_eq(r->tasks[1].due_on, "2023-09-30");
	ingest_notice_free(&n);
	free(t);
}

Test(notice_wrapped_markers, indented_continuations_join_their_item)
{
	/* A PDF copy: every line that goes on is indented, none that
	 * starts a paragraph or an item. The continuation of b) starts
	 * with a capital after a full stop, which alone would end the
	 * item (rule 6); the indentation says otherwise. */
	const char *t =
		"Hội nghị lần thứ 5 Ban Thường vụ Huyện ủy Phú Điền khóa\n"
		"   XV\n"
		"\n"
		"Ngày 5/6/2023, Ban Thường vụ Huyện ủy Phú Điền khóa XV tổ\n"
		"   chức Hội nghị lần thứ 5 để cho ý kiến một số nội dung\n"
		"   quan trọng của huyện trong quý II-2023.\n"
		"\n"
		"1. Về nhiệm vụ tháng 7/2023, hội nghị giao các nhiệm vụ\n"
		"   sau:\n"
		"a) Phòng Giáo dục và Đào tạo chuẩn bị năm học mới, hoàn\n"
		"   thành trước ngày 15/8/2023;\n"
		"b) Phòng Tài nguyên và Môi trường rà soát đất công.\n"
		"   Hoàn thành trong quý III-2023.\n";
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 1, 1);
	cr_assert_eq(r->ntasks, 2);
	assert_task_text(r, 1, "Phòng Tài nguyên và Môi trường rà soát đất công. "
			 "Hoàn thành trong quý III-2023");
	cr_assert_str_eq(r->tasks[1].due_on, "2023-09-30");
	ingest_notice_free(&n);
}

Test(notice_wrapped_markers, a_short_line_ends_its_paragraph_whatever_follows)
{
	/* "Giao Phòng Tư pháp:" stops far short of the width: the list
	 * below is its own, and "Hướng dẫn …" a new item though the line
	 * before it is full and the item goes on in lower case. */
	char *t = with_head(
		"1. Về dự thảo Đề án cải cách hành chính năm 2023, hội nghị\n"
		"thống nhất thông qua.\n"
		"Giao Phòng Tư pháp:\n"
		"- Thẩm định dự thảo quyết định, gửi Văn phòng Ủy ban nhân\n"
		"dân huyện trước ngày 30/4/2023;\n"
		"- Hướng dẫn các xã rà soát văn bản trong tháng 6/2023.\n");
	struct notice n;
	const struct notice_resolution *r = section(&n, t, 1, 1);
	cr_assert_eq(r->ntasks, 2);
	cr_assert_str_eq(r->tasks[0].owner, "Phòng Tư pháp");
	cr_assert_str_eq(r->tasks[1].owner, "Phòng Tư pháp");
	cr_assert_str_eq(r->tasks[1].due_on, "2023-06-30");
	ingest_notice_free(&n);
	free(t);
}
