"""What every command shares: global options, and turning library errors into messages."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import typer

from kg.errors import KgError
from kg.workspace import Workspace, find_workspace

F = TypeVar("F", bound=Callable)


@dataclass
class Options:
    workspace: Path | None
    store: str | None

    def with_store(self, store: str | None) -> Options:
        """The options with a command's own ``--store`` taking precedence over the global one."""
        return Options(self.workspace, store or self.store)

    def resolve(self) -> Workspace:
        store = (
            Path(self.store) if self.store and not self.store.startswith(("http://", "https://")) else None
        )
        return find_workspace(self.workspace, store)

    def store_location(self, workspace: Workspace) -> str | Path:
        if self.store and self.store.startswith(("http://", "https://")):
            return self.store
        return workspace.store


def reports_errors(command: F) -> F:
    """Print a library error as one ``Error:`` line on stderr and exit with its code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as error:
            typer.echo(f"Error: {error.message}", err=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("Error: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: Path | None) -> None:
    """To stdout, or atomically to a file."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from kg.fileio import atomic_write_text

    atomic_write_text(output, text)
