"""The JSON report of an import: the stable interface of detection.

`import_press_releases --dry-run --format json FILE...` prints `build_report(results)`:

    {"files": [{"file", "status", "error", "language", "title", "lead", "dateline", "date",
                "attribution", "links": [...], "suggestions": [...]}]}

`links` are what an import links by itself, `suggestions` what it offers the editor. Every
item has `kind`, `name` (an existing entry's English name) and `matched_text`; where they
apply, `id`, `country` (ISO 3166-1 alpha-2), `role`, `organisation`, `label`, `value`,
`approximate` and `subject` (what a figure belongs to). The README documents every field.
"""

from .directory import get_index

ENTRY_KINDS = ("institution", "embassy", "person", "partnership", "country")


def _entry_country(index, kind, pk):
    if kind == "institution":
        return index.country_code(index.institutions[pk]["country_id"])
    if kind == "embassy":
        return index.country_code(index.embassies[pk]["host_country_id"])
    if kind == "country":
        return index.country_code(pk)
    return None


def mention_item(index, mention):
    """One link or suggestion of a mention, as the report shows it."""
    if mention.kind in ENTRY_KINDS:
        item = {
            "kind": mention.kind,
            "id": mention.object_id,
            "name": index.entry_name(mention.kind, mention.object_id),
            "matched_text": mention.text,
        }
        country = _entry_country(index, mention.kind, mention.object_id)
        if country is not None:
            item["country"] = country
        return item
    item = {"kind": mention.kind, "name": mention.name, "matched_text": mention.text}
    if mention.kind == "new_institution":
        item["country"] = mention.country_code or None
        if mention.alias_of_name:
            item["alias_of"] = {"id": mention.alias_of, "name": mention.alias_of_name}
    if mention.kind == "new_person":
        item["role"] = mention.role
        item["organisation"] = mention.organisation
        if mention.object_id is not None:
            item["organisation_id"] = mention.object_id
    if mention.country_code and mention.kind != "new_institution":
        item["country"] = mention.country_code
    return item


def figure_item(index, figure):
    if figure.subject_kind in ("institution", "partnership"):
        subject = {
            "kind": figure.subject_kind,
            "id": figure.subject_id,
            "name": index.entry_name(figure.subject_kind, figure.subject_id),
        }
    elif figure.subject_kind == "new_institution":
        subject = {"kind": "new_institution", "id": None, "name": figure.subject_name}
    else:
        subject = None  # the press release alone
    return {
        "kind": "figure",
        "name": figure.label,
        "matched_text": figure.text,
        "label": figure.label,
        "value": figure.value,
        "approximate": figure.approximate,
        "subject": subject,
    }


def file_report(result):
    """The report of one file from an `ImportResult` (of a dry run or a real import)."""
    parsed, detection = result.parsed, result.detection
    entry = {
        "file": str(result.path),
        "status": result.outcome,
        "error": (result.reason or None) if result.outcome in ("failed", "skipped") else None,
        "language": result.language or None,
        "title": parsed.title if parsed else None,
        "lead": parsed.lead if parsed else None,
        "dateline": (parsed.dateline or None) if parsed else None,
        "date": parsed.date.isoformat() if parsed and parsed.date else None,
        "attribution": (parsed.source or None) if parsed else None,
        "links": [],
        "suggestions": [],
    }
    if detection is None:
        return entry
    index = get_index()
    for mention in detection.mentions:
        item = mention_item(index, mention)
        if mention.confident and mention.kind in ENTRY_KINDS:
            entry["links"].append(item)
        else:
            entry["suggestions"].append(item)
    entry["suggestions"] += [figure_item(index, f) for f in detection.figures]
    return entry


def build_report(results):
    return {"files": [file_report(result) for result in results]}
