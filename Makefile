# Two commands matter: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
ROLE   ?= counter

.PHONY: run province bench-sync soak test lint typecheck pytest bench bench-queue bench-reception bench-scan translations system-deps system-deps-gui clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "counter_app needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet -e '.[sane]' || echo "python-sane could not be built (libsane-dev, gcc, Python headers): SANE scanners are off" >&2
	@touch $@

system-deps:
	@bash installers/debian/system-deps.sh test

system-deps-gui:
	@bash installers/debian/system-deps.sh gui

# The reference provincial server starts beside the app (its own SQLite file in .province/), so
# sync is visible out of the box: the status bar shows what waits, http://127.0.0.1:8765/ what
# arrived. It stops when the app closes.
PROVINCE_PORT ?= 8765
PROVINCE_DIR  := .province

run: system-deps-gui $(STAMP)
	@mkdir -p $(PROVINCE_DIR)
	@$(PY) -m counter_app.reference_server --db $(PROVINCE_DIR)/province.sqlite --port $(PROVINCE_PORT) \
	    --client '*:demo-secret' --catalogue resources/catalogue/demo.json \
	    > $(PROVINCE_DIR)/server.log 2>&1 & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	echo "reference provincial server: http://127.0.0.1:$(PROVINCE_PORT)/ (log in $(PROVINCE_DIR)/server.log)"; \
	$(PY) main.py --role $(ROLE) --demo --province http://127.0.0.1:$(PROVINCE_PORT)

# The reference provincial server alone, in the foreground (faults: see docs/sync.md).
province: $(STAMP)
	@mkdir -p $(PROVINCE_DIR)
	$(PY) -m counter_app.reference_server --db $(PROVINCE_DIR)/province.sqlite --port $(PROVINCE_PORT) \
	    --client '*:demo-secret' --catalogue resources/catalogue/demo.json

test: system-deps $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# Every button and menu of the windows is driven by a test (tests/journeys): a UI module whose
# lines no test reaches lowers the figure. Measured 91.5% when the floor was set (2026-11-26).
UI_COVERAGE_FLOOR ?= 88

# libsane's own `test` backend crashes now and then: a segfault on a thread of libsane's, not
# Python's (its reader thread outliving sane_exit, which unloads the backend, is the likely
# cause), about one run in five on 2026-11-22 and one in eight unloaded on 2026-11-26, more under
# load; twice in a row failed a CI run. Its module runs apart and gets up to four runs; a real
# failure fails all four.
SANE_RUNS ?= 4
pytest: $(STAMP)
	@for run in $$(seq $(SANE_RUNS)); do \
	    QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest tests/devices/test_sane.py && exit 0; \
	    echo "test_sane.py: run $$run of $(SANE_RUNS) failed" >&2; \
	done; exit 1
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest --ignore=tests/devices/test_sane.py \
	    --cov=counter_app/ui --cov-report=term:skip-covered --cov-fail-under=$(UI_COVERAGE_FLOOR)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

# Tickets: latency and throughput on SQLite and PostgreSQL, with 1M past tickets (BENCH_HISTORY).
bench-queue: system-deps $(STAMP)
	$(PY) bench/queue.py

bench-reception: system-deps $(STAMP)
	$(PY) bench/reception.py

# Scanning and OCR, beside img2pdf alone and OCRmyPDF (installed in the venv for the comparison only).
bench-scan: system-deps $(STAMP)
	$(PY) -m pip install --quiet 'ocrmypdf>=16' || echo "OCRmyPDF could not be installed: no comparison" >&2
	$(PY) bench/scan.py

# Sync: 10,000 queued dossiers drained and 1 GB of scans uploaded to the reference server on
# loopback (BENCH_SYNC_DOSSIERS, BENCH_SYNC_MEGABYTES make it smaller).
bench-sync: system-deps $(STAMP)
	$(PY) bench/sync.py

# A day of the kiosk, two counters and the display in real time (SOAK_HOURS, default 2): memory,
# references to None, threads and files every SOAK_SAMPLE_MINUTES; figures in docs/performance.md.
SOAK_HOURS ?= 2
soak: $(STAMP)
	SOAK_HOURS=$(SOAK_HOURS) QT_QPA_PLATFORM=offscreen $(PY) -m bench.soak

# Refresh the .ts files from the source, then compile them. Translators edit the .ts in Qt Linguist.
# qtbase_vi.ts holds Qt's own words (file dialogs, standard buttons, text menus; Qt ships no
# Vietnamese): its sources are Qt's, so it is compiled but never refreshed by lupdate.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find counter_app -name '*.py' | sort) \
	    -source-language en -target-language vi -ts resources/translations/counter_app_vi.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/counter_app_vi.ts -qm resources/translations/counter_app_vi.qm
	$(VENV)/bin/pyside6-lrelease resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm

clean:
	rm -rf $(VENV) $(PROVINCE_DIR) .mypy_cache .ruff_cache .pytest_cache
