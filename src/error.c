#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

enum bb_status bb_fail(struct bb_error *e, enum bb_status status,
		       const char *fmt, ...)
{
	if (!e)
		return status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	/* One line for a person: a newline from a nested message would break
	 * the "file: reason" shape scripts rely on. */
	for (char *p = e->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return status;
}
