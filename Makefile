# The two commands of the README:  make serve  (build + preview)  and  make test  (the whole suite).
# Each creates .venv from the pinned requirements.lock when it is missing or out of date, and installs the
# Debian packages and npm tools it needs. For development: make lint, make test-fast (no browser, no build; < 1 min).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# Two other clocks for the whole suite: no test may depend on the real date (DESIGN.md, invariant 11).
# libfaketime must leave the monotonic clock alone, or timed waits (threads, queues) never return.
FAKE_DAYS := 2027-01-02 2027-06-15
SUDO = $$( [ "$$(id -u)" = 0 ] || echo sudo )

.PHONY: serve build test test-fast test-clocks lint chromium debian bench lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(PY) -m builder serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m builder build

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here); Node (with npm) runs the
# JavaScript unit tests, the workflow linter and Lighthouse; Java runs the Nu Html Checker (vnu.jar, from npm);
# faketime runs the suite under other clocks.
debian:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v faketime >/dev/null 2>&1 || missing="$$missing faketime"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

chromium: debian

$(NPM_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $(NPM_STAMP)

lint: $(STAMP)
	$(PY) -m ruff check builder tests benchmarks
	$(PY) -m ruff format --check builder tests benchmarks
	$(PY) -m mypy

# The edit-test loop, under a minute on 2 cores: everything but the browser and the whole-site builds (marked
# `browser` and `build` by the fixtures they use, tests/conftest.py), on every core (pytest-xdist).
test-fast: $(STAMP) debian $(NPM_STAMP)
	$(PY) -m pytest -q -p no:cacheprovider -n auto -m "not browser and not build"

test: $(STAMP) debian $(NPM_STAMP) lint
	$(PY) -m pytest --durations=10
	$(MAKE) --no-print-directory test-clocks

# The whole suite again under each other day, browser included: the locator's open-now and holidays with the
# page clock set by Playwright from the fake one, the printed sheets as their evidence ages, and every other
# page, export and editors' tool. Both days at once, each in its own temporary folder; a failed run's output
# is printed in full.
test-clocks: $(STAMP) debian $(NPM_STAMP)
	@runs=$$(mktemp -d); \
	for day in $(FAKE_DAYS); do \
	  ( DONT_FAKE_MONOTONIC=1 faketime "$$day 10:00:00" $(PY) -m pytest -q -p no:cacheprovider \
	      --basetemp="$$runs/tmp-$$day" >"$$runs/$$day.log" 2>&1; echo $$? >"$$runs/$$day.rc" ) & \
	done; \
	wait; status=0; \
	for day in $(FAKE_DAYS); do \
	  echo "=== the whole suite as on $$day ==="; \
	  if [ "$$(cat "$$runs/$$day.rc")" = 0 ]; then tail -n 1 "$$runs/$$day.log"; else cat "$$runs/$$day.log"; status=1; fi; \
	done; \
	rm -rf "$$runs"; exit $$status

bench: $(STAMP)
	$(PY) benchmarks/build_time.py

lock:
	rm -rf /tmp/kdm-lock && $(PYTHON) -m venv /tmp/kdm-lock
	/tmp/kdm-lock/bin/pip install --quiet '.[test]'
	/tmp/kdm-lock/bin/pip freeze --exclude kdm-izmir | sed '1i # The whole dependency tree, pinned. Regenerate with: make lock' > requirements.lock

clean:
	rm -rf site $(VENV) .pytest_cache node_modules
