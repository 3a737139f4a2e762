"""A second make deploy of the same commit changes nothing."""

import re

from rollout import checkout_release, current_release, run_make


def test_second_deploy_reports_no_change(settings, clone):
    if current_release(settings) != checkout_release(clone):
        # Bring the host to this commit first. Only the run after it must change nothing.
        assert run_make("deploy", cwd=clone).returncode == 0

    deploy = run_make("deploy", cwd=clone)

    assert deploy.returncode == 0
    recap = re.search(r"^\S+\s*: ok=\d+\s+changed=(\d+)\s+unreachable=0\s+failed=0", deploy.stdout, re.MULTILINE)
    assert recap, "no play recap in the output"
    assert recap.group(1) == "0"
