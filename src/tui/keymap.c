#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "internal.h"

static const struct {
	const char *name;
	const char *help;
} actions[] = {
	[ACTION_NONE] = { "none", "" },
#define X(id, name, help) [ACTION_##id] = { name, help },
	TUI_ACTIONS(X)
#undef X
};

const char *tui_action_name(enum tui_action a)
{
	return a < ACTION_COUNT ? actions[a].name : "none";
}

const char *tui_action_help(enum tui_action a)
{
	return a < ACTION_COUNT ? actions[a].help : "";
}

enum tui_action tui_action_by_name(const char *name)
{
	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++)
		if (!strcmp(actions[a].name, name))
			return (enum tui_action)a;
	return ACTION_NONE;
}

/* ---- key names -------------------------------------------------------------- */

static const struct {
	const char *name;
	struct tui_key key;
} named_keys[] = {
	{ "Up", { true, KEY_UP } }, { "Down", { true, KEY_DOWN } },
	{ "Left", { true, KEY_LEFT } }, { "Right", { true, KEY_RIGHT } },
	{ "PgUp", { true, KEY_PPAGE } }, { "PgDn", { true, KEY_NPAGE } },
	{ "Home", { true, KEY_HOME } }, { "End", { true, KEY_END } },
	{ "BackTab", { true, KEY_BTAB } }, { "Backspace", { true, KEY_BACKSPACE } },
	{ "Enter", { false, '\n' } }, { "Esc", { false, 27 } },
	{ "Tab", { false, '\t' } }, { "Space", { false, ' ' } },
};

static bool parse_key(const char *name, struct tui_key *out)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (!strcasecmp(name, named_keys[i].name)) {
			*out = named_keys[i].key;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		int n = atoi(name + 1);
		if (n >= 1 && n <= 12) {
			*out = (struct tui_key){ true, (unsigned)KEY_F(n) };
			return true;
		}
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
		*out = (struct tui_key){ false, (unsigned)(name[2] & 0x1f) };
		return true;
	}
	/* One character, in UTF-8. */
	ucs4_t c;
	size_t len = strlen(name);
	int n = u8_mbtouc(&c, (const uint8_t *)name, len);
	if (len && (size_t)n == len && c != 0xfffd) {
		*out = (struct tui_key){ false, c };
		return true;
	}
	return false;
}

static void describe_key(struct tui_key k, struct text_buf *out)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (named_keys[i].key.fn == k.fn && named_keys[i].key.code == k.code) {
			text_buf_addz(out, named_keys[i].name);
			return;
		}
	if (k.fn && k.code >= (unsigned)KEY_F(1) && k.code <= (unsigned)KEY_F(12))
		text_buf_printf(out, "F%u", k.code - (unsigned)KEY_F(0));
	else if (!k.fn && k.code < 0x20)
		text_buf_printf(out, "C-%c", (char)(k.code | 0x60));
	else if (!k.fn)
		text_buf_add_char(out, k.code);
	else
		text_buf_printf(out, "key %u", k.code);
}

/* ---- the map ------------------------------------------------------------------ */

static enum bb_status bind_line(struct keymap *km, char *line, size_t lineno,
				struct bb_error *err)
{
	char *save = NULL;
	char *word = strtok_r(line, " \t", &save);
	if (!word || word[0] == '#')
		return BB_OK;
	char *key = strtok_r(NULL, " \t", &save);
	char *action = strtok_r(NULL, " \t", &save);
	struct tui_key k;
	if (strcmp(word, "bind") || !key || !action || strtok_r(NULL, " \t", &save))
		return bb_fail(err, BB_ERROR, "keys.conf:%zu: expected \"bind KEY ACTION\"", lineno);
	if (!parse_key(key, &k))
		return bb_fail(err, BB_ERROR, "keys.conf:%zu: unknown key \"%s\"", lineno, key);
	enum tui_action a = tui_action_by_name(action);
	if (a == ACTION_NONE)
		return bb_fail(err, BB_ERROR, "keys.conf:%zu: unknown action \"%s\"", lineno, action);
	if (km->count == KEYMAP_MAX)
		return bb_fail(err, BB_ERROR, "keys.conf:%zu: too many bindings", lineno);
	km->bindings[km->count].key = k;
	km->bindings[km->count].action = a;
	km->count++;
	return BB_OK;
}

enum bb_status keymap_load(struct keymap *km, const char *text, size_t len,
			   struct bb_error *err)
{
	km->count = 0;
	char *copy = strndup(text, len);
	if (!copy)
		abort();
	enum bb_status st = BB_OK;
	size_t lineno = 0;
	for (char *rest = copy, *line; st == BB_OK && (line = strsep(&rest, "\n"));)
		st = bind_line(km, line, ++lineno, err);
	free(copy);
	return st;
}

enum tui_action keymap_action(const struct keymap *km, struct tui_key key)
{
	/* Terminals send Enter as CR, LF or KEY_ENTER, and Backspace as DEL
	 * or ^H: bindings name one of each. */
	if ((!key.fn && key.code == '\r') || (key.fn && key.code == KEY_ENTER))
		key = (struct tui_key){ false, '\n' };
	if (!key.fn && (key.code == 127 || key.code == 8))
		key = (struct tui_key){ true, KEY_BACKSPACE };
	for (size_t i = 0; i < km->count; i++)
		if (km->bindings[i].key.fn == key.fn && km->bindings[i].key.code == key.code)
			return km->bindings[i].action;
	return ACTION_NONE;
}

void keymap_describe(const struct keymap *km, enum tui_action a,
		     struct text_buf *out)
{
	bool first = true;
	for (size_t i = 0; i < km->count; i++) {
		if (km->bindings[i].action != a)
			continue;
		if (!first)
			text_buf_addz(out, ", ");
		describe_key(km->bindings[i].key, out);
		first = false;
	}
}
