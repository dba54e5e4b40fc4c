#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *ingest_xrealloc(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		abort();
	size_t bytes = n * size;
	void *q = realloc(p, bytes ? bytes : 1);
	if (!q)
		abort();
	return q;
}

char *ingest_strndup(const char *s, size_t len)
{
	char *d = ingest_xrealloc(NULL, len + 1, 1);
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

void *ingest_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 8;
	while (c < need)
		c *= 2;
	*cap = c;
	return ingest_xrealloc(p, c, size);
}

size_t ingest_first_bad_utf8(const char *s, size_t len)
{
	/* Whole-text check first: valid input is the common case. */
	if (text_is_valid_utf8(s, len))
		return NPOS;
	for (size_t i = 0; i < len;) {
		size_t l = ingest_u8_len((unsigned char)s[i]);
		if (l > len - i || !text_is_valid_utf8(s + i, l))
			return i;
		i += l;
	}
	return NPOS;
}

struct csv_pos ingest_pos_of(const char *s, size_t len, size_t off)
{
	struct csv_pos p = { 1, 1 };
	size_t i = len >= 3 && off >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
	for (; i < off && i < len; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))) {
			p.line++;
			p.col = 1;
		} else if (s[i] != '\r' && ((unsigned char)s[i] & 0xC0) != 0x80) {
			p.col++;	/* a character starts here */
		}
	}
	return p;
}

int ingest_clip(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return (int)len;
	size_t n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}
