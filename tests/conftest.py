import pytest

from newsevents.language import load_nlp


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def evaluated():
    """Runs an evaluation's ``evaluate(**options)`` for a floor test, or skips the test, saying
    so, when the shared gold data it reads is not there."""
    from evaluation.common import GoldDataMissing

    def run(evaluate, **options):
        try:
            return evaluate(**options)
        except GoldDataMissing as missing:
            pytest.skip(f"gold data missing: {missing}")

    return run
