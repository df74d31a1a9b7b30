import datetime

import pytest

from news.linking import detect_mentions, directory_version, get_index
from tests.factories import (
    country,
    make_embassy,
    make_institution,
    make_partnership,
    make_person,
    make_position,
)

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 2, 10)


def found(text, kind, on=ON):
    return {m.object_id for m in detect_mentions(text, on).mentions if m.kind == kind}


@pytest.fixture
def antwerp():
    uantwerp = make_institution(
        "University of Antwerp", short_name="UAntwerp", aliases="UAntwerp\nUA", city="Antwerp"
    )
    cmat = make_institution(
        "Centre for Maritime & Air Transport Management",
        short_name="C-MAT",
        parent=uantwerp,
        city="Antwerp",
    )
    ams = make_institution("Antwerp Management School", short_name="AMS", city="Antwerp")
    return {"uantwerp": uantwerp, "cmat": cmat, "ams": ams}


def test_institution_by_name_short_name_and_alias(antwerp):
    ids = found("Talks at the University of Antwerp. UAntwerp hosts C-MAT.", "institution")
    assert ids == {antwerp["uantwerp"].pk, antwerp["cmat"].pk}


def test_possessive_and_unit_of_the_university(antwerp):
    text = "the potential of UAntwerp’s Centre for Maritime & Air Transport Management (C-MAT)"
    assert found(text, "institution") == {antwerp["uantwerp"].pk, antwerp["cmat"].pk}
    text = "the University of Antwerp's Centre for Maritime and Air Transport Management"
    assert found(text, "institution") == {antwerp["uantwerp"].pk, antwerp["cmat"].pk}


def test_longest_match_wins_so_a_name_inside_a_longer_one_links_nothing(antwerp):
    assert found("He studied at Antwerp Management School.", "institution") == {antwerp["ams"].pk}


def test_bare_city_name_links_nothing(antwerp):
    make_institution("Antwerp Port", short_name="Antwerp", city="Antwerp")
    assert found("Antwerp is a port city, and Antwerp welcomes students.", "institution") == set()


def test_word_boundaries_reject_names_inside_words(antwerp):
    assert found("The University of Antwerpen and UAntwerpX are not it.", "institution") == set()


def test_acronyms_match_case_sensitively(antwerp):
    assert found("Students go to ams and ua every year.", "institution") == set()
    assert found("Students go to AMS every year.", "institution") == {antwerp["ams"].pk}


def test_person_by_name_with_and_without_title():
    person = make_person("Roman Vassilenko", honorific="H.E.")
    make_position(person, title="Ambassador", embassy=make_embassy())
    assert found("Roman Vassilenko spoke.", "person") == {person.pk}
    assert found("Ambassador Roman Vassilenko spoke.", "person") == {person.pk}
    assert found("Ambassador Vassilenko spoke.", "person") == {person.pk}
    assert found("Mr Vassilenko spoke.", "person") == {person.pk}


def test_a_surname_alone_or_a_longer_name_is_no_person():
    make_person("Nathalie Dens")
    assert found("Dens spoke, and so did Nathalie Densmore.", "person") == set()


def test_ambassador_by_role_is_the_holder_at_the_date():
    embassy = make_embassy("Embassy of Kazakhstan in Belgium", host_country="BE")
    old = make_person("Margulan Baimukhan")
    new = make_person("Roman Vassilenko")
    make_position(
        old,
        embassy=embassy,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2024, 9, 30),
    )
    make_position(new, embassy=embassy, start_date=datetime.date(2024, 10, 1))
    text = "The Ambassador of Kazakhstan to Belgium met students."
    assert found(text, "person", on=datetime.date(2023, 3, 12)) == {old.pk}
    assert found(text, "person", on=datetime.date(2026, 2, 10)) == {new.pk}
    assert found(text, "embassy") == {embassy.pk}


def test_ambassador_to_an_accredited_country_is_the_mission_that_covers_it():
    embassy = make_embassy("Embassy in Belgium", host_country="BE")
    embassy.accredited_countries.add(country("LU"))
    person = make_person("Roman Vassilenko")
    make_position(person, embassy=embassy, start_date=datetime.date(2024, 10, 1))
    text = "The Ambassador of Kazakhstan to Luxembourg held talks."
    assert found(text, "embassy") == {embassy.pk}
    assert found(text, "person") == {person.pk}


def test_rector_by_role_at_an_institution(antwerp):
    rector = make_person("Herwig Leirs")
    make_position(rector, title="Rector", institution=antwerp["uantwerp"])
    vice = make_person("Nathalie Dens")
    make_position(vice, title="Vice-Rector", institution=antwerp["uantwerp"])
    assert found("He met the Rector of the University of Antwerp.", "person") == {rector.pk}
    assert found("He met the Vice-Rector of the University of Antwerp.", "person") == {vice.pk}


def test_embassy_by_generated_name():
    embassy = make_embassy("Embassy of the Republic of Kazakhstan in the Kingdom of Belgium")
    assert found("A counsellor of the Embassy of Kazakhstan in Belgium spoke.", "embassy") == {
        embassy.pk
    }


def test_countries_by_name_and_adjective():
    kz, be, nl = (country(code).pk for code in ("KZ", "BE", "NL"))
    assert found("Kazakhstan and Belgium", "country") == {kz, be}
    assert found("five Kazakh researchers and Belgian students", "country") == {kz, be}
    assert found("Dutch partners in the Netherlands", "country") == {nl}


def test_a_demonym_shared_with_territories_means_the_country():
    assert found("French students", "country") == {country("FR").pk}


def test_country_names_are_case_sensitive():
    assert found("a turkey and some china", "country") == set()


def test_country_inside_an_institution_name_is_not_a_country_mention():
    assert found("the Kazakh-British Technical University", "country") == set()


def test_partnership_by_two_members_in_a_sentence(antwerp):
    almau = make_institution("Almaty Management University", country_code="KZ")
    mba = make_partnership("MBA", institutions=[almau, antwerp["ams"]], kind="double_degree")
    text = "The programme between Almaty Management University and Antwerp Management School."
    mentions = detect_mentions(text, ON).mentions
    (partnership,) = [m for m in mentions if m.kind == "partnership"]
    assert partnership.object_id == mba.pk and partnership.confident


def test_partnership_by_one_member_and_its_kind_is_only_a_suggestion(antwerp):
    almau = make_institution("Almaty Management University", country_code="KZ")
    mobility = make_partnership(
        "Kazakhstan and Antwerp exchange scheme",
        institutions=[antwerp["uantwerp"], almau],
        kind="academic_mobility",
    )
    mentions = detect_mentions("academic mobility with UAntwerp", ON).mentions
    (partnership,) = [m for m in mentions if m.kind == "partnership"]
    assert partnership.object_id == mobility.pk and not partnership.confident


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("with Delft University of Technology here", "Delft University of Technology"),
        ("a visit to KU Leuven last week", "KU Leuven"),
        ("talks with the University of Glasgow.", "University of Glasgow"),
        ("Ghent University and others", "Ghent University"),
        # The city after a Dutch, German or French name is part of it, in any spelling.
        ("he visited the Vrije Universiteit Brussel (VUB) today", "Vrije Universiteit Brussel"),
        ("with the Technische Universität München.", "Technische Universität München"),
    ],
)
def test_institution_like_names_outside_the_directory_are_new_institutions(text, name):
    mentions = detect_mentions(text, ON).mentions
    assert [m.name for m in mentions if m.kind == "new_institution"] == [name]


def test_new_institution_country_is_guessed_from_its_sentence():
    (mention,) = [
        m
        for m in detect_mentions("Delft University of Technology in the Netherlands", ON).mentions
        if m.kind == "new_institution"
    ]
    assert mention.country_code == "NL"


def test_new_institution_named_after_a_known_city_takes_that_citys_country():
    make_institution("Eurasian National University", country_code="KZ", city="Astana")
    text = "In Brussels, Belgian partners met Astana IT University."
    (mention,) = [m for m in detect_mentions(text, ON).mentions if m.kind == "new_institution"]
    assert (mention.name, mention.country_code) == ("Astana IT University", "KZ")


def test_generic_names_and_directory_names_are_no_new_institution(antwerp):
    text = "The National Academy of Sciences and the University of Antwerp met."
    assert [m for m in detect_mentions(text, ON).mentions if m.kind == "new_institution"] == []


def test_mention_keeps_its_sentence(antwerp):
    text = "First sentence here. Then UAntwerp hosted guests. Last one."
    (mention,) = detect_mentions(text, ON).mentions
    assert mention.sentence == "Then UAntwerp hosted guests."
    assert mention.text == "UAntwerp"


def test_the_automaton_is_rebuilt_when_the_directory_changes():
    index = get_index()
    assert get_index() is index  # cached while nothing changes
    version = directory_version()
    institution = make_institution("Zhetysu Polytechnic Academy")
    assert directory_version() != version
    assert found("at Zhetysu Polytechnic Academy", "institution") == {institution.pk}
    institution.name = "Renamed Academy Of Arts"
    institution.save()
    assert found("at Renamed Academy Of Arts", "institution") == {institution.pk}
    assert found("at Zhetysu Polytechnic Academy", "institution") == set()


@pytest.mark.parametrize(
    "phrase",
    [
        "the Ambassador of Kazakhstan to Belgium",
        "the Ambassador of the Republic of Kazakhstan to the Kingdom of Belgium",
        "the Kazakh Ambassador to Belgium",
        "Kazakhstan's Ambassador in Belgium",
        "the Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Belgium",
    ],
)
def test_ambassador_role_forms(phrase):
    embassy = make_embassy("Embassy in Brussels", host_country="BE")
    person = make_person("Roman Vassilenko")
    make_position(person, embassy=embassy, start_date=datetime.date(2024, 10, 1))
    assert found(f"Yesterday {phrase} met students.", "person") == {person.pk}


def test_ambassador_of_another_country_is_no_role_of_ours():
    embassy = make_embassy("Embassy in Brussels", host_country="BE")
    make_position(make_person("Roman Vassilenko"), embassy=embassy)
    assert found("The Ambassador of France to Belgium spoke.", "person") == set()


def test_short_partnership_titles_are_not_matched_as_phrases(antwerp):
    almau = make_institution("Almaty Management University", country_code="KZ")
    make_partnership("Academic mobility", institutions=[almau, antwerp["ams"]])
    assert found("Academic mobility matters.", "partnership") == set()
