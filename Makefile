VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
TORCH_VERSION ?= 2.13.0
# Where torch comes from when none is installed: empty = the default index (on Linux x86_64
# that is the CUDA build, several GB). CPU-only: make TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
TORCH_INDEX_URL ?=
STAMP := $(VENV)/.installed

.PHONY: install run test demo lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PY) -c "import torch" 2>/dev/null || $(PIP) install -q torch==$(TORCH_VERSION) \
		$(if $(TORCH_INDEX_URL),--index-url $(TORCH_INDEX_URL))
	$(PIP) install -q -e ".[test,fast,ray]"
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
		--summarizer .demo-models/bart --offline --review

bench: $(STAMP)
	$(VENV)/bin/translate bench

clean:
	rm -rf $(VENV) .demo-models demo-outbox .bench-models build dist *.egg-info
