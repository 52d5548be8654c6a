VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
TORCH_VERSION ?= 2.13.0
STAMP := $(VENV)/.installed

.PHONY: install run test demo lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PY) -c "import torch" 2>/dev/null || $(PIP) install -q torch==$(TORCH_VERSION)
	$(PIP) install -q -e ".[test,fast]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/translate batch inbox outbox

test: $(STAMP)
	$(VENV)/bin/ruff check translate tests
	$(VENV)/bin/ruff format --check translate tests
	$(PY) -m pytest -q

demo: $(STAMP)
	test -f .demo-models/marian/config.json || $(PY) -m translate.testing.tinymodels .demo-models
	$(VENV)/bin/translate batch inbox demo-outbox --model .demo-models/marian \
		--summarizer .demo-models/bart --offline

bench: $(STAMP)
	$(VENV)/bin/translate bench

clean:
	rm -rf $(VENV) .demo-models
