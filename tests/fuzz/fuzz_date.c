/* fuzz_date.c — libFuzzer target for the date parser.
 *
 * Any bytes go through text_date_parse, text_date_find and
 * text_date_from_iso. What they promise: a date returned is a real
 * calendar date between 1900 and 2200 (checked here by a calendar of the
 * fuzzer's own), a failed parse leaves *out alone, a range found lies
 * inside the input and reads back, on its own, as the same date, and an
 * ISO date prints back to the very bytes it was read from.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                    \
			abort();                                           \
		}                                                          \
	} while (0)

/* A calendar written differently from date.c's: days before the first
 * of the next month, by the Gregorian rule. */
static bool is_real_date(const struct text_date *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (d->year < 1900 || d->year > 2200 || d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	bool leap = d->year % 400 == 0 || (d->year % 100 != 0 && d->year % 4 == 0);
	return d->day <= mdays[d->month - 1] + (d->month == 2 && leap);
}

static bool same_date(const struct text_date *a, const struct text_date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day;
}

static const struct text_date untouched = { -7, -7, -7 };

static void check_parse(const char *s, size_t len)
{
	struct text_date d = untouched, again = untouched;
	if (!text_date_parse(s, len, &d)) {
		CHECK(same_date(&d, &untouched));
		return;
	}
	CHECK(is_real_date(&d));
	/* Parsing is a function of the text alone. */
	CHECK(text_date_parse(s, len, &again) && same_date(&d, &again));
	/* Its ISO form reads back as the same date, both ways. */
	char iso[11];
	text_date_iso(&d, iso);
	CHECK(strlen(iso) == 10);
	CHECK(text_date_from_iso(iso, 10, &again) && same_date(&d, &again));
	CHECK(text_date_parse(iso, 10, &again) && same_date(&d, &again));
}

static void check_find(const char *s, size_t len)
{
	struct text_date d = untouched, again = untouched;
	struct text_range r = { 7, 7 };
	if (!text_date_find(s, len, &d, &r)) {
		CHECK(same_date(&d, &untouched));
		return;
	}
	CHECK(is_real_date(&d));
	CHECK(r.start < r.end && r.end <= len);
	CHECK(text_date_parse(s + r.start, r.end - r.start, &again));
	CHECK(same_date(&d, &again));
	/* Nothing before the range holds a date of its own. */
	struct text_date before;
	struct text_range br;
	CHECK(!text_date_find(s, r.start, &before, &br) || br.end <= r.start);
}

static void check_iso(const char *s, size_t len)
{
	struct text_date d = untouched;
	if (!text_date_from_iso(s, len, &d)) {
		CHECK(same_date(&d, &untouched));
		return;
	}
	CHECK(is_real_date(&d));
	char iso[11];
	text_date_iso(&d, iso);
	CHECK(len == 10 && memcmp(iso, s, 10) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_parse(s, size);
	check_find(s, size);
	check_iso(s, size);
	return 0;
}
