/* Dates as Vietnamese notices write them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "text.h"
#include "text_test.h"

Test(text_date, parses_every_form)
{
	static const struct {
		const char *in;
		const char *iso;
	} cases[] = {
		{"31-3-2023", "2023-03-31"},
		{"31/03/2023", "2023-03-31"},
		{"31.3.2023", "2023-03-31"},
		{"2023-03-31", "2023-03-31"},
		{"ngày 9-11-2022", "2022-11-09"},
		{"Ngày 31 tháng 3 năm 2023", "2023-03-31"},
		{"trước ngày 15/4/2023", "2023-04-15"},
		{"hạn 30/6/2023", "2023-06-30"},
		{"Hạn: 30/6/2023", "2023-06-30"},
		{"quý I-2023", "2023-03-31"},
		{"quý II-2023", "2023-06-30"},
		{"quý III/2023", "2023-09-30"},
		{"quý IV-2023", "2023-12-31"},
		{"quý 2/2023", "2023-06-30"},
		{"quý II năm 2023", "2023-06-30"},
		{"cuối quý II-2023", "2023-06-30"},
		{"tháng 4/2023", "2023-04-30"},
		{"trong tháng 5/2023", "2023-05-31"},
		{"tháng 4 năm 2023", "2023-04-30"},
		{"tháng 2/2024", "2024-02-29"},	/* leap year */
		{"tháng 2/2023", "2023-02-28"},
		{"tháng 2/1900", "1900-02-28"},	/* a century: not leap */
		{"tháng 2/2000", "2000-02-29"},	/* but every 400 years */
		{"29/2/2024", "2024-02-29"},
		/* case and diacritics do not matter */
		{"quy II-2023", "2023-06-30"},
		{"QUÝ II/2023", "2023-06-30"},
		{"quy\u0301 II-2023", "2023-06-30"},	/* NFD */
		{"tha\u0301ng 4/2023", "2023-04-30"},	/* NFD */
		{"NGA\u0300Y 9-11-2022", "2022-11-09"},
		{"  31/3/2023  ", "2023-03-31"},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct text_date d = {0};
		char iso[11];
		bool ok = text_date_parse(cases[i].in, strlen(cases[i].in), &d);
		cr_expect(ok, "case %zu: %s", i, cases[i].in);
		if (!ok)
			continue;
		text_date_iso(&d, iso);
		cr_expect_str_eq(iso, cases[i].iso, "case %zu", i);
	}
}

Test(text_date, rejects_what_is_not_a_date)
{
	static const char *bad[] = {
		"31/2/2023", "29/2/2023", "29/2/1900", "31/4/2023",
		"1/13/2023", "0/1/2023", "32/1/2023", "1/0/2023",
		"1/1/1899", "1/1/2201", "2023-02-30", "2023-13-01",
		"quý V-2023", "quý 5/2023", "quý 0/2023", "quý II-1800",
		"tháng 13/2023", "tháng 0/2023", "tháng 4",
		"31-3-23", "31-3/2023", "31-3-20230", "131-3-2023",
		"2023", "", "ngày", "quý II", "31-3-2023 abc",
		"abc 31-3-2023", "ngày31-3-2023", "quýII-2023",
	};

	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		struct text_date d = {1, 2, 3};
		cr_expect_not(text_date_parse(bad[i], strlen(bad[i]), &d),
			      "case %zu: %s", i, bad[i]);
		cr_expect(d.year == 1 && d.month == 2 && d.day == 3,
			  "case %zu: output touched", i);
	}
}

Test(text_date, finds_the_first_date_in_a_sentence)
{
	static const struct {
		const char *in;
		const char *found;	/* NULL: no date */
		const char *iso;
	} cases[] = {
		{"Hoàn thành trước ngày 15/4/2023.", "trước ngày 15/4/2023",
		 "2023-04-15"},
		{"Kế hoạch số 129-KH/TU ngày 8-4-2022 của Tỉnh ủy",
		 "ngày 8-4-2022", "2022-04-08"},
		{"31/03/2023 - 18:31", "31/03/2023", "2023-03-31"},
		{"phương hướng, nhiệm vụ quý II-2023; thảo luận",
		 "quý II-2023", "2023-06-30"},
		{"Báo cáo kết quả trong tháng 5/2023 và quý II-2023",
		 "trong tháng 5/2023", "2023-05-31"},
		{"Hoa\u0300n tha\u0300nh tru\u031bo\u031b\u0301c nga\u0300y "
		 "15/4/2023",
		 "tru\u031bo\u031b\u0301c nga\u0300y 15/4/2023", "2023-04-15"},
		{"Nghị quyết số 27-NQ/TW", NULL, NULL},
		{"Không có hạn", NULL, NULL},
		{"ngày 31/2/2023 rồi ngày 1/3/2023", "ngày 1/3/2023",
		 "2023-03-01"},
		/* A year fused with a spacing mark is not a clean date. */
		{"tháng 5/2023\u17c7", NULL, NULL},
		{"", NULL, NULL},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *in = cases[i].in;
		struct text_date d;
		struct text_range r;
		bool ok = text_date_find(in, strlen(in), &d, &r);

		cr_expect_eq(ok, cases[i].found != NULL, "case %zu", i);
		if (!ok || !cases[i].found)
			continue;
		char iso[11];
		text_date_iso(&d, iso);
		cr_expect_str_eq(iso, cases[i].iso, "case %zu", i);
		cr_expect_eq(r.end - r.start, strlen(cases[i].found),
			     "case %zu", i);
		cr_expect(strncmp(in + r.start, cases[i].found,
				  strlen(cases[i].found)) == 0, "case %zu", i);

		/* What was found parses on its own to the same date. */
		struct text_date again;
		cr_expect(text_date_parse(in + r.start, r.end - r.start,
					  &again), "case %zu", i);
		cr_expect(again.year == d.year && again.month == d.month &&
			  again.day == d.day, "case %zu", i);
	}
}

Test(text_date, iso_round_trip)
{
	static const char *good[] = {"2023-03-31", "2024-02-29", "1900-01-01",
				     "2200-12-31"};
	static const char *bad[] = {"2023-02-29", "2023-3-31", "2023-03-31x",
				    "2023/03/31", "1899-12-31", "23-03-31",
				    "2023-00-10", "", "abcd-ef-gh"};

	for (size_t i = 0; i < N_ELEMS(good); i++) {
		struct text_date d;
		char iso[11];
		cr_assert(text_date_from_iso(good[i], strlen(good[i]), &d),
			  "%s", good[i]);
		text_date_iso(&d, iso);
		cr_expect_str_eq(iso, good[i]);
	}
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		struct text_date d;
		cr_expect_not(text_date_from_iso(bad[i], strlen(bad[i]), &d),
			      "%s", bad[i]);
	}

	struct text_date d = {2023, 6, 5};
	char iso[11];
	text_date_iso(&d, iso);
	cr_expect_str_eq(iso, "2023-06-05");
}
