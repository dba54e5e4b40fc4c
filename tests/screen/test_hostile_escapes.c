/* Text that tries to take over the terminal — in every field the browser
 * or a command shows — reaches it only as visible placeholders: the
 * screen is not cleared, the title, clipboard and cursor are not
 * touched, no link is made, nothing is reordered. Checked by scanning
 * every byte the program wrote for control functions bienban does not
 * send itself. */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

TestSuite(escapes, .init = fixture_setup, .fini = fixture_teardown, .timeout = 120);

#define H HOSTILE_SQL

/* The sample notice with the hostile text in every text field: a marker
 * (MT for the meeting title, AO for the action item owner…) and then the
 * controls. "hostile" makes the records findable. */
static void hostile_database(void)
{
	import_sample(db);
	write_sql(db,
		"UPDATE meeting SET title = 'hostile MT ' || " H ", body = 'MB ' || " H ","
		" chair = 'MC ' || " H ", place = 'MP ' || " H ", session = 'MS ' || " H ","
		" source = 'MF ' || " H ", summary = 'MY ' || " H ","
		" held_on = held_on || " H ","
		/* First, so that the reader shows it (the spans of the
		 * records into it are off: another program's doing). */
		" source_text = 'MX ' || " H " || char(10) || source_text;"
		"UPDATE resolution SET title = 'hostile RT ' || " H ", text = 'RX ' || " H ";"
		"UPDATE document SET code = 'DC' || id || ' ' || " H ", kind = 'DK ' || " H ","
		" title = 'hostile DT ' || " H ", issuer = 'DI ' || " H ","
		" issued_on = 'x' || " H ";"
		"UPDATE action_item SET text = 'hostile AT ' || " H ", owner = 'AO ' || " H ","
		" note = 'AN ' || " H ", due_text = 'AD ' || " H " WHERE id = 1;"
		/* Dates too: they are text to whoever writes the file. */
		"UPDATE action_item SET due_on = due_on || " H " WHERE id = 2;");
}

/* Each marker followed by the start of the placeholders. */
static void see(const char *marker)
{
	char want[128];
	snprintf(want, sizeof want, "%s ␛[2J␛]0;", marker);
	cr_assert(harness_wait_text(h, want, 0), "%s", want);
}

static void clean_exit(void)
{
	cr_assert(harness_key(h, "q"));
	cr_assert(exits_with(0, 0));
	cr_assert_eq(harness_bells(h), 0, "a BEL reached the terminal");
	cr_assert(no_foreign_escapes());
	cr_assert(harness_altscreen(h) == false);
	cr_assert(harness_cursor_visible(h));
}

Test(escapes, every_field_of_the_browse_view_is_inert)
{
	hostile_database();
	h = browser(40, 120, NULL);
	see("hostile MT");	/* the meetings pane */
	see("hostile RT");	/* the resolutions pane */
	see("hostile AT");	/* the action items pane */
	/* The reader on the meeting: every field, and the source text. */
	see("Body: MB");
	see("Place: MP");
	see("Session: MS");
	see("Chair: MC");
	see("Source: MF");
	see("MX");
	/* The whole text, placeholders and all, where it fits a line. */
	cr_assert(harness_wait_text(h, "Chair: MC " HOSTILE_SHOWN, 0));
	cr_assert(harness_keys(h, "l"));
	see("RX");
	cr_assert(harness_keys(h, "j j"));	/* the third cites documents */
	cr_assert(harness_wait_text(h, "Documents: DC", 0));
	cr_assert(harness_keys(h, "k k l"));
	see("Owner: AO");
	see("AN");
	see("(AD");
	see("Meeting: hostile MT");
	see("Resolution: hostile RT");
	clean_exit();
}

Test(escapes, tasks_documents_search_and_help_are_inert)
{
	hostile_database();
	h = browser(40, 120, NULL);
	see("hostile MT");
	cr_assert(harness_keys(h, "2"));
	cr_assert(harness_wait_text(h, "[Action items 1/46]", 0));
	see("AO");		/* the owner column */
	see("hostile AT");
	cr_assert(harness_keys(h, "3"));
	cr_assert(harness_wait_text(h, "[Documents 1/6]", 0));
	see("DC1");		/* the documents pane: code, kind, title */
	see("DK");
	see("hostile DT");
	see("Issuer: DI");
	cr_assert(harness_wait_text(h, "Issued on: x␛[2J␛]0;", 0));
	cr_assert(harness_keys(h, "l"));
	cr_assert(harness_wait_text(h, "[Cited in 1/1]", 0));
	see("hostile RT");	/* the resolutions citing it */
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "hostile"));
	cr_assert(harness_wait_text(h, "Search 1/", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "/hostile", 0));
	see("hostile MT");	/* a hit, highlighted */
	cr_assert(harness_key(h, "?"));
	cr_assert(harness_wait_text(h, "Move down one line", 0));
	cr_assert(harness_key(h, "q"));
	cr_assert(harness_wait_gone(h, "Move down one line", 0));
	clean_exit();
}

Test(escapes, prompts_and_messages_are_inert)
{
	hostile_database();
	h = browser(40, 120, NULL);
	see("hostile AT");
	cr_assert(harness_keys(h, "l l o"));
	cr_assert(harness_wait_text_at(h, 39, "Owner: AO " HOSTILE_SHOWN, 0));
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text_at(h, 39, " j/k move", 0), "the prompt closed");
	/* Narrower than the owner: the prompt shows its end, where one
	 * types, every placeholder one cell. */
	cr_assert(harness_resize(h, 24, 80));
	cr_assert(harness_wait_text(h, "[Action items 1/12 · ", 0));
	cr_assert(harness_key(h, "o"));
	cr_assert(harness_wait_text_at(h, 23, "Owner: ", 0));
	cr_assert(harness_wait_text_at(h, 23, "desrever\xef\xbf\xbd" "end", 0));
	const char *full = "AO " HOSTILE_SHOWN;
	const char *shown = row_text(23) + strlen("Owner: ");
	cr_assert(strlen(shown) < strlen(full) &&
		  !strcmp(full + strlen(full) - strlen(shown), shown),
		  "the prompt shows \"%s\", not an end of \"%s\"", shown, full);
	int row, col;
	harness_cursor(h, &row, &col);
	cr_assert_eq(col, 79, "the cursor follows the text");
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text_at(h, 23, " j/k move", 0), "the prompt closed");
	cr_assert(harness_resize(h, 40, 120));
	cr_assert(harness_key(h, "d"));
	cr_assert(harness_wait_text_at(h, 39, "Due (", 0));
	cr_assert(harness_wait_text_at(h, 39, "desrever\xef\xbf\xbd" "end", 0));
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text_at(h, 39, " j/k move", 0), "the prompt closed");
	cr_assert(harness_key(h, "e"));
	cr_assert(harness_wait_text_at(h, 39, "Note: ", 0));
	cr_assert(harness_wait_text_at(h, 39, "desrever\xef\xbf\xbd" "end", 0));
	cr_assert(harness_key(h, "Esc"));
	cr_assert(harness_wait_text_at(h, 39, " j/k move", 0), "the prompt closed");
	/* Typed bidi and zero-width characters: in the prompt, in the header
	 * and in the message that nothing was found. */
	cr_assert(harness_key(h, "/"));
	cr_assert(harness_send(h, "zq\u202e\u200bzq"));
	cr_assert(harness_wait_text_at(h, 39, "/zq\xef\xbf\xbd\xef\xbf\xbdzq", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text(h, "nothing found for \"zq\xef\xbf\xbd\xef\xbf\xbdzq\"", 0));
	cr_assert(harness_wait_text_at(h, 0, "/zq\xef\xbf\xbd\xef\xbf\xbdzq", 0));
	/* A filter on a hostile owner, typed through a paste: an escape
	 * sequence in pasted text is dropped whole, other characters show as
	 * placeholders. */
	cr_assert(harness_key(h, "f"));
	cr_assert(harness_wait_text_at(h, 39, "Filter: ", 0));
	cr_assert(harness_send(h, "\033[200~owner:AO \033[2J\u202e\033[201~"));
	cr_assert(harness_wait_text_at(h, 39, "Filter: owner:AO \xef\xbf\xbd", 0));
	cr_assert(harness_key(h, "Enter"));
	cr_assert(harness_wait_text_at(h, 0, "owner:AO \xef\xbf\xbd", 0));
	clean_exit();
}

/* Text from a table: imported through the CSV reader, shown in the
 * browser. */
static const char hostile_csv[] =
	"meeting,resolution,text,owner,due,status,note\n"
	"\"CM \x1b[2J\x1b]0;pwned\x07\",\"CR \x1b]52;c;ZXZpbA==\x07\","
	"\"CT \x1b]8;;http://evil.invalid/\x1b\\link\x1b]8;;\x1b\\\","
	"\"CO \x1bP+q544e\x1b\\\x1b[6n\",\"CD \r\x08\xc2\x9b" "31m\",open,"
	"\"CN \xe2\x80\xae" "desrever\xe2\x80\x8b" "end\"\n";

Test(escapes, an_imported_table_is_inert)
{
	char csv[160];
	snprintf(csv, sizeof csv, "%s/hostile.csv", tmp_dir);
	FILE *f = fopen(csv, "wb");
	cr_assert(f != NULL);
	fwrite(hostile_csv, 1, sizeof hostile_csv - 1, f);
	fclose(f);
	/* The import itself, to a terminal: its report quotes the file. */
	const char *args[] = { "import", csv, NULL };
	h = start_bienban(24, 100, NULL, args);
	cr_assert(exits_with(0, 0));
	cr_assert(no_foreign_escapes());
	harness_free(h);

	h = browser(40, 120, NULL);
	cr_assert(harness_wait_text(h, "CM ␛[2J␛]0;pwned␇", 0));
	cr_assert(harness_keys(h, "l"));
	cr_assert(harness_wait_text(h, "CR ␛]52;c;ZXZpbA==␇", 0));
	cr_assert(harness_keys(h, "l"));
	cr_assert(harness_wait_text(h, "CT ␛]8;;http://evil.invalid/␛\\link", 0));
	cr_assert(harness_wait_text(h, "Owner: CO ␛P+q544e␛\\␛[6n", 0));
	cr_assert(harness_wait_text(h, "CN \xef\xbf\xbd" "desrever\xef\xbf\xbd" "end", 0));
	cr_assert(harness_keys(h, "2"));
	cr_assert(harness_wait_text(h, "CO ␛P+q544e", 0));
	clean_exit();
}

/* ASCII terminals get the placeholders transliterated, not the controls. */
Test(escapes, the_ascii_fallback_is_inert)
{
	hostile_database();
	const char *env[] = { "LANG=C", NULL };
	h = browser(40, 120, env);
	cr_assert(harness_wait_text(h, "hostile MT", 0));
	cr_assert(harness_wait_text(h, "Chair: MC", 0));
	cr_assert(harness_keys(h, "l l"));
	cr_assert(harness_wait_text(h, "Owner: AO", 0));
	cr_assert(harness_keys(h, "2"));
	cr_assert(harness_wait_text(h, "hostile AT", 0));
	clean_exit();
}

/* ---- the command line, to a terminal ------------------------------------------ */

/* Runs a command whose output goes to the terminal; true when it exits
 * 0 and wrote nothing a terminal would obey, and wrote `expect`. */
static void command_is_inert(const char *const *args, const char *expect)
{
	harness_free(h);
	h = start_bienban(40, 200, NULL, args);
	cr_assert(exits_with(0, 0), "%s %s", args[0], args[1]);
	size_t len;
	const unsigned char *raw = harness_raw(h, &len);
	cr_assert(memmem(raw, len, expect, strlen(expect)) != NULL, "%s %s %s: no \"%s\" in the output",
		  args[0], args[1], args[2] ? args[2] : "", expect);
	cr_assert(no_foreign_escapes(), "%s %s %s %s", args[0], args[1], args[2] ? args[2] : "",
		  args[3] ? args[3] : "");
}

Test(escapes, list_in_every_format_is_inert)
{
	hostile_database();
	static const char *const lists[] = { "meetings", "resolutions", "documents", "tasks" };
	static const struct {
		const char *format, *expect;
	} formats[] = {
		{ "table", "␛[2J" },
		{ "tsv", "\\x1b[2J\\x1b]0;pwned\\x07" },
		{ "json", "\\u001b[2J\\u001b]0;pwned\\u0007" },
	};
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < 3; j++) {
			const char *args[] = { "list", lists[i], "--format", formats[j].format, NULL };
			command_is_inert(args, formats[j].expect);
		}
}

Test(escapes, search_in_every_format_is_inert)
{
	hostile_database();
	static const struct {
		const char *format, *expect;
	} formats[] = {
		{ "table", "␛[2J" },
		{ "tsv", "\\x1b[2J" },
		{ "json", "\\u001b[2J" },
	};
	for (size_t j = 0; j < 3; j++) {
		const char *args[] = { "search", "--format", formats[j].format, "hostile", NULL };
		command_is_inert(args, formats[j].expect);
	}
}

Test(escapes, export_in_every_format_is_inert)
{
	hostile_database();
	static const struct {
		const char *format, *expect;
	} formats[] = {
		{ "md", "␛\\[2J" },	/* [ escaped for Markdown */
		{ "csv", "␛[2J" },
		/* SQLite's JSON escapes C0 itself; bienban escapes C1, bidi and
		 * the bytes that are not UTF-8. */
		{ "json", "\\u001b[6n\\u0007\\r\\b\\ufffd31m\\u009b32m\\u202edesrever\\u200bend" },
	};
	for (size_t j = 0; j < 3; j++) {
		const char *args[] = { "export", "--format", formats[j].format, NULL };
		command_is_inert(args, formats[j].expect);
	}
}

/* Writes a file into the test's folder; returns its path (static). */
static const char *scratch_file(const char *name, const char *text)
{
	static char path[4][160];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, sizeof path[0], "%s/%s", tmp_dir, name);
	FILE *f = fopen(p, "wb");
	cr_assert(f != NULL);
	fputs(text, f);
	fclose(f);
	return p;
}

Test(escapes, messages_quoting_arguments_and_files_are_inert)
{
	import_sample(db);
	const char *bad = "\x1b]0;pwned\x07\xc2\x9b" "6n\xe2\x80\xae";
	/* Errors that quote a file: a bad status, bytes that are not UTF-8,
	 * a notice with no structure. */
	const char *status_csv = scratch_file("status.csv", "meeting,resolution,text,owner,due,status\n"
					      "M,R,T,O,,\x1b]0;pwned\x07\xc2\x9b" "6n\n");
	const char *bytes_csv = scratch_file("bytes.csv", "meeting,resolution,text,owner,due,status\n"
					     "M\x9b" "6n,R,T\x1b[2J,O,,open\n");
	const char *notice = scratch_file("notice.txt", "\x1b]0;pwned\x07\n\x1b[6n\xc2\x9b" "6n\n");
	const char *const runs[][6] = {
		{ bad, NULL },
		{ "set", "1", "--status", bad, NULL },
		{ "set", "1", "--due", bad, NULL },
		{ "list", bad, NULL },
		{ "list", "tasks", "--sort", bad, NULL },
		{ "import", bad, NULL },
		{ "search", "--format", bad, "x", NULL },
		{ "import", status_csv, NULL },
		{ "import", bytes_csv, NULL },
		{ "import", notice, NULL },
	};
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
		harness_free(h);
		h = start_bienban(24, 200, NULL, runs[i]);
		int status;
		cr_assert(harness_wait_exit(h, 0, &status));
		cr_assert(status != 0, "run %zu failed", i);
		cr_assert(no_foreign_escapes(), "run %zu", i);
	}
}
