/* What the browser makes of input: keys typed into a prompt are text,
 * never commands; a paste is inserted whole (or dropped outside a
 * prompt), never run; Vietnamese typed or pasted in NFD is stored NFC;
 * Esc, Alt and escape sequences split by a slow link do what they look
 * like and leave no garbage behind. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

TestSuite(prompt, .init = fixture_setup, .fini = fixture_teardown, .timeout = 120);

/* The browser on the sample, the first action item selected in the
 * focused items pane. */
static void at_first_item(const char *const *env)
{
	import_sample(db);
	h = browser(40, 120, env);
	cr_assert(harness_wait_text(h, "Action items 1/12", 0));
	cr_assert(harness_keys(h, "l l"));
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0));
}

static void prompt_closed(void)
{
	cr_assert(harness_wait_text_at(h, 39, " j/k move", 0), "the prompt closed");
}

Test(prompt, keys_typed_in_a_prompt_are_text)
{
	at_first_item(NULL);
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "qx?Gu"));
	cr_assert(harness_wait_row(h, 39, "/qx?Gu", 0));
	cr_assert(harness_key(h, "Esc"));
	prompt_closed();
	/* The owner prompt keeps them too, and saves them. */
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: ", 0));
	cr_assert(harness_send(h, "x q"));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "item 1: owner saved", 0));
	cr_assert_str_eq(task_field(db, 1, "owner"), "x q");
	cr_assert_str_eq(task_field(db, 1, "status"), "open", "x was not run");
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0), "still running, still there");
}

/* About 10 KB of lines holding the keys that would do the most harm. */
static char *big_paste(char **expected)
{
	static const char line[] = "x q d Enter u G và Đảng ủy xong\n";
	size_t n = 10240 / (sizeof line - 1) + 1;
	char *paste = malloc(n * (sizeof line - 1) + 32), *want = malloc(n * (sizeof line - 1) + 1);
	cr_assert(paste && want);
	strcpy(paste, "\033[200~");
	want[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(paste, line);
		strcat(want, line);
	}
	strcat(paste, "\033[201~");
	for (char *p = want; *p; p++)
		if (*p == '\n')
			*p = ' ';	/* a prompt is one line */
	*expected = want;
	return paste;
}

Test(prompt, a_large_paste_is_inserted_not_run)
{
	at_first_item(NULL);
	char *want, *paste = big_paste(&want);
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: ", 0));
	cr_assert(harness_send(h, paste));
	cr_assert(harness_wait_text_at(h, 39, "và Đảng ủy xong", 0), "the end of the paste shows");
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "item 1: owner saved", 0));
	/* Stored as pasted, line breaks as spaces. */
	size_t len = strlen(want);
	const char *owner = task_field(db, 1, "owner");
	size_t same = 0;
	while (owner[same] && owner[same] == want[same])
		same++;
	cr_assert(!owner[same] && !want[same], "the owner differs from the paste at byte %zu of %zu:"
		  " \"%.40s\" for \"%.40s\"", same, len, owner + same, want + same);
	cr_assert_str_eq(task_field(db, 1, "status"), "open");
	/* The same paste into the search prompt, then Esc. */
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, paste));
	cr_assert(harness_wait_text_at(h, 39, "và Đảng ủy xong", 0));
	cr_assert(harness_key(h, "Esc"));
	prompt_closed();
	cr_assert_str_eq(task_field(db, 1, "status"), "open");
	free(paste);
	free(want);
}

Test(prompt, a_paste_outside_a_prompt_is_dropped)
{
	at_first_item(NULL);
	char *want, *paste = big_paste(&want);
	cr_assert(harness_send(h, paste));
	cr_assert(harness_wait_text(h, "pasted text ignored", 0));
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0));
	cr_assert_str_eq(task_field(db, 1, "status"), "open");
	free(paste);
	free(want);
}

/* A paste whose start marker a slow link split: the tail still starts
 * the paste. */
Test(prompt, a_paste_marker_split_by_a_slow_link_still_starts_a_paste)
{
	at_first_item(NULL);
	cr_assert(harness_send(h, "\033["));
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_send(h, "200~x x x\nq\033[201~"));
	cr_assert(harness_wait_text(h, "pasted text ignored", 0));
	cr_assert_str_eq(task_field(db, 1, "status"), "open");
	cr_assert(harness_wait_text(h, "[Action items 1/12]", 0));
}

/* ---- Vietnamese in NFD ------------------------------------------------------------- */

Test(prompt, nfd_pasted_or_typed_is_stored_nfc)
{
	at_first_item(NULL);
	/* "Sở Tài chính" with every mark a combining character. */
	const char *nfd = "So\xcc\x9b\xcc\x89 Ta\xcc\x80i chi\xcc\x81nh";
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: ", 0));
	char paste[128];
	snprintf(paste, sizeof paste, "\033[200~%s\033[201~", nfd);
	cr_assert(harness_send(h, paste));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "item 1: owner saved", 0));
	cr_assert_str_eq(task_field(db, 1, "owner"), "Sở Tài chính");
	/* Typed, a code point at a time, to another item. */
	cr_assert(harness_key(h, "j"));
	cr_assert(harness_wait_text(h, "[Action items 2/12]", 0));
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: ", 0));
	cr_assert(harness_send(h, nfd));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "item 2: owner saved", 0));
	cr_assert_str_eq(task_field(db, 2, "owner"), "Sở Tài chính");
}

/* ---- Esc, Alt and slow links ----------------------------------------------------------- */

Test(prompt, esc_alone_closes_a_prompt)
{
	at_first_item(NULL);
	static const char *const prompts[] = { "/", "f", "o", "d", "e" };
	for (size_t i = 0; i < 5; i++) {
		cr_assert(harness_key(h, prompts[i]));
		cr_assert(harness_wait_gone(h, " j/k move", 0), "prompt %s opened", prompts[i]);
		cr_assert(harness_key(h, "Esc"));
		prompt_closed();
	}
	cr_assert_str_eq(task_field(db, 1, "owner"), "");
}

/* ESC and a key sent together are Alt and that key: bienban binds no
 * Alt key, so nothing happens — not Esc, and not x. */
Test(prompt, alt_x_is_one_key_and_does_nothing)
{
	at_first_item(NULL);
	cr_assert(harness_send(h, "\033x"));
	cr_assert(harness_key(h, "j"));
	cr_assert(harness_wait_text(h, "[Action items 2/12]", 0), "focus stayed: Esc did not run");
	cr_assert_str_eq(task_field(db, 1, "status"), "open", "x did not run");
	/* In a prompt: it stays open, and nothing is typed. */
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "ab"));
	cr_assert(harness_wait_row(h, 39, "/ab", 0));
	cr_assert(harness_send(h, "\033x"));
	cr_assert(harness_send(h, "c"));
	cr_assert(harness_wait_row(h, 39, "/abc", 0));
	/* An escape sequence curses does not know is one key too. */
	cr_assert(harness_send(h, "\033[1;9Q\033[99~"));
	cr_assert(harness_send(h, "d"));
	cr_assert(harness_wait_row(h, 39, "/abcd", 0));
	cr_assert(harness_key(h, "Esc"));
	prompt_closed();
}

/* With the usual ESCDELAY, the tail of an arrow key that comes after it
 * is read with the start of the key and dropped: no "B" in the prompt. */
Test(prompt, a_late_tail_of_a_key_types_nothing)
{
	at_first_item(NULL);
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "ab"));
	cr_assert(harness_wait_row(h, 39, "/ab", 0));
	cr_assert(harness_send(h, "\033O"));	/* Down in application mode is ESC O B */
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_send(h, "B"));
	cr_assert(harness_send(h, "c"));
	cr_assert(harness_wait_row(h, 39, "/abc", 0));
	cr_assert(harness_send(h, "\033["));	/* Up, the other way */
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_send(h, "A"));
	cr_assert(harness_send(h, "d"));
	cr_assert(harness_wait_row(h, 39, "/abcd", 0));
}

/* A longer ESCDELAY (the user's, from the environment) assembles an
 * arrow key that arrives in two pieces. */
Test(prompt, escdelay_from_the_environment_waits_for_a_split_key)
{
	const char *env[] = { "ESCDELAY=10000", NULL };
	at_first_item(env);
	cr_assert(harness_send(h, "\033O"));
	cr_assert(harness_wait_idle(h, 0));
	cr_assert(harness_send(h, "B"));
	cr_assert(harness_wait_text(h, "[Action items 2/12]", 0), "one Down");
}
