# Two commands for a newcomer on a fresh machine (see README):
#   make demo   install policygraph into .venv, ingest the bundled samples, trace a lineage
#   make test   install what the tests need (Python packages, Debian's Chromium) and run them
# .ci/run calls `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .policygraph/demo-store

.PHONY: demo test install install-test browser lint mutate clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

browser:
	bash scripts/install-browser.sh

demo: install
	$(BIN)/policygraph --store $(STORE) ingest data/samples
	$(BIN)/policygraph --store $(STORE) trace 25-NQ/TW --year 2013 --down
	@echo
	@echo "Store: $(STORE). Try: $(BIN)/policygraph --store $(STORE) show 30-CTr/TU"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: install-test browser
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Add the interface's new English messages to viz/translations/vi.po (then translate them there).
messages: install
	$(BIN)/python scripts/extract_messages.py

# Mutation testing of one module (not part of `make test`): see README "Mutation testing".
#   make mutate MODULE=graph/identity.py [TESTS="tests/test_identity.py ..."] [LINES=80-120]
mutate: install-test
	@test -n "$(MODULE)" || { echo 'usage: make mutate MODULE=graph/identity.py [TESTS="tests/..."] [LINES=80-120]'; exit 2; }
	$(BIN)/python scripts/mutate.py $(MODULE) $(if $(TESTS),--tests "$(TESTS)") $(if $(LINES),--lines $(LINES))

clean:
	rm -rf $(VENV) .policygraph build *.egg-info test-artifacts
