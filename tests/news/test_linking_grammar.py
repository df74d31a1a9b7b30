"""Grammar that detection must read in Kazakh, Russian and English texts (issue 12: the
rules found on the tuned part of the corpus, each written as a general rule)."""

import pytest

from news.linking import detect_mentions
from news.linking.figures_cyrillic import _TOKEN
from news.linking.figures_cyrillic import _tokens as figure_tokens
from news.linking.mentions import _ACRONYM, Text
from news.linking.morphology import tokenise, tokens
from tests.factories import make_embassy, make_person, make_position

from .conftest import CORPUS

pytestmark = pytest.mark.django_db


def _new(detection, kind):
    return {m.name for m in detection.mentions if m.kind == kind}


def _figures(detection):
    return {(f.label, f.value, f.approximate) for f in detection.figures}


def test_tokenise_gives_the_words_of_tokens_on_every_corpus_text():
    for path in sorted(CORPUS.glob("*.*")):
        text = path.read_text(encoding="utf-8")
        assert list(zip(*tokenise(text), strict=True)) == list(tokens(text)), path.name
    text = "ҚазҰУ-ға, ҚР-дағы студент-ке; l'Université"
    assert list(zip(*tokenise(text), strict=True)) == list(tokens(text))


def _figure_tokens_one_by_one(text):
    """Tokens of figures as `_TOKEN` finds them, a full stop kept after "тыс" only."""
    found = []
    for match in _TOKEN.finditer(text):
        word, end = match.group(), match.end()
        if word.endswith(".") and word.lower() != "тыс.":
            word, end = word[:-1], end - 1
        found.append((match.start(), end, word))
    return found


def test_figures_tokens_from_the_shared_split_are_those_of_their_own_pattern():
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.*"))]
    texts.append("31 500 студентов, 12 тыс. грантов, 5 ТЫС. 1 0005; д'Артаньян-ов 2-ші 40-қа")
    for text in texts:
        view = figure_tokens(text)
        found = list(zip(view.starts, view.ends, view.words, strict=True))
        assert found == _figure_tokens_one_by_one(text)


def test_a_texts_acronyms_are_the_matches_of_the_acronym_pattern():
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.*"))]
    texts.append("NATO, UNESCO and ABCDEFGHI; KazNU, ABC1, _ABC, ÉABC, ABC-DEF and XYZ")
    for text in texts:
        found = [(m.start(), m.end(), m.group()) for m in _ACRONYM.finditer(Text(text).text)]
        assert Text(text).acronyms == found


def test_kazakh_number_with_a_case_ending_after_a_hyphen(db):
    found = detect_mentions("Жақын күндері тағы 40-қа жуық студентті қайтару жоспарланып отыр.")
    assert _figures(found) == {("студент", 40, True)}


@pytest.mark.parametrize(
    "text",
    [
        "Ректорат университет қабырғасынан орталыққа арнап бөлме бөлген.",  # no possessive
        "Грузия университетінде қазақ мәдени орталығы ашылады.",  # a country alone
    ],
)
def test_kazakh_words_before_a_keyword_that_are_no_name(db, text):
    assert _new(detect_mentions(text), "new_institution") == set()


def test_kazakh_acting_and_secretary_roles_name_a_person(db):
    found = detect_mentions(
        "Департамент директорының міндетін атқарушы Гүлзат Қабенова хабарлады. Пәкістан Ислам "
        "Республикасының мемлекет хатшысы доктор Надим Шафик Маликпен кездесу өтті."
    )
    assert {"Гүлзат Қабенова", "Надим Шафик Малик"} <= _new(found, "new_person")


def test_russian_name_runs_on_through_genitive_nouns_and_its_figure(db):
    found = detect_mentions(
        "В Астане открылся филиал Пекинского университета языка и культуры. За 63 года он "
        "обучил около 300 тысяч граждан из 176 стран мира. Копия документа хранится в кабинете "
        "директора университета Лю Сянцяня. Число студентов должно достичь 100 тысяч человек."
    )
    assert _new(found, "new_institution") == {"Пекинский университет языка и культуры"}
    assert _new(found, "new_person") == {"Лю Сянцянь"}
    # The count belongs to the university named in the sentence before; a target is no count.
    ((label, value, approximate),) = _figures(found)
    assert (label, value, approximate) == ("граждане", 300_000, True)
    assert found.figures[0].subject_name == "Пекинский университет языка и культуры"


def test_russian_ambassador_in_the_instrumental_names_the_mission(db):
    embassy = make_embassy("Embassy of Kazakhstan in Russia", host_country="RU")
    make_position(make_person("Ermek Kosherbayev"), embassy=embassy)
    found = detect_mentions(
        "Состоялась встреча с Чрезвычайным и Полномочным Послом Республики Казахстан в "
        "Российской Федерации Ермеком Кошербаевым."
    )
    assert found.ids("embassy") == {embassy.pk}


def test_english_acronym_of_a_new_institution_carries_its_figure(db):
    found = detect_mentions(
        "Almaz Bukalaev visited Kazan Federal University. He met participants of the Summer "
        "University project. Currently, KFU hosts 68 Kyrgyzstani students."
    )
    assert _new(found, "new_institution") == {"Kazan Federal University"}
    (figure,) = found.figures
    assert (figure.value, figure.subject_name) == (68, "Kazan Federal University")
