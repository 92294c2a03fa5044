"""What every command shares: global options, and turning library errors into messages."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import typer

from kg.errors import KgError, UsageError
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
    """Print a library error as one ``Error:`` line on stderr and exit with its code.

    Also what no library function should have to think about: arguments that are not UTF-8
    (Python hands them over as lone surrogates), and the operating system refusing a read or a
    write (a read-only file, a directory where a file was expected): one line, never a traceback.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            _check_arguments(kwargs, kwargs.get("ctx"))
            return command(*args, **kwargs)
        except KgError as error:
            return _fail(error.message, error.exit_code)
        except KeyboardInterrupt:
            return _fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            return _fail(f"{where}{error.strerror or error}", 1)
        except UnicodeError as error:
            return _fail(f"text that is not valid UTF-8 ({error.reason})", 2)

    return wrapper  # type: ignore[return-value]


def _fail(message: str, code: int):
    from kg.output import terminal_text

    safe = terminal_text(message.encode("utf-8", "replace").decode("utf-8"))
    # a multi-line message (a list of findings) keeps its lines; each line is made safe
    lines = [terminal_text(line) for line in message.encode("utf-8", "replace").decode().split("\n")]
    typer.echo("Error: " + ("\n".join(lines) if len(lines) > 1 else safe), err=True)
    raise typer.Exit(code)


_SURROGATE = re.compile("[\udc80-\udcff]")


def _check_arguments(values: dict, context: typer.Context | None) -> None:
    """Refuse an argument holding bytes that are not UTF-8, naming the option it was given to."""
    for name, value in values.items():
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            found = _SURROGATE.search(item) if isinstance(item, str) else None
            if found:
                byte = ord(found.group(0)) & 0xFF
                raise UsageError(
                    f"{_option_name(context, name)}: not valid UTF-8 text (byte 0x{byte:02x}); "
                    "give text in UTF-8"
                )


def _option_name(context: typer.Context | None, name: str) -> str:
    for parameter in context.command.params if context is not None else []:
        if parameter.name == name:
            if parameter.param_type_name == "option":
                return max(parameter.opts, key=len)
            return name.upper()
    return name


def write_output(text: str, output: Path | None) -> None:
    """To stdout, or atomically to a file."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from kg.fileio import atomic_write_text

    if output.is_dir():
        raise UsageError(f"{output}: is a directory; give the path of a file to write")
    for ancestor in output.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(f"{output}: {ancestor} is a file, not a directory")
            break
    atomic_write_text(output, text)
