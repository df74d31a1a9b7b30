"""Counted facts in Russian and Kazakh texts: "11 студентов из Казахстана", "около четырех
тысяч студентов", "бес қазақстандық зерттеуші", "60 мыңнан астам қазақстандық студент".

A number (digits, "31 500", or number words, with "тысяч"/"тыс."/"мың" after it) followed by
at most three modifiers and a counted noun. Labels are what editors write: in Russian the
words in the nominative plural ("казахстанские исследователи", "студенты магистратуры",
"студенты из Казахстана"), in Kazakh the words as written without a case ending
("қазақстандық зерттеуші"). Years, ages and anniversaries are not figures (the noun after
them is not counted). "около", "более", "свыше", "астам", "аса", "жуық" make a figure
approximate.
"""

import bisect
import functools
import itertools
import re

from . import morphology

_TOKEN = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+|[^\W\d_]+(?:-[^\W\d_]+)*\.?")

RU_NOUNS = {
    "студент", "исследователь", "преподаватель", "учёный", "ученый", "магистрант",
    "докторант", "аспирант", "стажёр", "стажер", "выпускник", "специалист", "эксперт",
    "участник", "гость", "человек", "договор", "соглашение", "меморандум", "филиал", "грант",
    "стипендия", "проект", "программа", "слушатель", "абитуриент", "школьник", "гражданин",
    "член", "казахстанец", "иностранец", "соотечественник", "учащийся", "стипендиат",
    "претендент", "кандидат",
    # people counted as a delegation's ("20 представителей", "100 молодых лидеров")
    "представитель", "лидер", "делегат",
    # people counted by where they come from, as "тума" in Kazakh ("не менее 10 тыс.
    # выходцев из Казахстана")
    "выходец", "уроженец",
}  # fmt: skip
# People counted by their people, as a diaspora is in Kazakh ("40 тыс. этнических
# таджиков", "около 100 тысяч корейцев"): the nouns of the peoples of Central Asia, of the
# peoples living in Kazakhstan in numbers and of its partners' peoples, as a dictionary
# gives them (the adjective, "казахских студентов", is a modifier, no such noun).
RU_PEOPLES = {
    "казах", "русский", "узбек", "таджик", "кыргыз", "киргиз", "туркмен", "каракалпак",
    "уйгур", "дунганин", "татарин", "татар", "башкир", "чуваш", "кореец", "немец",
    "украинец", "белорус", "поляк", "азербайджанец", "армянин", "грузин", "чеченец",
    "ингуш", "курд", "турок", "турк", "еврей", "грек", "болгарин", "молдаванин", "литовец",
    "латыш", "эстонец", "монгол", "китаец", "японец", "индиец", "пакистанец", "афганец",
    "иранец", "перс", "араб", "американец", "англичанин", "британец", "француз",
    "итальянец", "испанец", "венгр", "чех", "словак", "серб", "румын", "финн", "швед",
    "норвежец", "датчанин", "голландец", "бельгиец", "австриец", "швейцарец", "канадец",
    "мексиканец", "бразилец", "египтянин", "малайзиец", "индонезиец", "вьетнамец",
    "таец", "филиппинец",
}  # fmt: skip
RU_NOUNS |= RU_PEOPLES - {"русский"}  # "русский" is mostly the adjective
# A noun in the genitive after the counted one is part of the label when it says the level
# of study ("студенты магистратуры"), not whose they are ("выпускники программы",
# "студенты университета": as in English, "graduates of the programme" are "graduates").
RU_STUDY_LEVELS = {
    "магистратура", "бакалавриат", "докторантура", "аспирантура", "ординатура",
    "резидентура", "интернатура", "специалитет",
}  # fmt: skip
KK_NOUNS = (
    # documents signed, citizens ("20-дан астам маңызды құжатқа", "Қытай азаматы")
    "құжат", "азамат",
    "студент", "зерттеуші", "оқытушы", "магистрант", "докторант", "түлек", "маман", "ғалым",
    "қатысушы", "қонақ", "келісім", "меморандум", "филиал", "грант", "шәкіртақы", "жоба",
    "бағдарлама", "талапкер", "оқушы", "адам", "үміткер",
    # scholarship holders, as "стипендиат" in Russian ("25 стипендиаттың")
    "стипендиат",
    # people counted as a delegation's ("20 өкіл", "жастардың 100 көшбасшысы")
    "өкіл", "көшбасшы", "делегат",
    # people counted by where they come from, as "соотечественник", "гражданин" are in
    # Russian ("60 мыңға жуық Қазақстан тумалары", "он мыңдық грек диаспорасы")
    "тума", "диаспора", "отандас", "қандас",
)  # fmt: skip
KK_NUMBERS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100,
}  # fmt: skip
RU_NUMBERS = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300,
    "четыреста": 400, "пятьсот": 500,
}  # fmt: skip
RU_THOUSAND = {"тысяча", "тыс", "тыс."}
KK_THOUSAND = ("мың",)
# Words before a number that make it a target, not a count ("должно достичь 100 тысяч").
RU_TARGET = {"достичь", "достигнуть", "достигнет", "достигнут", "довести"}
RU_APPROX = {"около", "более", "свыше", "почти", "порядка", "примерно", "больше", "менее", "до"}
KK_APPROX_AFTER = {"астам", "аса", "жуық", "шамасында"}
KK_APPROX_BEFORE = {"шамамен", "жуық", "шамасы"}
# A Russian count's case ending after a hyphen ("53-х тысяч", "14-и тысяч", "5-ти"); not an
# ordinal's ("2-го курса", "1-й").
RU_SUFFIX_AFTER_HYPHEN = {"х", "и", "ти", "ми", "ех", "ух", "ью"}
# "Из них более 53 тысяч ...", "оның 78-і": the counts of a sentence that divide the count
# before it; one with no noun of its own counts that count's noun.
RU_PART_OF = re.compile(r"\b(?:из них|из которых|в том числе)\b", re.IGNORECASE)
# "72 из них – в Сингапуре": the words that divide said after the count
RU_PART_OF_AFTER = re.compile(r"\s+из\s+(?:них|которых)\b", re.IGNORECASE)
KK_PART_OF = {"оның", "олардың", "соның"}
# What may stand between "оның" and its number ("оның тек мыңнан астамы ғана", "оның
# ішінде 13-і": of them, among them).
KK_PART_OF_FILLER = {"тек", "шамамен", "барлығы", "ішінде"}
# "мыңнан астамы": more than a thousand of them
KK_APPROX_PART = {"астамы", "асуы", "жуығы"}


# The tests of a word below are cached by word: a text says the same words many times.
@functools.lru_cache(maxsize=50_000)
def _ru_number(word):
    parse = morphology.ru_parse(word)
    if parse is None:
        return None
    return RU_NUMBERS.get(parse.normal_form)


def _kk_number(word):
    return KK_NUMBERS.get(word.lower())


_MILLION = "миллион"


def _kk_thousand_alone(word):
    """'мың', 'мыңнан': a thousand said without a number before it."""
    return word.lower() in ("мың", "мыңнан")


_RU_ONE_AND_A_HALF = {"полтора", "полторы", "полутора"}


def _value(tokens, i, language, text=""):
    """(value, index after the number) for a number starting at token i, else None."""
    word = tokens.words[i]
    fraction = None
    if language == "kk" and _kk_thousand_alone(word):
        return 1000, i + 1  # "мыңнан астам студент"
    if word[0].isdigit():
        value, j = int(word.replace(" ", "").replace("\u00a0", "")), i + 1
        if (
            language == "ru"
            and j < len(tokens.words)
            and tokens.starts[j] == tokens.ends[i] + 1
            and text[tokens.ends[i] : tokens.starts[j]] == "-"
            and tokens.words[j].lower() in RU_SUFFIX_AFTER_HYPHEN
        ):
            j += 1  # "53-х тысяч человек"
        if (
            j < len(tokens.words)
            and tokens.words[j].isdigit()
            and tokens.starts[j] == tokens.ends[i] + 1
            and text[tokens.ends[i] : tokens.starts[j]] in (",", ".")
        ):
            fraction, j = tokens.words[j], j + 1  # "1,5 тыс.": a decimal before a thousand
    elif language == "ru" and word.lower() in _RU_ONE_AND_A_HALF:
        value, fraction, j = 1, "5", i + 1  # "полторы тысячи": 1500, with its thousand
    else:
        read = _ru_number if language == "ru" else _kk_number
        value, j = read(word), i + 1
        if value is None:
            return None
        while (
            j < len(tokens.words) and (more := read(tokens.words[j])) is not None and more < value
        ):
            value, j = value + more, j + 1
        if language == "kk" and j < len(tokens.words) and tokens.words[j].lower() == "жарым":
            fraction, j = "5", j + 1  # "бір жарым мың" (one and a half thousand): 1500
    if j < len(tokens.words):
        following = tokens.words[j].lower()
        if following.startswith(_MILLION) or following in ("млн", "млн."):
            # "1,021 миллион Қытай студенті", "1,5 млн студентов"
            value, j = round(_thousands(value, fraction) * 1000), j + 1
            fraction = None
        elif language == "ru":
            if _ru_thousand(following):
                value, j = _thousands(value, fraction), j + 1
                fraction = None
        elif following.startswith(KK_THOUSAND):  # "мың", "мыңнан" (then "астам")
            value, j = _thousands(value, fraction), j + 1
            fraction = None
    if fraction is not None:
        return None  # "2,5 балла": a decimal without thousands counts nothing
    return value, j


@functools.lru_cache(maxsize=10_000)
def _ru_thousand(word):
    """Whether a lower-case Russian word after a number is "тысяча" ("тыс.", "тысяч")."""
    parse = morphology.ru_parse(word.rstrip("."))
    lemma = parse.normal_form if parse is not None else word
    return lemma in RU_THOUSAND or word in RU_THOUSAND


def _thousands(value, fraction):
    """1 and "5" -> 1500 ("1,5 тыс."), 12 and None -> 12 000."""
    if fraction is None:
        return value * 1000
    return round(float(f"{value}.{fraction}") * 1000)


@functools.lru_cache(maxsize=50_000)
def _ru_noun(word):
    parse = morphology.ru_parse(word)
    if parse is not None and parse.normal_form in RU_NOUNS:
        return parse
    if parse is None and "-" in word:
        return _ru_compound_noun(word)
    return None


def _ru_compound_noun(word):
    """The counted noun's parse when it opens a noun joined by a hyphen to another noun in
    its case and number, an apposition saying what they are ("студентов-медиков",
    "врачей-интернов"): the label keeps both (`_ru_plural`)."""
    head, _sep, tail = word.partition("-")
    head_parse = morphology.ru_parse(head)
    if head_parse is None or head_parse.normal_form not in RU_NOUNS or "-" in tail:
        return None
    forms = {
        (p.tag.case, p.tag.number)
        for p in morphology.ru_parses(head)
        if p.normal_form == head_parse.normal_form
    }
    if any(
        p.tag.POS == "NOUN" and (p.tag.case, p.tag.number) in forms
        for p in morphology.ru_parses(tail)
    ):
        return head_parse
    return None


@functools.lru_cache(maxsize=50_000)
def _kk_noun(word):
    lowered = word.lower()
    if _KK_YOUNG.fullmatch(lowered):
        return "жас"
    stem = next((n for n in KK_NOUNS if lowered.startswith(n)), None)
    if stem is not None and lowered[len(stem) :].startswith(_KK_ADJECTIVE_ENDINGS):
        return None  # "мамандық" (a speciality), "студенттік": another word than the noun's
    if stem == "өкіл" and lowered.startswith("өкілет"):
        return None  # "өкілеттік" (a power, an authority): no representative
    return stem


# "11 мыңнан астам қазақ жасы" (young Kazakhs): "жас" counts young people in these forms
# only ("жасады" is a verb, "жаста" an age), and after a word saying whose they are
_KK_YOUNG = re.compile(r"жас(?:тар)?(?:ы(?:ның|на|н|мен|нан)?)?")


def _tokens(text, split=None):
    """(start, end, word) of every `_TOKEN` as a `morphology.TokenView`, from the numbers
    and words of `morphology.split_words_and_numbers(text)` (or `split`, made already): a
    word with an apostrophe is two tokens here, and "тыс." keeps its full stop."""
    starts, ends, words = split or morphology.split_words_and_numbers(text)
    starts, ends, words = list(starts), list(ends), list(words)
    if "'" in text or "’" in text:
        starts, ends, words = _split_at_apostrophes(text, starts, ends, words)
    thousands = {word for word in set(words) if word.lower() == "тыс"}
    if thousands:
        for i in _indices_of(text, starts, words, thousands):
            if text[ends[i] : ends[i] + 1] == ".":
                words[i], ends[i] = words[i] + ".", ends[i] + 1
    return morphology.TokenView((starts, ends, words))


_APOSTROPHE = re.compile("['’]")


def _indices_of(text, starts, words, wanted):
    """The indices, in order, of the words (at `starts` in `text`) that are in `wanted`: each
    wanted word is looked for with `str.find` and its places matched to the words' starts,
    rather than every word of the text compared in Python."""
    found = set()
    for word in wanted:
        position = text.find(word)
        while position != -1:
            i = bisect.bisect_left(starts, position)
            if i < len(starts) and starts[i] == position and words[i] == word:
                found.add(i)
            position = text.find(word, position + 1)
    return sorted(found)


def _split_at_apostrophes(text, starts, ends, words):
    """A word joined by apostrophes ("д'Артаньян") is a token per part between them. The
    words holding one are found from the text's apostrophes (a few), each matched to the
    word around it, not by looking into every word."""
    marked = set()
    for mark in ("'", "’"):
        position = text.find(mark)
        while position != -1:
            i = bisect.bisect_right(starts, position) - 1
            if i >= 0 and position < ends[i]:
                marked.add(i)
            position = text.find(mark, position + 1)
    marked = sorted(marked)
    new_starts, new_ends, new_words, done = [], [], [], 0
    for i in marked:
        new_starts += starts[done:i]
        new_ends += ends[done:i]
        new_words += words[done:i]
        position = starts[i]
        for piece in _APOSTROPHE.split(words[i]):
            new_starts.append(position)
            new_ends.append(position + len(piece))
            new_words.append(piece)
            position += len(piece) + 1
        done = i + 1
    return new_starts + starts[done:], new_ends + ends[done:], new_words + words[done:]


def _past_kk_case_ending(tokens, j, text, language):
    """The token after a Kazakh number's case ending, written after a hyphen ("40-қа",
    "95-ке"), else ``j``."""
    if (
        language == "kk"
        and j < len(tokens.words)
        and tokens.starts[j] == tokens.ends[j - 1] + 1
        and text[tokens.starts[j] - 1] == "-"
        and tokens.words[j].lower() in morphology.KK_SUFFIX_AFTER_HYPHEN
    ):
        return j + 1
    return j


def cyrillic_figures(text, language, hits, split=None):
    """(start, matched text, value, label, country id, approximate) of each figure; `split`
    is `morphology.split_words_and_numbers(text)` where it is made already."""
    tokens = _tokens(text, split)
    read = _ru_number if language == "ru" else _kk_number
    starts_number = {}
    for word in set(tokens.words):
        starts_number[word] = word[0].isdigit() or (word[0].isalpha() and read(word) is not None)
        if language == "kk" and _kk_thousand_alone(word):
            starts_number[word] = True
        if language == "ru" and word.lower() in _RU_ONE_AND_A_HALF:
            starts_number[word] = True
    candidates = itertools.compress(
        range(len(tokens.words)), map(starts_number.__getitem__, tokens.words)
    )
    countries = {}
    for hit in hits:
        if hit.entries[0][0] == "country" and len(hit.entries) == 1:
            countries[hit.start] = hit.entries[0][1]
    country_at = sorted(countries.items())
    after_figure = 0
    labels = []  # (end, label) of the figures read so far
    for i in candidates:
        if i < after_figure:
            continue
        start, _end, word = tokens[i]
        if (
            i
            and word[0].isdigit()
            and tokens.words[i - 1][0].isdigit()
            and text[tokens.ends[i - 1] : start] in (",", ".")
        ):
            continue  # "1,021 миллион": the decimals of the number before, no number
        number = _value(tokens, i, language, text)
        if number is None:
            continue
        value, j = number
        if (
            word.isdigit()
            and 1900 <= int(word) <= 2100
            and len(word) == 4
            and not (j < len(tokens.words) and _counted_noun(tokens.words[j], language))
        ):
            continue  # a year ("2022 жылы"), unless a counted noun follows ("2000 студент")
        j = _past_kk_case_ending(tokens, j, text, language)  # "40-қа жуық студент"
        approximate = False
        if (
            language == "kk"
            and word.lower() == "бір"
            and j < len(tokens.words)
            and tokens.words[j].lower() in _KK_ONE_AS_ARTICLE
        ):
            continue  # "бір топ магистранттар": a group of them, no count of one
        if (ranged := _range_end(tokens, i, j, language, text)) is not None:
            # "35-40 казахстанских студентов", "90-нан 95 мыңға дейін түлектері": a range
            # is one figure, its first number's, approximate
            value, j = _range_value(value, ranged[0], tokens.words[j]), ranged[1]
            approximate = True
        before = tokens.words[i - 1].lower() if i else ""
        if language == "ru" and before in RU_TARGET:
            continue
        if language == "ru" and before in RU_APPROX:
            approximate = True
        if language == "kk" and before in KK_APPROX_BEFORE:
            approximate = True
        if (
            language == "kk"
            and j < len(tokens.words)
            and tokens.words[j].lower() in KK_APPROX_AFTER
        ):
            approximate, j = True, j + 1
        # "олардың 26,8 мыңы федералды бюджет есебінен": a thousand "of them" has its noun
        # before it, what follows is none
        found = (
            None
            if language == "kk" and _KK_POSSESSIVE_NUMBER.fullmatch(tokens.words[j - 1].lower())
            else _phrase(tokens, j, language, text, countries)
        )
        listed = False
        if found is None:
            # "Ресейден 3000, Үндістаннан – 12500, Қытайдан – 2000 студент": numbers listed
            # before one counted noun share it
            found = _shared_noun(text, tokens, j, language, read)
            if found is None:
                label = _label_divided(text, tokens, i, language, labels, j)
                if label is None:
                    label = _number_of(text, tokens, i, j, language)
                if label is None:
                    continue
                if (
                    language == "kk"
                    and j < len(tokens.words)
                    and tokens.words[j].lower() in KK_APPROX_PART
                ):
                    approximate, j = True, j + 1
                found = (label, j)
            else:
                listed = True
        label, end_index = found
        if _a_plan(text, tokens, i, end_index, language):
            continue
        if language == "kk" and i and _kk_origin_before(before, tokens.starts[i - 1], countries):
            label = f"{before} {label}"  # "түркиялық 82 студент": whose the counted are
        elif language == "kk" and i and (owner := _kk_owner_before(tokens, i, countries, label)):
            label = f"{owner} {label}"  # "Қазақстанның 968 азаматы": "Қазақстан азаматы"
        end = tokens.ends[end_index - 1]
        near = bisect.bisect_left(country_at, (start - 40, -1))
        country_id = next(
            (pk for s, pk in country_at[near : near + 4] if start - 40 <= s <= end), None
        )
        if listed:
            end, end_index = tokens.ends[j - 1], j  # the next number of the list is read too
        yield start, text[start:end], value, label, country_id, approximate
        labels.append((end, label))
        after_figure = end_index


# "бір топ", "бір қатар": "a group of", "a number of", no count of one.
_KK_ONE_AS_ARTICLE = {"топ", "қатар"}
_RANGE_DASHES = {"-", "–", "—", " - ", " – ", " — "}
# "90-нан 95 мыңға дейін" (from 90 to 95 thousand): the first number's ablative after a hyphen
_KK_ABLATIVE = {"нан", "нен", "дан", "ден", "тан", "тен"}


def _range_end(tokens, i, j, language, text):
    """(second value, index after it) when the number at token `i` (read up to `j`) opens
    a range of digits: "35-40" (a dash between), "90-нан 95 мыңға дейін" (Kazakh: from ...
    to), "от 35 до 40" (Russian); else None."""
    if j >= len(tokens.words) or not tokens.words[i][0].isdigit():
        return None
    k = j
    if language == "kk" and tokens.words[j - 1].lower() in _KK_ABLATIVE and j - 1 > i:
        pass  # "90-нан 95": the ablative, then the second number
    elif (
        language == "ru"
        and tokens.words[j].lower() == "до"
        and i
        and tokens.words[i - 1].lower() == "от"
    ):
        k = j + 1  # "от 35 до 40"
    elif text[tokens.ends[j - 1] : tokens.starts[j]] not in _RANGE_DASHES or j != i + 1:
        return None
    if k >= len(tokens.words) or not tokens.words[k][0].isdigit():
        return None
    second = _value(tokens, k, language, text)
    if second is None or second[0] <= int(tokens.words[i].replace(" ", "").replace("\u00a0", "")):
        return None  # "2019-2020": no range of a count (a later number is greater)
    end = second[1]
    end = _past_kk_case_ending(tokens, end, text, language)  # "95-ке дейін"
    if language == "kk" and end < len(tokens.words) and tokens.words[end].lower() == "дейін":
        end += 1
    elif language == "kk" and k == j and tokens.words[j - 1].lower() in _KK_ABLATIVE:
        return None  # "90-нан 95 ..." with no "дейін": no range
    return second[0], end


def _range_value(value, second, word):
    """The first number of a range, in thousands when the second is and it is not ("90-нан
    95 мыңға": 90 000)."""
    written = int(word.replace(" ", "").replace("\u00a0", "")) if word[0].isdigit() else None
    if written and second != written and value < written and second % written == 0:
        return value * (second // written)
    return value


# "үндістандық студенттердің саны ... 508,2 мың", "число иностранных студентов составляет 5
# тысяч": a number with no noun after it, the number of what the sentence named before it
_KK_NUMBER_OF = re.compile(r"(?:(\w+)\s+)?(\w+)\s+саны(?!\w)", re.IGNORECASE)
_RU_NUMBER_OF = re.compile(r"(?:число|количество)\s+(?:(\w+)\s+)?(\w+)", re.IGNORECASE)
_NUMBER_OF_WORDS = {"kk": ("саны",), "ru": ("число", "количество")}
_NO_COUNT_AFTER = re.compile(r"\s*(?:%|пайыз|процент|есе|раз|жыл|год|балл)", re.IGNORECASE)


def _number_of(text, tokens, i, j, language):
    """The label of the number at token `i` (its words ending before token `j`) from "<noun>
    саны" / "число <noun>" earlier in its sentence, else None."""
    start = tokens.starts[i]
    lo = max(0, start - 120)
    lo = max([lo] + [text.rfind(mark, lo, start) + 1 for mark in ".!?\n"])
    if _NO_COUNT_AFTER.match(text, tokens.ends[j - 1]):
        return None  # "саны 10%-ға өсті", "в 2 раза": a share or a ratio
    window = text[lo:start].lower()
    if not any(word in window for word in _NUMBER_OF_WORDS[language]):
        return None  # no "саны", "число", "количество" before it: the pattern cannot match
    pattern = _KK_NUMBER_OF if language == "kk" else _RU_NUMBER_OF
    found = next(reversed(list(pattern.finditer(text, lo, start))), None)  # the last
    if found is None or any(c.isdigit() for c in text[found.end() : start]):
        return None
    modifier, noun = found[1], found[2]
    if language == "kk":
        stem = _kk_noun(noun)
        if stem is None:
            return None
        label = _kk_label_noun(noun.lower(), stem)
        if modifier and modifier.lower().endswith(_KK_ADJECTIVE_ENDINGS):
            label = f"{modifier} {label}"  # "үндістандық студент": whose they are
        return label
    if _ru_noun(noun) is None or (modifier and not _ru_modifier(modifier)):
        return None
    return " ".join(_ru_plural(w) for w in (modifier, noun) if w)


# Plans and targets are no counts (as forecasts are not): "63 оқытушыны шақыру
# жоспарланған" (planned), "63 оқытушы шақырылмақ" (are to be invited), "хочет увеличить
# число студентов до 30 человек" (wants to raise ... to 30); "увеличилось до 30" is a count.
_KK_PLAN = re.compile(r"^жоспар|(?:ылмақ|ілмек|лмақ|лмек)$")
_RU_PLAN = re.compile(r"(?:за)?планир|намерен|собира[ею]тся|предполага", re.IGNORECASE)
# "более 1000 ... мы будем обучать": the speaker's future ("быть" in the first person with
# an infinitive) is a promise, a plan ("будут обучаться 5 тыс студентов" reports a quota)
_RU_FUTURE = re.compile(r"буд(?:у|ем)$", re.IGNORECASE)
_RU_RAISE = ("увелич", "нарасти", "нараща", "довест", "довод", "расшир")


def _a_plan(text, tokens, i, end, language):
    """Whether the count at token `i` (its phrase ending before token `end`) is a plan: a
    Kazakh verb of planning or intention within the three words after it, or a Russian
    "до <count>" after an infinitive or a future of raising, in its clause."""
    if language == "kk":
        for k in range(end, min(end + 3, len(tokens.words))):
            if "." in text[tokens.ends[k - 1] : tokens.starts[k]]:
                return False
            if _KK_PLAN.search(tokens.words[k].lower()):
                return True
        return False
    for k in range(i - 1, max(-1, i - 5), -1):
        # "Кампус планирует приём 315 студентов", "планируется принять 50": a plan, as
        # "жоспарланған" is in Kazakh, in the few words before the count in its clause
        if any(mark in text[tokens.ends[k] : tokens.starts[k + 1]] for mark in ".;"):
            break
        if _RU_PLAN.match(tokens.words[k]) or _RU_FUTURE.match(tokens.words[k]):
            return True
    for k in range(end, min(end + 4, len(tokens.words))):
        # "... представителей афганской молодежи мы будем обучать": the future after it
        if any(mark in text[tokens.ends[k - 1] : tokens.starts[k]] for mark in ".;,"):
            break
        if _RU_FUTURE.match(tokens.words[k]):
            return True
    if i == 0 or tokens.words[i - 1].lower() != "до":
        return False
    for k in range(i - 2, max(-1, i - 9), -1):
        if any(mark in text[tokens.ends[k] : tokens.starts[k + 1]] for mark in ".;"):
            return False
        if tokens.words[k].lower().startswith(_RU_RAISE) and _ru_not_done(tokens.words[k]):
            return True
    return False


@functools.lru_cache(maxsize=10_000)
def _ru_not_done(word):
    """Whether a Russian verb is an infinitive or a future ("увеличить", "увеличит"), not a
    past that says what the count became ("увеличилось")."""
    parse = morphology.ru_parse(word)
    return parse is not None and (parse.tag.POS == "INFN" or "futr" in parse.tag)


# A Kazakh number word with the possessive ("26,8 мыңы", "жүзі"): so many of them.
_KK_POSSESSIVE_NUMBER = re.compile(r"(?:мың|миллион|жүз)[ыі]")
# Kazakh country names of one word, lower case, for `_without_origin`.
_KK_COUNTRY_WORDS = frozenset(
    name.lower() for names in morphology.KK_COUNTRIES.values() for name in names if " " not in name
)


def _without_origin(label, language):
    """The counted noun of a Kazakh label without the country said with its count
    ("Қазақстан азаматы" -> "азамат", "қазақстандық студент" -> "студент"): a count that
    divides another does not carry it (the annotation rule on origins, as r283 is
    annotated). Russian labels keep it: "72 из них" of "отечественных студентов" is
    annotated "отечественные студенты" (r221), and a test pins "казахстанские студенты"."""
    words = label.split()
    if len(words) < 2 or language != "kk":
        return label
    first = words[0].lower()
    origin = first in _KK_COUNTRY_WORDS or (
        first.endswith(_KK_ADJECTIVE_ENDINGS) and first[:-3] in _KK_COUNTRY_WORDS
    )
    if not origin:
        return label
    rest = words[1:]
    if first in _KK_COUNTRY_WORDS and any(rest[0].lower().startswith(o) for o in _KK_OWNED):
        rest[0] = re.sub(r"(?:сы|сі|ы|і)$", "", rest[0])  # "азаматы": the owner's possessive
    return " ".join(rest)


def _label_divided(text, tokens, i, language, labels, j=None):
    """The label of the count that a count with no noun of its own divides: "свыше 67
    тысяч абитуриентов. Из них ... свыше 14 тысяч с русским языком" (абитуриенты), "4488
    жоба жолданған. Алайда, оның тек мыңнан астамы ғана мақұлданған" (жоба). That count is
    the last one before the words that divide it, in their sentence or the one before."""
    start = tokens.starts[i]
    if language == "ru":
        lo = max(0, start - 300)  # a sentence's words, not the whole text before
        sentence_start = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), lo - 1) + 1
        markers = [m.start() for m in RU_PART_OF.finditer(text, sentence_start, start)]
        if markers:
            divides = markers[-1]
        elif RU_PART_OF_AFTER.match(text, tokens.ends[i]):
            divides = start  # "более 12 тысяч ... студентов ..., 72 из них – в Сингапуре"
        else:
            return None
    else:
        k = i - 1
        while k >= 0 and tokens.words[k].lower() in KK_PART_OF_FILLER:
            k -= 1
        if k >= 0 and tokens.words[k].lower() in KK_PART_OF:
            divides = tokens.starts[k]
        else:
            # "олардың 26,8 мыңы ..., 40 мыңнан астамы ...": a later count of the same
            # division, "of them" said once before it in the sentence, itself said with
            # the possessive
            if j is None or not (
                (j < len(tokens.words) and tokens.words[j].lower() in KK_APPROX_PART)
                or _KK_POSSESSIVE_NUMBER.fullmatch(tokens.words[j - 1].lower())
                # "олардың үштен екісінен астамы (шамамен 61,5 мың)": the share's number,
                # in brackets after the share said in words
                or _in_brackets(text, start, tokens.ends[j - 1])
            ):
                return None
            divides = None
            for k in range(i - 1, max(-1, i - 16), -1):
                if any(mark in text[tokens.ends[k] : tokens.starts[k + 1]] for mark in ".;!?\n"):
                    break
                if tokens.words[k].lower() in KK_PART_OF:
                    divides = tokens.starts[k]
                    break
            if divides is None:
                return None
    before = [(end, label) for end, label in labels[-3:] if end <= divides]
    if not before:
        return None
    end, label = before[-1]
    between = text[end:divides]
    if "\n" in between or between.count(". ") > 1:
        return None
    return _without_origin(label, language)


_LIST_JOINS = {"мен", "пен", "бен", "және", "и"}


def _in_brackets(text, start, end):
    """Whether the number at start:end stands alone in brackets, with at most an
    approximation before it ("(шамамен 17 мың)")."""
    opening = text.rfind("(", max(0, start - 12), start)
    if opening == -1 or text[end : end + 1] != ")":
        return False
    return all(w.lower() in KK_APPROX_BEFORE for w in text[opening + 1 : start].split())


def _shared_noun(text, tokens, j, language, read):
    """(label, index after the phrase) of the counted noun a listed number shares with the
    next number of its list: only places (capitalised words) and "and" between them, and a
    comma or a dash, no full stop."""
    k = j
    while k < len(tokens.words) and k - j <= 5:
        word = tokens.words[k]
        if word[0].isdigit() or read(word) is not None:
            between = text[tokens.ends[j - 1] : tokens.starts[k]]
            if k == j or "." in between or not ("," in between or "–" in between):
                return None
            number = _value(tokens, k, language, text)
            if number is None:
                return None
            return _phrase(tokens, number[1], language, text) or _shared_noun(
                text, tokens, number[1], language, read
            )
        if not (word[:1].isupper() or word.lower() in _LIST_JOINS):
            return None
        k += 1
    return None


_KK_ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")


def _kk_origin_before(word, start, countries):
    """Whether the Kazakh word before a number says where the counted come from: a
    country's adjective ("түркиялық", "қазақстандық", a country found at `start`) or
    "шетелдік" (foreign)."""
    return word == "шетелдік" or (start in countries and word.endswith(_KK_ADJECTIVE_ENDINGS))


_KK_GENITIVE = re.compile(r"(\w{3,}?)(?:ның|нің|дың|дің|тың|тің)")


def _kk_owner_before(tokens, i, countries, label):
    """The country whose genitive stands right before the number, in the nominative, when
    the counted noun is one said with its owner (`_KK_OWNED`: "Қазақстанның 968 азаматы",
    "Қытайдың 300-ден астам азаматы"), else None."""
    if tokens.starts[i - 1] not in countries:
        return None
    if not any(label.lower().startswith(stem) for stem in _KK_OWNED):
        return None
    owner = _KK_GENITIVE.fullmatch(tokens.words[i - 1])
    return owner[1] if owner else None


# A Kazakh word with a case ending is no modifier of the counted noun after it.
# A possessive with the locative after it ("екі ел арасында студенттер", between the two
# countries) is a postposition's noun, no modifier either.
_KK_CASE_ENDING = re.compile(
    r"\w{2}(?:мен|пен|бен|дан|ден|тан|тен|нан|нен|ның|нің|дың|дің|тың|тің|ға|ге|"
    r"[ыі]нда|[ыі]нде|сында|сінде)$"
)
# "10 жылдық келісімшарт", "5-летний договор": a duration, no count.
_DURATION = re.compile(r"^(?:жылдық|айлық|күндік|летн|месячн|дневн)", re.IGNORECASE)


def _counted_noun(word, language):
    return bool(_ru_noun(word) if language == "ru" else _kk_noun(word))


def _phrase(tokens, j, language, text, countries=None, shared=True):
    """(label, index after the phrase) when up to three modifiers and a counted noun
    follow, else None. `countries` (start -> country id) are the countries found: "из" and
    a name after a Russian noun join the label when the name is one ("студенты из
    Казахстана", not "студенты-медики из Теланганы", a state of India)."""
    for size in range(0, 4):
        k = j + size
        if k >= len(tokens.words):
            return None
        word = tokens.words[k]
        if language == "ru":
            noun = _ru_noun(word)
            if noun is None:
                continue
            between = tokens.words[j:k]
            if not all(_ru_modifier(w) or _ru_ordinal(w) for w in between):
                return None
            if any(_DURATION.match(w) for w in between):
                return None  # "5-летний договор": a duration
            words = [_ru_plural(w) for w in between if not _ru_ordinal(w)]  # not "первые"
            words.append(_ru_plural(word))
            end = k + 1
            if end < len(tokens.words):
                tail = tokens.words[end]
                place = _ru_origin_at(tokens, end + 1) if tail.lower() == "из" else None
                if (
                    place is not None
                    and not _institution_follows(tokens, place)
                    and (countries is None or tokens.starts[place] in countries)
                ):
                    words += ["из", tokens.words[place]]
                    end = place + 1
                    if _state_noun_after(tokens, end):
                        # "студентов из Кыргызской Республики": the state's adjective and
                        # its noun are its name
                        words.append(tokens.words[end])
                        end += 1
                elif _ru_genitive_noun(tail) and _ru_study_level(tail):
                    words.append(tail.lower())
                    end += 1
                elif shared and (
                    origin := _ru_origin_shared(tokens, end, language, text, countries)
                ):
                    words += origin  # "четыре преподавателя и 53 студента из США"
            return " ".join(words), end
        stem = _kk_noun(word)
        if stem is None and k == j and (demonym := _kk_demonym_noun(word, text)):
            return demonym, k + 1  # "3,4 мың үндістандықты": the people of a place counted
        if stem is None:
            continue
        if stem == "жас" and k == j:
            return None  # "20 жасы": an age, no count of young people
        modifiers = [w.lower() for w in tokens.words[j:k]]
        if any(not m.isalpha() or _DURATION.match(m) for m in modifiers):
            return None  # "жеті елден 991 ...": another number; "10 жылдық": a duration
        if any(m.startswith("курс") for m in modifiers):
            return None  # "1-4 курс студенттері": years of study, no count of students
        if any(m.startswith(_KK_INSTITUTION_STEMS) for m in modifiers):
            return None  # "10 ірі университет өкілдері": the number counts the universities
        if any(m in _KK_CONJUNCTIONS for m in modifiers):
            return None  # "3 университет және мамандық": the number counts what comes first
        if k > j and _PHRASE_BREAK.search(text, tokens.ends[j], tokens.starts[k]):
            return None  # "5 орын;\n- магистратура бағдарламасы": a list's next item
        if any(
            _KK_CASE_ENDING.search(m) and not (w[:1].isupper() and m.endswith("стан"))
            for m, w in zip(modifiers, tokens.words[j:k], strict=True)
        ):
            # "64 университетпен келісім": the number counts the universities ("Қазақстан",
            # "Өзбекстан" end as an ablative does, and are none)
            return None
        noun = _kk_label_noun(word.lower(), stem)
        if modifiers and not modifiers[-1].endswith(_KK_NOT_A_NOUN):
            noun = _kk_compound_head(word.lower(), stem) or noun
        return " ".join([*modifiers, noun]), k + 1
    return None


# "үндістандықты", "мехиколықтарға": a Kazakh demonym that takes a plural or a case ending
# is a noun (an adjective before its noun takes none), the people of that place.
_KK_DEMONYM_NOUN = re.compile(
    r"(\w{3,}?)(лық|лік|дық|дік|тық|тік)(?:лар|лер|дар|дер|тар|тер)?"
    r"(ты|ті|ды|ді|ны|ні|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|дан|ден|тан|тен|нан|нен|"
    r"мен|пен|бен|да|де|та|те|лар|лер|дар|дер|тар|тер)"
)
_CAPITALISED = re.compile(r"(?<!\w)[А-ЯЁӘҒҚҢӨҰҮҺІ]\w+")


@functools.lru_cache(maxsize=4)
def _kk_places(text):
    """The keys (`morphology.kk_key`) of the capitalised words of a text that are no
    adjectives, read once per text: the places a demonym may be of."""
    return {
        morphology.kk_key(w)
        for w in set(_CAPITALISED.findall(text))
        if not w.lower().endswith(_KK_ADJECTIVE_ENDINGS)
    }


def _kk_demonym_noun(word, text):
    """The label ("үндістандық") of a Kazakh demonym with a plural or case ending after a
    count ("3,4 мың үндістандықты", "100-ге жуық мехиколықтарға") when its place is named in
    the text or is a country, else None ("5 мүмкіндікті": no place, no people)."""
    found = _KK_DEMONYM_NOUN.fullmatch(word.lower())
    if found is None or _DURATION.match(found[1] + found[2]):
        return None
    place = found[1]
    if morphology.kk_key(place) not in _kk_places(text) and place not in _KK_COUNTRY_NAMES:
        return None
    return place + found[2]


_KK_COUNTRY_NAMES = {
    name.lower() for names in morphology.KK_COUNTRIES.values() for name in names if " " not in name
}


# "из разных регионов Казахстана": the country the counted come from, said through its
# regions or cities ("студенты из Казахстана").
_RU_ORIGIN_SPREAD = {"разных", "различных", "всех", "многих", "других"}
_RU_ORIGIN_PARTS = {"регионов", "городов", "областей", "уголков", "районов"}


def _ru_origin_at(tokens, k):
    """The index of the capitalised place after "из" (at `k`), past "разных регионов" and
    the like, else None."""
    if k < len(tokens.words) and tokens.words[k].lower() in _RU_ORIGIN_SPREAD:
        k += 1
    if (
        k + 1 < len(tokens.words)
        and tokens.words[k].lower() in _RU_ORIGIN_PARTS
        and tokens.words[k + 1][:1].isupper()
    ):
        k += 1
    if k < len(tokens.words) and tokens.words[k][:1].isupper():
        return k  # "Казахстана", "США"
    return None


def _ru_origin_shared(tokens, end, language, text, countries):
    """["из", "<Country>"] when the count ending at `end` is joined by "и" to a second count
    whose counted come from a country ("четыре преподавателя и 53 студента из США": the
    teachers are from the USA too), else None. The second count is read once, no further."""
    if (
        countries is None
        or end + 2 >= len(tokens.words)
        or tokens.words[end].lower() != "и"
        or not (tokens.words[end + 1][0].isdigit() or _ru_number(tokens.words[end + 1]))
    ):
        return None
    second = _phrase(tokens, end + 2, language, text, countries, shared=False)
    if second is None or " из " not in second[0]:
        return None
    return ["из", second[0].split(" из ", 1)[1]]


def _state_noun_after(tokens, k):
    """Whether the word at `k`, after a capitalised adjective, is the capitalised noun in the
    genitive that ends a state's name with it ("Кыргызской Республики", "Российской
    Федерации", "Объединенных Арабских Эмиратов" not: one adjective only)."""
    if k >= len(tokens.words) or not _ru_modifier(tokens.words[k - 1].lower()):
        return False
    word = tokens.words[k]
    return word.istitle() and _ru_genitive_noun(word)


# "50 студентов из Казахского агротехнического университета": students from a university
# are that university's (`figures.py`), "из ..." no part of the label.
_RU_INSTITUTION_WORD = re.compile(r"^(?:университет|институт|академи|вуз|колледж)", re.I)


def _institution_follows(tokens, k):
    """Whether the capitalised word at `k`, after "из", is an adjective opening an
    institution's name (its keyword within the three words after it)."""
    if not _ru_modifier(tokens.words[k].lower()):
        return False
    return any(_RU_INSTITUTION_WORD.match(w) for w in tokens.words[k + 1 : k + 4])


@functools.lru_cache(maxsize=10_000)
def _ru_genitive_noun(word):
    """Whether pymorphy3's best parse of a word is a noun in the genitive, read once per
    word (the word after a counted noun: "студентов вузов")."""
    parse = morphology.ru_parse(word)
    return parse is not None and parse.tag.POS == "NOUN" and parse.tag.case == "gent"


def _ru_study_level(word):
    """Whether the word is a level of study ("магистратуры"): a genitive after the counted
    noun joins the label only then ("студенты магистратуры", not "выпускники программы")."""
    return morphology.ru_parse(word).normal_form in RU_STUDY_LEVELS


@functools.lru_cache(maxsize=50_000)
def _ru_modifier(word):
    parse = morphology.ru_parse(word)
    return parse is not None and parse.tag.POS in {"ADJF", "PRTF"} and "Anum" not in parse.tag


@functools.lru_cache(maxsize=50_000)
def _ru_ordinal(word):
    parse = morphology.ru_parse(word)
    return parse is not None and "Anum" in parse.tag


@functools.lru_cache(maxsize=10_000)
def _ru_plural(word):
    parse = morphology.ru_parse(word)
    if parse is None and "-" in word and _ru_compound_noun(word):
        # "студентов-медиков" -> "студенты-медики": pymorphy3 declines both parts
        inflected = morphology.ru_parse_any(word).inflect({"nomn", "plur"})
        return inflected.word if inflected else word.lower()
    if parse is None:
        return word.lower()
    inflected = parse.inflect({"nomn", "plur"})
    return inflected.word if inflected else parse.normal_form


# Nouns counted with the possessive of whose they are, kept in the label ("Қытай азаматы",
# "қазақ жасы", "Қазақстан тумалары", natives of Kazakhstan; "грек диаспорасы"): only a
# case ending comes off. (The possessive of "азамат" and "жас" may be left out, the others'
# is there.)
_KK_OWNED = {
    "азамат": re.compile(r"(азамат(?:тар)?(?:ы|і)?)\w*"),
    "жас": re.compile(r"(жас(?:тар)?(?:ы|і)?)\w*"),
    "тума": re.compile(r"(тума(?:лар|лер)?(?:сы|сі|ы|і))(?:ның|нің|на|не|нан|нен|нда|нде|мен|н)?"),
    "диаспора": re.compile(
        r"(диаспора(?:лар|лер)?(?:сы|сі|ы|і))(?:ның|нің|на|не|нан|нен|нда|нде|мен|н)?"
    ),
}


# Institutions' keywords: a count before one among the modifiers counts the institutions
# (whose people the noun after them are), no people.
_KK_INSTITUTION_STEMS = ("университет", "институт", "академия", "колледж", "мектеп", "жоо")
# Words that join two counted things: the number counts the first alone.
_KK_CONJUNCTIONS = {"және", "мен", "пен", "бен", "немесе", "не"}
# Punctuation or a blank line between a count's words: its phrase ends before it.
_PHRASE_BREAK = re.compile(r"[;:.,!?()\[\]–—-]|\n\s*\n")
# Endings of a Kazakh modifier that is an adjective (or a word ending in a vowel, which may
# be one: "ғылыми"), not a noun naming what the counted are of.
_KK_NOT_A_NOUN = (
    *_KK_ADJECTIVE_ENDINGS,
    "ды",
    "ді",
    "ты",
    "ті",
    "лы",
    "лі",
    "сыз",
    "сіз",
    "ы",
    "і",
    "и",
)
_KK_VOWELS = frozenset("аәеиоөұүуыіэюя")
# The possessive of a compound noun, after the noun it is of, and a case ending after it:
# "білім грантын" -> "білім гранты", "оқу жобасына" -> "оқу жобасы".
_KK_COMPOUND_HEAD = re.compile(r"(с?[ыі])(?:ның|нің|на|не|нан|нен|нда|нде|мен|н)?")


def _kk_compound_head(word, stem):
    """A counted noun after a noun that says what it is of keeps its possessive, the
    compound's mark ("25 білім грантын" -> "білім гранты", as an editor writes it); None
    when the word has none ("5 оқу гранты" has, "5 ғылыми жоба" has not)."""
    if stem in _KK_OWNED:
        return None  # said with their owner ("Қытай азаматы"): `_kk_label_noun`
    rest = _KK_COMPOUND_HEAD.fullmatch(word, len(stem))
    if rest is None or (rest[1].startswith("с") != (stem[-1] in _KK_VOWELS)):
        return None
    return stem + rest[1]


def _kk_label_noun(word, stem):
    """The noun as a label says it: with its owner's possessive for `_KK_OWNED`, else
    without plural or case endings ("студенттер" -> "студент")."""
    owned = _KK_OWNED[stem].fullmatch(word) if stem in _KK_OWNED else None
    if owned:
        return owned[1]
    return stem if word != stem and len(word) - len(stem) <= 6 else word
