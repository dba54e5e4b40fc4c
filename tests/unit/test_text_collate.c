/* Vietnamese dictionary order, by comparison and by sort key. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <unistr.h>

#include "text.h"
#include "text_test.h"

static int collate(const char *a, const char *b)
{
	return text_collate(a, strlen(a), b, strlen(b));
}

static char *key(const char *s, size_t len, size_t *key_len)
{
	struct text_buf b = {0};

	text_sort_key(&b, s, len);
	return text_buf_take(&b, key_len);
}

/* memcmp order of two keys, as SQLite compares BLOBs. */
static int key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r == 0)
		r = (alen > blen) - (alen < blen);
	return (r > 0) - (r < 0);
}

static int key_collate(const char *a, const char *b)
{
	size_t alen, blen;
	char *ka = key(a, strlen(a), &alen);
	char *kb = key(b, strlen(b), &blen);
	int r = key_cmp(ka, alen, kb, blen);

	free(ka);
	free(kb);
	return r;
}

Test(text_collate, pairs_in_dictionary_order)
{
	static const char *const less[][2] = {
		{"an", "ăn"}, {"ăn", "ân"}, {"ân", "bn"},
		{"da", "đa"}, {"đa", "ea"}, {"dz", "đa"},
		{"e", "ê"}, {"ê", "f"},
		{"o", "ô"}, {"ô", "ơ"}, {"ơ", "p"},
		{"u", "ư"}, {"ư", "v"},
		/* tones: none < grave < hook < tilde < acute < dot below */
		{"ma", "mà"}, {"mà", "mả"}, {"mả", "mã"}, {"mã", "má"},
		{"má", "mạ"},
		/* a tone is weaker than any letter */
		{"mạ", "mai"}, {"mả", "mai"}, {"ạ", "ac"},
		/* case is weaker than a tone */
		{"ma", "Ma"}, {"Ma", "mà"}, {"đa", "Đa"}, {"Đa", "đà"},
		/* the vowel marks are letters, not tones */
		{"ặ", "âc"}, {"ác", "ăc"}, {"ợ", "p"},
		/* spaces and punctuation < digits < letters < other scripts */
		{" ", "!"}, {"!", "0"}, {"9", "a"}, {"z", "α"}, {"α", "中"},
		{"bà ba", "bà bà"}, {"ba bà", "bà ba"},
		{"", "a"}, {"a", "a a"},
	};

	for (size_t i = 0; i < N_ELEMS(less); i++) {
		const char *a = less[i][0], *b = less[i][1];
		cr_expect_lt(collate(a, b), 0, "\"%s\" < \"%s\"", a, b);
		cr_expect_gt(collate(b, a), 0, "\"%s\" > \"%s\"", b, a);
		cr_expect_lt(key_collate(a, b), 0, "key \"%s\" < \"%s\"", a, b);
	}
}

Test(text_collate, nfc_nfd_and_tohop_are_equal)
{
	for (size_t i = 0; i < N_ELEMS(vi_sentences); i++) {
		const struct vi_forms *f = &vi_sentences[i];
		size_t n1, n2, n3;
		char *k1 = key(f->nfc, strlen(f->nfc), &n1);
		char *k2 = key(f->nfd, strlen(f->nfd), &n2);
		char *k3 = key(f->tohop, strlen(f->tohop), &n3);

		cr_expect_eq(collate(f->nfc, f->nfd), 0, "row %zu", i);
		cr_expect_eq(collate(f->nfc, f->tohop), 0, "row %zu", i);
		cr_expect(n1 == n2 && memcmp(k1, k2, n1) == 0, "row %zu", i);
		cr_expect(n1 == n3 && memcmp(k1, k3, n1) == 0, "row %zu", i);
		free(k1);
		free(k2);
		free(k3);
	}
}

/* Headwords in the order of a Vietnamese dictionary. */
static const char *const dictionary[] = {
	"a", "à", "ả", "ã", "á", "ạ", "ác", "ai", "an", "anh",
	"ăn", "ắt", "ân", "ấy",
	"ba", "bà", "bả", "bã", "bá", "bạ", "ban", "bán", "bạn", "bảng",
	"da", "dạ", "dân", "đa", "Đa", "đà", "đảng", "Đảng", "đâu",
	"em", "ê", "ếch",
	"ma", "Ma", "mà", "mả", "mã", "má", "mạ", "mai", "mái", "mạnh",
	"nghị", "nghĩa", "ngõ", "ngọc",
	"o", "ò", "ô", "ồ", "ơ", "ờ", "ở",
	"quý", "quyết",
	"tình", "tỉnh",
	"u", "ủy", "ư", "ưu",
	"xã", "y", "ý",
};

static int cmp_collate(const void *a, const void *b)
{
	return collate(*(const char *const *)a, *(const char *const *)b);
}

/* A fixed, thorough shuffle (a permutation by a step prime to n). */
static void shuffle(const char **v, size_t n)
{
	const char **tmp = malloc(n * sizeof *tmp);

	for (size_t i = 0; i < n; i++)
		tmp[i] = dictionary[(i * 37 + 11) % n];
	memcpy(v, tmp, n * sizeof *tmp);
	free(tmp);
}

Test(text_collate, shuffled_list_sorts_to_dictionary_order)
{
	size_t n = N_ELEMS(dictionary);
	const char **v = malloc(n * sizeof *v);

	cr_assert_neq(n % 37, 0);
	shuffle(v, n);
	cr_assert(memcmp(v, dictionary, n * sizeof *v) != 0);
	qsort(v, n, sizeof *v, cmp_collate);
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(v[i], dictionary[i], "position %zu", i);
	free(v);
}

struct keyed {
	const char *word;
	char *key;
	size_t len;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	return key_cmp(x->key, x->len, y->key, y->len);
}

Test(text_collate, shuffled_list_sorts_by_keys_too)
{
	size_t n = N_ELEMS(dictionary);
	const char **words = malloc(n * sizeof *words);
	struct keyed *v = malloc(n * sizeof *v);

	shuffle(words, n);
	for (size_t i = 0; i < n; i++) {
		v[i].word = words[i];
		v[i].key = key(words[i], strlen(words[i]), &v[i].len);
	}
	qsort(v, n, sizeof *v, cmp_keyed);
	for (size_t i = 0; i < n; i++) {
		cr_expect_str_eq(v[i].word, dictionary[i], "position %zu", i);
		free(v[i].key);
	}
	free(v);
	free(words);
}

Test(text_collate, keys_have_no_nul_bytes)
{
	static const struct {
		const char *s;
		size_t len;
	} cases[] = {
		{"", 0}, {"a\0b", 3}, {"\x01\x02", 2}, {"Đảng ủy", 10},
		{"\xff\xfe", 2}, {"中文 😀", 11},
	};

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		size_t n;
		char *k = key(cases[i].s, cases[i].len, &n);
		cr_expect_gt(n, 0, "case %zu", i);
		cr_expect_eq(strlen(k), n, "case %zu: NUL inside", i);
		free(k);
	}
}

Test(text_collate, only_equivalent_strings_are_equal)
{
	cr_expect_eq(collate("Đảng", "Đảng"), 0);
	/* NUL and ZWJ weigh nothing, but the strings still differ. */
	cr_expect_neq(text_collate("a\0b", 3, "ab", 2), 0);
	cr_expect_neq(collate("a\u200db", "ab"), 0);
	cr_expect_eq(collate("\xff", "\ufffd"), 0);	/* bad bytes: U+FFFD */

	size_t n1, n2;
	char *k1 = key("a\0b", 3, &n1), *k2 = key("ab", 2, &n2);
	cr_expect_eq(key_cmp(k1, n1, k2, n2), text_collate("a\0b", 3, "ab", 2));
	free(k1);
	free(k2);
}

/* ---- comparing and keys agree on any text ------------------------------ */

/* A piece of text of the kinds comparison takes shortcuts for: ASCII,
 * precomposed Latin letters of both blocks, letters followed by
 * combining marks, other scripts and punctuation, a bad byte. */
static void random_piece(struct text_buf *b, unsigned *seed)
{
	static const char *const odd[] = {
		"\xcc\x81", "\xcc\x80\xcc\xa3", "\xcc\x9b", "\xcc\x86", "\xcc\x82", "\xe2\x80\x99", "\xe4\xb8\xad", "\xc2\xa0",
		"\xff", " ", "-", "7", "D", "d", "\xc4\x91", "\xc3\xb0", "\xe2\x80\x8d",
	};
	unsigned r = (unsigned)rand_r(seed);
	ucs4_t c;
	switch (r % 4) {
	case 0:
		text_buf_addc(b, (char)('a' + (char)(r / 4 % 26)));
		return;
	case 1:
		c = 0x00c0 + r / 4 % (0x0250 - 0x00c0);
		break;
	case 2:
		c = 0x1e00 + r / 4 % 0x100;
		break;
	default:
		text_buf_addz(b, odd[r / 4 % (sizeof odd / sizeof *odd)]);
		return;
	}
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);
	text_buf_add(b, (const char *)u, (size_t)k);
}

Test(text_collate, comparing_agrees_with_the_keys_on_random_text)
{
	unsigned seed = 1;
	for (int round = 0; round < 20000; round++) {
		struct text_buf a = {0}, b = {0};
		/* A shared start, as index neighbours have, then apart. */
		int shared = rand_r(&seed) % 6;
		for (int i = 0; i < shared; i++)
			random_piece(&a, &seed);
		text_buf_add(&b, a.data, a.len);
		for (int i = rand_r(&seed) % 5; i > 0; i--)
			random_piece(&a, &seed);
		for (int i = rand_r(&seed) % 5; i > 0; i--)
			random_piece(&b, &seed);
		const char *as = a.data ? a.data : "", *bs = b.data ? b.data : "";
		size_t an, bn;
		char *ka = key(as, a.len, &an), *kb = key(bs, b.len, &bn);
		int want = key_cmp(ka, an, kb, bn);
		cr_assert_eq(text_collate(as, a.len, bs, b.len), want,
			     "round %d: [%s] vs [%s]", round, as, bs);
		cr_assert_eq(text_collate(bs, b.len, as, a.len), -want);
		free(ka);
		free(kb);
		text_buf_free(&a);
		text_buf_free(&b);
	}
}
