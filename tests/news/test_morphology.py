"""Word keys for Russian and Kazakh: a name and its inflected forms meet."""

import pytest

from news.linking.language import detect_language
from news.linking.morphology import kk_key, latin_to_cyrillic, name_key, tokens


@pytest.mark.parametrize(
    ("inflected", "name", "language"),
    [
        ("в Антверпенском университете", "Антверпенский университет", "ru"),
        ("с Романом Василенко", "Роман Василенко", "ru"),
        ("Хервигом Лейрсом", "Хервиг Лейрс", "ru"),
        ("Ермеком Кошербаевым", "Ермек Кошербаев", "ru"),
        ("Галимкаира Мутанова", "Галимкаир Мутанов", "ru"),
        ("Российской Федерации", "Российская Федерация", "ru"),
        ("им. М.В.Ломоносова", "имени М. В. Ломоносова", "ru"),
        ("Антверпен университетінде", "Антверпен университеті", "kk"),
        ("Антверпен университетінің", "Антверпен университеті", "kk"),
        ("Бельгиядағы", "Бельгия", "kk"),
        ("Қазақстанның", "Қазақстан", "kk"),
        ("қазақстандық", "Қазақстан", "kk"),
        ("Лейрспен", "Лейрс", "kk"),
        ("ҚазҰУ-ға", "ҚазҰУ", "kk"),
    ],
)
def test_an_inflected_form_has_the_key_of_the_name(inflected, name, language):
    key, want = name_key(inflected, language), name_key(name, language)
    assert key[-len(want) :] == want


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("университетіне", "универси"),  # possessive + dative
        ("студенттер", "студент"),  # plural
        ("елшілігінде", "елшіл"),  # possessive + locative
        ("мен", "мен"),  # too short to lose anything
    ],
)
def test_kazakh_suffix_table(word, stem):
    assert kk_key(word) == stem


def test_different_words_keep_different_keys():
    assert name_key("Антверпенский университет", "ru") != name_key(
        "Амстердамский университет", "ru"
    )
    assert kk_key("Қазақстан") != kk_key("Қазақ")


def test_latin_names_are_written_in_cyrillic_and_meet_the_russian_spelling():
    assert latin_to_cyrillic("Roman Vassilenko") == "Роман Вассиленко"
    assert name_key(latin_to_cyrillic("Roman Vassilenko"), "ru") == name_key(
        "Романом Василенко", "ru"
    )
    assert name_key(latin_to_cyrillic("Herwig Leirs"), "ru") == name_key("Хервигом Лейрсом", "ru")


def test_kazakh_case_ending_after_a_hyphen_is_not_part_of_the_word():
    assert [w for _s, _e, w in tokens("ҚазҰУ-дың ректоры, Әл-Фараби")] == [
        "ҚазҰУ",
        "ректоры",
        "Әл-Фараби",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Ambassador met the Rector of the University of Antwerp.", "en"),
        ("Посол Казахстана встретился с ректором университета.", "ru"),
        ("Қазақстанның Бельгиядағы елшісі университет ректорымен кездесті.", "kk"),
        ("12345 !!!", "en"),
    ],
)
def test_language_of_a_text(text, language):
    assert detect_language(text) == language
