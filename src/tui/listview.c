#include "config.h"

#include <stdio.h>
#include <string.h>

#include "listview.h"

/* Cells of the flexible column: whatever the fixed ones leave. */
static int flex_width(const struct row *r, int width)
{
	int used = 0;
	for (int i = 0; i < r->count; i++)
		used += r->cells[i].width + (i ? 1 : 0);
	return width - used;
}

static void draw_row(struct painter *p, const struct row *r, int y, int x,
		     int width, attr_t selected, bool is_selected,
		     const char *highlight)
{
	int flex = flex_width(r, width);
	int at = x;
	for (int i = 0; i < r->count && at < x + width; i++) {
		const struct row_cell *c = &r->cells[i];
		int w = c->width ? c->width : flex;
		if (at + w > x + width)
			w = x + width - at;
		attr_t attr = is_selected ? selected : p->theme->attr[c->role];
		if (i) {	/* the gap between columns */
			paint_blank(stdscr, y, at, 1, is_selected ? selected : p->theme->attr[ROLE_NORMAL]);
			at++;
			if (w > x + width - at)
				w = x + width - at;
		}
		paint_text(p, stdscr, y, at, w, c->text, attr, c->width ? NULL : highlight, c->right);
		at += w > 0 ? w : 0;
	}
	if (at < x + width)
		paint_blank(stdscr, y, at, x + width - at,
			    is_selected ? selected : p->theme->attr[ROLE_NORMAL]);
}

void listview_draw(struct painter *p, const struct pane *pane,
		   const struct row_context *ctx, bool focused,
		   const char *highlight, long long total, const char *context)
{
	const struct list_model *m = &pane->model;
	char title[256];
	long long at = m->first_index >= 0 ? m->first_index + (long long)m->sel + 1 : -1;
	if (list_model_complete(m))
		total = (long long)m->count;
	if (!m->count)
		snprintf(title, sizeof title, "%s", pane->ops->title);
	else if (at > 0 && total > 0)
		snprintf(title, sizeof title, "%s %lld/%lld", pane->ops->title, at, total);
	else if (at > 0)
		snprintf(title, sizeof title, "%s %lld", pane->ops->title, at);
	else
		snprintf(title, sizeof title, "%s", pane->ops->title);
	if (context && *context) {
		size_t n = strlen(title);
		snprintf(title + n, sizeof title - n, " · %s", context);
	}
	paint_box(p, stdscr, pane->y, pane->x, pane->h, pane->w, title, focused);

	int rows = pane->h - 2, width = pane->w - 2;
	if (rows <= 0 || width <= 0)
		return;
	attr_t selected = p->theme->attr[focused ? ROLE_SELECTED : ROLE_SELECTED_IDLE];
	for (int r = 0; r < rows; r++) {
		int y = pane->y + 1 + r;
		const struct store_page *page;
		size_t index;
		size_t i = m->top + (size_t)r;
		if (!list_model_row(m, i, &page, &index)) {
			paint_text(p, stdscr, y, pane->x + 1, width, !m->count && r == 0 ? "(none)" : "",
				   p->theme->attr[ROLE_COLUMN], NULL, false);
			continue;
		}
		struct row row = { .role = ROLE_NORMAL };
		pane->ops->row(ctx, page, index, &row);
		draw_row(p, &row, y, pane->x + 1, width, selected, i == m->sel, highlight);
	}
}
