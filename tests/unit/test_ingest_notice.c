/* The notice parser: what it reads from the genre's shapes, the spans it
 * keeps, and what it refuses. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include <criterion/criterion.h>

#include "ingest.h"
#include "ingest_test.h"
#include "text.h"

/* ---- helpers --------------------------------------------------------- */

static void parse_text(const char *name, const char *data, size_t len,
		       struct notice *n)
{
	struct bb_error err = { .msg = "" };
	enum bb_status st = ingest_notice(name, data, len, n, &err);
	cr_assert_eq(st, BB_OK, "%s: %s", name, err.msg);
}

static void parse_file(const char *rel, struct notice *n)
{
	size_t len;
	char *data = read_data(rel, &len);
	parse_text(rel, data, len, n);
	free(data);
}

static void assert_str(const char *got, const char *want, const char *what)
{
	if (!want) {
		cr_assert_null(got, "%s: expected NULL, got \"%s\"", what, got);
		return;
	}
	cr_assert_not_null(got, "%s: expected \"%s\", got NULL", what, want);
	cr_assert_str_eq(got, want, "%s", what);
}

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The span's bytes of the source are exactly `text`. */
static void assert_span(const struct notice *n, size_t a, size_t b,
			const char *text)
{
	cr_assert(a <= b && b <= n->source_len, "span [%zu,%zu) outside %zu", a, b,
		  n->source_len);
	cr_assert_eq(b - a, strlen(text), "span length of \"%s\"", text);
	cr_assert(memcmp(n->source_text + a, text, b - a) == 0,
		  "span [%zu,%zu) is not \"%s\"", a, b, text);
}

static void assert_valid(const char *s)
{
	if (s)
		cr_assert(text_is_valid_utf8(s, strlen(s)), "not UTF-8: %s", s);
}

/* What must hold for every notice: spans in range and equal to the
 * stored texts, tasks in order, document indexes in range. */
static void assert_consistent(const struct notice *n)
{
	cr_assert(text_is_valid_utf8(n->source_text, n->source_len));
	cr_assert_null(memchr(n->source_text, '\r', n->source_len));
	const char *meeting[] = { n->title, n->body, n->session, n->held_on,
				  n->place, n->chair, n->summary };
	for (size_t i = 0; i < sizeof meeting / sizeof meeting[0]; i++)
		assert_valid(meeting[i]);
	for (size_t i = 0; i < n->nresolutions; i++) {
		const struct notice_resolution *r = &n->resolutions[i];
		assert_span(n, r->span_start, r->span_end, r->text);
		for (size_t k = 0; k < r->ndocuments; k++)
			cr_assert_lt(r->documents[k], n->ndocuments);
		for (size_t k = 0; k < r->ntasks; k++) {
			const struct notice_task *t = &r->tasks[k];
			cr_assert_eq(t->seq, (int)k + 1);
			assert_span(n, t->span_start, t->span_end, t->text);
			cr_assert(t->span_start >= r->span_start && t->span_end <= r->span_end,
				  "task \"%s\" outside its section", t->text);
			if (k > 0)
				cr_assert_gt(t->span_start, r->tasks[k - 1].span_start);
			cr_assert_eq(t->due_on == NULL, t->due_text == NULL);
		}
	}
}

static const struct notice_document *doc(const struct notice *n, const char *code)
{
	for (size_t i = 0; i < n->ndocuments; i++)
		if (strcmp(n->documents[i].code, code) == 0)
			return &n->documents[i];
	cr_assert_fail("no document %s", code);
	return NULL;
}

/* The codes a resolution cites, joined by spaces. */
static void assert_cites(const struct notice *n, size_t r, const char *codes)
{
	char got[256] = "";
	const struct notice_resolution *res = &n->resolutions[r];
	for (size_t k = 0; k < res->ndocuments; k++) {
		if (k)
			strcat(got, " ");
		strcat(got, n->documents[res->documents[k]].code);
	}
	cr_assert_str_eq(got, codes, "documents of section %zu", r + 1);
}

static const struct notice_task *task(const struct notice_resolution *r,
				      const char *prefix)
{
	for (size_t i = 0; i < r->ntasks; i++)
		if (starts_with(r->tasks[i].text, prefix))
			return &r->tasks[i];
	cr_assert_fail("no task starting \"%s\"", prefix);
	return NULL;
}

static void assert_task(const struct notice_task *t, const char *owner,
			const char *due_on, const char *due_text)
{
	assert_str(t->owner, owner, "owner");
	assert_str(t->due_on, due_on, "due_on");
	assert_str(t->due_text, due_text, "due_text");
}

/* ---- the sample notice ----------------------------------------------- */

Test(notice_seed, meeting)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	assert_consistent(&n);
	assert_str(n.title, "Hội nghị lần thứ 12", "title");
	assert_str(n.body, "Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI", "body");
	assert_str(n.session, "12", "session");
	assert_str(n.held_on, "2023-03-31", "held_on");
	assert_str(n.chair, "Lê Đức Thọ", "chair");
	cr_assert(starts_with(n.summary, "Ngày 31-3-2023, Ban Chấp hành"));
	cr_assert(ends_with(n.summary, "tầm nhìn đến năm 2045."));
	ingest_notice_free(&n);
}

Test(notice_seed, resolutions_are_the_numbered_sections)
{
	static const char *const titles[] = {
		"Đối với Báo cáo tình hình, kết quả thực hiện Nghị quyết Tỉnh ủy quý I-2023 và phương hướng, nhiệm vụ quý II-2023",
		NULL,
		"Đối với Dự thảo Chương trình thực hiện Nghị quyết số 27-NQ/TW ngày 9-11-2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
		"Đối với Dự thảo Chương trình thực hiện Nghị quyết số 28-NQ/TW ngày 17-11-2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới",
		"Đối với dự thảo Chương trình thực hiện Nghị quyết số 29-NQ/TW ngày 17-11-2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
	};
	struct notice n;
	parse_file("notices/seed.txt", &n);
	cr_assert_eq(n.nresolutions, 5);
	for (size_t i = 0; i < 5; i++) {
		const struct notice_resolution *r = &n.resolutions[i];
		char marker[16];
		snprintf(marker, sizeof marker, "%zu. Đối", i + 1);
		cr_assert_eq(r->seq, (int)i + 1);
		cr_assert(starts_with(r->text, marker), "section %zu starts \"%.20s\"", i + 1, r->text);
		if (titles[i])
			assert_str(r->title, titles[i], "title");
	}
	cr_assert(starts_with(n.resolutions[1].title, "Đối với dự thảo Báo cáo sơ kết 1 năm thực hiện Kế hoạch số 129-KH/TU"));
	cr_assert(ends_with(n.resolutions[1].title, "“tự chuyển hóa” trong nội bộ"));
	ingest_notice_free(&n);
}

Test(notice_seed, sections_end_where_their_text_does)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	/* The photo caption between 2 and 3 and the closing speech after 5
	 * belong to no section. */
	cr_assert(ends_with(n.resolutions[1].text, "bắt kịp, vượt qua."));
	cr_assert_null(strstr(n.resolutions[1].text, "Đại biểu phát biểu thảo luận"));
	cr_assert(ends_with(n.resolutions[4].text, "phát triển thị trường trong nước."));
	cr_assert_null(strstr(n.resolutions[4].text, "Phát biểu bế mạc"));
	cr_assert_null(strstr(n.resolutions[4].text, "BAN CHẤP HÀNH"));
	ingest_notice_free(&n);
}

Test(notice_seed, documents)
{
	static const struct {
		const char *code, *kind, *issued_on, *issuer;
	} want[] = {
		{ "129-KH/TU", "Kế hoạch", "2022-04-08", "Tỉnh ủy" },
		{ "21-KL/TW", "Kết luận", NULL, "Ban Chấp hành Trung ương khóa XIII" },
		{ "03-KH/TW", "Kế hoạch", NULL, "Bộ Chính trị" },
		{ "27-NQ/TW", "Nghị quyết", "2022-11-09", "Ban Chấp hành Trung ương Đảng khóa XIII" },
		{ "28-NQ/TW", "Nghị quyết", "2022-11-17", "Ban Chấp hành Trung ương Đảng khóa XIII" },
		{ "29-NQ/TW", "Nghị quyết", "2022-11-17", "Ban Chấp hành Trung ương Đảng khóa XIII" },
	};
	struct notice n;
	parse_file("notices/seed.txt", &n);
	cr_assert_eq(n.ndocuments, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct notice_document *d = &n.documents[i];
		assert_str(d->code, want[i].code, "code");
		assert_str(d->kind, want[i].kind, want[i].code);
		assert_str(d->issued_on, want[i].issued_on, want[i].code);
		assert_str(d->issuer, want[i].issuer, want[i].code);
	}
	assert_str(doc(&n, "27-NQ/TW")->title,
		   "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
		   "title of 27-NQ/TW");
	cr_assert(starts_with(doc(&n, "129-KH/TU")->title, "Thực hiện Kết luận số 21-KL/TW"));
	ingest_notice_free(&n);
}

Test(notice_seed, resolutions_cite_their_documents)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	assert_cites(&n, 0, "");
	assert_cites(&n, 1, "129-KH/TU 21-KL/TW 03-KH/TW");
	assert_cites(&n, 2, "27-NQ/TW");
	assert_cites(&n, 3, "28-NQ/TW");
	assert_cites(&n, 4, "29-NQ/TW");
	ingest_notice_free(&n);
}

Test(notice_seed, numbered_tasks_of_section_3)
{
	static const char *const want[] = {
		"Đẩy mạnh tuyên truyền, phổ biến, giáo dục, nâng cao nhận thức về Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam",
		"Bảo đảm quyền làm chủ của nhân dân, thượng tôn Hiến pháp và pháp luật, tôn trọng, bảo đảm và bảo vệ quyền con người, quyền công dân",
		"Tiếp tục tổ chức thực hiện pháp luật nghiêm minh, hiệu quả, bảo đảm yêu cầu phát triển nhanh và bền vững",
		"Thực hiện đổi mới tổ chức và hoạt động của Hội đồng nhân dân, Ủy ban nhân dân; xây dựng nền hành chính nhà nước phục vụ nhân dân, chuyên nghiệp, pháp quyền, hiện đại, hiệu lực, hiệu quả",
		"Xây dựng nền tư pháp chuyên nghiệp, hiện đại, công bằng, nghiêm minh, liêm chính, phụng sự Tổ quốc, phục vụ nhân dân",
		"Thực hiện cơ chế kiểm soát quyền lực nhà nước; đẩy mạnh phòng, chống tham nhũng, tiêu cực",
		"Tăng cường, chủ động hội nhập quốc tế đáp ứng yêu cầu xây dựng, hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam, xây dựng và bảo vệ Tổ quốc trong tình hình mới",
		"Tăng cường sự lãnh đạo của Đảng, phát huy vai trò của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và nhân dân trong xây dựng, hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam",
	};
	struct notice n;
	parse_file("notices/seed.txt", &n);
	const struct notice_resolution *r = &n.resolutions[2];
	cr_assert_eq(r->ntasks, 8);
	for (size_t i = 0; i < 8; i++) {
		const struct notice_task *t = &r->tasks[i];
		char marker[8];
		snprintf(marker, sizeof marker, "(%zu) ", i + 1);
		assert_str(t->text, want[i], "task");
		assert_span(&n, t->span_start, t->span_end, want[i]);
		cr_assert(memcmp(n.source_text + t->span_start - 4, marker, 4) == 0,
			  "task %zu follows its marker", i + 1);
		assert_task(t, NULL, NULL, NULL);
	}
	ingest_notice_free(&n);
}

Test(notice_seed, groups_of_tasks_in_section_1_are_due_in_the_quarter)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	const struct notice_resolution *r = &n.resolutions[0];
	cr_assert_eq(r->ntasks, 12);
	cr_assert(starts_with(r->tasks[0].text, "tiếp tục quán triệt tư tưởng chỉ đạo của Tỉnh ủy năm 2023"));
	cr_assert(ends_with(r->tasks[0].text, "công tác tuyên truyền, vận động quần chúng"));
	assert_str(r->tasks[4].text, "thực hiện phòng chống thiếu nước, hạn hán, xâm nhập mặn", "task 5");
	assert_str(r->tasks[11].text, "tổ chức tốt các hoạt động văn hóa, xã hội, công tác an sinh, đền ơn đáp nghĩa", "last");
	for (size_t i = 0; i < r->ntasks; i++)
		assert_task(&r->tasks[i], NULL, "2023-06-30", "quý II-2023");
	/* The assessment before the list is no task. */
	for (size_t i = 0; i < r->ntasks; i++)
		cr_assert_null(strstr(r->tasks[i].text, "Tuy nhiên"));
	ingest_notice_free(&n);
}

Test(notice_seed, groups_of_tasks_in_section_5)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	const struct notice_resolution *r = &n.resolutions[4];
	cr_assert_eq(r->ntasks, 13);
	assert_str(r->tasks[0].text, "Đổi mới nhận thức và hành động về công nghiệp hóa, hiện đại hóa", "first");
	assert_str(r->tasks[2].text, "phát triển công nghiệp hiện đại", "third");
	assert_str(r->tasks[12].text, "tăng cường hội nhập quốc tế sâu rộng, hiệu quả đi đôi với bảo vệ và phát triển thị trường trong nước", "last");
	for (size_t i = 0; i < r->ntasks; i++)
		assert_task(&r->tasks[i], NULL, NULL, NULL);
	ingest_notice_free(&n);
}

Test(notice_seed, the_way_ahead_in_section_2)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	const struct notice_resolution *r = &n.resolutions[1];
	cr_assert_eq(r->ntasks, 5);
	cr_assert(starts_with(r->tasks[0].text, "thực hiện tốt công tác tuyên truyền về các nhiệm vụ, giải pháp theo Kế hoạch số 129-KH/TU"));
	assert_str(r->tasks[2].text, "Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ xây dựng, chỉnh đốn Đảng", "third");
	cr_assert(starts_with(r->tasks[4].text, "Kịp thời nhân rộng những mô hình hay"));
	cr_assert(ends_with(r->tasks[4].text, "bắt kịp, vượt qua"));
	ingest_notice_free(&n);
}

Test(notice_seed, every_record_points_into_the_source)
{
	struct notice n;
	parse_file("notices/seed.txt", &n);
	assert_consistent(&n);
	size_t total = 0;
	for (size_t i = 0; i < n.nresolutions; i++)
		total += n.resolutions[i].ntasks;
	/* 12 + 5 + 8 + 8 ("Thời gian tới cần …" in section 4) + 13 */
	cr_assert_eq(total, 46);
	ingest_notice_free(&n);
}

/* ---- the same notice written differently ----------------------------- */

/* Replaces every `from` by `to`; free() the result. */
static char *replace_all(const char *s, size_t len, const char *from,
			 const char *to, size_t *out_len)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0;
	char *out = malloc(len * (tl > fl ? tl : 1) + tl + 1);
	cr_assert_not_null(out);
	for (size_t i = 0; i < len;) {
		if (fl && i + fl <= len && memcmp(s + i, from, fl) == 0) {
			memcpy(out + n, to, tl);
			n += tl;
			i += fl;
		} else {
			out[n++] = s[i++];
		}
	}
	*out_len = n;
	return out;
}

static void assert_same_extraction(const struct notice *a, const struct notice *b)
{
	cr_assert_eq(a->source_len, b->source_len);
	cr_assert(memcmp(a->source_text, b->source_text, a->source_len) == 0);
	assert_str(b->title, a->title, "title");
	assert_str(b->held_on, a->held_on, "held_on");
	assert_str(b->chair, a->chair, "chair");
	cr_assert_eq(a->nresolutions, b->nresolutions);
	cr_assert_eq(a->ndocuments, b->ndocuments);
	for (size_t i = 0; i < a->nresolutions; i++) {
		cr_assert_eq(a->resolutions[i].ntasks, b->resolutions[i].ntasks);
		for (size_t k = 0; k < a->resolutions[i].ntasks; k++)
			cr_assert_eq(a->resolutions[i].tasks[k].span_start,
				     b->resolutions[i].tasks[k].span_start);
	}
}

static void assert_variant(const char *from, const char *to, const char *prefix)
{
	size_t len, vlen;
	char *data = read_data("notices/seed.txt", &len);
	char *body = replace_all(data, len, from, to, &vlen);
	char *v = malloc(vlen + strlen(prefix) + 1);
	strcpy(v, prefix);
	memcpy(v + strlen(prefix), body, vlen);
	struct notice a, b;
	parse_text("seed.txt", data, len, &a);
	parse_text("variant.txt", v, vlen + strlen(prefix), &b);
	assert_same_extraction(&a, &b);
	assert_consistent(&b);
	ingest_notice_free(&a);
	ingest_notice_free(&b);
	free(v);
	free(body);
	free(data);
}

Test(notice_variants, crlf_cr_and_bom_give_the_same_text_and_spans)
{
	assert_variant("\n", "\r\n", "");
	assert_variant("\n", "\r", "");
	assert_variant("\n", "\r\n", "\xEF\xBB\xBF");
}

Test(notice_variants, decomposed_text_is_stored_in_nfc)
{
	size_t len, nlen = 0;
	char *data = read_data("notices/seed.txt", &len);
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)data, len, NULL, &nlen);
	cr_assert_not_null(nfd);
	cr_assert_neq(nlen, len, "NFD spells Vietnamese longer");
	struct notice a, b;
	parse_text("seed.txt", data, len, &a);
	parse_text("nfd.txt", (const char *)nfd, nlen, &b);
	assert_same_extraction(&a, &b);
	ingest_notice_free(&a);
	ingest_notice_free(&b);
	free(nfd);
	free(data);
}

Test(notice_variants, slash_dates_and_the_dateline)
{
	size_t len, vlen, wlen;
	char *data = read_data("notices/seed.txt", &len);
	struct notice n;

	/* "31/3/2023" reads as "31-3-2023" does. */
	char *v = replace_all(data, len, "Ngày 31-3-2023", "Ngày 30/3/2023", &vlen);
	parse_text("v.txt", v, vlen, &n);
	assert_str(n.held_on, "2023-03-30", "held_on from the opening paragraph");
	ingest_notice_free(&n);

	/* Without a date in the opening paragraph, the dateline. */
	char *w = replace_all(v, vlen, "Ngày 30/3/2023, ", "", &wlen);
	char *x = replace_all(w, wlen, "31/03/2023 - 18:31", "01/04/2023 - 18:31", &wlen);
	parse_text("w.txt", x, wlen, &n);
	assert_str(n.held_on, "2023-04-01", "held_on from the dateline");
	ingest_notice_free(&n);
	free(x);
	free(w);
	free(v);
	free(data);
}

/* Wraps every line of s at `width` (characters, or bytes as fold(1)
 * counts) by turning a space into a line feed, so that putting the
 * spaces back gives s again. Returns a malloc'd copy. */
static char *wrap_text(const char *s, size_t len, size_t width, bool bytes)
{
	char *w = malloc(len + 1);
	cr_assert_not_null(w);
	memcpy(w, s, len);
	w[len] = '\0';
	size_t count = 0, space = (size_t)-1;
	for (size_t i = 0; i < len; i++) {
		if (w[i] == '\n') {
			count = 0;
			space = (size_t)-1;
			continue;
		}
		if (w[i] == ' ')
			space = i;
		if (bytes || ((unsigned char)w[i] & 0xC0) != 0x80)
			count++;
		if (count > width && space != (size_t)-1) {
			w[space] = '\n';
			count = 0;
			for (size_t k = space + 1; k <= i; k++)
				count += bytes || ((unsigned char)w[k] & 0xC0) != 0x80;
			space = (size_t)-1;
		}
	}
	return w;
}

static void unwrap(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

static void assert_wrapped_reads_alike(size_t width, bool bytes)
{
	size_t len;
	char *data = read_data("notices/seed.txt", &len);
	char *w = wrap_text(data, len, width, bytes);
	size_t before = 0, after = 0;
	for (size_t i = 0; i < len; i++) {
		before += data[i] == '\n';
		after += w[i] == '\n';
	}
	cr_assert_gt(after, before + 200, "the text is wrapped");
	struct notice a, b;
	parse_text("seed.txt", data, len, &a);
	parse_text("wrapped.txt", w, len, &b);
	assert_consistent(&b);
	assert_str(b.title, a.title, "title");
	assert_str(b.body, a.body, "body");
	assert_str(b.chair, a.chair, "chair");
	assert_str(b.held_on, a.held_on, "held_on");
	cr_assert_eq(b.nresolutions, a.nresolutions);
	cr_assert_eq(b.ndocuments, a.ndocuments);
	for (size_t i = 0; i < a.nresolutions; i++) {
		const struct notice_resolution *ra = &a.resolutions[i], *rb = &b.resolutions[i];
		assert_str(rb->title, ra->title, "resolution title");
		cr_assert_eq(rb->ntasks, ra->ntasks, "tasks of section %zu at width %zu", i + 1, width);
		for (size_t k = 0; k < ra->ntasks; k++) {
			size_t tl = strlen(rb->tasks[k].text);
			char *t = malloc(tl + 1);
			memcpy(t, rb->tasks[k].text, tl + 1);
			unwrap(t);
			assert_str(t, ra->tasks[k].text, "task");
			free(t);
		}
	}
	ingest_notice_free(&a);
	ingest_notice_free(&b);
	free(w);
	free(data);
}

Test(notice_variants, hard_wrapped_text_reads_as_its_paragraphs)
{
	assert_wrapped_reads_alike(72, false);	/* an editor */
	assert_wrapped_reads_alike(78, true);	/* fold -w 78 */
	assert_wrapped_reads_alike(60, false);
}

/* ---- notices of other bodies ----------------------------------------- */

Test(notice_ubnd, meeting_of_a_peoples_committee)
{
	struct notice n;
	parse_file("notices/ubnd_phien_hop.txt", &n);
	assert_consistent(&n);
	assert_str(n.title, "Phiên họp thường kỳ tháng 3/2023", "title");
	assert_str(n.session, NULL, "session");
	assert_str(n.body, "Ủy ban nhân dân tỉnh Tân Hòa", "body");
	assert_str(n.held_on, "2023-04-11", "held_on");
	assert_str(n.place, "Hội trường Ủy ban nhân dân tỉnh", "place");
	assert_str(n.chair, "Trần Văn Minh", "chair");
	cr_assert_eq(n.nresolutions, 3);
	assert_str(n.resolutions[0].title, "Về tình hình kinh tế - xã hội quý I/2023", "title 1");
	assert_str(n.resolutions[2].title, "Về Kế hoạch số 45/KH-UBND ngày 1/3/2023 của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2023", "title 3");
	cr_assert_null(strstr(n.resolutions[2].text, "Phát biểu kết luận"));
	ingest_notice_free(&n);
}

Test(notice_ubnd, lettered_tasks_with_owners_and_deadlines)
{
	struct notice n;
	parse_file("notices/ubnd_phien_hop.txt", &n);
	const struct notice_resolution *r = &n.resolutions[0];
	/* The "-" lines after "đánh giá:" report figures; only a) to d) assign. */
	cr_assert_eq(r->ntasks, 4);
	assert_task(task(r, "Sở Tài chính chủ trì"), "Sở Tài chính", "2023-04-15", "trước ngày 15/4/2023");
	assert_task(task(r, "Giao Sở Xây dựng"), "Sở Xây dựng", "2023-05-31", "tháng 5/2023");
	assert_str(task(r, "Công an tỉnh")->owner, "Công an tỉnh", "owner");
	assert_task(task(r, "Ủy ban nhân dân các huyện"), "Ủy ban nhân dân các huyện, thành phố",
		    "2023-09-30", "quý III-2023");
	ingest_notice_free(&n);
}

Test(notice_ubnd, bullets_inherit_the_owner_of_their_introduction)
{
	struct notice n;
	parse_file("notices/ubnd_phien_hop.txt", &n);
	const struct notice_resolution *r = &n.resolutions[1];
	cr_assert_eq(r->ntasks, 3);
	assert_task(&r->tasks[0], "Sở Tư pháp", "2023-04-30", "trước ngày 30/4/2023");
	cr_assert(starts_with(r->tasks[0].text, "Thẩm định dự thảo"));
	assert_task(&r->tasks[1], "Sở Tư pháp", "2023-06-30", "tháng 6/2023");
	/* "Chỉ thị số 12-CT/TU ngày 2/3/2023" dates a document, not the task. */
	assert_task(&r->tasks[2], "Văn phòng Ủy ban nhân dân tỉnh", NULL, NULL);
	assert_cites(&n, 1, "05/2023/QĐ-UBND 12-CT/TU");
	ingest_notice_free(&n);
}

Test(notice_ubnd, documents_with_long_codes)
{
	struct notice n;
	parse_file("notices/ubnd_phien_hop.txt", &n);
	cr_assert_eq(n.ndocuments, 3);
	const struct notice_document *d = doc(&n, "05/2023/QĐ-UBND");
	assert_str(d->kind, "Quyết định", "kind");
	assert_str(d->issued_on, "2023-03-20", "issued_on");
	assert_str(d->issuer, "Ủy ban nhân dân tỉnh", "issuer");
	assert_str(d->title, "ban hành Quy chế phối hợp quản lý cụm công nghiệp", "title");
	d = doc(&n, "12-CT/TU");
	assert_str(d->kind, "Chỉ thị", "kind");
	assert_str(d->issuer, "Ban Thường vụ Tỉnh ủy", "issuer");
	assert_str(doc(&n, "45/KH-UBND")->kind, "Kế hoạch", "kind");
	ingest_notice_free(&n);
}

Test(notice_ubnd, a_sentence_naming_who_leads_is_a_task)
{
	struct notice n;
	parse_file("notices/ubnd_phien_hop.txt", &n);
	const struct notice_resolution *r = &n.resolutions[2];
	cr_assert_eq(r->ntasks, 1);
	assert_task(&r->tasks[0], "Sở Thông tin và Truyền thông", "2023-06-30", "trước ngày 30/6/2023");
	ingest_notice_free(&n);
}

Test(notice_huyen_uy, district_committee)
{
	struct notice n;
	parse_file("notices/huyen_uy.txt", &n);
	assert_consistent(&n);
	/* The headline shouts; the opening paragraph names the meeting. */
	assert_str(n.title, "Hội nghị lần thứ 15", "title");
	assert_str(n.session, "15", "session");
	assert_str(n.body, "Ban Chấp hành Đảng bộ huyện Phú Điền khóa XV", "body");
	assert_str(n.held_on, "2022-11-09", "held_on");
	assert_str(n.chair, "Nguyễn Thị Hoa", "chair");
	/* "1." to "3." inside section 3 are a list, and "4." the next section. */
	cr_assert_eq(n.nresolutions, 4);
	cr_assert_eq(n.resolutions[3].seq, 4);
	assert_str(n.resolutions[3].title, "Về công tác cán bộ", "title 4");
	ingest_notice_free(&n);
}

Test(notice_huyen_uy, parenthesis_lists_and_nested_numbers)
{
	struct notice n;
	parse_file("notices/huyen_uy.txt", &n);
	const struct notice_resolution *r = &n.resolutions[0];
	cr_assert_eq(r->ntasks, 3);
	assert_task(&r->tasks[0], "Ban Tuyên giáo Huyện ủy", "2022-12-31", "trước ngày 31/12/2022");
	assert_task(&r->tasks[1], "Ủy ban nhân dân huyện", NULL, NULL);
	assert_task(&r->tasks[2], NULL, "2023-03-31", "quý I-2023");
	r = &n.resolutions[2];
	cr_assert_eq(r->ntasks, 3);
	assert_str(r->tasks[1].text, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công", "nested item");
	/* The heading's "tháng 12/2022" bounds every item of its list. */
	for (size_t i = 0; i < 3; i++)
		assert_str(r->tasks[i].due_on, "2022-12-31", "due_on");
	ingest_notice_free(&n);
}

Test(notice_huyen_uy, the_way_ahead_after_an_assessment)
{
	struct notice n;
	parse_file("notices/huyen_uy.txt", &n);
	const struct notice_resolution *r = &n.resolutions[1];
	cr_assert_eq(r->ntasks, 2);
	assert_str(r->tasks[0].text, "chủ động phương án ứng phó với triều cường cuối năm", "task 1");
	assert_task(&r->tasks[1], NULL, "2022-12-15", "trước ngày 15/12/2022");
	ingest_notice_free(&n);
}

Test(notice_huyen_uy, written_kind_wins_over_the_code_letters)
{
	struct notice n;
	parse_file("notices/huyen_uy.txt", &n);
	/* "Quy định số 80-QĐ/TW": QĐ would say Quyết định. */
	assert_str(doc(&n, "80-QĐ/TW")->kind, "Quy định", "kind");
	assert_str(doc(&n, "15-CT/HU")->issued_on, "2022-10-20", "issued_on");
	assert_cites(&n, 3, "80-QĐ/TW");
	ingest_notice_free(&n);
}

Test(notice_hdnd, crlf_and_bom_council_session)
{
	size_t len;
	char *raw = read_data("notices/hdnd_crlf.txt", &len);
	cr_assert(memcmp(raw, "\xEF\xBB\xBF", 3) == 0 && strstr(raw, "\r\n"),
		  "the fixture keeps its BOM and CRLF");
	free(raw);
	struct notice n;
	parse_file("notices/hdnd_crlf.txt", &n);
	assert_consistent(&n);
	cr_assert(starts_with(n.source_text, "Kỳ họp thứ 9"), "no BOM in the source");
	assert_str(n.title, "Kỳ họp thứ 9", "title");
	assert_str(n.session, "9", "session");
	assert_str(n.body, "Hội đồng nhân dân tỉnh Long Thạnh khóa X", "body");
	assert_str(n.held_on, "2023-03-31", "held_on");
	assert_str(n.place, "Trung tâm Hội nghị tỉnh", "place");
	assert_str(n.chair, "Phạm Quốc Bảo", "chair");
	const struct notice_document *d = doc(&n, "15/2023/NQ-HĐND");
	assert_str(d->kind, "Nghị quyết", "kind");
	assert_str(d->issued_on, "2023-03-31", "issued_on");
	ingest_notice_free(&n);
}

Test(notice_hdnd, colon_group_list_and_inline_numbers)
{
	struct notice n;
	parse_file("notices/hdnd_crlf.txt", &n);
	cr_assert_eq(n.nresolutions, 2);
	const struct notice_resolution *r = &n.resolutions[0];
	cr_assert_eq(r->ntasks, 3);
	assert_str(r->tasks[0].text, "hoàn thiện danh sách đối tượng hưởng hỗ trợ", "group 1");
	assert_str(r->tasks[2].text, "kiểm tra việc chi trả tại cơ sở", "group 3");
	r = &n.resolutions[1];
	assert_str(r->title, "Về chất vấn và trả lời chất vấn", "title");
	cr_assert_eq(r->ntasks, 3);
	assert_task(&r->tasks[0], "Sở Nông nghiệp và Phát triển nông thôn", "2023-09-30",
		    "trước ngày 30/9/2023");
	assert_task(&r->tasks[1], "Sở Y tế", "2023-09-30", "quý III-2023");
	assert_task(&r->tasks[2], "Ủy ban nhân dân tỉnh", NULL, NULL);
	ingest_notice_free(&n);
}

/* ---- what is refused ------------------------------------------------- */

static void assert_refused(const char *data, size_t len, const char *prefix)
{
	struct notice n;
	memset(&n, 0x5A, sizeof n);	/* garbage: the parser must clear it */
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_notice("bad.txt", data, len, &n, &err), BB_ERROR);
	assert_msg_starts(err, prefix);
	cr_assert_null(n.title);
	cr_assert_null(n.source_text);
	cr_assert_null(n.resolutions);
	cr_assert_null(n.documents);
	cr_assert_eq(n.nresolutions, 0);
	cr_assert_eq(n.ndocuments, 0);
	ingest_notice_free(&n);	/* harmless on an empty notice */
}

#define REFUSE(lit, prefix) assert_refused(lit, sizeof lit - 1, prefix)

Test(notice_errors, not_utf8_names_the_line_and_column_of_the_first_bad_byte)
{
	/* Columns count characters ("Đ" is one), after a BOM. */
	REFUSE("Hội nghị lần thứ 1\n\n1. Đối với \xff việc\n", "bad.txt:3:12: not valid UTF-8");
	REFUSE("a\r\nb\r\nc\xc3(\r\n", "bad.txt:3:2: not valid UTF-8");
	REFUSE("a\rb\rc\rd\xe1\xba", "bad.txt:4:2: not valid UTF-8");	/* cut short */
	REFUSE("\xc0\xaf overlong", "bad.txt:1:1: not valid UTF-8");
	REFUSE("x\n\xed\xa0\x80 surrogate", "bad.txt:2:1: not valid UTF-8");
	REFUSE("\xEF\xBB\xBF" "ab\xe0", "bad.txt:1:3: not valid UTF-8 (byte 0xE0)");
}

Test(notice_errors, empty)
{
	assert_refused("", 0, "bad.txt:1: empty file");
	REFUSE(" \n\t\n  \r\n", "bad.txt:1: empty file");
	REFUSE("\xEF\xBB\xBF", "bad.txt:1: empty file");
}

Test(notice_errors, binary)
{
	REFUSE("Hội nghị\n\n1. a\x00 b\n", "bad.txt:3:5: binary data");
	REFUSE("\x89PNG\r\n\x1a\n\x00\x00", "bad.txt:3:1: binary data");
}

Test(notice_errors, no_recognizable_structure)
{
	REFUSE("Hôm nay trời đẹp. Chúng tôi đi chơi.\n", "bad.txt:1: no numbered section");
	/* Numbered lines, but no meeting before them. */
	REFUSE("Danh sách đi chợ\n\n1. Mua rau.\n2. Nấu cơm.\n", "bad.txt:3: no meeting named");
	/* A meeting, but nothing numbered. */
	REFUSE("Hội nghị lần thứ 3\n\nHội nghị đã họp.\n", "bad.txt:1: no numbered section");
}

Test(notice_errors, the_name_is_in_the_message)
{
	struct notice n;
	struct bb_error err = { .msg = "" };
	cr_assert_eq(ingest_notice("thư mục/tệp.txt", "", 0, &n, &err), BB_ERROR);
	assert_msg_starts(err, "thư mục/tệp.txt:1: ");
	cr_assert_eq(ingest_notice(NULL, "", 0, &n, &err), BB_ERROR);
	assert_msg_starts(err, "-:1: ");
}

/* ---- genre shapes in small notices ----------------------------------- */

Test(notice_shapes, meeting_named_in_the_middle_and_bullets_inline)
{
	static const char text[] =
		"Thông báo kết luận\n"
		"\n"
		"Sáng 5-6-2023, Ban Thường vụ Thành ủy tổ chức hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ VIII.\n"
		"\n"
		"1. Về công tác quý III-2023, hội nghị giao: a) Phòng Tài chính - Kế hoạch chủ trì cân đối vốn trước ngày 30/7/2023; b) Thanh tra thành phố kiểm tra các dự án chậm tiến độ.\n"
		"- Đề nghị Mặt trận Tổ quốc thành phố giám sát việc thực hiện.\n";
	struct notice n;
	parse_text("shapes.txt", text, sizeof text - 1, &n);
	assert_consistent(&n);
	assert_str(n.title, "Hội nghị lần thứ VIII", "title");
	assert_str(n.session, "VIII", "session");
	assert_str(n.held_on, "2023-06-05", "held_on");
	const struct notice_resolution *r = &n.resolutions[0];
	assert_str(r->title, "Về công tác quý III-2023", "title");
	cr_assert_eq(r->ntasks, 3);
	assert_task(&r->tasks[0], "Phòng Tài chính - Kế hoạch", "2023-07-30", "trước ngày 30/7/2023");
	assert_str(r->tasks[1].text, "Thanh tra thành phố kiểm tra các dự án chậm tiến độ", "b)");
	assert_str(r->tasks[1].owner, "Thanh tra thành phố", "owner");
	assert_str(r->tasks[2].text, "Đề nghị Mặt trận Tổ quốc thành phố giám sát việc thực hiện", "bullet");
	assert_str(r->tasks[2].owner, "Mặt trận Tổ quốc thành phố", "owner");
	ingest_notice_free(&n);
}

Test(notice_shapes, a_numbered_line_before_any_meeting_is_no_section)
{
	static const char text[] =
		"Kỳ họp thứ 2 Hội đồng nhân dân huyện\n"
		"\n"
		"3. Đây là một dòng lạc.\n"
		"1. Về dự toán ngân sách năm 2024, kỳ họp thống nhất.\n"
		"2. Về chương trình giám sát, giao Thường trực Hội đồng nhân dân huyện xây dựng kế hoạch trong tháng 1/2024.\n";
	struct notice n;
	parse_text("shapes.txt", text, sizeof text - 1, &n);
	assert_consistent(&n);
	cr_assert_eq(n.nresolutions, 2);
	cr_assert_eq(n.resolutions[0].seq, 1);
	assert_str(n.resolutions[0].title, "Về dự toán ngân sách năm 2024", "title 1");
	cr_assert(starts_with(n.resolutions[1].title, "Về chương trình giám sát, giao Thường trực"));
	ingest_notice_free(&n);
}

Test(notice_shapes, how_meetings_are_named)
{
	static const struct {
		const char *headline, *title, *session;
	} cases[] = {
		{ "Thông báo kết quả Hội nghị lần thứ 12 Ban Chấp hành", "Hội nghị lần thứ 12", "12" },
		{ "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 7", "Hội nghị lần thứ 7", "7" },
		{ "Bế mạc kỳ họp thứ 11 Hội đồng nhân dân tỉnh khóa X", "Kỳ họp thứ 11", "11" },
		{ "Hội nghị lần thứ sáu Ban Chấp hành Trung ương", "Hội nghị lần thứ sáu", "6" },
		{ "HỘI NGHỊ LẦN THỨ XIV", "HỘI NGHỊ LẦN THỨ XIV", "XIV" },
		/* "thu" (to collect) is no ordinal. */
		{ "Hội nghị thu năm 2023 của Cục Thuế", "Hội nghị thu năm 2023", NULL },
		{ "Cuộc họp giao ban tháng 9/2023.", "Cuộc họp giao ban tháng 9/2023", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512];
		int len = snprintf(text, sizeof text, "%s\n\n1. Về việc chung.\n", cases[i].headline);
		struct notice n;
		parse_text("names.txt", text, (size_t)len, &n);
		assert_str(n.title, cases[i].title, cases[i].headline);
		assert_str(n.session, cases[i].session, cases[i].headline);
		ingest_notice_free(&n);
	}
}

Test(notice_shapes, spelled_issue_dates_and_codes_without_a_kind)
{
	static const char text[] =
		"Hội nghị lần thứ 4\n"
		"\n"
		"1. Về Quyết định số 123/QĐ-UBND ngày 5 tháng 6 năm 2023 và văn bản 01-CTr/TU, hội nghị thống nhất.\n";
	struct notice n;
	parse_text("codes.txt", text, sizeof text - 1, &n);
	cr_assert_eq(n.ndocuments, 2);
	assert_str(doc(&n, "123/QĐ-UBND")->issued_on, "2023-06-05", "spelled date");
	assert_str(doc(&n, "123/QĐ-UBND")->kind, "Quyết định", "kind");
	/* No kind written: the code's letters say Chương trình. */
	assert_str(doc(&n, "01-CTr/TU")->kind, "Chương trình", "kind from letters");
	assert_cites(&n, 0, "123/QĐ-UBND 01-CTr/TU");
	ingest_notice_free(&n);
}

Test(notice_shapes, numbers_that_restart_inside_a_section)
{
	static const char text[] =
		"Hội nghị lần thứ 3\n"
		"\n"
		"1. Về kinh tế, hội nghị yêu cầu:\n"
		"1. Tăng thu ngân sách;\n"
		/* "2." after an item ending in ";": the list goes on. */
		"2. Giảm nợ đọng trong quý II-2023.\n"
		"2. Về xã hội, hội nghị giao:\n"
		"1. Củng cố mạng lưới y tế cơ sở;\n"
		"2. Tổ chức tiêm chủng mở rộng.\n"
		/* "3." after a finished item: the next section. */
		"3. Về quốc phòng, hội nghị thống nhất tăng cường diễn tập\n";
	struct notice n;
	parse_text("nested.txt", text, sizeof text - 1, &n);
	assert_consistent(&n);
	cr_assert_eq(n.nresolutions, 3);
	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(n.resolutions[i].seq, (int)i + 1);
	assert_str(n.resolutions[1].title, "Về xã hội", "title 2");
	assert_str(n.resolutions[2].title, "Về quốc phòng", "title 3");
	cr_assert_eq(n.resolutions[0].ntasks, 2);
	assert_task(&n.resolutions[0].tasks[1], NULL, "2023-06-30", "quý II-2023");
	cr_assert_eq(n.resolutions[1].ntasks, 2);
	assert_str(n.resolutions[1].tasks[1].text, "Tổ chức tiêm chủng mở rộng", "nested 2");
	ingest_notice_free(&n);
}

/* ---- who leads a task ------------------------------------------------ */

/* The owner the parser names for `item`, the one action item of a
 * section ("a) …"); NULL when it names none. free() the result. */
static char *owner_of_item(const char *item)
{
	char text[2048];
	int len = snprintf(text, sizeof text,
			   "Hội nghị lần thứ 5\n\n"
			   "1. Về công tác cải cách hành chính, hội nghị giao nhiệm vụ:\n"
			   "a) %s\n", item);
	cr_assert_lt((size_t)len, sizeof text);
	struct notice n;
	parse_text("owner.txt", text, (size_t)len, &n);
	cr_assert_eq(n.nresolutions, 1, "%s", item);
	cr_assert_eq(n.resolutions[0].ntasks, 1, "one task: %s", item);
	const char *o = n.resolutions[0].tasks[0].owner;
	char *owner = o ? strdup(o) : NULL;
	ingest_notice_free(&n);
	return owner;
}

struct owner_case {
	const char *sentence;
	const char *owner;	/* NULL: the sentence names no owner */
};

static void assert_owners(const struct owner_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *got = owner_of_item(cases[i].sentence);
		if (!cases[i].owner)
			cr_expect_null(got, "\"%s\"\n  gave \"%s\", wants none",
				       cases[i].sentence, got);
		else
			cr_expect(got && !strcmp(got, cases[i].owner),
				  "\"%s\"\n  gave \"%s\", wants \"%s\"", cases[i].sentence,
				  got ? got : "(none)", cases[i].owner);
		free(got);
	}
}

#define ASSERT_OWNERS(cases) assert_owners(cases, sizeof cases / sizeof cases[0])

Test(notice_owners, names_of_departments_whole)
{
	static const struct owner_case cases[] = {
		{ "Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh rà soát các điểm đen về tai nạn giao thông trước ngày 30/6/2023.",
		  "Sở Giao thông vận tải" },
		{ "Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động kỷ niệm ngày thành lập tỉnh.",
		  "Sở Văn hóa, Thể thao và Du lịch" },
		{ "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch tổ chức Lễ hội Dừa.",
		  "Sở Văn hóa, Thể thao và Du lịch" },
		{ "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài nguyên và Môi trường kiểm tra các điểm sạt lở.",
		  "Sở Nông nghiệp và Phát triển nông thôn" },
		{ "Sở Lao động - Thương binh và Xã hội chủ trì rà soát hộ nghèo, hộ cận nghèo.",
		  "Sở Lao động - Thương binh và Xã hội" },
		{ "Giao Sở Tài nguyên và Môi trường tham mưu xử lý các trường hợp vi phạm đất đai.",
		  "Sở Tài nguyên và Môi trường" },
		{ "Sở Khoa học và Công nghệ chủ trì thẩm định công nghệ các dự án đầu tư.",
		  "Sở Khoa học và Công nghệ" },
		{ "Sở Thông tin và Truyền thông thẩm định các dự án chuyển đổi số.",
		  "Sở Thông tin và Truyền thông" },
		{ "Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân tỉnh phân bổ vốn đầu tư công.",
		  "Sở Kế hoạch và Đầu tư" },
		{ "Giao Sở Giao thông vận tải hoàn thiện hồ sơ nâng cấp tuyến đường tỉnh 885.",
		  "Sở Giao thông vận tải" },
		{ "Yêu cầu Sở Giao thông vận tải sớm khắc phục các điểm sạt lở.",
		  "Sở Giao thông vận tải" },
		{ "Sở Lao động – Thương binh và Xã hội hướng dẫn chi trả trợ cấp.",
		  "Sở Lao động – Thương binh và Xã hội" },
		{ "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch chủ trì tổ chức hội chợ.",
		  "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch" },
	};
	ASSERT_OWNERS(cases);
}

Test(notice_owners, party_and_mass_organisations)
{
	static const struct owner_case cases[] = {
		{ "Đảng ủy Khối Cơ quan tỉnh chịu trách nhiệm hướng dẫn các tổ chức cơ sở đảng trực thuộc học tập nghị quyết.",
		  "Đảng ủy Khối Cơ quan tỉnh" },
		{ "Đảng ủy Khối Doanh nghiệp tỉnh chủ trì sơ kết việc thực hiện Chỉ thị số 05-CT/TW.",
		  "Đảng ủy Khối Doanh nghiệp tỉnh" },
		{ "Đảng ủy Khối cơ quan - doanh nghiệp tỉnh chủ trì, phối hợp với Sở Nội vụ kiện toàn tổ chức đảng.",
		  "Đảng ủy Khối cơ quan - doanh nghiệp tỉnh" },
		{ "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn việc học tập, quán triệt.",
		  "Ban Tuyên giáo Tỉnh ủy" },
		{ "Giao Ban Dân vận Tỉnh ủy theo dõi, tổng hợp tình hình khiếu nại đông người.",
		  "Ban Dân vận Tỉnh ủy" },
		{ "Ban Nội chính Tỉnh ủy chủ trì theo dõi, đôn đốc xử lý các vụ việc phức tạp.",
		  "Ban Nội chính Tỉnh ủy" },
		{ "Ban Tổ chức Tỉnh ủy tham mưu quy hoạch cán bộ nhiệm kỳ 2025 - 2030.",
		  "Ban Tổ chức Tỉnh ủy" },
		{ "Văn phòng Tỉnh ủy chịu trách nhiệm bố trí kinh phí tổ chức hội nghị.",
		  "Văn phòng Tỉnh ủy" },
		{ "Ban Thường vụ Tỉnh ủy chỉ đạo sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW.",
		  "Ban Thường vụ Tỉnh ủy" },
		{ "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì, phối hợp với các tổ chức chính trị - xã hội tăng cường giám sát.",
		  "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" },
		{ "Hội Liên hiệp Phụ nữ tỉnh chủ trì triển khai cuộc vận động xây dựng gia đình 5 không, 3 sạch.",
		  "Hội Liên hiệp Phụ nữ tỉnh" },
		{ "Tỉnh đoàn chủ trì tổ chức chiến dịch thanh niên tình nguyện hè.", "Tỉnh đoàn" },
		{ "Liên đoàn Lao động tỉnh phối hợp với Sở Lao động - Thương binh và Xã hội chăm lo Tết cho công nhân.",
		  "Liên đoàn Lao động tỉnh" },
		{ "Hội Nông dân tỉnh chủ trì hướng dẫn nông dân chuyển đổi cơ cấu cây trồng.",
		  "Hội Nông dân tỉnh" },
		{ "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc chủ trì quán triệt nghị quyết đến chi bộ.",
		  "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc" },
		{ "Giao các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc xây dựng chương trình hành động.",
		  "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc" },
	};
	ASSERT_OWNERS(cases);
}

Test(notice_owners, government_bodies)
{
	static const struct owner_case cases[] = {
		{ "Ủy ban nhân dân các huyện, thị xã, thành phố chủ trì tổ chức thực hiện tại địa phương.",
		  "Ủy ban nhân dân các huyện, thị xã, thành phố" },
		{ "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai thực hiện.", "Ủy ban nhân dân tỉnh" },
		{ "Uỷ ban nhân dân tỉnh Bến Tre chủ trì tổng kết công tác thi đua.", "Uỷ ban nhân dân tỉnh Bến Tre" },
		{ "Công an tỉnh chủ trì bảo đảm an ninh, trật tự trong dịp Tết.", "Công an tỉnh" },
		{ "Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức diễn tập khu vực phòng thủ.",
		  "Bộ Chỉ huy Quân sự tỉnh" },
		{ "Thanh tra tỉnh tiến hành thanh tra việc quản lý, sử dụng đất công.", "Thanh tra tỉnh" },
		{ "Kho bạc Nhà nước tỉnh chủ trì kiểm soát chặt chẽ các khoản chi.", "Kho bạc Nhà nước tỉnh" },
		{ "Cục Thuế tỉnh chủ trì, phối hợp với các ngành đẩy mạnh thu hồi nợ đọng thuế.", "Cục Thuế tỉnh" },
		{ "Ngân hàng Nhà nước chi nhánh tỉnh chỉ đạo các tổ chức tín dụng giảm lãi suất cho vay.",
		  "Ngân hàng Nhà nước chi nhánh tỉnh" },
		{ "Báo Đồng Khởi chủ trì mở chuyên trang tuyên truyền nghị quyết.", "Báo Đồng Khởi" },
		{ "Đài Phát thanh và Truyền hình tỉnh chủ trì xây dựng chuyên mục chuyển đổi số.",
		  "Đài Phát thanh và Truyền hình tỉnh" },
		{ "Giao Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh khẩn trương hoàn thiện hồ sơ thiết kế.",
		  "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh" },
		{ "Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh rà soát hồ sơ.",
		  "Ban Quản lý dự án đầu tư xây dựng tỉnh" },
		{ "Ban quản lý dự án đầu tư xây dựng huyện khẩn trương quyết toán công trình.",
		  "Ban quản lý dự án đầu tư xây dựng huyện" },
		{ "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh chỉ đạo xử lý dứt điểm các vụ việc.",
		  "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh" },
		{ "Ngân hàng Chính sách xã hội chi nhánh tỉnh giải ngân vốn vay ưu đãi.",
		  "Ngân hàng Chính sách xã hội chi nhánh tỉnh" },
		{ "Bảo hiểm xã hội tỉnh chủ trì thu hồi nợ đọng bảo hiểm.", "Bảo hiểm xã hội tỉnh" },
	};
	ASSERT_OWNERS(cases);
}

Test(notice_owners, how_the_owner_is_introduced)
{
	static const struct owner_case cases[] = {
		{ "Dự án cải tạo Quảng trường Đồng Khởi do Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh thực hiện, hoàn thành trong quý IV-2023.",
		  "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh" },
		{ "Giao: Sở Tài chính, Sở Kế hoạch và Đầu tư cân đối, bố trí vốn đối ứng cho các dự án.",
		  "Sở Tài chính" },
		{ "Rà soát, sửa đổi quy chế phối hợp (cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Văn phòng Ủy ban nhân dân tỉnh), hoàn thành trong tháng 8/2023.",
		  "Sở Nội vụ" },
		{ "Tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW (cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch).",
		  "Sở Văn hóa, Thể thao và Du lịch" },
		{ "Xây dựng đề án phát triển du lịch cộng đồng do Sở Văn hóa, Thể thao và Du lịch chủ trì.",
		  "Sở Văn hóa, Thể thao và Du lịch" },
	};
	ASSERT_OWNERS(cases);
}

/* Where several agencies are named, the one that leads (chủ trì) owns
 * the task; those that assist (phối hợp) do not. */
Test(notice_owners, the_leader_not_the_assistants)
{
	static const struct owner_case cases[] = {
		{ "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch thẩm định dự án.",
		  "Sở Kế hoạch và Đầu tư" },
		{ "Phối hợp với Sở Y tế, Sở Giáo dục và Đào tạo chủ trì triển khai chương trình sữa học đường.",
		  "Sở Giáo dục và Đào tạo" },
		{ "Văn phòng Ủy ban nhân dân tỉnh phối hợp với Sở Nội vụ (chủ trì) rà soát thủ tục hành chính.",
		  "Sở Nội vụ" },
		{ "Sở Tài chính phối hợp thẩm định, Sở Kế hoạch và Đầu tư chủ trì tổng hợp danh mục dự án.",
		  "Sở Kế hoạch và Đầu tư" },
		{ "Cùng với Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh chủ trì diễn tập phòng thủ dân sự.",
		  "Bộ Chỉ huy Quân sự tỉnh" },
		{ "Giao Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo, Ủy ban nhân dân các huyện kiểm tra an toàn thực phẩm.",
		  "Sở Y tế" },
		/* Units that lead together: the first named, as in "Giao: …". */
		{ "Sở Tài chính, Sở Kế hoạch và Đầu tư chủ trì cân đối nguồn vốn.", "Sở Tài chính" },
		{ "Sở Tài chính và Sở Kế hoạch và Đầu tư chủ trì cân đối nguồn vốn.", "Sở Tài chính" },
		{ "Sở Công Thương chủ trì, phối hợp Sở Tài chính bình ổn giá.", "Sở Công Thương" },
	};
	ASSERT_OWNERS(cases);
}

Test(notice_owners, sentences_that_name_no_owner)
{
	static const struct owner_case cases[] = {
		{ "Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ xây dựng, chỉnh đốn Đảng.", NULL },
		{ "Phát huy vai trò của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội.", NULL },
		{ "Các chi bộ, đảng bộ cơ sở tổ chức học tập nghị quyết.", NULL },
		{ "Ban hành kế hoạch thực hiện trong quý III-2023.", NULL },
		/* The one reported to, the one who wrote, the one who chaired. */
		{ "Báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.", NULL },
		{ "Triển khai Kế hoạch số 45/KH-UBND do Ủy ban nhân dân tỉnh ban hành.", NULL },
		{ "Thực hiện nghiêm các nghị quyết, quy định của Trung ương, Tỉnh ủy, Ban Thường vụ Tỉnh ủy.", NULL },
		{ "Tổ chức hội nghị do đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì.", NULL },
		{ "Giáo dục, bồi dưỡng lý tưởng cách mạng cho thanh niên.", NULL },
		{ "Yêu cầu các cấp ủy tập trung lãnh đạo thực hiện.", NULL },
		{ "Về lâu dài: nghiên cứu mở rộng vùng nuôi tôm công nghệ cao.", NULL },
		{ "Bảo đảm an sinh xã hội, chăm lo đời sống nhân dân.", NULL },
		{ "Đề nghị đồng chí Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo quyết liệt.", NULL },
		{ "Tiếp tục thực hiện Nghị quyết của Ban Chấp hành Đảng bộ tỉnh.", NULL },
	};
	ASSERT_OWNERS(cases);
}

Test(notice_owners, written_decomposed_the_owner_is_nfc)
{
	const char *nfc = "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Lễ hội Dừa.";
	size_t len = 0;
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)nfc, strlen(nfc) + 1, NULL, &len);
	cr_assert_not_null(nfd);
	char *got = owner_of_item((const char *)nfd);
	assert_str(got, "Sở Văn hóa, Thể thao và Du lịch", "owner");
	free(got);
	free(nfd);
}

/* The same owners in running text, where the sentence alone makes the
 * task; a sentence naming who chaired is none. */
Test(notice_owners, in_running_text)
{
	static const char text[] =
		"Hội nghị lần thứ 7\n"
		"\n"
		"1. Về công tác văn hóa, hội nghị thống nhất cao. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch. "
		"Sở Giao thông vận tải chủ trì rà soát các tuyến đường tỉnh. "
		"Hội nghị do đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì.\n";
	struct notice n;
	parse_text("running.txt", text, sizeof text - 1, &n);
	assert_consistent(&n);
	const struct notice_resolution *r = &n.resolutions[0];
	cr_assert_eq(r->ntasks, 2);
	assert_str(r->tasks[0].owner, "Sở Văn hóa, Thể thao và Du lịch", "owner 1");
	assert_str(r->tasks[1].owner, "Sở Giao thông vận tải", "owner 2");
	ingest_notice_free(&n);
}
