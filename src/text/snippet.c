#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* How much text to show before the match, so it reads as a phrase. */
#define SNIPPET_LEAD_CELLS 16

/* The earliest match of any space-separated word of the query. */
static bool first_match(const char *s, size_t len, const char *query,
			size_t qlen, struct text_range *match)
{
	bool found = false;
	for (size_t i = 0; i < qlen;) {
		while (i < qlen && query[i] == ' ')
			i++;
		size_t start = i;
		while (i < qlen && query[i] != ' ')
			i++;
		if (i == start)
			continue;
		struct text_range *r;
		size_t n = text_find_folded(s, len, query + start, i - start, &r);
		if (n && (!found || r[0].start < match->start)) {
			*match = r[0];
			found = true;
		}
		free(r);
	}
	return found;
}

/* Moves back from `at` to the start of a word about `cells` cells
 * earlier (a space boundary), never before 0. */
static size_t lead_in(const char *s, size_t at, int cells)
{
	size_t start = at;
	while (start > 0) {
		size_t prev = start - 1;
		while (prev > 0 && ((unsigned char)s[prev] & 0xc0) == 0x80)
			prev--;
		if (text_width(s + prev, at - prev) > cells)
			break;
		start = prev;
	}
	while (start < at && start > 0 && s[start - 1] != ' ')
		start++;	/* do not begin mid-word */
	return start;
}

bool text_snippet(const char *s, size_t len, const char *query,
		  size_t query_len, int max_cells, struct text_range *where)
{
	struct text_range match = {0, 0};
	bool found = first_match(s, len, query, query_len, &match);
	size_t start = found ? lead_in(s, match.start, SNIPPET_LEAD_CELLS) : 0;
	struct text_fit fit = text_fit(s + start, len - start, max_cells);
	where->start = start;
	where->end = start + fit.bytes;
	return found;
}
