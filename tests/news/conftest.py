from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def corpus_directory(db):
    """The partner directory the test corpus refers to, loaded into the test database."""
    from news.management.commands.evaluate_mentions import load_directory

    load_directory(CORPUS / "directory.json")
    return CORPUS
