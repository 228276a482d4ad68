"""Generate reference docs from the code: `python -m sanctionwatch.docs` (make docs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.main import get_command

from sanctionwatch.settings import Settings

DOCS = Path("docs")


def settings_markdown() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `sanctionwatch.settings.Settings` by `make docs`; do not edit by hand.",
        "",
        "| variable | default | meaning |",
        "|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        var = f"SANCTIONWATCH_{name.upper()}"
        lines.append(f"| `{var}` | `{field.default}` | {field.description} |")
    return "\n".join(lines) + "\n"


def cli_markdown(app: typer.Typer) -> str:
    lines = ["# Command line", "", "Generated from the Typer app by `make docs`.", ""]
    for path, help_text in commands(app):
        lines += [f"## `sanctionwatch {path}`", "", help_text, ""]
    return "\n".join(lines)


def commands(app: typer.Typer) -> list[tuple[str, str]]:
    """(command path, first help line) of every leaf command."""
    found: list[tuple[str, str]] = []

    def walk(cmd: Any, prefix: str) -> None:
        subcommands = getattr(cmd, "commands", None)
        if subcommands:
            for name, sub in sorted(subcommands.items()):
                walk(sub, f"{prefix} {name}".strip())
        else:
            found.append((prefix, (cmd.help or "").strip().splitlines()[0] if cmd.help else ""))

    walk(get_command(app), "")
    return found


def main() -> None:
    from sanctionwatch.cli import app

    DOCS.mkdir(exist_ok=True)
    (DOCS / "settings.md").write_text(settings_markdown(), encoding="utf-8")
    (DOCS / "cli.md").write_text(cli_markdown(app), encoding="utf-8")


if __name__ == "__main__":
    main()
