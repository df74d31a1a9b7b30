"""Import press releases from .txt, .md and .html files as drafts, linked to what they mention."""

import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from news.linking import build_report, collect_files, import_file

OUTCOMES = ["created", "updated", "unchanged", "skipped", "failed"]


def run_import(paths, *, dry_run=False, progress=None):
    """Import every file under `paths`; return the results, one per file, in order."""
    files = collect_files(paths)
    results = []
    for path in tqdm(files, unit="file", disable=progress is False, file=progress or None):
        results.append(import_file(path, dry_run=dry_run))
    return results


class Command(BaseCommand):
    help = (
        "Import press releases (files or folders of .txt, .md, .html) as drafts. "
        "A file imported again (same resolved path) updates its draft while that is still a "
        "draft; bad files (empty, binary, not UTF-8, too large) are reported and skipped, and "
        "the command then exits with status 1. --format json prints one JSON object with "
        "what each file would link and suggest (see the README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; write nothing."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="text (default): a line per file; json: the detection report.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, paths, dry_run, no_progress, **options):
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        as_json = options.get("format") == "json"
        show = not no_progress and not as_json and options.get("verbosity", 1) > 0
        results = run_import(paths, dry_run=dry_run, progress=self.stderr._out if show else False)
        if as_json:
            self.stdout.write(json.dumps(build_report(results), ensure_ascii=False, indent=2))
        else:
            self._write_text(results, dry_run, options.get("verbosity", 1))
        failed = sum(1 for r in results if r.outcome == "failed")
        if failed:
            raise CommandError(f"{failed} of {len(results)} files failed.", returncode=1)

    def _write_text(self, results, dry_run, verbosity):
        counts = Counter(r.outcome for r in results)
        prefix = "[dry run] " if dry_run else ""
        for result in results:
            if result.outcome == "failed":
                self.stderr.write(f"{prefix}failed: {result.path}: {result.reason}")
            elif result.outcome == "skipped":
                self.stdout.write(f"{prefix}skipped: {result.path}: {result.reason}")
            elif verbosity > 1 or dry_run:
                title = result.parsed.title if result.parsed else ""
                self.stdout.write(
                    f"{prefix}{result.outcome}: {result.path}: {title!r} "
                    f"({result.links} links, {result.suggestions} suggestions)"
                )
        summary = ", ".join(f"{counts[o]} {o}" for o in OUTCOMES)
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}{verb} {len(results)} files: {summary}."))
