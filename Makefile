# The two commands of the README: `make run` (set up and start the app) and `make test`
# (set up and run the whole suite). Both install what they need on a fresh Debian machine.
# `make lint` runs the style, type and layering checks (CI runs it after `make test`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEBIAN_PACKAGES := age qpdf poppler-utils zbar-tools libegl1 libgl1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 xvfb fonts-dejavu-core \
	tesseract-ocr tesseract-ocr-eng syncthing
# what `make package` and `make package-check` use besides: PyInstaller's ldd/objdump/strip, dpkg-deb's
# zstd, the installed program's checks (file, strace, desktop-file-validate, update-mime-database)
PACKAGE_DEBIAN_PACKAGES := binutils zstd file strace xauth desktop-file-utils shared-mime-info

.PHONY: run test test-core lint system-deps venv bench clean translations package package-check

# install the Debian packages of $(1) that are missing
define install_debian
@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call install_debian,$(DEBIAN_PACKAGES))

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

venv: $(BIN)/.installed

run: system-deps venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(BIN)/mbc-vault; \
	else echo "No screen found (DISPLAY is not set): starting the app on a virtual screen with xvfb-run."; \
		echo "On a desktop, run this from a terminal inside the desktop session instead."; \
		xvfb-run -a $(BIN)/mbc-vault; fi

# Both test targets run pytest in TEST_WORKERS processes (pytest-xdist; each worker has its own
# QApplication, temporary folders and child processes). loadgroup hands out single tests; a module whose
# tests share a module fixture (an xdist_group mark, tests/test_package.py) runs in one worker, so the
# fixture is made once. TEST_WORKERS=0 runs everything in this one process, as plain pytest does.
TEST_WORKERS ?= 2
PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

test: system-deps venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PARALLEL)

# The core's tests with Qt's GUI modules made unimportable and without pytest-qt: they need no GUI
# libraries. Tests marked qt (see tests/conftest.py) are left out; `make test` runs them.
test-core: system-deps venv
	$(BIN)/python -m pytest -p no:pytest-qt --no-qt-gui $(PARALLEL)

$(BIN)/.lint-installed: pyproject.toml $(BIN)/.installed
	$(BIN)/pip install -q -e '.[test,lint]'
	touch $@

# Every check runs even when an earlier one fails; the target fails if any did.
lint: venv $(BIN)/.lint-installed
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/mypy || status=1; \
	$(BIN)/lint-imports || status=1; \
	exit $$status

bench: system-deps venv
	$(BIN)/python bench/bench_add.py
	$(BIN)/python bench/bench_open.py
	$(BIN)/python bench/bench_open_vs_format1.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_index.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_search.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_start.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_import_stall.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_sections.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_packet.py

# The fuzzing harness at length (tests/test_fuzz_*.py; settings in tests/fuzzing.py): the age reader,
# armor, record JSON and entry data, the media-type sniffer and the import guesses, the lab CSV and the
# sync tools' names. 18 targets x FUZZ_EXAMPLES random examples each (the default suite runs 25 each,
# always the same ones), a 2 s deadline and a 20 s hang alarm per example; about 15 minutes here at
# 2000. It prints the examples, seconds and slowest example of each target, and the whole time.
FUZZ_EXAMPLES ?= 2000
.PHONY: fuzz
fuzz: venv
	@echo "make fuzz: $(FUZZ_EXAMPLES) random examples per target (FUZZ_EXAMPLES=N to change)"
	@start=$$(date +%s); status=0; \
	MBC_VAULT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_fuzz_age.py tests/test_fuzz_records.py tests/test_fuzz_inputs.py \
		|| status=$$?; \
	echo "make fuzz: $$(( $$(date +%s) - start )) s in all"; exit $$status

# After changing app strings: refresh the Spanish .ts (no line numbers, so moves do not churn it),
# translate its unfinished messages, then this again to compile the .qm.
translations: venv
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find ui -name '*.py' | sort) -ts ui/resources/i18n/mbc_vault_es.ts
	$(BIN)/pyside6-lrelease ui/resources/i18n/mbc_vault_es.ts -qm ui/resources/i18n/mbc_vault_es.qm

$(BIN)/.package-installed: pyproject.toml $(BIN)/.installed
	$(BIN)/pip install -q -e '.[test,package]'
	touch $@

# The Linux downloads, in dist/: a tarball of the PyInstaller folder and a .deb (packaging/build_linux.py).
package: system-deps venv $(BIN)/.package-installed
	$(call install_debian,$(PACKAGE_DEBIAN_PACKAGES))
	rm -rf build/bundle
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath build/bundle \
		packaging/mbc-vault.spec
	$(BIN)/python packaging/build_linux.py build/bundle/mbc-vault dist

# Install the .deb and run the installed program as a person's computer would (packaging/package_check.sh):
# the self-check from the .deb and the tarball, the app's first window under Xvfb. Needs root.
package-check: package
	bash packaging/package_check.sh dist

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
