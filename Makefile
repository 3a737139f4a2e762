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
