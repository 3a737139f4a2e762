"""Settings of a Goban deployment as Ansible computes them: role defaults
overridden by the inventory, templates rendered. The smoke checks and the
rollout tests read ports, paths and names from here instead of repeating
the defaults."""

from pathlib import Path
from typing import Any

import yaml
from ansible.parsing.dataloader import DataLoader
from ansible.template import Templar, trust_as_template

REPOSITORY = Path(__file__).resolve().parents[2]
ROLES = REPOSITORY / "playbooks" / "roles"
# Read in this order, later files overriding earlier ones, as Ansible does.
ROLE_VARIABLE_FILES = [
    ROLES / "goban" / "defaults" / "main.yml",
    ROLES / "backup" / "defaults" / "main.yml",
    ROLES / "goban" / "vars" / "main.yml",
]


def _trusted(value: Any) -> Any:
    """Mark every string of a value as a template, as Ansible does for its own variable files."""
    if isinstance(value, str):
        return trust_as_template(value)
    if isinstance(value, list):
        return [_trusted(item) for item in value]
    if isinstance(value, dict):
        return {key: _trusted(item) for key, item in value.items()}
    return value


def deployment_settings(inventory_variables: dict[str, Any]) -> dict[str, Any]:
    """Return the role variables of one host, with the inventory's values applied and templates rendered."""
    variables: dict[str, Any] = {"playbook_dir": str(REPOSITORY / "playbooks")}
    defaults: dict[str, Any] = {}
    for path in ROLE_VARIABLE_FILES[:2]:
        defaults.update(yaml.safe_load(path.read_text()))
    variables.update(_trusted(defaults))
    variables.update(_trusted(inventory_variables))
    # Role vars win over the inventory in Ansible too.
    variables.update(_trusted(yaml.safe_load(ROLE_VARIABLE_FILES[2].read_text())))

    templar = Templar(loader=DataLoader(), variables=variables)
    return {name: templar.template(value) for name, value in variables.items() if name.startswith(("goban_", "backup_"))}

# The long-running services of compose.prod.yml; migrate runs once per release and exits.
SERVICES = ["postgres", "django", "fastapi", "nginx"]
# NOTE: nginx has no Docker health check in compose.prod.yml yet, so the site
# checks (requests through it) stand for its health. Add it here once it has one.
HEALTH_CHECKED_SERVICES = ["postgres", "django", "fastapi"]
