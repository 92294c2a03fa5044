# The README's two commands are `make demo` and `make test`; the rest is the developer loop.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test setup system lint bench views check clean readme-figures

demo: setup  ## build the graph, run example questions, write the network views and the site
	$(BIN)/atkg build
	$(BIN)/atkg stats
	$(BIN)/atkg sparql queries/examples/icat-members.rq
	$(BIN)/atkg query run members-in-all-mechanisms --param mechanism1=ICAT --param mechanism2=GMG
	$(BIN)/atkg query run agreements --param year=2012 --with-sources
	$(BIN)/atkg query run mechanisms-of-actor --param actor=OIT --lang fr
	$(BIN)/atkg analyze path UNODC Frontex
	$(BIN)/atkg views --out $(OUT)/views
	$(BIN)/atkg site --out $(OUT)/site

test: setup system  ## the whole test suite (installs Chromium and Java from Debian if missing)
	$(BIN)/python -m pytest -q

setup: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

system:  ## Debian packages the tests need: Chromium (views), a Java runtime (HermiT), Virtuoso 7 (engine tests)
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v virtuoso-t >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium default-jre-headless virtuoso-opensource; }

lint: setup
	$(BIN)/ruff check kg viz tests benchmarks
	$(BIN)/ruff format --check kg viz tests benchmarks

bench: setup
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

views: setup
	$(BIN)/atkg views --out $(OUT)/views

check: lint test

clean:
	rm -rf .atkg $(OUT)

readme-figures: setup  ## regenerate the "What the graph holds" figures of README.md from the built graph
	$(BIN)/python -m kg.figures
