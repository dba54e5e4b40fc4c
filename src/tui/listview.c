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

/* The attributes of cell i of a row: the selection's over the first
 * `marked` cells of the selected row, else the cell's role. */
static attr_t cell_attr(const struct painter *p, const struct row *r, int i,
			int marked, attr_t selected)
{
	return i < marked ? selected : p->theme->attr[r->cells[i].role];
}

/* Draws a row in `width` cells from x; its first `marked` cells carry
 * the selection's attributes (all of them for a bar, none when the row
 * is not selected). */
static void draw_row(struct painter *p, const struct row *r, int y, int x,
		     int width, attr_t selected, int marked, const char *highlight)
{
	int flex = flex_width(r, width);
	int at = x;
	for (int i = 0; i < r->count && at < x + width; i++) {
		const struct row_cell *c = &r->cells[i];
		int w = c->width ? c->width : flex;
		if (at + w > x + width)
			w = x + width - at;
		attr_t attr = cell_attr(p, r, i, marked, selected);
		if (i) {
			/* The gap between columns takes the attributes of
			 * the cell after it: a blank looks the same in
			 * either, and the row changes attributes once, not
			 * twice, per column. */
			paint_blank(stdscr, y, at, 1, attr);
			at++;
			if (w > x + width - at)
				w = x + width - at;
		}
		paint_text(p, stdscr, y, at, w, c->text, attr, c->width ? NULL : highlight, c->right);
		at += w > 0 ? w : 0;
	}
	if (at < x + width)
		paint_blank(stdscr, y, at, x + width - at,
			    marked >= r->count && marked ? selected : p->theme->attr[ROLE_NORMAL]);
}

/* The selection as a marker in the box's left edge and the selection's
 * attributes over the row's first column, the rest of the row as it is:
 * a move then rewrites a few cells of two rows instead of both rows
 * whole, which over a slow link is most of what a j costs (mutt's
 * arrow_cursor). The edge, not a column of the row, so that the columns
 * keep their widths. A row whose first column is the flexible one gets
 * the marker alone. */
#define MARKER "\xe2\x96\xb6"	/* ▶ */

static int first_column(const struct row *r)
{
	return r->count && r->cells[0].width ? 1 : 0;
}

void listview_draw(struct painter *p, const struct pane *pane,
		   const struct row_context *ctx, bool focused,
		   const char *highlight, long long total, const char *context)
{
	const struct list_model *m = &pane->model;
	char position[64] = "";
	long long at = m->first_index >= 0 ? m->first_index + (long long)m->sel + 1 : -1;
	if (list_model_complete(m))
		total = (long long)m->count;
	if (m->count && at > 0 && total > 0)
		snprintf(position, sizeof position, "%lld/%lld", at, total);
	else if (m->count && at > 0)
		snprintf(position, sizeof position, "%lld", at);
	struct box_title title = { .name = pane->ops->title, .position = position, .context = context };
	paint_box(p, stdscr, pane->y, pane->x, pane->h, pane->w, &title, focused);

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
			bool none = !m->count && r == 0;
			paint_text(p, stdscr, y, pane->x + 1, width, none ? "(none)" : "",
				   p->theme->attr[none ? ROLE_COLUMN : ROLE_NORMAL], NULL, false);
			continue;
		}
		struct row row = { .role = ROLE_NORMAL };
		pane->ops->row(ctx, page, index, &row);
		int marked = i != m->sel ? 0 : p->theme->selection_bar ? row.count : first_column(&row);
		draw_row(p, &row, y, pane->x + 1, width, selected, marked, highlight);
		if (i == m->sel && !p->theme->selection_bar)
			paint_text(p, stdscr, y, pane->x, 1, p->ascii ? ">" : MARKER, selected,
				   NULL, false);
	}
}
