# Two commands for a newcomer on a fresh machine (see README):
#   make demo   install policygraph into .venv, ingest the bundled samples, trace a lineage
#   make test   install what the tests need (Python packages, Debian's Chromium, a Neo4j server) and run them
# .ci/run calls `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .policygraph/demo-store

.PHONY: demo test install install-test browser neo4j-start neo4j-stop lint mutate clean messages

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

# A local Neo4j 5.26 server (jars from Maven Central, cached in ~/.m2) for the Neo4j backend's tests.
neo4j-start: install-test
	$(BIN)/python scripts/neo4j_server.py start

neo4j-stop:
	$(BIN)/python scripts/neo4j_server.py stop

# The server runs for the whole test run and is stopped (by its pid) whatever the tests say.
test: lint browser neo4j-start
	$(BIN)/python -m pytest; status=$$?; $(BIN)/python scripts/neo4j_server.py stop; exit $$status

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
