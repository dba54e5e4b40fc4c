/* fixtures.h — what the screen tests share: a scratch folder per test,
 * databases (among them one with text that tries to take over the
 * terminal), and the real binary run in a pseudo-terminal (the browser,
 * or a command whose output goes to the terminal).
 *
 * Tests wait on screen content or on the program's state, never on
 * time. */
#ifndef BIENBAN_TESTS_SCREEN_FIXTURES_H
#define BIENBAN_TESTS_SCREEN_FIXTURES_H

#include <stdbool.h>
#include <sys/types.h>

#include "harness.h"

#ifndef BIENBAN_BIN
#error "BIENBAN_BIN must name the bienban binary"
#endif

/* The running program of the test (harness_free'd by the teardown), the
 * test's scratch folder and its database path. */
extern struct harness *h;
extern char tmp_dir[64];
extern char db[128];

void fixture_setup(void);
void fixture_teardown(void);

/* An SQL expression for text that carries every kind of terminal control
 * a record could smuggle in: ED (clear screen), OSC 0 (title), OSC 52
 * (clipboard), OSC 8 (link), DCS, DSR (cursor report), BEL, CR, BS, the
 * 8-bit CSI as a raw byte (not UTF-8) and as U+009B, a right-to-left
 * override and a zero-width space. */
#define HOSTILE_SQL \
	"char(27) || '[2J' || char(27) || ']0;pwned' || char(7)" \
	" || char(27) || ']52;c;ZXZpbA==' || char(7)" \
	" || char(27) || ']8;;http://evil.invalid/' || char(27) || '\\'" \
	" || 'link' || char(27) || ']8;;' || char(27) || '\\'" \
	" || char(27) || 'P+q544e' || char(27) || '\\' || char(27) || '[6n'" \
	" || char(7) || char(13) || char(8) || CAST(X'9B' AS TEXT) || '31m'" \
	" || char(155) || '32m' || char(8238) || 'desrever' || char(8203) || 'end'"

/* The same text as the browser shows it: each control as a visible
 * placeholder (Control Pictures; U+FFFD for C1, bidi and invisible
 * characters). */
#define HOSTILE_SHOWN \
	"␛[2J␛]0;pwned␇␛]52;c;ZXZpbA==␇␛]8;;http://evil.invalid/␛\\link␛]8;;␛\\" \
	"␛P+q544e␛\\␛[6n␇␍␈\xef\xbf\xbd" "31m\xef\xbf\xbd" "32m\xef\xbf\xbd" "desrever\xef\xbf\xbd" "end"

/* ---- databases --------------------------------------------------------- */

/* Imports files with `bienban import`. */
void import_file(const char *path, const char *file);
/* Imports the notice of tests/data/notices/seed.txt. */
void import_sample(const char *path);
/* Runs SQL on the database as another program would (bienban's collation
 * and tokenizer are there, so its triggers work). */
void write_sql(const char *path, const char *sql);
/* One integer from a query on the database. */
long long query_int(const char *path, const char *sql);
/* A field of `bienban list tasks --format json` for one id ("" if null). */
char *task_field(const char *path, long long id, const char *field);

/* ---- programs ------------------------------------------------------------ */

/* Starts bienban --db db with args (NULL-terminated) in a terminal of
 * rows × cols (0: 24 × 80); env as in harness_opts. The language is
 * C.UTF-8 unless env says otherwise. */
struct harness *start_bienban(int rows, int cols, const char *const *env,
			      const char *const *args);
/* The browser on db. */
struct harness *browser(int rows, int cols, const char *const *env);
/* Starts argv under the harness with our HOME and XDG_DATA_HOME. */
struct harness *start_program(int rows, int cols, const char *const *env,
			      const char *const *argv);

/* The row of the screen holding text (fails the test if absent). */
int row_of(const char *text);
/* Row text, trailing blanks trimmed (a static buffer). */
char *row_text(int row);
/* The column of the left edge of the list that shows text: the box's
 * edge, or the selection's marker drawn in it. The row of text goes in
 * *row (fails the test if text is absent). */
int list_edge(const char *text, int *row);
/* Whether a cell is the selection's marker: "▶", or ">" in ASCII. */
bool is_marker(const struct harness_cell *c);
/* No control function in all the program wrote that bienban did not
 * send itself; findings are printed. */
bool no_foreign_escapes(void);
/* Waits for the program to end; true when it exited with `code`. */
bool exits_with(int code, int timeout_ms);

/* ---- processes ------------------------------------------------------------ */

/* User plus system CPU time of a process, in clock ticks; -1 if gone. */
long long cpu_ticks(pid_t pid);
/* The first child of a process, from /proc; 0 if none. */
pid_t child_of(pid_t pid);

#endif
