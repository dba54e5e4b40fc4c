#include "config.h"

#include "vocab.h"

uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

size_t rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (size_t)(hi - lo + 1));
}

int rng_percent(struct rng *r, int percent)
{
	return (int)rng_below(r, 100) < percent;
}

size_t rng_skewed(struct rng *r, size_t n)
{
	/* The product of two uniforms leans toward 0 without a table. */
	double u = (double)(rng_next(r) >> 11) / 9007199254740992.0;
	double v = (double)(rng_next(r) >> 11) / 9007199254740992.0;
	size_t i = (size_t)(u * v * (double)n);
	return i < n ? i : n - 1;
}

const char *vocab_pick(struct rng *r, const struct word_list *l)
{
	return l->words[rng_below(r, l->count)];
}

const char *vocab_pick_skewed(struct rng *r, const struct word_list *l)
{
	return l->words[rng_skewed(r, l->count)];
}

#define LIST(name, ...)							\
	static const char *const name##_words[] = { __VA_ARGS__ };	\
	const struct word_list name = { name##_words,			\
		sizeof name##_words / sizeof *name##_words }

LIST(vocab_provinces,
	"Bến Tre", "Tiền Giang", "Vĩnh Long", "Trà Vinh", "Long An", "Đồng Tháp",
	"An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
	"Quảng Ngãi", "Quảng Nam", "Thừa Thiên Huế", "Quảng Trị", "Quảng Bình",
	"Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Ninh Bình", "Nam Định", "Thái Bình",
	"Hải Dương", "Hưng Yên", "Bắc Ninh", "Lạng Sơn", "Cao Bằng", "Hà Giang",
	"Lào Cai", "Yên Bái", "Điện Biên", "Sơn La", "Đắk Lắk", "Gia Lai",
	"Kon Tum", "Lâm Đồng", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận",
	"Bình Thuận", "Đồng Nai", "Bình Dương", "Tây Ninh", "Bình Phước",
	"Bà Rịa - Vũng Tàu", "Tuyên Quang", "Phú Thọ", "Hòa Bình");

LIST(vocab_districts,
	"Châu Thành", "Chợ Lách", "Mỏ Cày Nam", "Giồng Trôm", "Ba Tri", "Bình Đại",
	"Thạnh Phú", "Phú Điền", "Cai Lậy", "Cái Bè", "Gò Công Tây", "Tân Phước",
	"Long Hồ", "Mang Thít", "Vũng Liêm", "Trà Ôn", "Cầu Kè", "Tiểu Cần",
	"Duyên Hải", "Cần Đước", "Đức Hòa", "Tân Trụ", "Cao Lãnh", "Lấp Vò",
	"Tam Nông", "Tịnh Biên", "Tri Tôn", "Hòn Đất", "Phú Quốc", "Mỹ Tú",
	"Ngã Năm", "Hồng Dân", "Đầm Dơi", "Năm Căn", "Sơn Tịnh", "Nghĩa Hành",
	"Điện Bàn", "Duy Xuyên", "Phong Điền", "Hải Lăng", "Lệ Thủy", "Kỳ Anh",
	"Diễn Châu", "Quỳnh Lưu", "Thọ Xuân", "Hoa Lư", "Ý Yên", "Kiến Xương");

LIST(vocab_family_names,
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
	"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đoàn",
	"Lương", "Châu");

LIST(vocab_middle_names,
	"Văn", "Thị", "Đức", "Quốc", "Minh", "Thanh", "Hữu", "Công", "Ngọc",
	"Xuân", "Thành", "Hoàng", "Kim", "Tấn", "Trọng");

LIST(vocab_given_names,
	"Thọ", "Hoa", "Minh", "Bảo", "Hùng", "Dũng", "Hải", "Lan", "Hương",
	"Tuấn", "Sơn", "Phong", "Trung", "Nam", "Hiệp", "Thắng", "Long", "Hạnh",
	"Phúc", "Tâm", "Nghĩa", "Khải", "Quyết", "Thảo", "Vinh", "Cường",
	"Đạt", "Huệ", "Yến", "Lộc");

LIST(vocab_positions,
	"Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy",
	"Phó Bí thư Thường trực Tỉnh ủy", "Bí thư Tỉnh ủy",
	"Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
	"Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh",
	"Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy");

LIST(vocab_places,
	"Hội trường Tỉnh ủy", "Trung tâm Hội nghị tỉnh",
	"Hội trường Ủy ban nhân dân tỉnh", "Hội trường Huyện ủy",
	"Nhà khách Tỉnh ủy", "Trung tâm Chính trị huyện");

/* The first ones come up most (rng_skewed): a provincial department of
 * finance owns far more tasks than a district's women's union. */
LIST(vocab_owners,
	"Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ",
	"Sở Nông nghiệp và Phát triển nông thôn", "Sở Xây dựng",
	"Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "Công an tỉnh",
	"Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Y tế",
	"Sở Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh ủy",
	"Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Sở Tư pháp",
	"Sở Lao động - Thương binh và Xã hội", "Văn phòng Ủy ban nhân dân tỉnh",
	"Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
	"Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Văn phòng Tỉnh ủy",
	"Thanh tra tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Cục Thuế tỉnh",
	"Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh",
	"Ban Quản lý các khu công nghiệp", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
	"Đảng ủy Khối cơ quan - doanh nghiệp tỉnh", "Tỉnh đoàn",
	"Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Liên đoàn Lao động tỉnh",
	"Ban Quản lý dự án đầu tư xây dựng tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
	"Trường Chính trị tỉnh", "Ban Dân tộc tỉnh", "Sở Ngoại vụ");

LIST(vocab_verbs,
	"rà soát", "xây dựng", "tham mưu ban hành", "triển khai", "tổ chức",
	"hoàn thiện", "đẩy nhanh tiến độ", "kiểm tra, giám sát", "tổng hợp",
	"hướng dẫn thực hiện", "sơ kết việc thực hiện", "tổng kết",
	"đề xuất giải pháp tháo gỡ", "tuyên truyền, quán triệt", "thẩm định",
	"bố trí kinh phí cho", "phối hợp giải quyết", "theo dõi, đôn đốc");

LIST(vocab_objects,
	"nguồn vốn đầu tư công chưa phân bổ", "kế hoạch cải cách hành chính",
	"hồ sơ điều chỉnh quy hoạch chung đô thị", "hệ thống đê bao",
	"phương án phòng, chống xâm nhập mặn", "kho dữ liệu dùng chung của tỉnh",
	"chương trình mục tiêu quốc gia xây dựng nông thôn mới",
	"các dự án trọng điểm chậm tiến độ", "công tác giải phóng mặt bằng",
	"chính sách hỗ trợ doanh nghiệp nhỏ và vừa", "đề án chuyển đổi số",
	"văn bản quy phạm pháp luật có liên quan", "công tác phòng, chống tham nhũng, tiêu cực",
	"việc chi trả chế độ cho người có công", "kế hoạch phòng, chống thiên tai",
	"công tác cán bộ nhiệm kỳ mới", "tình hình an ninh trật tự vùng giáp ranh",
	"các tuyến quốc lộ qua địa bàn", "vùng sản xuất lúa chất lượng cao",
	"diện tích nuôi tôm công nghệ cao", "hạ tầng khu công nghiệp",
	"công tác thu ngân sách nhà nước", "mạng lưới cơ sở y tế tuyến huyện",
	"đội ngũ giáo viên các cấp", "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"công tác kiểm tra, giám sát của cấp ủy", "các điểm sạt lở bờ sông",
	"dịch vụ công trực tuyến toàn trình", "hồ sơ đất đai tồn đọng",
	"công tác dân vận của chính quyền");

LIST(vocab_qualifiers,
	"", "", " trên địa bàn tỉnh", " theo đúng quy định",
	", báo cáo Ủy ban nhân dân tỉnh", ", báo cáo Ban Thường vụ Tỉnh ủy",
	" tại các huyện, thành phố", " gắn với chuyển đổi số",
	", kịp thời tháo gỡ khó khăn, vướng mắc");

LIST(vocab_topics,
	"tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
	"tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị",
	"tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
	"đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
	"tăng cường kỷ luật, kỷ cương hành chính",
	"tăng cường công tác phòng, chống thiên tai",
	"chuyển đổi số đến năm 2025, định hướng đến năm 2030",
	"phát triển kinh tế tập thể, hợp tác xã",
	"bảo đảm an sinh xã hội và chăm lo đời sống nhân dân",
	"nâng cao hiệu quả công tác dân vận",
	"phát triển nông nghiệp, nông dân, nông thôn",
	"cải cách hành chính giai đoạn 2021 - 2030",
	"phòng, chống tham nhũng, tiêu cực",
	"xây dựng đội ngũ cán bộ các cấp",
	"phát triển du lịch trở thành ngành kinh tế mũi nhọn",
	"quản lý, sử dụng hiệu quả tài nguyên đất đai");

LIST(vocab_subjects,
	"Công tác xây dựng Đảng, xây dựng hệ thống chính trị",
	"Tình hình kinh tế - xã hội của tỉnh", "Công tác bảo đảm an sinh xã hội",
	"Quốc phòng, an ninh và trật tự an toàn xã hội", "Công tác cải cách hành chính",
	"Việc giải ngân vốn đầu tư công", "Công tác chuyển đổi số",
	"Hoạt động xúc tiến đầu tư", "Công tác phòng, chống tham nhũng, tiêu cực",
	"Sản xuất nông nghiệp", "Công tác giải phóng mặt bằng",
	"Thu ngân sách nhà nước", "Công tác kiểm tra, giám sát",
	"Công tác tuyên truyền, vận động quần chúng", "Hoạt động của các hợp tác xã");

LIST(vocab_good,
	"tiếp tục được quan tâm chỉ đạo và đạt nhiều kết quả quan trọng",
	"có chuyển biến tích cực", "được bảo đảm",
	"được triển khai kịp thời, đúng kế hoạch", "tăng so với cùng kỳ",
	"đạt và vượt chỉ tiêu đề ra", "được tập trung thực hiện ngay từ đầu năm",
	"tiếp tục trên đà phục hồi khá tốt");

LIST(vocab_bad,
	"còn một số hạn chế, khó khăn", "chưa đạt yêu cầu đề ra",
	"còn chậm so với kế hoạch", "chưa thật sự chủ động",
	"gặp nhiều khó khăn do nguồn lực hạn chế", "có mặt chưa đồng bộ");

LIST(vocab_purposes,
	"đánh giá tình hình, kết quả thực hiện nhiệm vụ và bàn phương hướng thời gian tới",
	"cho ý kiến đối với một số nội dung quan trọng",
	"sơ kết công tác lãnh đạo, chỉ đạo và triển khai nhiệm vụ trọng tâm",
	"thảo luận, cho ý kiến các dự thảo chương trình, kế hoạch");

const struct doc_kind vocab_doc_kinds[] = {
	{ "Nghị quyết", "%d-NQ/TW", "Ban Chấp hành Trung ương" },
	{ "Kết luận", "%d-KL/TW", "Bộ Chính trị" },
	{ "Chỉ thị", "%d-CT/TU", "Ban Thường vụ Tỉnh ủy" },
	{ "Kế hoạch", "%d-KH/TU", "Tỉnh ủy" },
	{ "Chương trình", "%d-CTr/TU", "Tỉnh ủy" },
	{ "Quyết định", "%d/%d/QĐ-UBND", "Ủy ban nhân dân tỉnh" },
	{ "Kế hoạch", "%d/KH-UBND", "Ủy ban nhân dân tỉnh" },
	{ "Nghị quyết", "%d/%d/NQ-HĐND", "Hội đồng nhân dân tỉnh" },
	{ "Thông báo", "%d-TB/TU", "Ban Thường vụ Tỉnh ủy" },
	{ "Quy định", "%d-QĐ/TW", "Bộ Chính trị" },
};
const size_t vocab_ndoc_kinds = sizeof vocab_doc_kinds / sizeof *vocab_doc_kinds;

const char *vocab_roman(int n)
{
	static const char *const roman[] = {
		"0", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	};
	return n >= 1 && n <= 20 ? roman[n] : "I";
}
