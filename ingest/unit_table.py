"""What counts as a unit, as data: heads, collective kinds, abbreviations, roles.

Every entry carries written examples; tests/test_units.py checks each example is
recognised the way the entry says. The logic that uses these tables lives in
ingest/units.py. Phrases are written in lower case with single spaces; the logic
turns them into patterns that accept any case, any spacing, both tone placements
of "ủy"/"uỷ" and any dash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Tail kinds: what may follow a head to complete the name.
#   "owner": a party committee or scope ("Huyện ủy", "Trung ương", "cơ sở", "xã")
#   "level": a level word and maybe a place name ("huyện", "tỉnh Tuyên Quang")
#   "name":  a proper name in title case ("Nội vụ", "Gia Lai", "Tiểu học")
#   "none":  complete as written
#   "compose": a prefix that takes the unit written right after it ("Đảng đoàn" + "HĐND tỉnh")


@dataclass(frozen=True)
class Head:
    """One kind of named unit."""

    phrases: tuple[str, ...]  # lower-case phrases (regex allowed); the first one is canonical
    unit_type: str
    tail: str  # owner | level | name | none | compose
    level: str | None = None  # fixed level, or None: from the tail or the context
    canonical: str | None = None  # canonical spelling of the head when not the first phrase
    case_sensitive: bool = False  # heads such as "Sở", "Bộ" that are common words in lower case
    keep_prefix: bool = True  # compose heads: False drops the prefix from the name ("Lãnh đạo")
    sentence_case: bool = False  # name tails in sentence case: "Vụ Bình đẳng giới" (see NAME_END_WORDS)
    examples: tuple[str, ...] = field(default=())


HEADS: tuple[Head, ...] = (
    # --- Party committees and their standing bodies -------------------------------
    Head(("ban chấp hành trung ương đảng", "ban chấp hành trung ương"), "party_committee", "none",
         "central", canonical="Ban Chấp hành Trung ương Đảng",
         examples=("Ban Chấp hành Trung ương", "BCH Trung ương Đảng")),
    Head(("bộ chính trị",), "party_committee", "none", "central", canonical="Bộ Chính trị",
         examples=("Bộ Chính trị",)),
    Head(("ban bí thư trung ương đảng", "ban bí thư"), "party_committee", "none", "central",
         canonical="Ban Bí thư", examples=("Ban Bí thư Trung ương Đảng", "Ban Bí thư")),
    Head(("ban chấp hành",), "party_committee", "owner", canonical="Ban Chấp hành",
         examples=("Ban Chấp hành Đảng bộ tỉnh", "BCH Đảng bộ huyện")),
    Head(("ban thường vụ",), "party_committee", "owner", canonical="Ban Thường vụ",
         examples=("Ban Thường vụ Huyện ủy", "BTV Tỉnh ủy")),
    Head(("ban thường trực",), "front", "compose", canonical="Ban Thường trực",
         examples=("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",)),
    Head(("thường trực", r"tt\."), "party_committee", "compose", canonical="Thường trực",
         examples=("Thường trực Huyện ủy", "TT. HĐND huyện", "TT.HĐND xã")),
    Head(("huyện ủy",), "party_committee", "level", "district", canonical="Huyện ủy",
         examples=("Huyện ủy", "Huyện ủy Hớn Quản")),
    Head(("tỉnh ủy",), "party_committee", "level", "province", canonical="Tỉnh ủy",
         examples=("Tỉnh ủy", "Tỉnh ủy Gia Lai")),
    Head(("thành ủy",), "party_committee", "level", "district", canonical="Thành ủy",
         examples=("Thành ủy",)),
    Head(("thị ủy",), "party_committee", "level", "district", canonical="Thị ủy", examples=("Thị ủy",)),
    Head(("quận ủy",), "party_committee", "level", "district", canonical="Quận ủy", examples=("Quận ủy",)),
    # the Party committees of a province's bodies since 2025 (they replaced its Ban cán sự đảng and Đảng đoàn)
    Head(("đảng ủy ủy ban nhân dân", "đảng ủy ubnd"), "party_committee", "level", canonical="Đảng ủy Ủy ban nhân dân",
         examples=("Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh")),
    Head(("đảng ủy các cơ quan đảng",), "party_committee", "level", canonical="Đảng ủy các cơ quan Đảng",
         examples=("Đảng ủy các cơ quan Đảng tỉnh",)),
    Head(("đảng ủy",), "party_committee", "level", canonical="Đảng ủy",
         examples=("Đảng ủy xã", "Đảng ủy")),
    Head(("đảng bộ",), "party_committee", "level", canonical="Đảng bộ",
         examples=("Đảng bộ huyện", "Đảng bộ tỉnh Bình Phước")),
    Head(("chi bộ",), "party_committee", "compose", "commune", canonical="Chi bộ",
         examples=("Chi bộ Trường Tiểu học", "Chi bộ Công an xã", "Chi bộ thôn Nà Pài")),
    # --- Party boards (advisory bodies of a committee) ------------------------------
    Head(("ban dân vận",), "party_board", "owner", canonical="Ban Dân vận",
         examples=("Ban Dân vận Huyện ủy", "Ban Dân vận Tỉnh ủy", "Ban Dân vận Trung ương")),
    Head(("ban tuyên giáo và dân vận", "ban tuyên giáo"), "party_board", "owner",
         canonical="Ban Tuyên giáo", examples=("Ban Tuyên giáo Huyện ủy",)),
    Head(("ban tổ chức",), "party_board", "owner", canonical="Ban Tổ chức",
         examples=("Ban Tổ chức Huyện ủy", "Ban Tổ chức Trung ương")),
    Head(("ban nội chính",), "party_board", "owner", canonical="Ban Nội chính",
         examples=("Ban Nội chính Tỉnh ủy",)),
    Head(("ban kinh tế",), "party_board", "owner", canonical="Ban Kinh tế",
         examples=("Ban Kinh tế Trung ương",)),
    Head(("ban đối ngoại",), "party_board", "owner", canonical="Ban Đối ngoại",
         examples=("Ban Đối ngoại Tỉnh ủy",)),
    # the ministry-level committee for ethnic affairs, and the province's agency that answers to it
    Head(("ủy ban dân tộc",), "department", "none", "central", canonical="Ủy ban Dân tộc",
         examples=("Ủy ban Dân tộc",)),
    Head(("ban dân tộc",), "department", "level", canonical="Ban Dân tộc",
         examples=("Ban Dân tộc tỉnh", "Ban Dân tộc")),
    Head(("ủy ban kiểm tra",), "party_board", "owner", canonical="Ủy ban Kiểm tra",
         examples=("Ủy ban Kiểm tra Huyện ủy", "UBKT Tỉnh ủy")),
    Head(("khối dân vận",), "party_board", "owner", canonical="Khối Dân vận",
         examples=("Khối Dân vận Đảng ủy", "Khối Dân vận cơ sở", "Khối Dân vận xã")),
    Head(("văn phòng trung ương đảng",), "party_board", "none", "central",
         canonical="Văn phòng Trung ương Đảng", examples=("Văn phòng Trung ương Đảng",)),
    Head(("trung tâm chính trị",), "party_board", "level", "district", canonical="Trung tâm Chính trị",
         examples=("Trung tâm Chính trị huyện",)),
    # --- Party groups inside State bodies and the Front ----------------------------
    Head(("đảng đoàn",), "party_group", "compose", canonical="Đảng đoàn",
         examples=("Đảng đoàn Hội đồng nhân dân tỉnh", "Đảng đoàn Ủy ban MTTQ tỉnh")),
    Head(("ban cán sự đảng",), "party_group", "compose", canonical="Ban cán sự đảng",
         examples=("Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban cán sự đảng UBND tỉnh")),
    # --- Elected councils and executives --------------------------------------------
    Head(("quốc hội",), "peoples_council", "none", "central", canonical="Quốc hội", examples=("Quốc hội",)),
    Head(("hội đồng nhân dân",), "peoples_council", "level", canonical="Hội đồng nhân dân",
         examples=("Hội đồng Nhân dân huyện", "HĐND tỉnh", "HĐND xã")),
    Head(("thủ tướng chính phủ",), "peoples_committee", "none", "central",
         canonical="Thủ tướng Chính phủ", examples=("Thủ tướng Chính phủ",)),
    Head(("văn phòng chính phủ",), "department", "none", "central", canonical="Văn phòng Chính phủ",
         examples=("Văn phòng Chính phủ",)),
    Head(("chính phủ",), "peoples_committee", "none", "central", canonical="Chính phủ",
         examples=("Chính phủ",)),
    Head(("ủy ban nhân dân",), "peoples_committee", "level", canonical="Ủy ban nhân dân",
         examples=("Ủy ban nhân dân tỉnh Tuyên Quang", "UBND huyện", "Ủy ban Nhân dân huyện")),
    # --- Offices, departments, agencies ---------------------------------------------
    Head(("văn phòng",), "department", "owner", canonical="Văn phòng",
         examples=("Văn phòng Huyện ủy", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng HĐND tỉnh")),
    Head(("thanh tra chính phủ",), "department", "none", "central", canonical="Thanh tra Chính phủ",
         examples=("Thanh tra Chính phủ",)),
    # an inspectorate only with its level word: "thanh tra" alone is the verb ("Thanh tra việc thực hiện …")
    Head(("thanh tra tỉnh",), "department", "none", "province", canonical="Thanh tra tỉnh", case_sensitive=True,
         examples=("Thanh tra tỉnh",)),
    Head(("thanh tra huyện", "thanh tra thị xã", "thanh tra quận", "thanh tra thành phố"), "department", "none",
         "district", case_sensitive=True, examples=("Thanh tra huyện", "Thanh tra thị xã")),
    Head(("kiểm toán nhà nước",), "department", "none", "central", canonical="Kiểm toán nhà nước",
         examples=("Kiểm toán nhà nước",)),
    Head(("kho bạc nhà nước",), "department", "level", canonical="Kho bạc Nhà nước",
         examples=("Kho bạc Nhà nước", "Kho bạc Nhà nước tỉnh")),
    Head(("ngân hàng nhà nước",), "department", "none", "central", canonical="Ngân hàng Nhà nước",
         examples=("Ngân hàng Nhà nước",)),
    Head(("bảo hiểm xã hội việt nam",), "department", "none", "central",
         canonical="Bảo hiểm xã hội Việt Nam", examples=("Bảo hiểm xã hội Việt Nam",)),
    Head(("ban chỉ đạo",), "other", "name", canonical="Ban Chỉ đạo",
         examples=("Ban chỉ đạo công tác tôn giáo huyện", "Ban Chỉ đạo 35 tỉnh")),
    Head(("bộ chỉ huy quân sự", "ban chỉ huy quân sự"), "armed_forces", "level",
         canonical="Bộ Chỉ huy Quân sự", examples=("Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Quân sự huyện")),
    Head(("bộ đội biên phòng",), "armed_forces", "level", canonical="Bộ đội Biên phòng",
         examples=("Bộ đội Biên phòng tỉnh",)),
    Head(("công an",), "armed_forces", "level", canonical="Công an", case_sensitive=True,
         examples=("Công an xã", "Công an tỉnh", "Công an huyện Bạch Thông")),
    Head(("quân sự",), "armed_forces", "level", canonical="Quân sự", case_sensitive=True,
         examples=("Quân sự xã",)),
    Head(("sở",), "department", "name", "province", canonical="Sở", case_sensitive=True,
         examples=("Sở Nội vụ", "Sở Tài nguyên và Môi trường", "Sở Văn hóa, Thể thao và Du lịch")),
    Head(("phòng",), "department", "name", "district", canonical="Phòng", case_sensitive=True,
         examples=("Phòng Nội vụ huyện", "Phòng Tài chính - Kế hoạch")),
    Head(("bộ",), "department", "name", "central", canonical="Bộ", case_sensitive=True,
         examples=("Bộ Công an", "Bộ Lao động - Thương binh và Xã hội", "Bộ Kế hoạch và Đầu tư")),
    Head(("tổng cục", "cục", "chi cục"), "department", "name", canonical="Cục", case_sensitive=True,
         sentence_case=True,
         examples=("Cục Thuế tỉnh", "Chi cục Thống kê huyện", "Cục Tần số vô tuyến điện",
                   "Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng")),
    Head(("vụ",), "department", "name", "central", canonical="Vụ", case_sensitive=True, sentence_case=True,
         examples=("Vụ Pháp chế", "Vụ Khoa học và Công nghệ", "Vụ Bình đẳng giới")),
    Head(("trường",), "other", "name", canonical="Trường", case_sensitive=True,
         examples=("Trường Tiểu học", "Trường Mầm non")),
    Head(("trung tâm",), "other", "name", canonical="Trung tâm", case_sensitive=True,
         examples=("Trung tâm Y tế huyện",)),
    # --- Fatherland Front and mass organisations ------------------------------------
    Head(("ủy ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc", "ủy ban mttq việt nam", "ủy ban mttqvn",
          "ủy ban mttq"), "front", "level",
         canonical="Ủy ban Mặt trận Tổ quốc", examples=("Ủy ban MTTQ xã", "UBMTTQVN huyện")),
    Head(("mặt trận tổ quốc việt nam", "mặt trận tổ quốc", "mặt trận"), "front", "level",
         canonical="Mặt trận Tổ quốc", examples=("Mặt trận Tổ quốc huyện", "MTTQ", "MTTQVN tỉnh")),
    Head(("hội nông dân",), "mass_org", "level", canonical="Hội Nông dân", examples=("Hội Nông dân huyện",)),
    Head(("hội liên hiệp phụ nữ", "hội lhpn", "hội phụ nữ"), "mass_org", "level", canonical="Hội Liên hiệp Phụ nữ",
         examples=("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN xã")),
    Head(("hội cựu chiến binh", "hội ccb"), "mass_org", "level", canonical="Hội Cựu chiến binh",
         examples=("Hội Cựu chiến binh xã", "Hội CCB huyện")),
    Head(("đoàn thanh niên cộng sản hồ chí minh", "đoàn tncs hồ chí minh", "đoàn thanh niên"), "mass_org", "level",
         canonical="Đoàn Thanh niên", examples=("Đoàn Thanh niên xã", "Đoàn TNCS Hồ Chí Minh tỉnh")),
    Head(("liên đoàn lao động",), "mass_org", "level", canonical="Liên đoàn Lao động",
         examples=("Liên đoàn Lao động huyện", "LĐLĐ tỉnh")),
    Head(("hội chữ thập đỏ",), "mass_org", "level", canonical="Hội Chữ thập đỏ",
         examples=("Hội Chữ thập đỏ tỉnh",)),
    Head(("hội người cao tuổi",), "mass_org", "level", canonical="Hội Người cao tuổi",
         examples=("Hội Người cao tuổi xã",)),
    # --- Press ------------------------------------------------------------------------
    Head(("đài phát thanh và truyền hình", "đài phát thanh - truyền hình",
          "đài truyền thanh - truyền hình", "đài truyền thanh"), "press", "level",
         canonical="Đài Phát thanh và Truyền hình",
         examples=("Đài Phát thanh và Truyền hình tỉnh", "Đài Truyền thanh – Truyền hình huyện")),
    Head(("báo",), "press", "name", "province", canonical="Báo", case_sensitive=True,
         examples=("Báo Gia Lai", "Báo Nhân dân")),
    Head(("tạp chí",), "press", "name", canonical="Tạp chí", case_sensitive=True,
         examples=("Tạp chí Cộng sản",)),
    Head(("cổng thông tin điện tử",), "press", "level", canonical="Cổng Thông tin điện tử",
         examples=("Cổng Thông tin điện tử tỉnh",)),
    # --- Prefixes that point at a unit but are not one ------------------------------
    Head(("lãnh đạo",), "other", "compose", keep_prefix=False, case_sensitive=True,
         examples=("Lãnh đạo UBND xã",)),
    Head(("các đồng chí ủy viên", "các đồng chí", "các đ/c ủy viên", "các đ/c", "đồng chí ủy viên", "đồng chí",
          "đ/c ủy viên", "đ/c"), "other", "compose", keep_prefix=False,
         examples=("Các đ/c Ủy viên BCH Đảng bộ huyện",)),
)

# The written head is kept for these name-taking heads when the spelling differs
# ("Tổng cục", "Chi cục" share one entry but stay as written).
KEEP_WRITTEN_HEAD = ("tổng cục", "cục", "chi cục", "ban tuyên giáo và dân vận",
                     "đài truyền thanh - truyền hình", "đài truyền thanh", "đài phát thanh - truyền hình",
                     "ban chỉ huy quân sự", "hội phụ nữ", "đoàn thanh niên cộng sản hồ chí minh",
                     "mặt trận", "ủy ban mặt trận tổ quốc việt nam", "mặt trận tổ quốc việt nam",
                     "ban bí thư trung ương đảng", "ban chấp hành trung ương")

# Known names of ministries, departments and offices: longer than the
# "title-case words" rule can safely take ("Văn hóa, Thể thao và Du lịch").
DEPARTMENT_NAMES: tuple[str, ...] = (
    "nội vụ", "tài chính", "kế hoạch và đầu tư", "tư pháp", "công thương", "xây dựng",
    "giao thông vận tải", "tài nguyên và môi trường", "nông nghiệp và phát triển nông thôn",
    "nông nghiệp và môi trường", "lao động - thương binh và xã hội", "văn hóa, thể thao và du lịch",
    "văn hóa - thể thao và du lịch", "văn hóa và thông tin", "văn hóa - thông tin", "khoa học và công nghệ",
    "giáo dục và đào tạo", "y tế", "thông tin và truyền thông", "ngoại vụ", "ngoại giao", "dân tộc",
    "dân tộc và tôn giáo", "công an", "quốc phòng", "tài chính - kế hoạch", "kinh tế - hạ tầng",
    "kinh tế và hạ tầng", "tài nguyên - môi trường", "lao động - thương binh - xã hội",
    "tần số vô tuyến điện",
)

# Names of central departments (Vụ, Cục, Tổng cục, Chi cục) are written in sentence case: one capital, then
# lower-case words ("Vụ Bình đẳng giới", "Cục Quản lý khám, chữa bệnh"), capitals again only for proper names
# and after "và" or a dash ("Cục Hàng hải và Đường thủy Việt Nam", "Vụ Kế hoạch - Tài chính"). A lower-case
# word that no department name holds ends the name: a function word, a verb a task opens with, a level word
# (from LEVEL_WORDS: "Cục Thuế tỉnh"). A comma followed by a lower-case word goes on with the name (names list
# their fields: "trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng"); one followed by a stop word does not.
NAME_END_WORDS: tuple[str, ...] = (
    # function words: the name's parent ("thuộc Bộ Tài chính"), a time, a purpose, a condition
    "của", "thuộc", "theo", "để", "trong", "tại", "về", "với", "cho", "đối với", "hoặc", "và", "các", "những",
    "từ", "đến", "khi", "nếu", "sau", "trước", "do", "bởi", "nhằm", "cùng", "qua", "như", "là", "được", "bị",
    "phải", "sẽ", "đã", "đang", "cần", "có", "không", "năm", "ngày", "tháng",
    # verbs a task opens with ("Cục Hóa chất tiếp nhận báo cáo", "Cục Thuế hướng dẫn")
    "chủ trì", "phối hợp", "thực hiện", "hướng dẫn", "tiếp nhận", "gửi", "xem", "thông báo", "báo cáo", "trình",
    "chịu", "tổng hợp", "theo dõi", "kiểm tra", "ban hành", "xây dựng", "công bố", "thẩm định", "giải quyết",
    "xử lý", "lập", "lấy", "phê duyệt", "cung cấp", "đề xuất", "đề nghị", "tham mưu", "tổ chức", "quyết định",
    "chỉ đạo", "đôn đốc", "giúp", "rà soát", "bảo đảm", "đảm bảo", "triển khai", "nghiên cứu", "trả lời", "cấp",
    "hoàn thành", "thu thập", "cập nhật", "công khai", "đăng tải", "tiếp thu", "chấp thuận",
)
# Phrases a sentence-case name takes whole although they hold a stop word ("xã hội" is not the level "xã").
NAME_PHRASES: tuple[str, ...] = ("xã hội", "người có công", "phí và lệ phí")
# Capitalised words that open another unit or an official's title: a name does not run on into them,
# even after "và" or a dash ("Cục Quản lý giá - Bộ Tài chính" is the department of the ministry).
NAME_END_CAPITALS: tuple[str, ...] = (
    "Bộ", "Sở", "Ủy", "Uỷ", "Cục", "Vụ", "Tổng", "Chi", "Ban", "Hội", "Phòng", "Văn", "Thủ", "Chủ", "Giám",
    "Chánh", "Các", "Những", "Thanh", "Trường", "Trung", "Đảng", "Huyện", "Tỉnh", "Thành", "Quốc", "Chính",
)
# Sentence-case names as the gazette writes them, and the name each gives (tests/test_units_titles.py).
SENTENCE_CASE_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Vụ Bình đẳng giới.", "Vụ Bình đẳng giới"),
    ("Cục Quản lý khám, chữa bệnh, Bộ Y tế.", "Cục Quản lý khám, chữa bệnh"),
    ("Cục Phòng, chống tệ nạn xã hội có trách nhiệm giúp Bộ trưởng", "Cục Phòng, chống tệ nạn xã hội"),
    ("Cục Người có công, có trách nhiệm tổ chức", "Cục Người có công"),
    ("Cục Hàng hải và Đường thủy Việt Nam tiếp nhận hồ sơ", "Cục Hàng hải và Đường thủy Việt Nam"),
    ("Cục Hàng \nhải và Đường thủy Việt Nam có văn bản", "Cục Hàng hải và Đường thủy Việt Nam"),
    ("Cục Quản lý giá - Bộ Tài chính thông báo", "Cục Quản lý giá"),
    ("Vụ Quản lý quy hoạch thuộc Bộ Tài chính có trách nhiệm", "Vụ Quản lý quy hoạch"),
    ("Vụ Kế hoạch - Tài chính có trách nhiệm chủ trì", "Vụ Kế hoạch - Tài chính"),
    ("Tổng cục Giáo dục nghề nghiệp đối với trường cao đẳng", "Tổng cục Giáo dục nghề nghiệp"),
    ("Cục Thương mại điện tử và Kinh tế số cung cấp tài khoản", "Cục Thương mại điện tử và Kinh tế số"),
    ("Cục Bảo trợ xã hội.", "Cục Bảo trợ xã hội"),
    ("Cục Quản lý, giám sát chính sách thuế, phí và lệ phí;", "Cục Quản lý, giám sát chính sách thuế, phí và lệ phí"),
    ("Cục Kỹ thuật an toàn và Môi trường công nghiệp5 trình Bộ trưởng",
     "Cục Kỹ thuật an toàn và Môi trường công nghiệp"),
    ("Cục Thuế hướng dẫn", "Cục Thuế"),
    ("Chi cục Thống kê huyện tổng hợp", "Chi cục Thống kê huyện"),
)

# Abbreviated names of departments, read after their head ("Sở TN&MT", "Phòng GD&ĐT huyện") and expanded in
# canonical names like ABBREVIATIONS. (abbreviation, expansion, written example)
NAME_ABBREVIATIONS: tuple[tuple[str, str, str], ...] = (
    ("TN&MT", "Tài nguyên và Môi trường", "Sở TN&MT"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("GD&ĐT", "Giáo dục và Đào tạo", "Phòng GD&ĐT huyện"),
    ("KH&ĐT", "Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("KH&CN", "Khoa học và Công nghệ", "Sở KH&CN"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội", "Phòng LĐTB&XH huyện"),
    ("TT&TT", "Thông tin và Truyền thông", "Sở TT&TT"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL"),
    ("GTVT", "Giao thông vận tải", "Sở GTVT"),
)

# Abbreviations expanded in canonical names (word-bounded, case-sensitive).
ABBREVIATIONS: tuple[tuple[str, str, str], ...] = (
    # (abbreviation, expansion, written example)
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam", "UBMTTQVN huyện"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc", "UBMTTQ xã"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam", "MTTQVN tỉnh"),
    ("MTTQ", "Mặt trận Tổ quốc", "MTTQ và các đoàn thể huyện"),
    ("UBND", "Ủy ban nhân dân", "UBND các huyện, thành phố"),
    ("HĐND", "Hội đồng nhân dân", "TT. HĐND, UBND huyện"),
    ("UBKT", "Ủy ban Kiểm tra", "UBKT Tỉnh ủy"),
    ("BCH", "Ban Chấp hành", "BCH Đảng bộ huyện"),
    ("BTV", "Ban Thường vụ", "BTV Huyện ủy"),
    ("BCĐ", "Ban Chỉ đạo", "BCĐ 35 tỉnh"),
    ("BDV", "Ban Dân vận", "BDV Tỉnh ủy"),
    ("LHPN", "Liên hiệp Phụ nữ", "Hội LHPN xã"),
    ("CCB", "Cựu chiến binh", "Hội CCB huyện"),
    ("TNCS", "Thanh niên Cộng sản", "Đoàn TNCS Hồ Chí Minh tỉnh"),
    ("LĐLĐ", "Liên đoàn Lao động", "LĐLĐ tỉnh"),
    ("TT.", "Thường trực", "TT.HĐND xã"),
    ("TT", "Thường trực", "TT HĐND xã"),  # only as a head: "Thường trực" composes with the unit after it
    ("đ/c", "đồng chí", "Các đ/c Ủy viên"),
)

# Words that name a level of government; the value is the level.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("cấp tỉnh", "province"), ("cấp huyện", "district"), ("cấp xã", "commune"),
    ("tỉnh", "province"), ("thành phố", "district"), ("thị xã", "district"), ("huyện", "district"),
    ("quận", "district"), ("xã", "commune"), ("phường", "commune"), ("thị trấn", "commune"),
    ("đặc khu", "commune"),  # since July 2025: a commune-level island zone ("đặc khu Phú Quốc")
)
# Owners of a party board: the party committee (or scope) the board belongs to.
OWNER_WORDS: tuple[tuple[str, str], ...] = (
    ("trung ương đảng", "central"), ("trung ương", "central"),
    ("tỉnh ủy", "province"), ("huyện ủy", "district"), ("thị ủy", "district"), ("thành ủy", "district"),
    ("quận ủy", "district"), ("đảng ủy", "commune"), ("cơ sở", "commune"),
)
# Cities governed directly by the centre: their "Thành ủy" and "thành phố" are provincial.
CENTRAL_CITIES = ("hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")

# Collective units: "các" + one or more kinds; level None means "the context's level".
@dataclass(frozen=True)
class Kind:
    phrases: tuple[str, ...]
    unit_type: str
    level: str | None
    below: bool = False  # stands for units one level below the context or owner ("chi bộ")
    case_sensitive: bool = False  # written with a capital ("các Vụ, Cục"): in lower case a common word ("các vụ việc")
    examples: tuple[str, ...] = field(default=())


KINDS: tuple[Kind, ...] = (
    Kind(("tỉnh ủy, thành ủy", "tỉnh ủy"), "party_committee", "province",
         examples=("Các tỉnh ủy, thành ủy, các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương",
                   "các tỉnh ủy, thành ủy trực thuộc Trung ương")),
    Kind(("huyện ủy", "thị ủy", "thành ủy", "quận ủy"), "party_committee", "district",
         examples=("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",)),
    Kind(("đảng ủy", "đảng bộ", "chi bộ", r"chi, đảng bộ", "tổ chức cơ sở đảng", "chi, đảng bộ cơ sở"),
         "party_committee", None, below=True,
         examples=("Các chi bộ trực thuộc", "Các chi, đảng bộ trực thuộc Huyện ủy", "Các Chi bộ thôn")),
    Kind(("ban đảng", "cơ quan chuyên trách tham mưu, giúp việc", "cơ quan tham mưu, giúp việc"),
         "party_board", None,
         examples=("Các Ban Đảng Huyện ủy", "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy")),
    Kind(("đảng đoàn", "ban cán sự đảng"), "party_group", None,
         examples=("Các đảng đoàn, ban cán sự đảng",)),
    Kind(("sở, ban, ngành", "sở, ngành", "sở"), "department", "province",
         examples=("Các sở, ban, ngành", "các sở, ngành")),
    Kind(("bộ, ngành", "bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ", "bộ, cơ quan ngang bộ",
          "cơ quan ngang bộ", "cơ quan thuộc chính phủ", "bộ"), "department", "central",
         examples=("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Các bộ, ngành")),
    Kind(("phòng, ban chuyên môn", "phòng, ban, ngành", "phòng, ban", "phòng chuyên môn"), "department",
         "district", examples=("các phòng, ban chuyên môn", "các phòng, ban, ngành")),
    Kind(("ban, ngành", "ngành"), "department", None, examples=("các ban, ngành",)),
    # the departments of a ministry, named by their kinds: "các Vụ, Cục, Tổng cục thuộc Bộ Y tế"
    Kind(("tổng cục", "chi cục", "vụ", "cục"), "department", None, case_sensitive=True,
         examples=("các Vụ, Cục, Tổng cục thuộc Bộ Y tế", "các Vụ, Cục thuộc Bộ")),
    Kind(("đoàn thể chính trị - xã hội", "tổ chức chính trị - xã hội", "đoàn thể", "hội quần chúng",
          "tổ chức thành viên"), "mass_org", None,
         examples=("Các đoàn thể chính trị - xã hội huyện", "các tổ chức chính trị - xã hội",
                   "các đoàn thể xã")),
    Kind(("cơ quan thông tin đại chúng", "cơ quan báo chí"), "press", None,
         examples=("Các cơ quan thông tin đại chúng của tỉnh", "các cơ quan báo chí")),
    Kind(("đơn vị lực lượng vũ trang", "lực lượng vũ trang"), "armed_forces", None,
         examples=("Các đơn vị lực lượng vũ trang",)),
    Kind(("cơ quan chức năng", "cơ quan thành viên", "cơ quan, đơn vị", "cơ quan, tổ chức", "cơ quan",
          "đơn vị"), "other", None,
         examples=("Các cơ quan chức năng", "các cơ quan, đơn vị có liên quan",
                   "Các cơ quan thành viên Ban chỉ đạo công tác tôn giáo huyện")),
)
# Place kinds after a level-taking head: "UBND các huyện, thành phố".
PLACE_KINDS: tuple[tuple[str, str], ...] = (
    ("tỉnh", "province"), ("thành phố trực thuộc trung ương", "province"), ("huyện", "district"),
    ("thị xã", "district"), ("thành phố", "district"), ("quận", "district"), ("xã", "commune"),
    ("phường", "commune"), ("thị trấn", "commune"), ("cấp", ""),
)
# Words after a collective that narrow it but keep it collective.
COLLECTIVE_QUALIFIERS = ("có liên quan", "liên quan", "chuyên môn", "thôn", "tổ dân phố", "trực thuộc")


# Officials named by title stand for the body they head: State legal documents task bodies through
# their heads ("Bộ trưởng Bộ Tài chính hướng dẫn", "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo") and close with
# a "Trách nhiệm thi hành" article that lists officials only. The unit written after the title is the
# body; a title with nothing after it that names a unit stands for the collective it names.
@dataclass(frozen=True)
class Title:
    phrases: tuple[str, ...]  # lower-case title phrases; a unit may follow
    stands_for: str | None  # what the title means when no unit follows, read as a unit; None: nothing
    examples: tuple[tuple[str, str], ...] = field(default=())  # (written, name of the unit it gives)


TITLES: tuple[Title, ...] = (
    Title(("các bộ trưởng", "bộ trưởng"), "các bộ",
          examples=(("Bộ trưởng Bộ Tài chính", "Bộ Tài chính"),
                    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Các bộ"),
                    ("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ", "Các bộ"))),
    Title(("thủ trưởng cơ quan ngang bộ",), "các cơ quan ngang bộ",
          examples=(("Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ", "Các cơ quan ngang bộ"),)),
    Title(("thủ trưởng cơ quan thuộc chính phủ",), "các cơ quan thuộc chính phủ",
          examples=(("Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch", "Các cơ quan thuộc chính phủ"),)),
    Title(("thủ trưởng",), None,
          examples=(("Thủ trưởng các cơ quan, đơn vị thuộc Bộ Khoa học và Công nghệ",
                     "Các cơ quan, đơn vị thuộc Bộ Khoa học và Công nghệ"),)),
    Title(("phó chủ tịch", "chủ tịch"), None,
          examples=(("Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
                    ("Phó Chủ tịch UBND huyện", "Ủy ban nhân dân huyện"),
                    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"))),
    Title(("tổng giám đốc", "giám đốc"), None,
          examples=(("Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
                     "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"),
                    ("Tổng Giám đốc Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam"))),
    Title(("tổng cục trưởng", "chi cục trưởng", "cục trưởng", "vụ trưởng"), None,
          examples=(("Vụ trưởng Vụ Pháp chế", "Vụ Pháp chế"),
                    ("Cục trưởng Cục Tần số vô tuyến điện", "Cục Tần số vô tuyến điện"),
                    # titles in a row share the collective written after the last one
                    ("Vụ trưởng, Cục trưởng, Tổng cục trưởng các Vụ, Cục, Tổng cục thuộc Bộ Y tế",
                     "Các vụ, cục, tổng cục thuộc Bộ Y tế"))),
    Title(("chánh",), None, examples=(("Chánh Văn phòng Bộ", "Văn phòng Bộ"),)),
    Title(("trưởng",), None, examples=(("Trưởng Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh"),
                                      ("Trưởng Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo Huyện ủy"))),
    # those who head or sit on a body act for it: "người đứng đầu các cơ quan, đơn vị … thực hiện"
    Title(("người đứng đầu", "các thành viên", "thành viên"), None,
          examples=(("Người đứng đầu các cơ quan, đơn vị", "Các cơ quan, đơn vị"),
                    ("Các thành viên Ban Chỉ đạo phòng chống thiên tai huyện",
                     "Ban Chỉ đạo phòng chống thiên tai huyện"))),
)

# Words a sentence cannot end with: a line that ends with one was wrapped, and the next line
# goes on with the same sentence ("theo quy định của / Bộ trưởng Bộ Tài chính"), so it opens no task.
WRAP_WORDS = ("của", "và", "với", "cho", "thuộc", "các", "những", "theo", "tại", "về", "để", "trong", "từ",
              "đến", "hoặc", "do", "bởi")
# Document types one minister issues: there a bare "Bộ trưởng" is that minister, so the ministry their enacting
# formula names ("Bộ trưởng Bộ Tài chính ban hành Thông tư"). A consolidated text (VBHN) is left out: its type does
# not tell whether it consolidates a circular or a decree, whose "Bộ trưởng" is every minister.
MINISTER_DOC_TYPES = ("TT",)
# What an official's title does when it only enacts the document: "Bộ trưởng Bộ Tài chính ban hành Thông tư".
ENACTING_TYPES = ("thông tư", "nghị định", "nghị quyết", "quyết định", "chỉ thị")

# Roles: the verb that opens a task decides the role of its subject.
ROLE_VERBS: tuple[tuple[str, str, str], ...] = (
    # (pattern at the start of the predicate, role, example)
    (r"chủ trì", "lead", "Ban Dân vận Huyện ủy chủ trì, phối hợp Ban Tuyên giáo Huyện ủy"),
    (r"(?:là|làm) (?:cơ quan )?(?:đầu mối|thường trực|chủ trì)", "lead", "Sở Nội vụ là cơ quan đầu mối"),
    (r"theo dõi, (?:kiểm tra, )?đôn đốc", "lead", "Theo dõi, kiểm tra, đôn đốc việc thực hiện"),
    (r"(?:có trách nhiệm |tăng cường )?phối hợp", "support", "Phối hợp với Bộ Công an"),
)
# After "Giao" these verbs make the unit the lead ("Giao Khối Dân vận Đảng ủy tham mưu, theo dõi").
GIVEN_LEAD_VERBS = (r"tham mưu", r"theo dõi", r"đôn đốc", r"chủ trì", r"hướng dẫn")

# Openers before a subject that do not change who acts.
SUBJECT_OPENERS = (
    r"giao", r"đề nghị", r"yêu cầu", r"đồng thời", r"trong đó,?", r"ngoài ra,?",
    r"(?:định kỳ )?(?:hàng|hằng) (?:năm|quý|tháng)(?:, (?:sáu|6) tháng)?(?:, (?:một|01|1) năm)?,",
    r"định kỳ(?: (?:hàng|hằng))? (?:năm|quý|tháng|(?:sáu|6|03|3) tháng)(?:, (?:sáu|6) tháng)?"
    r"(?:, (?:một|01|1) năm)?,",
    r"trong năm(?: \d{4})?,", r"trong quý [ivx]+(?:/\d{4})?,",
)

# Verbs by which one unit asks others to act, inside a clause: "(Ban Thường vụ Huyện ủy) đề nghị các chi bộ …
# thực hiện", "UBND tỉnh giao Sở Nội vụ chủ trì". The units after the verb take the task, not the one before it;
# a line that ends "… thực hiện một số nội dung sau:" hands them the numbered items below. (pattern, examples)
# "chỉ đạo" is not one: "UBND huyện chỉ đạo các phòng … thực hiện" is the committee's own task.
REQUEST_VERBS: tuple[tuple[str, str], ...] = (
    (r"đề nghị", "Ban Thường vụ Huyện ủy đề nghị các chi bộ trực thuộc thực hiện"),
    (r"yêu cầu", "Ban Thường vụ Tỉnh ủy yêu cầu các huyện ủy, thành ủy quán triệt"),
    (r"giao", "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp"),
)

# Words that open a clause with a subject of its own: when that subject names no unit this module reads, the
# clause still does not take the subject of the clause before it on the line (only a clause that opens on its
# verb does). An official's title opens such a clause too ("Chánh Văn phòng UBND tỉnh; Các thành viên Tổ công
# tác chịu trách nhiệm thi hành"). "Các …" alone does not: "; các hoạt động văn hóa …" goes on with the object of
# the clause before it, and "Các phong trào thi đua phải thiết thực" still binds its actor. (phrase, example)
OWN_SUBJECT_OPENERS: tuple[tuple[str, str], ...] = (
    ("nội dung", "UBND các huyện tăng cường phòng dịch. Nội dung văn bản như sau:"),
    ("toàn thể", "Sở Y tế hướng dẫn; toàn thể nhân dân thực hiện"),
)

# Predicates that say what a unit did, got or heard, not what it is to do: a clause whose predicate opens with one
# is no task. (pattern, example)
NOT_TASK_PREDICATES: tuple[tuple[str, str], ...] = (
    (r"có ý kiến", "UBND tỉnh có ý kiến như sau:"),
    (r"(?:đã )?nhận được", "Ủy ban nhân dân tỉnh nhận được Công văn số 12/UBND-KT của tỉnh bạn"),
    # the two columns of a letter's header read as one line: the issuer, then the national motto
    (r"cộng hòa xã hội chủ nghĩa", "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
)
# Passive verbs by which a unit is granted or spared something, anywhere in its clause: no task.
PASSIVE_NOT_TASKS: tuple[tuple[str, str], ...] = (
    (r"được xem xét", "Người đứng đầu các cơ quan, đơn vị tham gia soạn thảo được xem xét miễn trách nhiệm"),
    (r"được miễn", "Các hợp tác xã được miễn lệ phí"),
    (r"được khen thưởng", "Các đơn vị làm tốt được khen thưởng"),
    (r"được hưởng", "Các trạm y tế xã được hưởng kinh phí hỗ trợ"),
)

# Phrases that look like units but are not: people, the document itself, generic actors.
NOT_UNITS: tuple[str, ...] = (
    "Nhân dân", "nhân dân", "cán bộ, đảng viên", "Kế hoạch này", "cấp ủy", "chính quyền",
    "Các cấp, các ngành", "Đảng", "Nhà nước", "người đứng đầu", "đoàn viên, hội viên",
    "Các cấp chính quyền", "cán bộ, công chức, viên chức",
)

# Lines of a "Nơi nhận" list that are not recipients.
RECIPIENT_SKIP = (
    r"lưu\b", r"như trên", r"như điều", r"như kính gửi", r"gửi mạng", r"gửi bản", r"gửi qua", r"[.…\s]*$"
)
FOR_REPORT = (r"\(?\s*b/c\s*\)?", r"\(?để báo cáo\)?", r"\(báo cáo\)")
