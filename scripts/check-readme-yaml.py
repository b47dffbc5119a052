#!/usr/bin/env python3
"""Parses every ```yaml block of README.md and .pre-commit-hooks.yaml, and checks each has the shape its CI
system reads (a GitHub workflow's jobs and steps, a GitLab job's script, a pre-commit config's hooks), so the
copy-paste examples at least load. Needs PyYAML (pip install pyyaml). Exit 1 on a problem."""
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("error: checking the README's YAML needs PyYAML: pip install pyyaml", file=sys.stderr)
    sys.exit(2)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kind(document):
    if isinstance(document, dict) and "jobs" in document:
        for name, job in document["jobs"].items():
            assert isinstance(job.get("steps"), list) and job["steps"], f"job {name} has no steps"
            for step in job["steps"]:
                assert "uses" in step or "run" in step, f"job {name}: a step without uses or run: {step}"
        assert "on" in document or True in document, "workflow without 'on'"
        return "GitHub workflow"
    if isinstance(document, dict) and "repos" in document:
        hooks = [hook for repo in document["repos"] for hook in repo["hooks"]]
        assert any(hook["id"] == "sftlint" for hook in hooks), "no sftlint hook"
        return "pre-commit config"
    if isinstance(document, dict) and all(isinstance(job, dict) and "script" in job for job in document.values()):
        return "GitLab CI"
    if isinstance(document, list) and all("id" in hook and "entry" in hook for hook in document):
        return "pre-commit hooks"
    raise AssertionError("not a workflow, GitLab job or pre-commit file")


def main():
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        blocks = re.findall(r"^```yaml\n(.*?)^```", f.read(), flags=re.S | re.M)
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        blocks.append(f.read())
    seen = []
    for index, block in enumerate(blocks):
        try:
            seen.append(kind(yaml.safe_load(block)))
        except (yaml.YAMLError, AssertionError, KeyError, TypeError) as error:
            print(f"README yaml block {index + 1}: {error}", file=sys.stderr)
            return 1
    expected = {"GitHub workflow", "GitLab CI", "pre-commit config", "pre-commit hooks"}
    if not expected <= set(seen):
        print(f"expected {sorted(expected)}, found {seen}", file=sys.stderr)
        return 1
    print("README YAML: " + ", ".join(seen) + ": ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
