/* buf.c — the growable output buffer every text function appends to. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"
#include "internal.h"

/* The header promises that allocation failure aborts: callers write
 * straight-line code, and a program out of memory cannot draw anyway. */
static void out_of_memory(void)
{
	fputs("bienban: out of memory\n", stderr);
	abort();
}

void *text_xrealloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		out_of_memory();
	size_t bytes = n * size;
	/* Never ask for 0 bytes: realloc may then free and return NULL. */
	void *q = realloc(p, bytes > 0 ? bytes : 1);
	if (!q)
		out_of_memory();
	return q;
}

void *text_xmalloc(size_t n, size_t size)
{
	return text_xrealloc(NULL, n, size);
}

/* Makes room for `extra` more bytes plus the terminating NUL. */
static void reserve(struct text_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		out_of_memory();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (!p)
		out_of_memory();
	b->data = p;
	b->cap = cap;
}

void text_buf_add(struct text_buf *b, const char *s, size_t len)
{
	reserve(b, len);
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void text_buf_addz(struct text_buf *b, const char *s)
{
	text_buf_add(b, s, strlen(s));
}

void text_buf_addc(struct text_buf *b, char c)
{
	/* Folding appends byte by byte: no call while there is room. */
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	text_buf_add(b, &c, 1);
}

void text_buf_printf(struct text_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;	/* an invalid format: nothing sensible to append */
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void text_buf_clear(struct text_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void text_buf_free(struct text_buf *b)
{
	free(b->data);
	*b = (struct text_buf){0};
}

char *text_buf_take(struct text_buf *b, size_t *len)
{
	/* An untouched buffer still hands over a string, so the caller
	 * never has to tell "empty" from "nothing". */
	if (!b->data) {
		reserve(b, 0);
		b->data[0] = '\0';
	}
	char *p = b->data;
	if (len)
		*len = b->len;
	*b = (struct text_buf){0};
	return p;
}

void text_buf_add_char(struct text_buf *b, unsigned codepoint)
{
	uint8_t bytes[6];
	int n = u8_uctomb(bytes, codepoint, sizeof bytes);
	if (n > 0)
		text_buf_add(b, (const char *)bytes, (size_t)n);
}
