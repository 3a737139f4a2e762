# The commands people type. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo $(BIN)/uv)
INVENTORY ?= inventory/local.yml
GAMES_DIR ?= $(abspath ../shared/games)
export GOBAN_GAMES_DIR ?= $(GAMES_DIR)

.PHONY: help install test test-unit test-native native-suites

help: ## List the commands.
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/uv:
	@command -v uv >/dev/null || python3 -m venv $(VENV)
	@command -v uv >/dev/null || $(BIN)/pip install --quiet uv

$(VENV)/.synced: pyproject.toml uv.lock servers/*/pyproject.toml | $(BIN)/uv
	$(UV) sync --frozen --all-packages
	@touch $@

install: $(VENV)/.synced ## Create .venv with every Python dependency.

test: install ## Run every test tier, as CI does.
	$(MAKE) test-unit
	$(MAKE) test-native

test-unit: install ## Unit tests of goban_core.
	$(BIN)/pytest servers/core/tests

test-native: install ## Server tests and the conformance suite against both servers on a throwaway PostgreSQL.
	tests/native/run.sh $(MAKE) --no-print-directory native-suites

# Runs inside tests/native/run.sh, which exports GOBAN_API_URLS and POSTGRES_*.
native-suites:
	$(BIN)/pytest tests/api
