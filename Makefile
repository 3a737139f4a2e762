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
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/uv:
	@command -v uv >/dev/null || python3 -m venv $(VENV)
	@command -v uv >/dev/null || $(BIN)/pip install --quiet uv

$(VENV)/.synced: pyproject.toml uv.lock servers/*/pyproject.toml | $(BIN)/uv
	$(UV) sync --frozen --all-packages
	@touch $@

install: $(VENV)/.synced ## Create .venv with every Python dependency.

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

test: install ## Run every test tier, as CI does.
	$(MAKE) --no-print-directory test-unit
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-stack
	$(MAKE) --no-print-directory test-rollout

test-unit: install web/node_modules/.installed ## Unit tests of goban_core and the web client.
	$(BIN)/pytest servers/core/tests
	cd web && npm test

test-native: install web/node_modules/.installed ## Server tests, the conformance suite, fuzzing and browser tests on natively run servers.
	tests/native/run.sh $(MAKE) --no-print-directory native-suites

# Runs inside tests/native/run.sh, which exports GOBAN_API_URLS and POSTGRES_*.
# Separate pytest runs, because each server's tests have a package named tests.
native-suites:
	$(BIN)/pytest servers/django/tests
	$(BIN)/pytest servers/fastapi/tests
	$(BIN)/pytest tests/api
	$(BIN)/pytest tests/fuzz
	tests/e2e/run-native.sh

# Deployment with Ansible (playbooks/). INVENTORY names the hosts; the default,
# inventory/local.yml, is this machine.
ANSIBLE_PLAYBOOK = $(BIN)/ansible-playbook -i $(INVENTORY)
# testinfra runs ansible-inventory and ansible from PATH.
WITH_ANSIBLE_PATH = PATH=$(abspath $(BIN)):$$PATH
LINES ?= 100

.PHONY: deploy update rollback backup restore smoke logs status test-deploy

deploy: install ## Provision the INVENTORY hosts and deploy the committed HEAD.
	$(ANSIBLE_PLAYBOOK) playbooks/site.yml

update: install ## Rolling update to the committed HEAD; rolls back by itself on failure.
	$(ANSIBLE_PLAYBOOK) playbooks/update.yml

rollback: install ## Return to the previous release, one server at a time.
	$(ANSIBLE_PLAYBOOK) playbooks/rollback.yml

backup: install ## Dump the database now and copy the dump to backups/HOST/.
	$(ANSIBLE_PLAYBOOK) playbooks/backup.yml

restore: install ## Restore the database from FILE=backups/HOST/NAME.dump (asks first unless CONFIRM=yes).
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/HOST/NAME.dump [CONFIRM=yes]" >&2; exit 2; }
	$(ANSIBLE_PLAYBOOK) playbooks/restore.yml -e goban_restore_file=$(abspath $(FILE)) \
		$(if $(filter yes,$(CONFIRM)),-e goban_restore_confirm=yes)

smoke: install ## Run the testinfra smoke checks against the INVENTORY hosts.
	$(WITH_ANSIBLE_PATH) $(BIN)/pytest --hosts=ansible://all --ansible-inventory=$(INVENTORY) tests/infra

logs: install ## Show the last LINES (100) log lines of every container.
	$(ANSIBLE_PLAYBOOK) playbooks/logs.yml -e goban_logs_lines=$(LINES)

status: install ## Show the current release and the state of every container.
	$(ANSIBLE_PLAYBOOK) playbooks/status.yml

test-deploy: install ## After make deploy here: imports, update under load, failed update, backup and restore.
	$(WITH_ANSIBLE_PATH) GOBAN_INVENTORY=$(abspath $(INVENTORY)) $(BIN)/pytest tests/deploy

# Load benchmarks (bench/): wrk against the stack on https://127.0.0.1, never
# part of `make test`. The stack is started first when nothing answers there
# (curl --insecure only probes for an answer; run.py verifies the certificate).
BENCH_HEALTH_URL := https://127.0.0.1/api/health/
# Options passed to bench/run.py, e.g. BENCH_ARGS="--output /tmp/bench.md".
BENCH_ARGS ?=

.PHONY: bench

bench: install ## Load benchmarks with wrk against the local stack; writes bench/results.md.
	@test -d "$(GOBAN_GAMES_DIR)" || { echo "bench: error: games folder not found: $(GOBAN_GAMES_DIR);" \
		"set GAMES_DIR=/path/to/games" >&2; exit 2; }
	@curl --silent --fail --insecure --max-time 5 --output /dev/null $(BENCH_HEALTH_URL) \
		|| $(MAKE) --no-print-directory up
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The production stack on this machine with Docker Compose alone
# (compose.prod.yml, settings in .env). test-stack first prepares a machine
# without Docker or a registry (tests/stack/prepare.sh), then tests the stack
# through nginx on https://127.0.0.1.
STACK_API_URLS := nginx=https://127.0.0.1,django=https://127.0.0.1/django,fastapi=https://127.0.0.1/fastapi

.PHONY: up down stack-prepare test-stack test-rollout

up: ## Build and start the stack here with Docker Compose; writes .env with fresh secrets once.
	deploy/up.sh up

down: ## Stop the stack started by make up; the database volume stays.
	deploy/up.sh down

stack-prepare: ## Install Docker from Debian and stand-ins for base images that cannot be pulled.
	tests/stack/prepare.sh

# The stack tier runs under its own Compose project, so its volume is never a
# deployed stack's, and removes it when every test has passed.
test-stack: export COMPOSE_PROJECT_NAME = goban-test
test-stack: install web/node_modules/.installed ## Start the stack, then run the API, stack and browser tests through nginx.
	tests/stack/prepare.sh
	$(MAKE) --no-print-directory up
	GOBAN_API_URLS="$(STACK_API_URLS)" GOBAN_API_VERIFY=0 \
		GOBAN_SECRET_KEY="$$(sed -n 's/^GOBAN_SECRET_KEY=//p' .env)" $(BIN)/pytest tests/api
	$(BIN)/pytest tests/stack
	tests/stack/run-e2e.sh
	docker compose -f compose.prod.yml down --volumes

test-rollout: install ## Deploy here with Ansible, deploy again, smoke checks, then update, rollback and backup tests.
	tests/stack/prepare.sh
	$(MAKE) --no-print-directory deploy
	$(MAKE) --no-print-directory test-deploy
