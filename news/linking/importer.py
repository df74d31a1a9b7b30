"""Read press releases from plain text, Markdown or HTML files and save them as drafts.

`parse_text()` turns the text of a file into a `ParsedRelease` (title, lead, body
paragraphs, dateline and its date, attribution); `import_file()` saves it as a draft keyed
on `PressRelease.import_source`, the file's resolved path: importing the same file again
updates that draft, and a file moved elsewhere counts as a new one.
"""

import datetime
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import PressRelease
from ..richtext import sanitize_body
from .language import detect_language
from .suggestions import apply_detection, detect_for

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
TITLE_MAX = 110


class ImportFailed(Exception):
    """A file that cannot be imported; the message says why."""


@dataclass
class ParsedRelease:
    title: str
    lead: str
    paragraphs: list[str] = field(default_factory=list)
    dateline: str = ""
    date: datetime.date | None = None
    source: str = ""
    headings: set[int] = field(default_factory=set)  # indexes of paragraphs that are headings

    @property
    def body_html(self):
        parts = []
        for index, paragraph in enumerate(self.paragraphs):
            tag = "h2" if index in self.headings else "p"
            parts.append(f"<{tag}>{html.escape(paragraph, quote=False)}</{tag}>")
        return sanitize_body("\n".join(parts))

    @property
    def plain_text(self):
        """Title, lead and body as one text, paragraphs apart: what detection reads."""
        return "\n\n".join([self.title, self.lead, *self.paragraphs])


# Reading files -------------------------------------------------------------------------


def max_bytes():
    return getattr(settings, "IMPORT_MAX_BYTES", 2 * 1024 * 1024)


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def _utf16_codec(data):
    """The codec when the bytes are UTF-16 text, else None: a byte-order mark, or (without
    one) a high-byte lane that holds a zero and one or two alphabet pages (0x00 for Latin,
    0x04 for Cyrillic) and decodes to printable text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 8 or 0 not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        common = Counter(high).most_common(2)
        if 0 not in dict(common) or sum(n for _v, n in common) < 0.8 * len(high):
            continue
        decoded = sample.decode(codec, errors="replace")
        printable = sum(1 for c in decoded if c.isprintable() or c in "\n\r\t")
        if printable >= 0.95 * len(decoded):
            return codec
    return None


def read_text(path):
    """The file's text; raise ImportFailed for an empty, too large, binary or undecodable file.

    UTF-8 (with or without a byte-order mark) and UTF-16 (as Windows editors save it) are
    read; anything else is refused with a message that says what the file looks like."""
    path = Path(path)
    size = path.stat().st_size
    limit = max_bytes()
    if size > limit:
        raise ImportFailed(
            _("file too large (%(size)s; the limit is %(limit)s, setting IMPORT_MAX_BYTES)")
            % {"size": _megabytes(size), "limit": _megabytes(limit)}
        )
    data = path.read_bytes()
    if not data.strip():
        raise ImportFailed(_("empty file"))
    if codec := _utf16_codec(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise ImportFailed(
                _("UTF-16 text that cannot be decoded (byte %(pos)s)") % {"pos": error.start}
            ) from None
        text = text.lstrip("\ufeff")
    else:
        if b"\x00" in data[:8192]:
            raise ImportFailed(_("binary file"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFailed(_("not UTF-8 text (byte %(pos)s)") % {"pos": error.start}) from None
    controls = sum(1 for char in text[:8192] if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > 8:
        raise ImportFailed(_("binary file"))
    if not text.strip():
        raise ImportFailed(_("empty file"))
    return text


def collect_files(paths):
    """Every importable file under the given files and folders, sorted, each once."""
    found = {}
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            # A file named explicitly is tried whatever its suffix; a bad one is reported.
            found.setdefault(path.resolve(), path)
            continue
        for candidate in path.rglob("*"):
            if candidate.is_file() and candidate.suffix.lower() in SUFFIXES:
                found.setdefault(candidate.resolve(), candidate)
    return [found[key] for key in sorted(found)]


# Parsing ---------------------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n+")
_SPACES = re.compile(r"\s+")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Russian months in the genitive ("12 января") and the nominative; Kazakh months as dates
# write them ("12 қаңтар").
for number, names in enumerate(
    [
        ("января", "январь", "қаңтар", "қаңтардағы"),
        ("февраля", "февраль", "ақпан"),
        ("марта", "март", "наурыз"),
        ("апреля", "апрель", "сәуір"),
        ("мая", "май", "мамыр"),
        ("июня", "июнь", "маусым"),
        ("июля", "июль", "шілде"),
        ("августа", "август", "тамыз"),
        ("сентября", "сентябрь", "қыркүйек"),
        ("октября", "октябрь", "қазан"),
        ("ноября", "ноябрь", "қараша"),
        ("декабря", "декабрь", "желтоқсан"),
    ],
    start=1,
):
    MONTHS.update(dict.fromkeys(names, number))
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_WORD = r"(?:\s*(?:года|год|г\.|жылы|жыл|ж\.))?"
_DATE = (
    rf"(?P<date>(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"|(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}{_YEAR_WORD})"
    rf"|(?:\d{{4}}\s+жылғы\s+\d{{1,2}}\s+{_MONTH})"
    rf"|(?:\d{{1,2}}\s+{_MONTH})"
    r"|(?:\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"|(?:\d{4}-\d{2}-\d{2}))"
)
_DASH = r"[-–—:]"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# "Astana, May 16, 2025 – ..." / "BRUSSELS, 16 May 2025 - ..." / "АСТАНА, 12 января 2026 года –"
DATELINE_WITH_DATE = re.compile(
    rf"^(?P<city>[{_UPPER}][\w'’.-]*(?:[ -][\w][\w'’.-]*){{0,3}}),"
    rf"\s*{_DATE}\s*(?:{_DASH}\s*|\.\s+|$)",
    re.IGNORECASE,
)
# "BRUSSELS. ..." / "NUR-SULTAN – ..." / "БЕРЛИН – ..." (a city in capitals, then a full stop
# or a dash)
DATELINE_CAPS = re.compile(
    rf"^(?P<city>[{_UPPER}][{_UPPER}'’-]+(?: [{_UPPER}][{_UPPER}'’-]+){{0,2}})\s*(?:\.|[-–—:])\s+"
)
# An agency's tag before the lead: "KAZINFORM – ", "Kazinform - ", "ҚазТАГ - ", "Sputnik."
AGENCY_TAG = re.compile(
    r"^(?:(?:\d{1,2}\s+\w+\.?\s+)?(?:KAZINFORM|Kazinform|Казинформ|ҚазАқпарат|KAZTAG|ҚазТАГ|"
    r"КазТАГ|Sputnik|Trend|Tengrinews|BAQ\.KZ|Kazpravda\.kz|Zakon\.kz)"
    r"(?:\s*/[^/]{1,60}/)?)\s*(?:[-–—.:]\s*)+(?=\S)"
)

_SOURCE_WORDS = (
    r"ministry|embassy|consulate|mission|press service|foreign office|mfa|agency|"
    r"kazinform|department|government|office|akorda|"
    r"мид|министерств|посольств|пресс-служб|казинформ|акорда|zakon\.kz|\.kz\b|"
    r"сім|министрлі|елшілі|баспасөз|тілшісі|сайты|ақорда"
)
# Agencies name their source inside the lead: "..., Kazinform learnt from the press service
# of the Kazakh Foreign Office." / "..., Kazinform cites Akorda."
AGENCY_TAIL = re.compile(
    r"[,;]\s*(?:the\s+)?(?:kazinform|qazinform|the agency|[A-Z][\w.]+)(?:\s+news\s+agency)?\s+"
    r"(?:has\s+)?(?:learnt|learned|cites|quotes|reports citing)\s+(?:from\s+)?"
    r"(?P<source>[^,;]{3,160}?)\.?\s*$",
    re.IGNORECASE,
)
# "..., сообщает пресс-служба МИД РК." / "..., сообщили в пресс-службе МИД РК." /
# "..., передает Казинформ." / "..., деп хабарлайды ҚР СІМ баспасөз қызметі."
CYRILLIC_TAIL = re.compile(
    r"[,;]\s*(?:сообща(?:ет|ют)|сообщил[аи]?|переда(?:ет|ют|ли)|информиру(?:ет|ют)|пишет|"
    r"деп\s+хабарла(?:йды|ды|ған)|деп\s+жаз(?:ады|ды))\s+(?:в\s+)?"
    r"(?P<source>[^,;]{2,160}?)(?:\s+со\s+ссылкой\s+на[^,;]*)?\.?\s*$",
    re.IGNORECASE,
)
# "... баспасөз қызметі хабарлайды." (the source before the verb)
KAZAKH_SOURCE_FIRST = re.compile(
    r"[,;]\s*(?P<source>[^,;.]{3,120}?)\s+хабарла(?:йды|ды)\.?\s*$", re.IGNORECASE
)
# A last paragraph that is only the source: "Press Service of Kazakh National University".
PRESS_SERVICE_LINE = re.compile(
    r"^(?P<source>(?:press[- ]service|пресс-служба|баспасөз қызметі)\b[^\n]{0,160}?)\.?$",
    re.IGNORECASE,
)
_SOURCE_CASES = {"пресс-службе": "пресс-служба", "пресс-службы": "пресс-служба"}
# "..., Ministry of Foreign Affairs of the Republic of Kazakhstan reports"
ATTRIBUTION_TAIL = re.compile(
    r"[,;]\s*(?P<source>(?:the\s+)?[^,;.]{3,160}?)\s+(?:reports|reported|informs)\.?\s*$",
    re.IGNORECASE,
)
# a last paragraph "The Ministry of Foreign Affairs of Kazakhstan reports." or "Source: ..."
ATTRIBUTION_LINE = re.compile(
    r"^(?:(?P<source>[^.]{3,160}?)\s+(?:reports|reported|informs)\.?"
    r"|(?:source|press service)\s*:\s*(?P<source2>[^\n]{3,160}?)\.?)\s*$",
    re.IGNORECASE,
)


def _clean_source(source):
    source = _SPACES.sub(" ", source).strip().rstrip(".")
    source = re.sub(r"^the\s+", "", source, flags=re.IGNORECASE)
    words = source.split(" ")
    words[0] = _SOURCE_CASES.get(words[0].lower(), words[0])
    source = " ".join(words)
    return source[:1].upper() + source[1:]


def _looks_like_source(source):
    return bool(re.search(_SOURCE_WORDS, source, re.IGNORECASE))


def parse_date(text):
    text = text.strip().rstrip(".,").lower().replace(",", " ")
    text = _SPACES.sub(" ", text)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        if match := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text):
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        words = text.replace(".", "").split()
        if len(words) >= 4 and words[1] == "жылғы":  # "2026 жылғы 12 қаңтар"
            return datetime.date(int(words[0]), MONTHS[words[3]], int(words[2]))
        if words[0].isdigit():
            day, month, year = int(words[0]), MONTHS[words[1]], int(words[2])
        else:
            month, day, year = MONTHS[words[0]], int(words[1]), int(words[2])
        return datetime.date(year, month, day)
    except (KeyError, ValueError, IndexError):
        return None


def split_dateline(paragraph):
    """(city, date, rest) for a paragraph that opens with a dateline, else ("", None, paragraph)."""
    if match := DATELINE_WITH_DATE.match(paragraph):
        city = match["city"]
        return _city_name(city), parse_date(match["date"]), paragraph[match.end() :].strip()
    if match := DATELINE_CAPS.match(paragraph):
        rest = paragraph[match.end() :].strip()
        if rest[:1].isupper() or not rest:
            return _city_name(match["city"]), None, rest
    return "", None, paragraph


def _city_name(city):
    city = city.strip()
    if not city.isupper():
        return city
    small = {"am", "an", "de", "der", "la", "le", "on", "upon", "sur"}
    words = city.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))


def strip_attribution_tail(paragraph):
    """(paragraph without a trailing "..., X reports" or an agency's "..., Kazinform learnt
    from X", "..., сообщает X", "..., деп хабарлайды X"; source X or "")."""
    tail = paragraph[-400:]  # an attribution is at the end: never search a whole long text
    offset = len(paragraph) - len(tail)
    for pattern in (AGENCY_TAIL, CYRILLIC_TAIL, ATTRIBUTION_TAIL, KAZAKH_SOURCE_FIRST):
        match = pattern.search(tail)
        if match and _looks_like_source(match["source"]):
            rest = paragraph[: offset + match.start()].rstrip()
            if rest and rest[-1] not in ".!?":
                rest += "."
            return rest, _clean_source(match["source"])
    return paragraph, ""


def strip_agency_tag(paragraph):
    """The lead without an agency's tag ("KAZINFORM – ", "Kazinform - ")."""
    match = AGENCY_TAG.match(paragraph)
    return paragraph[match.end() :] if match else paragraph


def attribution_line(paragraph):
    """The source when a whole paragraph is an attribution line, else ""."""
    if len(paragraph) > 200:
        return ""
    if match := PRESS_SERVICE_LINE.match(paragraph):
        return _clean_source(match["source"])
    match = ATTRIBUTION_LINE.match(paragraph)
    if not match:
        return ""
    source = match["source"] or match["source2"]
    return _clean_source(source) if _looks_like_source(source) else ""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ“\"‘'«(])")
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E|St|No|Jr|Sr|e\.g|i\.e|vs|г|гг|т|им|проф|ул|[A-ZА-Я])\.$"
)
LEAD_MAX = 1000  # a longer first paragraph (a file in one line) is split into lead and body
PARAGRAPH_TARGET = 1200


def sentence_ends(text):
    """Positions where the sentences of `text` end (not after "Dr." or "H.E.")."""
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATIONS.search(text[max(0, match.start() - 8) : match.start()]):
            yield match.start()


def first_sentence(text):
    end = next(sentence_ends(text), None)
    return text[:end].strip() if end is not None else text.strip()


def split_long_paragraph(text, first_max=LEAD_MAX, target=PARAGRAPH_TARGET):
    """A paragraph too long to be a lead, cut at sentence ends: the lead (its first
    sentences, at most `first_max` characters where sentences allow) and body paragraphs
    of about `target` characters. A text with no sentence ends is cut between words."""
    pieces, start, previous = [], 0, 0
    limit = first_max
    for end in [*sentence_ends(text), len(text)]:
        if end - start > limit and previous > start:
            pieces.append(text[start:previous].strip())  # whole sentences up to the limit
            start, limit = previous, target
        previous = end
    pieces.append(text[start:].strip())
    result = []
    for piece in pieces:
        while len(piece) > 2 * target:
            cut = piece.rfind(" ", 0, target) if " " in piece[:target] else target
            cut = cut if cut > 0 else target
            result.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        if piece:
            result.append(piece)
    return result[0], result[1:]


def title_from_lead(lead):
    """The lead's first sentence, without parentheses and cut at a clause if it is long."""
    sentence = first_sentence(lead)
    sentence = re.sub(r"\s*\([^()]*\)", "", sentence)
    sentence = _SPACES.sub(" ", sentence).strip().rstrip(".!?;:, ")
    if len(sentence) <= TITLE_MAX:
        return sentence
    head = sentence[:TITLE_MAX]
    comma = head.rfind(", ")
    if comma >= 40:
        return head[:comma].rstrip()
    space = head.rfind(" ")
    cut = head[:space].rstrip(" ,;:") if space > 0 else head
    cut = re.sub(r"\s+(?:and|or|with|of|the|a|an|to|in|for|at|on)$", "", cut)
    return cut + "…"


def _is_title_line(paragraph, more_follow):
    return (
        more_follow
        and "\n" not in paragraph.strip()
        and len(paragraph) <= 200
        and paragraph.rstrip()[-1:] not in ".!?,;:"
        and not DATELINE_WITH_DATE.match(paragraph)
        and not DATELINE_CAPS.match(paragraph)
        and not strip_attribution_tail(paragraph)[1]
    )


def parse_paragraphs(paragraphs, title=""):
    """Build a ParsedRelease from paragraphs of plain text (a title if already known)."""
    paragraphs = [_SPACES.sub(" ", p).strip() for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ImportFailed(_("no text"))
    if not title and _is_title_line(paragraphs[0], len(paragraphs) > 1):
        title = paragraphs.pop(0)
    dateline, date = "", None
    # A dateline on its own line ("Astana, 16 May 2025").
    city, found_date, rest = split_dateline(paragraphs[0])
    if city and not rest and len(paragraphs) > 1:
        dateline, date = city, found_date
        paragraphs.pop(0)
    elif city:
        dateline, date = city, found_date
        paragraphs[0] = rest
    paragraphs[0] = strip_agency_tag(paragraphs[0])
    source = ""
    lead, source = strip_attribution_tail(paragraphs[0])
    body = paragraphs[1:]
    while body and (line_source := attribution_line(body[-1])):
        source = source or line_source
        body.pop()
    if body:
        last, tail_source = strip_attribution_tail(body[-1])
        if tail_source:
            body[-1] = last
            source = source or tail_source
    if not lead:
        raise ImportFailed(_("no lead paragraph"))
    if len(lead) > LEAD_MAX:
        lead, more = split_long_paragraph(lead)
        body = more + body
    title = _SPACES.sub(" ", title).strip().lstrip("#").strip() or title_from_lead(lead)
    return ParsedRelease(
        title=title[:300], lead=lead, paragraphs=body, dateline=dateline, date=date, source=source
    )


def parse_text(text, suffix=".txt"):
    """Parse a file's text by its kind (.txt, .md or .html)."""
    suffix = suffix.lower()
    if suffix in {".html", ".htm"}:
        return parse_html(text)
    if suffix in {".md", ".markdown"}:
        return parse_markdown(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_paragraphs(_BLANK_LINES.split(text))


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _markdown_inline(text):
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return text.replace("`", "")


def parse_markdown(text):
    text = text.replace("\r\n", "\n")
    blocks = [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]
    title = ""
    if blocks and blocks[0].startswith("# "):
        title = _markdown_inline(blocks.pop(0)[2:].strip())
    headings, paragraphs = set(), []
    for block in blocks:
        if re.match(r"^#{2,6}\s", block):
            headings.add(len(paragraphs))
            block = block.lstrip("#").strip()
        elif block.startswith(("- ", "* ", "> ")):
            block = " ".join(line[2:] for line in block.splitlines())
        paragraphs.append(_markdown_inline(block))
    parsed = parse_paragraphs(paragraphs, title=title)
    # Heading indexes were counted before the title/lead were taken out.
    offset = len(paragraphs) - len(parsed.paragraphs)
    parsed.headings = {i - offset for i in headings if i - offset >= 0}
    return parsed


class _HTMLText(HTMLParser):
    BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div", "title"}
    SKIP = {"script", "style", "head", "nav", "footer"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # (tag, text)
        self.stack = []
        self.skipping = 0
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._flush()
            self.stack.append(tag)
        elif tag == "br":
            self.buffer.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head":
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._flush(tag)
            if tag in self.stack:
                self.stack.remove(tag)

    def handle_data(self, data):
        if not self.skipping:
            self.buffer.append(data)

    def _flush(self, tag=None):
        text = _SPACES.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.blocks.append((tag or (self.stack[-1] if self.stack else "p"), text))

    def close(self):
        super().close()
        self._flush()


def parse_html(text):
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    title = next((t for tag, t in parser.blocks if tag == "h1"), "")
    title = title or next((t for tag, t in parser.blocks if tag == "title"), "")
    headings, paragraphs = set(), []
    for tag, block in parser.blocks:
        if tag in {"h1", "title"}:
            continue
        if tag in {"h2", "h3", "h4", "h5", "h6"}:
            headings.add(len(paragraphs))
        paragraphs.append(block)
    parsed = parse_paragraphs(paragraphs, title=title)
    offset = len(paragraphs) - len(parsed.paragraphs)
    parsed.headings = {i - offset for i in headings if i - offset >= 0}
    return parsed


def parse_file(path):
    path = Path(path)
    return parse_text(read_text(path), path.suffix)


# Saving ----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    path: Path
    outcome: str  # created, updated, unchanged, skipped, failed
    reason: str = ""
    press_release: PressRelease | None = None
    parsed: ParsedRelease | None = None
    links: int = 0
    suggestions: int = 0
    language: str = ""
    detection: object = None  # the Detection, when detection ran


def import_key(path):
    """What "the same file" means: its resolved absolute path."""
    return Path(path).resolve().as_posix()[:500]


def unique_slug(title, exclude_pk=None):
    base = slugify(title)[:280].strip("-") or "press-release"
    slug, n = base, 2
    taken = PressRelease.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def release_fields(parsed, language=None):
    """The press release's fields from a parsed file: its text goes into the columns of
    the language it is written in (`title_ru`, ...), which becomes its original language."""
    fields = {
        "title": parsed.title,
        "lead": parsed.lead,
        "body": parsed.body_html,
        "dateline": parsed.dateline[:100],
        "source": parsed.source[:255],
    }
    present = {f.name for f in PressRelease._meta.get_fields()}
    if language and f"title_{language}" in present:
        fields = {f"{name}_{language}": value for name, value in fields.items()}
        fields["original_language"] = language
    return fields


def detection_date(parsed, press_release=None):
    """The date the text speaks of: its dateline's date, its publication date, or today."""
    if parsed and parsed.date:
        return parsed.date
    if press_release and press_release.published_at:
        return timezone.localtime(press_release.published_at).date()
    return timezone.localdate()


def import_file(path, *, dry_run=False, detect=True):
    """Import one file as a draft; never raises for a bad file, the result says why."""
    path = Path(path)
    try:
        parsed = parse_file(path)
    except ImportFailed as error:
        return ImportResult(path, "failed", str(error))
    except OSError as error:
        return ImportResult(path, "failed", error.strerror or str(error))
    key = import_key(path)
    existing = PressRelease.objects.filter(import_source=key).first()
    language = detect_language(parsed.plain_text)
    fields = release_fields(parsed, language)
    if existing is None:
        outcome = "created"
    elif existing.status != PressRelease.Status.DRAFT:
        return ImportResult(
            path,
            "skipped",
            _("already %(status)s, left alone") % {"status": existing.get_status_display()},
            existing,
            parsed,
        )
    elif all(getattr(existing, name) == value for name, value in fields.items()):
        outcome = "unchanged"
    else:
        outcome = "updated"
    result = ImportResult(path, outcome, press_release=existing, parsed=parsed)
    result.language = language
    if dry_run:
        if detect:
            detection = detect_for(parsed.plain_text, detection_date(parsed, existing))
            result.detection = detection
            result.links = len(detection.confident_mentions())
            result.suggestions = len(detection.mentions) - result.links + len(detection.figures)
        return result
    with transaction.atomic():
        if existing is None:
            press_release = PressRelease.objects.create(
                slug=unique_slug(parsed.title),
                import_source=key,
                status=PressRelease.Status.DRAFT,
                **fields,
            )
        else:
            press_release = existing
            if outcome == "updated":
                for name, value in fields.items():
                    setattr(press_release, name, value)
                press_release.save()
        result.press_release = press_release
        if detect:
            detection = detect_for(parsed.plain_text, detection_date(parsed, press_release))
            result.detection = detection
            applied = apply_detection(
                press_release, detection, link_confident=True, fresh=outcome == "created"
            )
            result.links, result.suggestions = applied.linked, applied.pending
    return result
