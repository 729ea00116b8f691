from counter_app.domain.paper_kind import paper_kind, same_kind


def test_catalogue_wordings_of_one_paper_are_one_kind():
    assert same_kind("Bản sao Giấy khai sinh", "Giấy khai sinh của người được đăng ký (bản chính)")
    assert same_kind("Căn cước công dân", "Thẻ CCCD hoặc hộ chiếu còn giá trị")
    assert paper_kind("Giấy chứng nhận kết hôn") == "marriage-certificate"


def test_other_papers_match_only_by_their_whole_name():
    assert same_kind("Giấy chứng sinh ", "giấy chứng sinh")
    assert not same_kind("Giấy chứng sinh", "Giấy báo tử")
    assert not same_kind("Giấy khai sinh", "Giấy chứng nhận kết hôn")


def test_papers_made_for_the_case_are_never_offered_again():
    assert paper_kind("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu") is None
    assert not same_kind("Tờ khai đăng ký khai tử", "Tờ khai đăng ký khai tử")
    assert paper_kind("Văn bản ủy quyền theo quy định (trường hợp ủy quyền)") is None
