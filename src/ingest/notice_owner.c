#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A word or phrase of the folded text. `exact`, when set, is how the
 * text must spell it, where folding merges words: "tại" (at) ends a
 * name, "tải" (in "Sở Giao thông vận tải") does not. */
struct term {
	const char *folded;
	const char *exact;
};

/* Whether one of the terms (ending with a NULL one) starts at a; sets
 * *end when one does. */
static bool term_at(const struct scan *sc, size_t a, size_t b,
		    const struct term *t, size_t *end)
{
	if (a >= b || b > sc->n)
		return false;
	/* The folded byte at a rules out nearly every term at once. */
	char first = sc->f[sc->at[a]];
	for (; t->folded; t++)
		if (t->folded[0] == first && scan_at(sc, a, b, t->folded, end) &&
		    (!t->exact || scan_literal(sc, a, t->exact)))
			return true;
	return false;
}

/* ---- the words around a name ----------------------------------------- */

/* What an owner does next, in lower case: the name ends before it
 * ("Sở Tài chính chủ trì, phối hợp …"). */
static const struct term owner_verbs[] = {
	{ "chu tri", NULL }, { "phoi hop", NULL }, { "thuc hien", NULL },
	{ "tham muu", NULL }, { "trien khai", NULL }, { "khan truong", NULL },
	{ "hoan thanh", NULL }, { "hoan thien", NULL }, { "xay dung", NULL },
	{ "ra soat", NULL }, { "bao cao", NULL }, { "nghien cuu", NULL },
	{ "huong dan", NULL }, { "theo doi", NULL }, { "kiem tra", NULL },
	{ "chi dao", NULL }, { "tiep tuc", NULL }, { "tap trung", NULL },
	{ "day nhanh", NULL }, { "day manh", NULL }, { "de xuat", NULL },
	{ "trinh", "trình" }, { "cap nhat", NULL }, { "chuan bi", NULL },
	{ "phu trach", NULL }, { "giam sat", NULL }, { "quan ly", NULL },
	{ "bao dam", NULL }, { "dam bao", NULL }, { "tang cuong", NULL },
	{ "can", "cần" }, { "co trach nhiem", NULL }, { "chiu trach nhiem", NULL },
	{ "lam dau moi", NULL }, { "to chuc", NULL }, { "lam viec", NULL },
	{ "lap", "lập" }, { "tong hop", NULL }, { "xu ly", NULL },
	{ "ban hanh", NULL }, { "danh gia", NULL }, { "tien hanh", NULL },
	{ "so ket", NULL }, { "tong ket", NULL }, { "tuyen truyen", NULL },
	{ "tham dinh", NULL }, { "bo tri", NULL }, { "can doi", NULL },
	{ "giai quyet", NULL }, { "ho tro", NULL }, { "cham lo", NULL },
	{ "quan triet", NULL }, { "khac phuc", NULL }, { "nang cao", NULL },
	{ "don doc", NULL }, { "sua doi", NULL }, { "bo sung", NULL },
	{ "kiem soat", NULL }, { "mo", "mở" }, { "phat dong", NULL },
	{ "pho bien", NULL }, { "lanh dao", NULL }, { "van dong", NULL },
	{ "giai ngan", NULL }, { "chu dong", NULL }, { "kip thoi", NULL },
	{ "thuong xuyen", NULL }, { "khao sat", NULL }, { "thanh tra", NULL },
	{ "som", "sớm" }, { "nghiem tuc", NULL }, { "tich cuc", NULL },
	{ "quyet liet", NULL },
	{ "de", "để" }, { "truoc", "trước" }, { "trong", "trong" },
	{ "theo", "theo" }, { "va cac", NULL }, { "cung", "cùng" },
	{ "phai", "phải" }, { "sau", "sau" }, { "tai", "tại" },
	{ NULL, NULL },
};

/* Lower-case words of real names that hold one of those verbs ("Ban
 * Quản lý dự án đầu tư xây dựng công trình …"): read whole. */
static const struct term name_phrases[] = {
	{ "dau tu xay dung", NULL }, { "cong trinh", NULL },
	{ "quan ly du an", NULL }, { "quan ly cac khu", NULL },
	{ NULL, NULL },
};

/* The level a unit serves, in lower case: "Công an tỉnh", "Ủy ban nhân
 * dân huyện Phú Điền". After it only a proper name goes on. "tỉnh ủy",
 * "huyện đoàn" and "xã hội" are no levels (level_at). */
static const struct term levels[] = {
	{ "tinh", "tỉnh" }, { "huyen", "huyện" }, { "thi xa", "thị xã" },
	{ "thanh pho", "thành phố" }, { "quan", "quận" }, { "xa", "xã" },
	{ "phuong", "phường" }, { "thi tran", "thị trấn" }, { NULL, NULL },
};

static bool level_at(const struct scan *sc, size_t w, size_t b, size_t *end)
{
	static const char *const not_after[] = { "uy", "doan", "hoi", NULL };
	return term_at(sc, w, b, levels, end) &&
	       !scan_has_prefix(sc, scan_skip_space(sc, *end, b), b, not_after);
}

/* ---- where a unit's name starts -------------------------------------- */

/* Heads that are a unit on their own ("Công an tỉnh", "Tỉnh đoàn")… */
static const struct term whole_heads[] = {
	{ "uy ban nhan dan", NULL }, { "ubnd", NULL }, { "uy ban mat tran", NULL },
	{ "ban quan ly", NULL },
	{ "mat tran to quoc", NULL }, { "uy ban kiem tra", NULL },
	{ "cong an", NULL }, { "van phong", NULL }, { "bo chi huy", NULL },
	{ "ban chi huy", NULL }, { "thanh tra", NULL }, { "kho bac", NULL },
	{ "dang uy", NULL }, { "huyen uy", NULL }, { "tinh uy", NULL },
	{ "thanh uy", NULL }, { "thi uy", NULL }, { "quan uy", NULL },
	{ "thuong truc", NULL }, { "hoi dong nhan dan", NULL }, { "hdnd", NULL },
	{ "doan thanh nien", NULL }, { "tinh doan", NULL }, { "huyen doan", NULL },
	{ "thanh doan", NULL }, { "lien doan lao dong", NULL },
	{ "ngan hang", NULL }, { "chi cuc", NULL }, { "cuc", "Cục" },
	{ "trung tam", NULL }, { "bao hiem xa hoi", NULL }, { "toa an", NULL },
	{ "vien kiem sat", NULL }, { "cac so", NULL }, { "cac co quan", NULL },
	{ NULL, NULL },
};

/* …and heads that need a capitalised word after them: "Sở Tài chính"
 * and "Ban Tuyên giáo" are units, "Ban hành …" and "Báo cáo …" not. */
static const struct term named_heads[] = {
	{ "so", "Sở" }, { "ban", "Ban" }, { "phong", "Phòng" }, { "hoi", "Hội" },
	{ "truong", "Trường" }, { "benh vien", NULL }, { "vien", "Viện" },
	{ "doan", "Đoàn" }, { "bao", "Báo" }, { "dai", "Đài" },
	{ "lien minh", NULL }, { NULL, NULL },
};

/* "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc": an owner that
 * may start in lower case ("Giao các huyện ủy …"). */
static const struct term collective_heads[] = {
	{ "cac huyen uy", NULL }, { "cac dang uy", NULL }, { "cac thanh uy", NULL },
	{ "cac thi uy", NULL }, { NULL, NULL },
};

static bool opens_unit(const struct scan *sc, size_t a, size_t b)
{
	size_t e;
	if (term_at(sc, a, b, whole_heads, NULL) ||
	    term_at(sc, a, b, collective_heads, NULL))
		return true;
	if (!term_at(sc, a, b, named_heads, &e))
		return false;
	size_t w = scan_skip_space(sc, e, b);
	return w < b && scan_is_upper(sc, w);
}

/* ---- where a unit's name ends ---------------------------------------- */

/* "Ủy ban nhân dân các huyện, thị xã, thành phố tập trung …": after
 * "các", a comma may join the units of one owner. True when a few
 * lower-case words follow the comma at c, then an owner's verb, another
 * comma or the end of the clause. */
static bool joins_units(const struct scan *sc, size_t a, size_t c, size_t b)
{
	if (scan_find(sc, a, c, "cac", NULL) == NPOS)
		return false;
	size_t p = c + 1, e;
	for (int words = 0; words < 5; words++) {
		size_t w = scan_skip_space(sc, p, b);
		if (words > 0 && (w >= b || scan_is_stop_mark(sc, w) ||
				  term_at(sc, w, b, owner_verbs, NULL)))
			return true;
		if (scan_is_upper(sc, w) || scan_word(sc, w, b, &e) == NPOS)
			return false;
		p = e;
	}
	return false;
}

/* The rest of a name that holds a comma or a lower-case word after a
 * dash: "Sở Văn hóa, Thể thao và Du lịch", "Ban Chỉ đạo phòng, chống
 * tham nhũng, tiêu cực tỉnh", "Đảng ủy Khối cơ quan - doanh nghiệp
 * tỉnh". A comma before anything else ends the name. */
static const struct term comma_tails[] = {
	{ "the thao va du lich", NULL }, { "thuong mai va du lich", NULL },
	{ "chong", "chống" }, { "tieu cuc", NULL }, { NULL, NULL },
};

static const struct term dash_tails[] = {
	{ "doanh nghiep", NULL }, { "ke hoach", NULL }, { "ha tang", NULL },
	{ "thuong binh va xa hoi", NULL }, { NULL, NULL },
};

/* "Phòng Tài chính - Kế hoạch": a dash between words, before a
 * capitalised word or a known tail, is part of the name. Returns where
 * the name goes on, or w. */
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
	if (next < b && (scan_is_upper(sc, next) ||
			 term_at(sc, next, b, dash_tails, NULL)))
		return next;
	return w;
}

/* Where the name starting at a goes on past the comma or dash at w, or
 * w when the mark ends it. */
static size_t past_joiner(const struct scan *sc, size_t a, size_t w, size_t b)
{
	if (w >= b)
		return w;
	if (sc->s[w] != ',')
		return dash_between_names(sc, w, b);
	size_t next = scan_skip_space(sc, w + 1, b);
	if (joins_units(sc, a, w, b) || term_at(sc, next, b, comma_tails, NULL))
		return next;
	return w;
}

/* "Sở Tài chính và Sở Kế hoạch và Đầu tư": "và" before a head starts
 * another unit. */
static bool and_another(const struct scan *sc, size_t w, size_t b)
{
	size_t e;
	return scan_at(sc, w, b, "va", &e) && scan_literal(sc, w, "và") &&
	       opens_unit(sc, scan_skip_space(sc, e, b), b);
}

/* Whether the lower-case word at w ends the name (a verb, another
 * unit), and where a phrase of the name that goes on past it ends. */
static bool ends_name(const struct scan *sc, size_t w, size_t b,
		      size_t *phrase_end)
{
	*phrase_end = w;
	if (term_at(sc, w, b, name_phrases, phrase_end))
		return false;
	return term_at(sc, w, b, owner_verbs, NULL) || and_another(sc, w, b);
}

/* End of a unit's name starting at a, at most 16 words ("Ban Quản lý dự
 * án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh" has 14).
 * *closed says whether a level ("tỉnh", "huyện …") ended it. */
static size_t name_end(const struct scan *sc, size_t a, size_t b, bool *closed)
{
	*closed = false;
	if (a >= b || (!scan_is_upper(sc, a) &&
		       !term_at(sc, a, b, collective_heads, NULL)))
		return a;
	size_t p = a, end = a;
	for (int words = 0; words < 16; words++) {
		size_t w = scan_skip_space(sc, p, b), e;
		size_t joined = past_joiner(sc, a, w, b);
		if (joined != w)
			*closed = false;
		w = joined;
		if (w >= b || scan_is_stop_mark(sc, w))
			break;
		bool upper = scan_is_upper(sc, w);
		if (words > 0 && !upper) {
			if (*closed || ends_name(sc, w, b, &e))
				break;
			if (e > w) {	/* a phrase of the name, read whole */
				end = p = e;
				continue;
			}
		}
		if (scan_word(sc, w, b, &e) == NPOS)
			break;
		if (!upper && level_at(sc, w, b, &e))
			*closed = true;
		end = p = e;
	}
	return end;
}

static size_t owner_end(const struct scan *sc, size_t a, size_t b)
{
	bool closed;
	return name_end(sc, a, b, &closed);
}

/* ---- who leads ------------------------------------------------------- */

struct span {
	size_t start, end;
};

/* Whether "chủ trì" or "(chủ trì)" follows the name ending at e. */
static bool leads_after(const struct scan *sc, size_t e, size_t b)
{
	size_t w = scan_skip_space(sc, e, b);
	if (w < b && sc->s[w] == '(')
		w = scan_skip_space(sc, w + 1, b);
	return scan_at(sc, w, b, "chu tri", NULL);
}

/* "Bí thư Tỉnh ủy chủ trì": a unit named in a person's title is no
 * owner. True when the folded text before a ends with such a title. */
static bool after_title(const struct scan *sc, size_t a)
{
	static const char *const titles[] = { "bi thu", "chu tich",
		"giam doc", "truong ban", "truong phong", "chanh van phong",
		"dong chi", "thu truong", "uy vien", NULL };
	size_t fi = sc->at[a];
	for (const char *const *t = titles; *t; t++) {
		size_t l = strlen(*t);
		if (fi < l + 1 || sc->f[fi - 1] != ' ')
			continue;
		size_t s = fi - 1 - l;
		if (memcmp(sc->f + s, *t, l) == 0 &&
		    (s == 0 || !scan_is_alnum(sc, sc->from[s - 1])))
			return true;
	}
	return false;
}

/* Steps from the word at w to the next one (or the next character). */
static size_t next_word(const struct scan *sc, size_t w, size_t b)
{
	size_t e;
	if (scan_word(sc, w, b, &e) == NPOS)
		e = w + ingest_u8_len((unsigned char)sc->s[w]);
	return scan_skip_space(sc, e, b);
}

/* "Phối hợp với Sở Y tế, Sở Giáo dục và Đào tạo chủ trì …", "… do Sở
 * Nội vụ chủ trì", "Sở Nội vụ (chủ trì)": the unit whose name runs up
 * to "chủ trì", looked for from a on. */
static bool named_before_lead(const struct scan *sc, size_t a, size_t b,
			      struct span *o)
{
	size_t lead = scan_find(sc, a, b, "chu tri", NULL);
	if (lead == NPOS)
		return false;
	for (size_t w = scan_skip_space(sc, a, lead); w < lead;) {
		size_t e = w;
		if (scan_is_upper(sc, w) && opens_unit(sc, w, b) && !after_title(sc, w)) {
			e = owner_end(sc, w, b);
			if (e > w && leads_after(sc, e, b)) {
				*o = (struct span){ w, e };
				return true;
			}
		}
		w = e > w ? scan_skip_space(sc, e, b) : next_word(sc, w, b);
	}
	return false;
}

/* "(cơ quan chủ trì: Sở Nội vụ; …)": the leader named after a colon. */
static bool named_as_leader(const struct scan *sc, size_t a, size_t b,
			    struct span *o)
{
	size_t x;
	for (size_t p = a; (p = scan_find(sc, p, b, "chu tri", &x)) != NPOS; p = x) {
		size_t w = scan_skip_space(sc, x, b);
		if (w >= b || sc->s[w] != ':')
			continue;
		w = scan_skip_space(sc, w + 1, b);
		size_t e = owner_end(sc, w, b);
		if (e > w) {
			*o = (struct span){ w, e };
			return true;
		}
	}
	return false;
}

/* "Giao Sở Xây dựng …", "giao cho Công an tỉnh …", "Giao: Sở Tài
 * chính, …", "Đề nghị Mặt trận Tổ quốc …". Folding merges words that
 * differ ("Tuyên giáo Tỉnh ủy" teaches, it does not assign): only the
 * exact verbs count. */
static bool owner_given(const struct scan *sc, size_t a, size_t b,
			struct span *o)
{
	static const struct {
		const char *folded;
		const char *spellings[2];
	} verbs[] = {
		{ "giao", { "giao", "Giao" } },
		{ "de nghi", { "đề nghị", "Đề nghị" } },
		{ "yeu cau", { "yêu cầu", "Yêu cầu" } },
	};
	static const char *const fillers[] = { "nhiem vu", "cho", NULL };
	for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
		size_t x, y;
		for (size_t p = a; (p = scan_find(sc, p, b, verbs[v].folded, &x)) != NPOS; p = x) {
			if (!scan_literal(sc, p, verbs[v].spellings[0]) &&
			    !scan_literal(sc, p, verbs[v].spellings[1]))
				continue;
			size_t w = scan_skip_space(sc, x, b);
			for (const char *const *f = fillers; *f; f++)
				if (scan_at(sc, w, b, *f, &y))
					w = scan_skip_space(sc, y, b);
			if (w < b && sc->s[w] == ':')
				w = scan_skip_space(sc, w + 1, b);
			size_t e = owner_end(sc, w, b);
			if (e > w) {
				*o = (struct span){ w, e };
				return true;
			}
		}
	}
	return false;
}

/* "Sở Tài chính, Sở Kế hoạch và Đầu tư chủ trì …": units that lead
 * together, joined by commas or "và", from the name ending at e. Returns
 * where the last one ends (e when there is no other). */
static size_t co_leaders_end(const struct scan *sc, size_t e, size_t b,
			     bool *closed)
{
	for (;;) {
		size_t w = scan_skip_space(sc, e, b), x;
		if (w < b && sc->s[w] == ',')
			x = scan_skip_space(sc, w + 1, b);
		else if (scan_at(sc, w, b, "va", &x) && scan_literal(sc, w, "và"))
			x = scan_skip_space(sc, x, b);
		else
			return e;
		bool c = false;
		size_t f = opens_unit(sc, x, b) ? name_end(sc, x, b, &c) : x;
		if (f == x)
			return e;
		e = f;
		*closed = c;
	}
}

/* "Sở Tài chính chủ trì, …", "Sở Y tế: …" or "Công an tỉnh tăng
 * cường …" at the start of a task: a unit (the first named, when
 * several lead together), then what it does. *units_end is where the
 * last of them ends. */
static bool owner_leading(const struct scan *sc, size_t a, size_t b,
			  struct span *o, size_t *units_end)
{
	bool closed;
	if (!opens_unit(sc, a, b))
		return false;
	size_t first = name_end(sc, a, b, &closed);
	if (first == a)
		return false;
	size_t e = co_leaders_end(sc, first, b, &closed);
	size_t w = scan_skip_space(sc, e, b);
	if (!leads_after(sc, e, b) && !(w < b && sc->s[w] == ':') &&
	    !term_at(sc, w, b, owner_verbs, NULL) &&
	    !(closed && w < b && scan_is_alnum(sc, w) && !scan_is_upper(sc, w)))
		return false;
	*o = (struct span){ a, first };
	*units_end = e;
	return true;
}

/* "… do Ban Quản lý dự án … thực hiện", "… do Sở Nội vụ chủ trì":
 * "do" before a unit and what it does. "… do Ủy ban nhân dân tỉnh ban
 * hành" names who wrote a document, not who acts. */
static bool owner_by(const struct scan *sc, size_t a, size_t b, struct span *o)
{
	static const char *const acts[] = { "chu tri", "thuc hien",
		"trien khai", "phu trach", "dam nhan", "lam chu dau tu", NULL };
	size_t x;
	for (size_t p = a; (p = scan_find(sc, p, b, "do", &x)) != NPOS; p = x) {
		if (!scan_literal(sc, p, "do"))
			continue;
		size_t w = scan_skip_space(sc, x, b);
		if (!opens_unit(sc, w, b))
			continue;
		size_t e = owner_end(sc, w, b);
		if (e > w && scan_has_prefix(sc, scan_skip_space(sc, e, b), b, acts)) {
			*o = (struct span){ w, e };
			return true;
		}
	}
	return false;
}

/* The subject that only assists ("Sở A phối hợp …, Sở B chủ trì …")
 * gives way to a unit named as leading after it. */
static void prefer_leader(const struct scan *sc, size_t units_end, size_t b,
			  struct span *o)
{
	size_t w = scan_skip_space(sc, units_end, b);
	struct span lead;
	if (scan_at(sc, w, b, "phoi hop", NULL) &&
	    named_before_lead(sc, w, b, &lead))
		*o = lead;
}

char *owner_find(const struct scan *sc, size_t a, size_t b)
{
	struct span o;
	size_t units_end;
	a = scan_skip_space(sc, a, b);
	if (named_as_leader(sc, a, b, &o) || owner_given(sc, a, b, &o))
		return scan_copy(sc, o.start, o.end);
	if (owner_leading(sc, a, b, &o, &units_end)) {
		prefer_leader(sc, units_end, b, &o);
		return scan_copy(sc, o.start, o.end);
	}
	if (named_before_lead(sc, a, b, &o) || owner_by(sc, a, b, &o))
		return scan_copy(sc, o.start, o.end);
	return NULL;
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
