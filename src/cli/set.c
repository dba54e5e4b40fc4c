#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "store.h"

struct change {
	enum store_field field;
	const char *value;
	const char *name;
};

static int set_usage(const char *why)
{
	cli_errorf("%s (usage: bienban set ID [--status open|doing|done|dropped]"
		   " [--owner TEXT] [--due DATE] [--note TEXT])", why);
	return CLI_EXIT_USAGE;
}

/* Each field is saved in its own transaction, so every value is checked
 * before the first is written: "--status done --due bogus" must change
 * nothing rather than the status alone. The store checks again. */
static bool change_ok(const struct change *c)
{
	const char *v = c->value;
	if (!text_is_valid_utf8(v, strlen(v))) {
		cli_errorf("--%s: not valid UTF-8", c->name);
		return false;
	}
	struct text_date d;
	if (c->field == STORE_FIELD_STATUS && strcmp(v, "open") && strcmp(v, "doing") &&
	    strcmp(v, "done") && strcmp(v, "dropped")) {
		cli_errorf("status must be open, doing, done or dropped, not \"%s\"", v);
		return false;
	}
	if (c->field == STORE_FIELD_DUE && *v && !text_date_parse(v, strlen(v), &d)) {
		cli_errorf("not a date: \"%s\" (try 15/4/2023, 2023-04-15 or quý II-2023)", v);
		return false;
	}
	return true;
}

int cli_set(const struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, STORE_FIELD_STATUS },
		{ "owner", required_argument, NULL, STORE_FIELD_OWNER },
		{ "due", required_argument, NULL, STORE_FIELD_DUE },
		{ "note", required_argument, NULL, STORE_FIELD_NOTE },
		{ 0 },
	};
	struct change changes[4];
	size_t n = 0;
	int c, index;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, &index)) != -1) {
		if (c < 0 || c > STORE_FIELD_NOTE || n == 4)
			return set_usage("unknown option");
		changes[n++] = (struct change){ (enum store_field)c, optarg, opts[index].name };
	}
	if (optind + 1 != argc)
		return set_usage("which item?");
	char *end;
	long long id = strtoll(argv[optind], &end, 10);
	if (!*argv[optind] || *end || id <= 0)
		return set_usage("the item id is a number");
	if (n == 0)
		return set_usage("nothing to set");
	for (size_t i = 0; i < n; i++)
		if (!change_ok(&changes[i]))
			return CLI_EXIT_USAGE;

	struct bb_error err;
	struct store *s;
	if (cli_open_db(env, false, &s, &err) != BB_OK) {
		cli_error(err.msg);
		return CLI_EXIT_ERROR;
	}
	enum bb_status status = BB_OK;
	for (size_t i = 0; i < n && status == BB_OK; i++)
		status = store_task_set(s, id, changes[i].field, changes[i].value,
					cli_user(), NULL, &err);
	store_close(s);
	if (status != BB_OK) {
		cli_error(err.msg);
		return cli_exit_for(status);
	}
	return CLI_EXIT_OK;
}
