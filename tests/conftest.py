import pytest

from newsevents.language import load_nlp


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()
