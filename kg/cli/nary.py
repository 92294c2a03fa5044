"""N-ary facts in one command: agreement, membership, observation and ratification ``add``.

Each parses its options and hands one operation (``kg.curation.nary``) to ``kg.edit.run_edit``,
which resolves, checks the whole pattern and writes atomically.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.cli.common import reports_errors
from kg.cli.edit import DryRun, From, Role, Source, To, _run

agreement_app = typer.Typer(help="Agreements with their parties, in one command.", no_args_is_help=True)
membership_app = typer.Typer(
    help="Qualified memberships (role, period), in one command.", no_args_is_help=True
)
observation_app = typer.Typer(help="Figures as observations, in one command.", no_args_is_help=True)
ratification_app = typer.Typer(
    help="Ratifications of legal instruments, in one command.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(agreement_app, name="agreement")
    app.add_typer(membership_app, name="membership")
    app.add_typer(observation_app, name="observation")
    app.add_typer(ratification_app, name="ratification")


@agreement_app.command("add")
@reports_errors
def agreement_add(
    ctx: typer.Context,
    type: Annotated[str, typer.Option("--type", help="A kind of atkg:Agreement, e.g. WorkingArrangement.")],
    party: Annotated[list[str], typer.Option("--party", help="A party (repeat: at least two).")],
    source: Source = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    subject: Annotated[
        Optional[list[str]], typer.Option("--subject", help="What it is about, TEXT@LANG (repeatable).")
    ] = None,
    label_fr: Annotated[
        Optional[str], typer.Option("--label-fr", help="French label (default: made).")
    ] = None,
    label_en: Annotated[
        Optional[str], typer.Option("--label-en", help="English label (default: made).")
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Add an agreement, its parties, date and subject, citing its passage.

    Example: atkg agreement add --type WorkingArrangement --party UNODC --party Frontex --date 2012-04
    --source 001:12
    """
    from kg.curation.nary import add_agreement

    _run(ctx, add_agreement(type, party, source, date, subject or [], label_fr, label_en), dry_run)


@membership_app.command("add")
@reports_errors
def membership_add(
    ctx: typer.Context,
    member: Annotated[str, typer.Argument(help="The member (an actor).")],
    mechanism: Annotated[str, typer.Argument(help="The organisation or mechanism.")],
    source: Source = None,
    role: Role = None,
    start: From = None,
    end: To = None,
    dry_run: DryRun = False,
) -> None:
    """Add an org:Membership node (role, period) and its direct triple, citing its passage.

    Example: atkg membership add ILO GMG --role chair --from 2007 --source 000:13
    """
    from kg.curation.nary import add_membership

    _run(ctx, add_membership(member, mechanism, source, role, start, end), dry_run)


@observation_app.command("add")
@reports_errors
def observation_add(
    ctx: typer.Context,
    entity: Annotated[str, typer.Argument(help="What the figure is about.")],
    measure: Annotated[
        str, typer.Argument(help="What it counts (an atkg:Measure, e.g. measure-victims-identified).")
    ],
    value: Annotated[str, typer.Argument(help="The number, e.g. 245 or 1.5.")],
    unit: Annotated[str, typer.Option("--unit", help="person, USD, EUR, country, organisation...")],
    source: Source = None,
    period: Annotated[
        Optional[str], typer.Option("--period", help="When: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    qualifier: Annotated[
        Optional[str], typer.Option("--qualifier", help="more-than, at-least, about, up-to or fewer-than.")
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Add a figure as an atkg:Observation node, citing its passage.

    Example: atkg observation add HRV measure-victims-identified 65 --unit person --period 2007
    --source 003:12
    """
    from kg.curation.nary import add_observation

    _run(ctx, add_observation(entity, measure, value, source, unit, period, qualifier), dry_run)


@ratification_app.command("add")
@reports_errors
def ratification_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="The State (country name or ISO code).")],
    instrument: Annotated[str, typer.Argument(help="The legal instrument.")],
    source: Source = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    note: Annotated[
        Optional[str], typer.Option("--note", help="How the passage names them indirectly.")
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Add STATE atkg:ratified INSTRUMENT and, with --date, its atkg:Ratification node.

    Example: atkg ratification add GRC instrument-tip-protocol --date 2011 --source 001:22
    """
    from kg.curation.nary import add_ratification

    _run(ctx, add_ratification(state, instrument, source, date, note), dry_run)
