/* The list view-model: a window of pages over a store list, driven here
 * without a terminal. */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/internal.h"
#include "../../src/tui/listmodel.h"
#include "ingest.h"
#include "store.h"

static char tmp_dir[64];
static char db_path[128];
static struct store *db;

enum { NTASKS = 700, HEIGHT = 10 };

/* One meeting with NTASKS items whose due dates repeat (ties in the key). */
static void fill(void)
{
	struct notice n = {0};
	n.title = strdup("Hội nghị thử");
	n.source_text = strdup("nguồn");
	n.source_len = strlen(n.source_text);
	n.nresolutions = 1;
	n.resolutions = calloc(1, sizeof *n.resolutions);
	struct notice_resolution *r = &n.resolutions[0];
	r->seq = 1;
	r->title = strdup("Kết luận");
	r->ntasks = NTASKS;
	r->tasks = calloc(NTASKS, sizeof *r->tasks);
	for (int i = 0; i < NTASKS; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "Nhiệm vụ số %d", i);
		r->tasks[i].seq = i + 1;
		r->tasks[i].text = strdup(buf);
		snprintf(buf, sizeof buf, "2024-%02d-01", 1 + i % 12);
		r->tasks[i].due_on = strdup(buf);
	}
	long long id;
	struct bb_error err;
	cr_assert(eq(int, store_import_notice(db, &n, "t", &id, &err), BB_OK), "%s", err.msg);
	ingest_notice_free(&n);
}

static void setup(void)
{
	strcpy(tmp_dir, "/tmp/bb-list-XXXXXX");
	cr_assert(mkdtemp(tmp_dir) != NULL);
	snprintf(db_path, sizeof db_path, "%s/t.db", tmp_dir);
	struct bb_error err;
	cr_assert(eq(int, store_open(db_path, STORE_CREATE, &db, NULL, &err), BB_OK), "%s", err.msg);
	fill();
}

static void teardown(void)
{
	store_close(db);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
	cr_assert(system(cmd) == 0);
}

TestSuite(listmodel, .init = setup, .fini = teardown);

static const struct store_query by_due = { .list = STORE_LIST_TASKS, .sort = STORE_SORT_DUE };

/* The whole list in order, read in one query for reference. */
static void reference(long long *ids)
{
	sqlite3_stmt *st = store_prepare(db, "SELECT id FROM action_item"
					 " ORDER BY ifnull(due_on, '9999-12-31'), id", NULL);
	cr_assert(st != NULL);
	for (int i = 0; i < NTASKS; i++) {
		cr_assert(sqlite3_step(st) == SQLITE_ROW);
		ids[i] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
}

static void assert_invariants(const struct list_model *m)
{
	cr_assert(m->npages <= LIST_MAX_PAGES);
	cr_assert(m->count <= (size_t)LIST_MAX_PAGES * (size_t)m->page_rows);
	cr_assert(m->sel < m->count);
	cr_assert(m->top <= m->sel && m->sel < m->top + (size_t)m->height);
}

Test(listmodel, walks_the_whole_list_down_and_up_one_row_at_a_time)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &by_due, HEIGHT);
	cr_assert(eq(int, list_model_home(&m, &err), BB_OK));
	for (int i = 0; i < NTASKS; i++) {
		cr_assert(eq(i64, list_model_selected_key(&m), want[i]), "row %d", i);
		assert_invariants(&m);
		if (m.first_index >= 0)
			cr_assert(eq(i64, m.first_index + (long long)m.sel, i));
		cr_assert(eq(int, list_model_move(&m, 1, &err), BB_OK));
	}
	cr_assert(eq(i64, list_model_selected_key(&m), want[NTASKS - 1]), "stops at the end");
	for (int i = NTASKS - 1; i >= 0; i--) {
		cr_assert(eq(i64, list_model_selected_key(&m), want[i]), "back row %d", i);
		assert_invariants(&m);
		cr_assert(eq(int, list_model_move(&m, -1, &err), BB_OK));
	}
	cr_assert(eq(i64, list_model_selected_key(&m), want[0]));
	cr_assert(m.at_start);
	list_model_free(&m);
}

Test(listmodel, end_then_pages_up_to_the_start)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &by_due, HEIGHT);
	cr_assert(eq(int, list_model_end(&m, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[NTASKS - 1]));
	cr_assert(eq(sz, m.sel - m.top, (size_t)HEIGHT - 1), "the last row sits at the bottom");
	int pages = 0;
	while (list_model_selected_key(&m) != want[0]) {
		size_t on_screen = m.sel - m.top;
		cr_assert(eq(int, list_model_page(&m, -1, &err), BB_OK));
		assert_invariants(&m);
		if (m.top > 0 || !m.at_start)	/* the view has not reached the start */
			cr_assert(eq(sz, m.sel - m.top, on_screen), "the selection keeps its row (page %d sel %zu top %zu first %lld)", pages, m.sel, m.top, m.first_index);
		pages++;
		cr_assert(pages <= NTASKS / HEIGHT + 1);
	}
	cr_assert(eq(int, pages, (NTASKS + HEIGHT - 2) / HEIGHT));
	list_model_free(&m);
}

Test(listmodel, page_down_moves_a_screenful)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &by_due, HEIGHT);
	list_model_home(&m, &err);
	list_model_move(&m, 3, &err);
	cr_assert(eq(int, list_model_page(&m, 1, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[3 + HEIGHT]));
	cr_assert(eq(sz, m.sel - m.top, 3));
	list_model_free(&m);
}

Test(listmodel, selects_a_row_by_id_in_the_middle)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &by_due, HEIGHT);
	list_model_home(&m, &err);
	cr_assert(eq(int, list_model_select_id(&m, want[400], &err), BB_OK), "%s", err.msg);
	cr_assert(eq(i64, list_model_selected_key(&m), want[400]));
	assert_invariants(&m);
	cr_assert(eq(int, list_model_move(&m, -1, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[399]));
	cr_assert(eq(int, list_model_move(&m, 2, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[401]));
	cr_assert(eq(int, list_model_select_id(&m, 999999, &err), BB_NOT_FOUND));
	cr_assert(eq(i64, list_model_selected_key(&m), want[401]), "a failed jump keeps the place");
	list_model_free(&m);
}

Test(listmodel, refresh_keeps_the_selection_by_id)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	struct store_query by_status = { .list = STORE_LIST_TASKS, .sort = STORE_SORT_STATUS };
	list_model_init(&m, db, &by_status, HEIGHT);
	list_model_home(&m, &err);
	list_model_move(&m, 5, &err);
	long long id = list_model_selected_key(&m);
	size_t row = m.sel - m.top;
	/* Done moves it to the end of a status-sorted list: it is found there. */
	cr_assert(eq(int, store_task_set(db, id, STORE_FIELD_STATUS, "done", "t", NULL, &err), BB_OK));
	cr_assert(eq(int, list_model_refresh(&m, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), id));
	cr_assert(eq(sz, m.sel - m.top, row));
	list_model_free(&m);
}

Test(listmodel, refresh_after_delete_moves_to_the_neighbour)
{
	long long want[NTASKS];
	reference(want);
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &by_due, HEIGHT);
	list_model_home(&m, &err);
	list_model_select_id(&m, want[300], &err);
	char sql[80];
	snprintf(sql, sizeof sql, "DELETE FROM action_item WHERE id = %lld", want[300]);
	cr_assert(eq(int, store_begin(db, &err), BB_OK));
	cr_assert(eq(int, store_exec(db, sql, &err), BB_OK));
	cr_assert(eq(int, store_commit(db, &err), BB_OK));
	cr_assert(eq(int, list_model_refresh(&m, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[301]));
	cr_assert(eq(int, list_model_move(&m, -1, &err), BB_OK));
	cr_assert(eq(i64, list_model_selected_key(&m), want[299]));
	list_model_free(&m);
}

Test(listmodel, empty_lists_are_calm)
{
	struct store_query none = { .list = STORE_LIST_TASKS, .status = "dropped" };
	struct list_model m;
	struct bb_error err;
	list_model_init(&m, db, &none, HEIGHT);
	cr_assert(eq(int, list_model_home(&m, &err), BB_OK));
	cr_assert(eq(sz, m.count, 0));
	cr_assert(eq(i64, list_model_selected_key(&m), 0));
	cr_assert(eq(int, list_model_move(&m, 1, &err), BB_OK));
	cr_assert(eq(int, list_model_page(&m, -1, &err), BB_OK));
	cr_assert(eq(int, list_model_end(&m, &err), BB_OK));
	cr_assert(eq(int, list_model_refresh(&m, &err), BB_OK));
	cr_assert(list_model_complete(&m));
	list_model_free(&m);
}
