#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"
#include "tui.h"
#include "text.h"

static const char usage_text[] =
	"Usage:\n"
	"  bienban [--db PATH] [--read-only] [--ascii] [--no-color] [--selection-bar]\n"
	"                                                                the browser\n"
	"  bienban [--db PATH] import FILE...                            notices (.txt), tables (.csv), exports (.json)\n"
	"  bienban [--db PATH] list meetings|resolutions|documents|tasks [filters] [--format table|tsv|json]\n"
	"  bienban [--db PATH] search [--format table|tsv|json] QUERY\n"
	"  bienban [--db PATH] export [--format json|csv|md]\n"
	"  bienban [--db PATH] set ID [--status open|doing|done|dropped] [--owner TEXT] [--due DATE] [--note TEXT]\n"
	"  bienban --help | --version\n"
	"\n"
	"Filters for list tasks: --status S, --owner TEXT, --overdue[=DATE], --meeting ID,\n"
	"  --resolution ID, --document CODE, --sort due|owner|status|text.\n"
	"\n"
	"The database is --db, else $BIENBAN_DB, else $XDG_DATA_HOME/bienban/bienban.db\n"
	"(~/.local/share/bienban/bienban.db), created with a sample on first use.\n"
	"Exit status: 0 success, 1 error, 2 usage.\n";

struct command {
	const char *name;
	int (*run)(const struct cli_env *env, int argc, char **argv);
};

static const struct command commands[] = {
	{ "import", cli_import },
	{ "list", cli_list },
	{ "search", cli_search },
	{ "export", cli_export },
	{ "set", cli_set },
};

/* Errors are one line on stderr, the usage one --help away. The word
 * quoted is sanitized: it could hold a newline or an escape sequence. */
static int usage_error(const char *what, const char *arg)
{
	struct text_buf quoted = {0};
	if (arg)
		text_sanitize(&quoted, arg, strlen(arg), TEXT_SINGLE_LINE);
	fprintf(stderr, "bienban: %s%s%s%s (bienban --help shows the usage)\n", what,
		arg ? " \"" : "", quoted.data ? quoted.data : "", arg ? "\"" : "");
	text_buf_free(&quoted);
	return CLI_EXIT_USAGE;
}

static bool locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (!strcmp(codeset, "UTF-8") || !strcmp(codeset, "utf8"));
}

/* The browser: on the database the options name, on a terminal. */
/* The browser's own options. */
struct browse_flags {
	bool no_color;
	bool selection_bar;
};

static int browse(const struct cli_env *env, struct browse_flags f)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "bienban: the browser needs a terminal; for scripts use a command"
			" such as \"bienban list tasks\" (see --help)\n");
		return CLI_EXIT_ERROR;
	}
	struct store *s;
	struct bb_error err;
	if (cli_open_db(env, false, &s, &err) != BB_OK) {
		fprintf(stderr, "bienban: %s\n", err.msg);
		return CLI_EXIT_ERROR;
	}
	const char *nc = getenv("NO_COLOR");
	struct tui_options o = {
		.read_only = env->read_only || store_read_only(s),
		.ascii = env->ascii,
		.color = !f.no_color && !(nc && *nc),
		.selection_bar = f.selection_bar,
		.user = cli_user(),
	};
	int rc = tui_run(s, &o);
	store_close(s);
	tui_exit(rc);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct cli_env env = { .program = argv[0], .ascii = !locale_is_utf8() };
	struct browse_flags flags = { 0 };
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_text, stdout);
			return CLI_EXIT_OK;
		} else if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
			puts(PACKAGE_STRING);
			return CLI_EXIT_OK;
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			env.db_path = argv[++i];
		} else if (!strncmp(a, "--db=", 5)) {
			env.db_path = a + 5;
		} else if (!strcmp(a, "--read-only")) {
			env.read_only = true;
		} else if (!strcmp(a, "--ascii")) {
			env.ascii = true;
		} else if (!strcmp(a, "--no-color")) {
			flags.no_color = true;
		} else if (!strcmp(a, "--selection-bar")) {
			flags.selection_bar = true;
		} else {
			return !strcmp(a, "--db") ? usage_error("--db needs a path", NULL)
						   : usage_error("unknown option", a);
		}
	}
	if (i == argc)
		return browse(&env, flags);
	for (size_t k = 0; k < sizeof commands / sizeof *commands; k++)
		if (!strcmp(argv[i], commands[k].name))
			return commands[k].run(&env, argc - i, argv + i);
	return usage_error("unknown command", argv[i]);
}
