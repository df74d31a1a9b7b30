import datetime

import pytest

from news.linking import detect_mentions
from news.linking.figures import parse_number
from tests.factories import make_institution, make_partnership

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 2, 10)


@pytest.fixture
def world():
    uantwerp = make_institution("University of Antwerp", short_name="UAntwerp", city="Antwerp")
    almau = make_institution("Almaty Management University", country_code="KZ", city="Almaty")
    ams = make_institution("Antwerp Management School", short_name="AMS", city="Antwerp")
    mobility = make_partnership(
        "Kazakhstan and UAntwerp exchange", institutions=[uantwerp, almau], kind="academic_mobility"
    )
    mba = make_partnership("AlmaU-AMS MBA", institutions=[almau, ams], kind="double_degree")
    return {"uantwerp": uantwerp, "ams": ams, "mobility": mobility, "mba": mba}


def figures(text):
    return {
        (f.label, f.value, f.subject_kind, f.subject_id) for f in detect_mentions(text, ON).figures
    }


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("11", 11),
        ("1,200", 1200),
        ("five", 5),
        ("Twelve", 12),
        ("twenty-five", 25),
        ("forty two", 42),
        ("a hundred", 100),
        ("two hundred and fifty", 250),
        ("a dozen", 12),
    ],
)
def test_numbers_in_digits_and_words(words, value):
    assert parse_number(words) == value


def test_students_from_a_country_become_a_demonym_label(world):
    text = "Currently, 11 students from Kazakhstan are studying at the University of Antwerp."
    assert figures(text) == {("Kazakh students", 11, "partnership", world["mobility"].pk)}


def test_number_words_and_a_country_adjective(world):
    text = "Five Kazakh researchers are conducting research at the University of Antwerp."
    assert figures(text) == {("Kazakh researchers", 5, "partnership", world["mobility"].pk)}


def test_two_members_in_the_sentence_mean_their_partnership(world):
    text = (
        "The double-degree MBA programme between Almaty Management University and Antwerp "
        "Management School involves eight master’s students."
    )
    assert figures(text) == {("master's students", 8, "partnership", world["mba"].pk)}


def test_earlier_value_is_not_a_figure(world):
    text = (
        "The MBA of Almaty Management University and Antwerp Management School: "
        "twelve master's students, up from eight."
    )
    assert figures(text) == {("master's students", 12, "partnership", world["mba"].pk)}
    text = "The MBA of AMS and Almaty Management University grew from eight master's students."
    assert figures(text) == set()


def test_years_are_not_figures_and_estimates_are_kept_as_approximate(world):
    text = (
        "More than 300 students study at the University of Antwerp. In 2025 students came "
        "to AMS, about 40 researchers too."
    )
    found = detect_mentions(text).figures
    assert {(f.label, f.value, f.approximate) for f in found} == {
        ("students", 300, True),
        ("researchers", 40, True),
    }


def test_earlier_values_are_not_figures(world):
    text = "Twelve researchers from AMS now work there, up from eight a year ago."
    assert {f.value for f in detect_mentions(text).figures} == {12}


def test_a_figure_with_only_one_institution_and_no_other_hint_belongs_to_it(world):
    text = "Antwerp Management School now counts 45 graduates."
    assert figures(text) == {("graduates", 45, "institution", world["ams"].pk)}


def test_back_reference_to_a_named_partnership(world):
    text = (
        "Almaty Management University and Antwerp Management School run a joint MBA. "
        "Next year, twelve master's students will join the programme at AMS."
    )
    assert ("master's students", 12, "partnership", world["mba"].pk) in figures(text)


def test_a_figure_takes_its_subject_from_the_sentence_before(world):
    text = "Antwerp Management School hosted a fair. Twenty graduates received diplomas."
    assert figures(text) == {("graduates", 20, "institution", world["ams"].pk)}


def test_a_figure_without_any_institution_nearby_belongs_to_the_press_release(world):
    (figure,) = detect_mentions("Twenty graduates received diplomas.").figures
    assert (figure.label, figure.value, figure.subject_kind, figure.subject_id) == (
        "graduates",
        20,
        "",
        None,
    )


def test_a_figure_beside_a_new_institution_belongs_to_it(world):
    text = "The University of Havana hosted seven Kazakh interns this spring."
    (figure,) = detect_mentions(text).figures
    assert (figure.label, figure.value, figure.subject_kind, figure.subject_name) == (
        "Kazakh interns",
        7,
        "new_institution",
        "University of Havana",
    )


def test_the_seed_gives_exactly_its_three_figures(corpus_directory):
    from news.linking import detection_date, parse_file
    from partners.models import Partnership

    parsed = parse_file(corpus_directory / "01-antwerp-seed.txt")
    detection = detect_mentions(parsed.plain_text, detection_date(parsed))
    slugs = dict(Partnership.objects.values_list("pk", "slug"))
    assert {(f.label, f.value, slugs[f.subject_id]) for f in detection.figures} == {
        ("Kazakh students", 11, "kazakhstan-uantwerp-academic-mobility"),
        ("Kazakh researchers", 5, "kazakhstan-uantwerp-academic-mobility"),
        ("master's students", 8, "almau-ams-double-degree-mba"),
    }
