# Two commands do all the set-up on a fresh machine with only Python 3.11+:
#   make run    create .venv, install Reader, open it on the bundled sample library
#   make test   create .venv, install Reader with its test tools, run every test
#   make lint   ruff (check and format), mypy strict, the import contracts
PYTHON ?= python3
VENV ?= .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
STAMP := $(VENV)/.installed-stamp
SAMPLE_LIBRARY ?= .sample-library

.PHONY: run test test-fast check lint bench dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# The window needs Qt's X11 libraries on Linux: name the missing ones and how to install them.
run: $(STAMP)
	@$(BIN)/python -m reader.gui.system_libs
	$(BIN)/reader --data-dir $(SAMPLE_LIBRARY) import resources/samples > /dev/null || true
	$(BIN)/reader --data-dir $(SAMPLE_LIBRARY) gui

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Everything but the long scenarios (kill loops, big files): the loop while working, in one
# pytest process per core (pytest-xdist). --dist worksteal: a core that runs out of tests takes
# some of the other's queue, so neither core is left idle while the other works through a queue.
# The default "load" measured the same (within the noise of a shared machine); "loadfile"
# keeps each file on one core, and the longest files hold several seconds of tests each.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -n auto --dist worksteal $(PYTEST_ARGS)

# Compiled modules and pytest's rewritten test modules are cached in __pycache__: with
# PYTHONDONTWRITEBYTECODE set, every run compiled all of them again in every worker (some
# seconds of each worker's start, before its first test).
test test-fast: export PYTHONDONTWRITEBYTECODE :=

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

check: lint test

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py $(BENCH_ARGS)

# A standalone application for this platform (PyInstaller, one folder): dist/reader/, and on
# Linux a tarball with the desktop file, AppStream metadata and icon. PyInstaller cannot
# cross-build: run it on Windows and macOS for their bundles.
DIST_NAME := reader-$(shell $(PYTHON) -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,dist]"
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller resources/packaging/reader.spec
ifeq ($(shell uname -s),Linux)
	mkdir -p dist/reader/share/applications dist/reader/share/metainfo dist/reader/share/icons/hicolor/256x256/apps
	cp resources/linux/article-reader.desktop dist/reader/share/applications/
	cp resources/linux/article-reader.metainfo.xml dist/reader/share/metainfo/
	cp resources/icons/reader.png dist/reader/share/icons/hicolor/256x256/apps/article-reader.png
	tar -C dist -czf dist/$(DIST_NAME)-linux-$(shell uname -m).tar.gz reader
endif

clean:
	rm -rf $(VENV) $(SAMPLE_LIBRARY) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
