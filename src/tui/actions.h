/* actions.h — every action of the interface, declared once.
 *
 * The table makes the enum, the names used in key bindings
 * (assets/keys.conf) and the help screen, which is drawn from the live
 * key map: no help text is kept anywhere else.
 */
#ifndef BIENBAN_TUI_ACTIONS_H
#define BIENBAN_TUI_ACTIONS_H

#define TUI_ACTIONS(X) \
	X(MOVE_DOWN, "move-down", "Move down one line") \
	X(MOVE_UP, "move-up", "Move up one line") \
	X(PAGE_DOWN, "page-down", "Move down one screen") \
	X(PAGE_UP, "page-up", "Move up one screen") \
	X(HALF_DOWN, "half-page-down", "Move down half a screen") \
	X(HALF_UP, "half-page-up", "Move up half a screen") \
	X(FIRST, "first", "Go to the first line") \
	X(LAST, "last", "Go to the last line") \
	X(NEXT_PANE, "next-pane", "Focus the pane to the right") \
	X(PREV_PANE, "prev-pane", "Focus the pane to the left") \
	X(ENTER, "enter", "Open: go deeper, read the record, or jump to it") \
	X(BACK, "back", "Go back, close the reader or help") \
	X(VIEW_BROWSE, "view-browse", "Browse: meetings, resolutions, action items") \
	X(VIEW_TASKS, "view-tasks", "Tasks: review every action item") \
	X(VIEW_DOCUMENTS, "view-documents", "Documents: where each is cited") \
	X(SEARCH, "search", "Search everything (case and diacritics ignored)") \
	X(SEARCH_NEXT, "search-next", "Next search result") \
	X(SEARCH_PREV, "search-prev", "Previous search result") \
	X(FILTER, "filter", "Filter action items (status: owner: overdue meeting: doc:)") \
	X(SORT, "sort", "Sort action items: due, owner, status, text") \
	X(TOGGLE_DONE, "toggle-done", "Mark the action item done, or open again") \
	X(CYCLE_STATUS, "cycle-status", "Next status: open, doing, done, dropped") \
	X(SET_OWNER, "set-owner", "Set the owner") \
	X(SET_DUE, "set-due", "Set the due date") \
	X(EDIT_NOTE, "edit-note", "Edit the note (in $EDITOR if set)") \
	X(UNDO, "undo", "Undo the last edit of this session") \
	X(HELP, "help", "Show every key") \
	X(REDRAW, "redraw", "Redraw the screen") \
	X(QUIT, "quit", "Quit (or close the reader or help)")

enum tui_action {
	ACTION_NONE = 0,
#define X(id, name, help) ACTION_##id,
	TUI_ACTIONS(X)
#undef X
	ACTION_COUNT
};

/* The action's name in key bindings, and its help line. */
const char *tui_action_name(enum tui_action a);
const char *tui_action_help(enum tui_action a);
/* ACTION_NONE for an unknown name. */
enum tui_action tui_action_by_name(const char *name);

#endif
