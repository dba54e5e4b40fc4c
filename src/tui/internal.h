/* internal.h — what the interface's files share. */
#ifndef BIENBAN_TUI_INTERNAL_H
#define BIENBAN_TUI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "error.h"
#include "listmodel.h"
#include "store.h"
#include "text.h"
#include "tui.h"

/* Bracketed paste (xterm's ESC[200~ … ESC[201~), made keys with
 * define_key: a paste is text for a prompt, never a string of commands. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/* ---- keys (keymap.c) -------------------------------------------------- */

/* A key as get_wch reports it: a character, or a function key code. */
struct tui_key {
	bool fn;
	unsigned code;
};

#define KEYMAP_MAX 128

struct keymap {
	struct {
		struct tui_key key;
		enum tui_action action;
	} bindings[KEYMAP_MAX];
	size_t count;
};

/* Reads "bind KEY ACTION" lines; a bad line is an error naming it. */
enum bb_status keymap_load(struct keymap *km, const char *text, size_t len,
			   struct bb_error *err);
enum tui_action keymap_action(const struct keymap *km, struct tui_key key);
/* Appends the names of the keys bound to the action, ", "-separated. */
void keymap_describe(const struct keymap *km, enum tui_action a,
		     struct text_buf *out);

/* ---- colors by role (theme.c) ------------------------------------------- */

#define TUI_ROLES(X) \
	X(NORMAL, "normal") X(TITLE, "title") X(TITLE_FOCUSED, "title-focused") \
	X(BORDER, "border") X(BORDER_FOCUSED, "border-focused") \
	X(SELECTED, "selected") X(SELECTED_IDLE, "selected-idle") \
	X(OVERDUE, "overdue") X(DONE, "done") X(DROPPED, "dropped") \
	X(MATCH, "match") X(HEADER, "header") X(STATUS, "status") \
	X(MESSAGE, "message") X(ERROR, "error") X(COLUMN, "column") \
	X(POSITION, "position")

enum role {
#define X(id, name) ROLE_##id,
	TUI_ROLES(X)
#undef X
	ROLE_COUNT
};

struct theme {
	attr_t attr[ROLE_COUNT];
	/* The selection as a bar over the whole row ("selection bar"), or
	 * as a marker and the row's first column ("selection marker"). */
	bool selection_bar;
};

/* Reads the theme file and sets up curses colors when `color` (the
 * terminal has colors, and neither NO_COLOR nor --no-color is set). */
enum bb_status theme_load(struct theme *th, const char *text, size_t len,
			  bool color, struct bb_error *err);

/* ---- drawing text (draw.c) ------------------------------------------------ */

/* How text reaches the screen: sanitized, transliterated in ASCII mode,
 * clipped at grapheme boundaries with an ellipsis, padded. */
struct painter {
	bool ascii;
	const struct theme *theme;
	struct text_buf clean, out;	/* reused across calls */
};

/* Draws s in exactly `width` cells at (y, x) of w with the role's
 * attributes; `highlight` (folded words, may be NULL) marks matches with
 * `match_attr` added. Returns the cells the text itself took. */
int paint_text(struct painter *p, WINDOW *w, int y, int x, int width,
	       const char *s, attr_t attr, const char *highlight,
	       bool right);
/* What a box's top edge says: "Action items 42/9988 · Hội nghị …". The
 * position (may be NULL) is drawn in its own role, the rest as a title;
 * the context (may be NULL) is a list's parent in the stacked layout. */
struct box_title {
	const char *name;
	const char *position;
	const char *context;
};

/* Draws a line of a box: corners, edges and its title in the top edge. */
void paint_box(struct painter *p, WINDOW *w, int y, int x, int h, int width,
	       const struct box_title *title, bool focused);
/* Fills `width` cells with spaces. */
void paint_blank(WINDOW *w, int y, int x, int width, attr_t attr);

#endif
