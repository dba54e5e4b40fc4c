#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What an owner does next, in lower case: the name ends before it
 * ("Sở Tài chính chủ trì, phối hợp …"). */
static const char *const owner_verbs[] = { "chu tri", "phoi hop",
	"thuc hien", "tham muu", "trien khai", "khan truong", "hoan thanh",
	"xay dung", "ra soat", "bao cao", "nghien cuu", "huong dan",
	"theo doi", "kiem tra", "chi dao", "tiep tuc", "tap trung",
	"day nhanh", "de xuat", "trinh", "cap nhat", "chuan bi", "phu trach",
	"giam sat", "quan ly", "bao dam", "dam bao", "tang cuong", "can",
	"co trach nhiem", "lam dau moi", "to chuc", "lam viec", "lap",
	"tong hop", "xu ly", "ban hanh", "danh gia", "de", "truoc", "trong",
	"theo", "va cac", "cung", "phai", "sau", "tai", NULL };

/* "Ủy ban nhân dân các huyện, thành phố tập trung …": after "các", a
 * comma may join the units of one owner. True when a few lower-case
 * words and then an owner's verb follow the comma at c. */
static bool joins_units(const struct scan *sc, size_t a, size_t c, size_t b)
{
	if (sc->s[c] != ',' || scan_find(sc, a, c, "cac", NULL) == NPOS)
		return false;
	size_t p = c + 1, e;
	for (int words = 0; words < 3; words++) {
		size_t w = scan_skip_space(sc, p, b);
		if (words > 0 && scan_has_prefix(sc, w, b, owner_verbs))
			return true;
		if (scan_is_upper(sc, w) || scan_word(sc, w, b, &e) == NPOS)
			return false;
		p = e;
	}
	return false;
}

/* "Phòng Tài chính - Kế hoạch": a dash between capitalised words is
 * part of the name. Returns where the name goes on, or w. */
static size_t dash_between_names(const struct scan *sc, size_t w, size_t b)
{
	size_t l = 0;
	if (w < b && sc->s[w] == '-')
		l = 1;
	else if (w + 3 <= b && memcmp(sc->s + w, "\xe2\x80\x93", 3) == 0)
		l = 3;
	if (!l || w == 0 || !scan_is_space(sc, w - 1) || w + l >= b ||
	    !scan_is_space(sc, w + l))
		return w;
	size_t next = scan_skip_space(sc, w + l, b);
	return next < b && scan_is_upper(sc, next) ? next : w;
}

/* End of a unit's name starting at a (capitalised), at most 14 words. */
static size_t owner_end(const struct scan *sc, size_t a, size_t b)
{
	if (a >= b || !scan_is_upper(sc, a))
		return a;
	size_t p = a, end = a;
	for (int words = 0; words < 14; words++) {
		size_t w = scan_skip_space(sc, p, b), e;
		if (w < b && joins_units(sc, a, w, b))
			w = scan_skip_space(sc, w + 1, b);
		w = dash_between_names(sc, w, b);
		if (w >= b || scan_is_stop_mark(sc, w))
			break;
		if (words > 0 && !scan_is_upper(sc, w) &&
		    scan_has_prefix(sc, w, b, owner_verbs))
			break;
		if (scan_word(sc, w, b, &e) == NPOS)
			break;
		end = p = e;
	}
	return end;
}

static char *owner_at(const struct scan *sc, size_t a, size_t b)
{
	size_t e = owner_end(sc, a, b);
	return e > a ? scan_copy(sc, a, e) : NULL;
}

/* "Giao Sở Xây dựng …", "giao cho Công an tỉnh …", "Đề nghị Mặt trận
 * Tổ quốc …". Folding merges words that differ ("Tuyên giáo Tỉnh ủy"
 * teaches, it does not assign): only the exact verbs count. */
static char *owner_given(const struct scan *sc, size_t a, size_t b)
{
	static const struct {
		const char *folded;
		const char *spellings[3];
	} verbs[] = {
		{ "giao", { "giao", "Giao", NULL } },
		{ "de nghi", { "đề nghị", "Đề nghị", NULL } },
		{ "yeu cau", { "yêu cầu", "Yêu cầu", NULL } },
	};
	for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
		size_t x;
		const char *verb = verbs[v].folded;
		for (size_t p = a; (p = scan_find(sc, p, b, verb, &x)) != NPOS; p = x) {
			if (!scan_literal(sc, p, verbs[v].spellings[0]) &&
			    !scan_literal(sc, p, verbs[v].spellings[1]))
				continue;
			size_t w = scan_skip_space(sc, x, b), y;
			if (scan_at(sc, w, b, "cho", &y))
				w = scan_skip_space(sc, y, b);
			char *o = owner_at(sc, w, b);
			if (o)
				return o;
		}
	}
	return NULL;
}

/* The words that open the name of a unit. Some are whole ("Ủy ban nhân
 * dân", "Công an"); others need a capitalised word after them, so that
 * "Sở Tài chính" and "Ban Tuyên giáo" are units but "Ban hành …" is
 * not. */
static bool opens_unit(const struct scan *sc, size_t a, size_t b)
{
	static const char *const whole[] = { "uy ban nhan dan", "ubnd",
		"cong an", "van phong", "bo chi huy", "mat tran to quoc",
		"thanh tra", "kho bac", "dang uy", "huyen uy", "tinh uy",
		"thanh uy", "thuong truc", "hoi dong nhan dan", "hdnd",
		"doan thanh nien", "lien doan lao dong", "ngan hang", "chi cuc",
		"cuc", "trung tam", "cac so", "cac co quan", NULL };
	static const char *const named[] = { "so", "ban", "phong", "hoi",
		"truong", "benh vien", "vien", "doan", NULL };
	if (scan_has_prefix(sc, a, b, whole))
		return true;
	size_t e;
	for (const char *const *h = named; *h; h++)
		if (scan_at(sc, a, b, *h, &e)) {
			size_t w = scan_skip_space(sc, e, b);
			return w < b && scan_is_upper(sc, w);
		}
	return false;
}

/* "Sở Tài chính chủ trì, …", "Sở Y tế: …" or "Công an tỉnh tăng
 * cường …" at the start of a task. */
static char *owner_leading(const struct scan *sc, size_t a, size_t b)
{
	size_t e = owner_end(sc, a, b);
	if (e == a)
		return NULL;
	size_t w = scan_skip_space(sc, e, b);
	if (scan_at(sc, w, b, "chu tri", NULL) || (w < b && sc->s[w] == ':') ||
	    (opens_unit(sc, a, b) && scan_has_prefix(sc, w, b, owner_verbs)))
		return scan_copy(sc, a, e);
	return NULL;
}

/* "… do Sở Nội vụ chủ trì …" anywhere in the task. */
static char *owner_by(const struct scan *sc, size_t a, size_t b)
{
	size_t x;
	for (size_t p = a; (p = scan_find(sc, p, b, "do", &x)) != NPOS; p = x) {
		if (!scan_literal(sc, p, "do"))
			continue;
		size_t w = scan_skip_space(sc, x, b);
		size_t e = owner_end(sc, w, b);
		if (e > w && scan_at(sc, scan_skip_space(sc, e, b), b, "chu tri", NULL))
			return scan_copy(sc, w, e);
	}
	return NULL;
}

char *owner_find(const struct scan *sc, size_t a, size_t b)
{
	char *o = owner_given(sc, a, b);
	if (!o)
		o = owner_leading(sc, a, b);
	if (!o)
		o = owner_by(sc, a, b);
	return o;
}

void due_find(const struct scan *sc, size_t a, size_t b, char **due_on,
	      char **due_text)
{
	struct text_date d;
	struct text_range r;
	*due_on = *due_text = NULL;
	if (!scan_find_date(sc, a, b, &d, &r))
		return;
	/* "trong quý II-2023" is kept as "quý II-2023": "within" adds
	 * nothing to a period, while "trước ngày" (before) and "chậm nhất"
	 * (at the latest) say what kind of deadline it is and stay. */
	static const char *const placing[] = { "trong", "vao", NULL };
	for (const char *const *w = placing; *w; w++) {
		size_t e;
		if (scan_at(sc, r.start, r.end, *w, &e) && e < r.end)
			r.start = scan_skip_space(sc, e, r.end);
	}
	char iso[11];
	text_date_iso(&d, iso);
	*due_on = ingest_strndup(iso, 10);
	*due_text = scan_copy(sc, r.start, r.end);
}
