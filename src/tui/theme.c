#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const role_names[] = {
#define X(id, name) [ROLE_##id] = name,
	TUI_ROLES(X)
#undef X
};

static int role_by_name(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (!strcmp(role_names[r], name))
			return r;
	return -1;
}

static bool color_by_name(const char *name, short *out)
{
	static const char *const names[] = { "black", "red", "green", "yellow",
					     "blue", "magenta", "cyan", "white" };
	if (!strcmp(name, "default")) {
		*out = -1;	/* the terminal's own, with use_default_colors */
		return true;
	}
	for (short i = 0; i < 8; i++)
		if (!strcmp(name, names[i])) {
			*out = i;
			return true;
		}
	return false;
}

static bool attr_by_name(const char *name, attr_t *out)
{
	static const struct {
		const char *name;
		attr_t attr;
	} attrs[] = {
		{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
		{ "reverse", A_REVERSE }, { "underline", A_UNDERLINE },
		{ "standout", A_STANDOUT },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++)
		if (!strcmp(name, attrs[i].name)) {
			*out |= attrs[i].attr;
			return true;
		}
	return false;
}

static enum bb_status selection_line(struct theme *th, const char *style, size_t lineno,
				     struct bb_error *err)
{
	if (style && !strcmp(style, "bar"))
		th->selection_bar = true;
	else if (style && !strcmp(style, "marker"))
		th->selection_bar = false;
	else
		return bb_fail(err, BB_ERROR, "theme.conf:%zu: selection is bar or marker", lineno);
	return BB_OK;
}

static enum bb_status theme_line(struct theme *th, char *line, size_t lineno,
				 bool color, struct bb_error *err)
{
	char *save = NULL;
	char *kind = strtok_r(line, " \t", &save);
	if (!kind || kind[0] == '#')
		return BB_OK;
	if (!strcmp(kind, "selection"))
		return selection_line(th, strtok_r(NULL, " \t", &save), lineno, err);
	bool is_color = !strcmp(kind, "color");
	if (!is_color && strcmp(kind, "mono"))
		return bb_fail(err, BB_ERROR, "theme.conf:%zu: expected color, mono or selection", lineno);
	char *name = strtok_r(NULL, " \t", &save);
	int role = name ? role_by_name(name) : -1;
	if (role < 0)
		return bb_fail(err, BB_ERROR, "theme.conf:%zu: unknown role \"%s\"", lineno, name ? name : "");
	if (is_color != color)
		return BB_OK;	/* the other scheme's line */
	attr_t attr = A_NORMAL;
	if (is_color) {
		char *fg = strtok_r(NULL, " \t", &save), *bg = strtok_r(NULL, " \t", &save);
		short f, b;
		if (!fg || !bg || !color_by_name(fg, &f) || !color_by_name(bg, &b))
			return bb_fail(err, BB_ERROR, "theme.conf:%zu: expected two colors", lineno);
		init_pair((short)(role + 1), f, b);
		attr = (attr_t)COLOR_PAIR(role + 1);
	}
	for (char *a = strtok_r(NULL, " \t", &save); a; a = strtok_r(NULL, " \t", &save))
		if (!attr_by_name(a, &attr))
			return bb_fail(err, BB_ERROR, "theme.conf:%zu: unknown attribute \"%s\"", lineno, a);
	th->attr[role] = attr;
	return BB_OK;
}

enum bb_status theme_load(struct theme *th, const char *text, size_t len,
			  bool color, struct bb_error *err)
{
	memset(th, 0, sizeof *th);
	if (color) {
		start_color();
		use_default_colors();
	}
	char *copy = strndup(text, len);
	if (!copy)
		abort();
	enum bb_status st = BB_OK;
	size_t lineno = 0;
	for (char *rest = copy, *line; st == BB_OK && (line = strsep(&rest, "\n"));)
		st = theme_line(th, line, ++lineno, color, err);
	free(copy);
	return st;
}
