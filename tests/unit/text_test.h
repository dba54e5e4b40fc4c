/* text_test.h — small helpers shared by the text unit tests. */
#ifndef BIENBAN_TEXT_TEST_H
#define BIENBAN_TEXT_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "text.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* One sentence in the three spellings Vietnamese text arrives in:
 * precomposed (NFC), decomposed (NFD) and the legacy "tổ hợp" mix of a
 * precomposed vowel and a combining tone mark. */
struct vi_forms {
	const char *nfc;
	const char *nfd;
	const char *tohop;
};

static const struct vi_forms vi_sentences[] = {
	{"Nghị quyết",
	 "Nghi\u0323 quye\u0302\u0301t",
	 "Nghi\u0323 quy\u00ea\u0301t"},
	{"Đảng ủy",
	 "\u0110a\u0309ng u\u0309y",
	 "\u0110a\u0309ng u\u0309y"},
	{"Thông báo kết quả Hội nghị lần thứ 12",
	 "Tho\u0302ng ba\u0301o ke\u0302\u0301t qua\u0309 Ho\u0323\u0302i "
	 "nghi\u0323 la\u0302\u0300n thu\u031b\u0301 12",
	 "Th\u00f4ng ba\u0301o k\u00ea\u0301t qua\u0309 H\u00f4\u0323i "
	 "nghi\u0323 l\u00e2\u0300n th\u01b0\u0301 12"},
	{"Ban Chấp hành Đảng bộ tỉnh Bến Tre khóa XI",
	 "Ban Cha\u0302\u0301p ha\u0300nh \u0110a\u0309ng bo\u0323\u0302 "
	 "ti\u0309nh Be\u0302\u0301n Tre kho\u0301a XI",
	 "Ban Ch\u00e2\u0301p ha\u0300nh \u0110a\u0309ng b\u00f4\u0323 "
	 "ti\u0309nh B\u00ea\u0301n Tre kho\u0301a XI"},
	{"ặc ợ Ữ Ỵ",
	 "a\u0323\u0306c o\u031b\u0323 U\u031b\u0303 Y\u0323",
	 "\u0103\u0323c \u01a1\u0323 \u01af\u0303 Y\u0323"},
};

/* True when s[0..len) could go to a terminal as it is: valid UTF-8, no
 * byte below 0x20 but LF (when lf_ok), no DEL, no C1 control. */
static inline bool is_inert(const char *s, size_t len, bool lf_ok)
{
	const uint8_t *p = (const uint8_t *)s;

	if (u8_check(p, len))
		return false;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, p + i, len - i);
		if ((c < 0x20 && !(c == '\n' && lf_ok)) || c == 0x7f ||
		    (c >= 0x80 && c <= 0x9f))
			return false;
	}
	return true;
}

#endif
