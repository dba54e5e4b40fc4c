/* ingest_test.h — helpers shared by the ingest tests. */
#ifndef BIENBAN_INGEST_TEST_H
#define BIENBAN_INGEST_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

/* Reads tests/data/<rel> whole; free() the result. */
static inline char *read_data(const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", TEST_DATA_DIR, rel);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap + 1);
			cr_assert_not_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Whether the error message starts with `prefix`. */
#define assert_msg_starts(err, prefix)                                        \
	cr_assert(strncmp((err).msg, (prefix), strlen(prefix)) == 0,          \
		  "message \"%s\" should start with \"%s\"", (err).msg, (prefix))

#endif
