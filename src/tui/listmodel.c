#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "listmodel.h"

/* A page is two screens: one keypress rarely needs more than one read. */
static int page_rows_for(int height)
{
	int rows = 2 * height;
	return rows < 32 ? 32 : rows;
}

void list_model_init(struct list_model *m, struct store *s,
		     const struct store_query *q, int height)
{
	memset(m, 0, sizeof *m);
	m->store = s;
	m->query = *q;
	m->height = height > 0 ? height : 1;
	m->page_rows = page_rows_for(m->height);
	m->first_index = -1;
}

static void drop_all(struct list_model *m)
{
	for (size_t i = 0; i < m->npages; i++)
		store_page_free(m->pages[i]);
	m->npages = 0;
	m->count = 0;
	m->sel = 0;
	m->top = 0;
	m->at_start = m->at_end = false;
	m->first_index = -1;
}

void list_model_free(struct list_model *m)
{
	drop_all(m);
}

void list_model_set_height(struct list_model *m, int height)
{
	m->height = height > 0 ? height : 1;
	m->page_rows = page_rows_for(m->height);
	if (m->sel >= m->top + (size_t)m->height)
		m->top = m->sel - (size_t)m->height + 1;
}

bool list_model_row(const struct list_model *m, size_t i,
		    const struct store_page **page, size_t *index)
{
	for (size_t k = 0; k < m->npages; k++) {
		if (i < m->pages[k]->count) {
			*page = m->pages[k];
			*index = i;
			return true;
		}
		i -= m->pages[k]->count;
	}
	return false;
}

static const struct store_cursor *row_key(const struct list_model *m, size_t i)
{
	const struct store_page *p;
	size_t at;
	return list_model_row(m, i, &p, &at) ? &p->keys[at] : NULL;
}

long long list_model_selected_key(const struct list_model *m)
{
	const struct store_cursor *k = row_key(m, m->sel);
	return k ? k->id : 0;
}

bool list_model_complete(const struct list_model *m)
{
	return m->at_start && m->at_end;
}

/* ---- growing and trimming the window ----------------------------------- */

static void push_back(struct list_model *m, struct store_page *p)
{
	m->pages[m->npages++] = p;
	m->count += p->count;
}

static void push_front(struct list_model *m, struct store_page *p)
{
	memmove(m->pages + 1, m->pages, m->npages * sizeof *m->pages);
	m->pages[0] = p;
	m->npages++;
	m->count += p->count;
	m->sel += p->count;
	m->top += p->count;
	if (m->first_index >= 0)
		m->first_index -= (long long)p->count;
}

/* Keeps at most LIST_MAX_PAGES pages, dropping those farthest from the
 * selection. */
static void trim(struct list_model *m)
{
	while (m->npages > LIST_MAX_PAGES) {
		size_t first = m->pages[0]->count;
		if (m->top >= first) {	/* the first page is off screen */
			m->count -= first;
			m->sel -= first;
			m->top -= first;
			if (m->first_index >= 0)
				m->first_index += (long long)first;
			store_page_free(m->pages[0]);
			memmove(m->pages, m->pages + 1, --m->npages * sizeof *m->pages);
			m->at_start = false;
		} else {
			struct store_page *last = m->pages[--m->npages];
			m->count -= last->count;
			store_page_free(last);
			m->at_end = false;
		}
	}
}

static enum bb_status read_after(struct list_model *m, struct bb_error *err)
{
	struct store_page *p;
	const struct store_cursor *from = m->count ? row_key(m, m->count - 1) : NULL;
	enum bb_status st = store_page(m->store, &m->query, from, STORE_FORWARD,
				       m->page_rows, &p, err);
	if (st != BB_OK)
		return st;
	m->at_end = (int)p->count < m->page_rows;
	if (p->count)
		push_back(m, p);
	else
		store_page_free(p);
	return BB_OK;
}

static enum bb_status read_before(struct list_model *m, struct bb_error *err)
{
	struct store_page *p;
	enum bb_status st = store_page(m->store, &m->query, row_key(m, 0), STORE_BACKWARD,
				       m->page_rows, &p, err);
	if (st != BB_OK)
		return st;
	m->at_start = (int)p->count < m->page_rows;
	store_page_reverse(p);
	if (p->count)
		push_front(m, p);
	else
		store_page_free(p);
	if (m->at_start)
		m->first_index = 0;
	return BB_OK;
}

/* Keeps the selection on screen, moving the view by scroll_step rows or
 * as many as it takes. A step of more than a row is for a list the
 * terminal cannot scroll (one beside another): each move of its view
 * rewrites all its rows, so it moves seldom and far (vim's scrolljump,
 * mutt's paging menu). The end of the list is kept at the bottom by
 * list_model_move. */
static void follow(struct list_model *m)
{
	size_t h = (size_t)m->height;
	size_t step = m->scroll_step > 1 ? (size_t)m->scroll_step : 1;
	if (step > h)
		step = h;
	if (m->sel < m->top) {
		size_t by = m->top - m->sel > step ? m->top - m->sel : step;
		m->top = m->top > by ? m->top - by : 0;
	} else if (m->sel >= m->top + h) {
		size_t by = m->sel - (m->top + h) + 1;
		m->top += by > step ? by : step;
	}
}

/* ---- moving ------------------------------------------------------------------- */

enum bb_status list_model_home(struct list_model *m, struct bb_error *err)
{
	drop_all(m);
	m->at_start = true;
	m->first_index = 0;
	return read_after(m, err);
}

enum bb_status list_model_end(struct list_model *m, struct bb_error *err)
{
	drop_all(m);
	m->at_end = true;
	enum bb_status st = read_before(m, err);
	if (st != BB_OK || !m->count)
		return st;
	m->sel = m->count - 1;
	m->top = m->count > (size_t)m->height ? m->count - (size_t)m->height : 0;
	return BB_OK;
}

enum bb_status list_model_move(struct list_model *m, long delta,
			       struct bb_error *err)
{
	enum bb_status st = BB_OK;
	long target = (long)m->sel + delta;
	while (st == BB_OK && target >= (long)m->count && !m->at_end)
		st = read_after(m, err);
	while (st == BB_OK && target < 0 && !m->at_start) {
		size_t before = m->count;
		st = read_before(m, err);
		target += (long)(m->count - before);
	}
	if (st != BB_OK || !m->count)
		return st;
	if (target < 0)
		target = 0;
	if (target >= (long)m->count)
		target = (long)m->count - 1;
	m->sel = (size_t)target;
	follow(m);
	/* Fill the screen below the selection too. */
	while (st == BB_OK && m->top + (size_t)m->height > m->count && !m->at_end)
		st = read_after(m, err);
	if (m->at_end && m->top + (size_t)m->height > m->count)
		m->top = m->count > (size_t)m->height ? m->count - (size_t)m->height : 0;
	if (m->sel < m->top)
		m->top = m->sel;
	trim(m);
	return st;
}

enum bb_status list_model_page(struct list_model *m, int pages,
			       struct bb_error *err)
{
	long delta = (long)pages * m->height;
	size_t row_on_screen = m->sel - m->top;
	enum bb_status st = list_model_move(m, delta, err);
	if (st != BB_OK || !m->count)
		return st;
	/* Scroll like less: the selection keeps its row where it can, which
	 * may need the rows above the window. */
	while (st == BB_OK && m->sel < row_on_screen && !m->at_start)
		st = read_before(m, err);
	m->top = m->sel >= row_on_screen ? m->sel - row_on_screen : 0;
	while (st == BB_OK && m->top + (size_t)m->height > m->count && !m->at_end)
		st = read_after(m, err);
	if (m->at_end && m->top + (size_t)m->height > m->count)
		m->top = m->count > (size_t)m->height ? m->count - (size_t)m->height : 0;
	if (m->sel < m->top)
		m->top = m->sel;
	trim(m);
	return st;
}

/* Reads the window around a row given by its cursor: the page before it,
 * then a page from just before it (which holds the row itself, or, if it
 * is gone, its successor). Selects `id` if present, else the neighbour,
 * and puts it `offset` rows below the top of the screen. */
static enum bb_status read_around(struct list_model *m,
				  const struct store_cursor *at, long long id,
				  size_t offset, struct bb_error *err)
{
	struct store_page *before, *after;
	enum bb_status st = store_page(m->store, &m->query, at, STORE_BACKWARD,
				       m->page_rows, &before, err);
	if (st != BB_OK)
		return st;
	const struct store_cursor *from = before->count ? &before->keys[0] : NULL;
	st = store_page(m->store, &m->query, from, STORE_FORWARD, m->page_rows, &after, err);
	if (st != BB_OK) {
		store_page_free(before);
		return st;
	}
	drop_all(m);
	m->at_start = (int)before->count < m->page_rows;
	m->at_end = (int)after->count < m->page_rows;
	store_page_reverse(before);
	size_t nbefore = before->count, found = 0;
	for (size_t i = 0; i < after->count; i++)
		if (after->keys[i].id == id) {
			found = i;
			break;
		}
	struct store_page *both[] = { before, after };
	for (size_t i = 0; i < 2; i++) {
		if (both[i]->count)
			push_back(m, both[i]);
		else
			store_page_free(both[i]);
	}
	if (m->at_start)
		m->first_index = 0;
	/* The row itself, else its successor, else (at the end) the row
	 * before it. */
	m->sel = nbefore + found < m->count ? nbefore + found : (m->count ? m->count - 1 : 0);
	m->top = m->sel > offset ? m->sel - offset : 0;
	follow(m);
	return BB_OK;
}

enum bb_status list_model_select_id(struct list_model *m, long long id,
				    struct bb_error *err)
{
	struct store_cursor at = {0};
	enum bb_status st = store_cursor_of(m->store, &m->query, id, &at, err);
	if (st == BB_OK)
		st = read_around(m, &at, id, (size_t)m->height / 2, err);
	store_cursor_clear(&at);
	return st;
}

enum bb_status list_model_refresh(struct list_model *m, struct bb_error *err)
{
	if (!m->count)
		return list_model_home(m, err);
	struct store_cursor old = {0}, now = {0};
	store_cursor_copy(&old, row_key(m, m->sel));
	size_t offset = m->sel - m->top;
	/* Where the row is now, if it is still in the list; else where it
	 * was, so the selection lands on its neighbour. */
	bool found = store_cursor_of(m->store, &m->query, old.id, &now, NULL) == BB_OK;
	enum bb_status st = read_around(m, found ? &now : &old, old.id, offset, err);
	store_cursor_clear(&old);
	store_cursor_clear(&now);
	return st;
}
