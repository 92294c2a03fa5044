"""Maintainer commands: entity, fact and ontology edits; validate, reason, diff, fmt.

Each edit command parses its options and hands one operation to ``kg.edit.run_edit`` (or one
call to ``kg.ontology_edit``), which resolves, validates and writes atomically under the lock.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.cli.common import Options, reports_errors
from kg.formats import OutputFormat

entity_app = typer.Typer(help="Add, show, edit, remove, merge and search entities.", no_args_is_help=True)
fact_app = typer.Typer(help="Add, remove and list facts, each citing its passage.", no_args_is_help=True)
ontology_app = typer.Typer(
    help="Add classes and properties to the ontology; deprecate terms.", no_args_is_help=True
)

DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print the diff of the files instead of writing them.")
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
Source = Annotated[
    Optional[str], typer.Option("--source", help="The passage stating it: DOC:PARA, e.g. 001:12.")
]
Role = Annotated[
    Optional[str], typer.Option("--role", help="member, chair, coordinator, founder or observer.")
]
From = Annotated[Optional[str], typer.Option("--from", help="Start: YYYY, YYYY-MM or YYYY-MM-DD.")]
To = Annotated[Optional[str], typer.Option("--to", help="End: YYYY, YYYY-MM or YYYY-MM-DD.")]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(entity_app, name="entity")
    app.add_typer(fact_app, name="fact")
    app.add_typer(ontology_app, name="ontology")
    app.command("validate")(validate)
    app.command("reason")(reason)
    app.command("diff")(diff)
    app.command("fmt")(fmt)
    app.command("undo")(undo)
    app.command("log")(log)


def _run(ctx: typer.Context, operation, dry_run: bool) -> None:
    from kg.edit import run_edit

    workspace = ctx.obj.resolve()
    result = run_edit(workspace, operation, dry_run=dry_run, command=ctx.command_path)
    if dry_run:
        typer.echo(result.diff, nl=False)
        typer.echo(f"Dry run, nothing written: {result.summary}", err=True)
        return
    files = ", ".join(str(p.relative_to(workspace.root)) for p in result.files) or "no file changed"
    typer.echo(f"{result.summary} ({files})")


# ---- entity -----------------------------------------------------------------------------------


@entity_app.command("add")
@reports_errors
def entity_add(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The new IRI's local name (id:SLUG), e.g. un-women.")],
    type: Annotated[str, typer.Option("--type", help="Its class: atkg:UNEntity, or bare UNEntity.")],
    label_fr: Annotated[str, typer.Option("--label-fr", help="Preferred French label.")],
    label_en: Annotated[str, typer.Option("--label-en", help="Preferred English label.")],
    alt: Annotated[
        Optional[list[str]], typer.Option("--alt", help="An alternative label, TEXT@LANG (repeatable).")
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Add an entity to the registry with its class and French and English labels.

    Example: atkg entity add unops --type UNEntity --label-fr "UNOPS" --label-en "UNOPS" --alt "BSP@fr"
    """
    from kg.edit import add_entity

    _run(ctx, add_entity(slug, type, label_fr, label_en, alt or []), dry_run)


@entity_app.command("add-country")
@reports_errors
def entity_add_country(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-3 or alpha-2 code.")],
    dry_run: DryRun = False,
) -> None:
    """Add a country described from ISO 3166 (names in French and English, both codes).

    Example: atkg entity add-country RWA
    """
    from kg.edit import add_country

    _run(ctx, add_country(code), dry_run)


@entity_app.command("show")
@reports_errors
def entity_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Acronym, label (fr or en), ISO code, slug or IRI.")],
) -> None:
    """Show an entity: its types, labels and every fact about it with its source.

    Example: atkg entity show OIT
    """
    from kg.edit import entity_view
    from kg.output import render_rows, terminal_text

    view = entity_view(ctx.obj.resolve(), name)
    typer.echo(terminal_text(f"{view.slug}  ({', '.join(view.types) or 'no type'})"))
    for kind, text in view.labels:
        typer.echo(terminal_text(f"  {kind} {text}"))
    typer.echo(f"\nFacts ({len(view.facts)})")
    rows = [(f.subject, f.property, f.object, f.source) for f in view.facts]
    typer.echo(render_rows(["subject", "property", "object", "source"], rows, OutputFormat.table), nl=False)


@entity_app.command("edit")
@reports_errors
def entity_edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The entity (acronym, label, code, slug or IRI).")],
    add_label: Annotated[
        Optional[list[str]], typer.Option("--add-label", help="Add an altLabel, TEXT@LANG.")
    ] = None,
    remove_label: Annotated[
        Optional[list[str]], typer.Option("--remove-label", help="Remove a label, TEXT@LANG.")
    ] = None,
    set_pref: Annotated[
        Optional[list[str]],
        typer.Option("--set-pref", help="Replace the prefLabel of a language, TEXT@LANG."),
    ] = None,
    set_type: Annotated[Optional[str], typer.Option("--set-type", help="Replace its class.")] = None,
    dry_run: DryRun = False,
) -> None:
    """Change an entity's labels or class.

    Example: atkg entity edit unodc --add-label "Office contre la drogue@fr"
    """
    from kg.edit import edit_entity

    _run(ctx, edit_entity(name, add_label or [], remove_label or [], set_type, set_pref or []), dry_run)


@entity_app.command("rm")
@reports_errors
def entity_rm(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The entity to remove.")],
    cascade: Annotated[
        bool, typer.Option("--cascade", help="Also remove every fact that mentions it.")
    ] = False,
    dry_run: DryRun = False,
) -> None:
    """Remove an entity; refused while facts mention it, unless --cascade removes them too.

    Example: atkg entity rm event-test-2012 --cascade --dry-run
    """
    from kg.edit import remove_entity

    _run(ctx, remove_entity(name, cascade), dry_run)


@entity_app.command("merge")
@reports_errors
def entity_merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="The duplicate, which disappears.")],
    target: Annotated[str, typer.Argument(metavar="INTO", help="The entity that stays.")],
    dry_run: DryRun = False,
) -> None:
    """Merge FROM into INTO: every mention is rewritten; FROM's labels become INTO's altLabels.

    Example: atkg entity merge unodc-office unodc
    """
    from kg.edit import merge_entities

    _run(ctx, merge_entities(source, target), dry_run)


@entity_app.command("search")
@reports_errors
def entity_search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Part of a label, acronym or code (accents and case ignored).")],
    format: FormatOption = OutputFormat.table,
) -> None:
    """Find entities whose labels contain TEXT, in French or English.

    Example: atkg entity search "traite"
    """
    from kg.edit import search_entities
    from kg.output import render_rows

    rows = search_entities(ctx.obj.resolve(), text)
    typer.echo(render_rows(["entity", "type", "label_fr", "label_en"], rows, format), nl=False)


# ---- fact -------------------------------------------------------------------------------------


def _spec(subject, property, object, source, role, start, end, note=None):
    from kg.edit import FactSpec

    return FactSpec(subject, property, object, source, role, start, end, note)


@fact_app.command("add")
@reports_errors
def fact_add(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="The entity the fact is about.")],
    property: Annotated[
        str, typer.Argument(help="A prefixed name: org:memberOf, atkg:party, dcterms:date...")
    ],
    object: Annotated[
        str, typer.Argument(help="An entity name, or a literal (dates as YYYY[-MM[-DD]], TEXT@LANG).")
    ],
    source: Source = None,
    role: Role = None,
    start: From = None,
    end: To = None,
    note: Annotated[
        Optional[str],
        typer.Option(
            "--note",
            help="Why the passage supports the fact when it names an entity indirectly "
            "(recorded as atkg:provenanceNote).",
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """State a fact in the graph of the passage that says it.

    --role/--from/--to make it a qualified membership (an org:Membership node plus the direct
    triple). Example: atkg fact add ILO atkg:chairs GMG --source 000:13 --role chair --from 2007
    """
    from kg.edit import add_fact

    _run(ctx, add_fact(_spec(subject, property, object, source, role, start, end, note)), dry_run)


@fact_app.command("rm")
@reports_errors
def fact_rm(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="The entity the fact is about.")],
    property: Annotated[str, typer.Argument(help="A prefixed name.")],
    object: Annotated[str, typer.Argument(help="An entity name or a literal.")],
    source: Source = None,
    role: Role = None,
    start: From = None,
    end: To = None,
    dry_run: DryRun = False,
) -> None:
    """Withdraw a fact from one passage (a qualified one: give the same --role/--from/--to).

    Example: atkg fact rm unicef org:memberOf icat --source 000:11 --dry-run
    """
    from kg.edit import remove_fact

    _run(ctx, remove_fact(_spec(subject, property, object, source, role, start, end)), dry_run)


@fact_app.command("list")
@reports_errors
def fact_list(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The entity.")],
    format: FormatOption = OutputFormat.table,
) -> None:
    """List every fact that mentions an entity, with the passage that states it.

    Example: atkg fact list ICAT --format csv
    """
    from kg.edit import list_facts
    from kg.output import render_rows

    rows = [(f.subject, f.property, f.object, f.source) for f in list_facts(ctx.obj.resolve(), name)]
    typer.echo(render_rows(["subject", "property", "object", "source"], rows, format), nl=False)


# ---- ontology ---------------------------------------------------------------------------------

LabelFr = Annotated[str, typer.Option("--label-fr", help="French label.")]
LabelEn = Annotated[str, typer.Option("--label-en", help="English label.")]
Comment = Annotated[Optional[str], typer.Option("--comment", help="What it means (English).")]
CommentFr = Annotated[Optional[str], typer.Option("--comment-fr", help="What it means (French).")]


def _report_ontology(result) -> None:
    if not result.written:
        typer.echo(result.block, nl=False)
        typer.echo(f"Dry run, nothing written: {result.summary}", err=True)
    else:
        typer.echo(f"{result.summary} ({', '.join(result.files)})")


@ontology_app.command("add-class")
@reports_errors
def ontology_add_class(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The new class, UpperCamelCase (atkg: namespace).")],
    parent: Annotated[str, typer.Option("--parent", help="Its superclass.")],
    label_fr: LabelFr,
    label_en: LabelEn,
    comment: Comment = None,
    dry_run: DryRun = False,
    comment_fr: CommentFr = None,
) -> None:
    """Add a class to the ontology.

    Example: atkg ontology add-class TaskForce --parent Initiative --label-fr "groupe" --label-en "task force"
    """
    from kg.ontology_edit import add_class

    _report_ontology(
        add_class(ctx.obj.resolve(), name, parent, label_fr, label_en, comment, dry_run, comment_fr)
    )


@ontology_app.command("add-property")
@reports_errors
def ontology_add_property(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The new property, lowerCamelCase (atkg: namespace).")],
    domain: Annotated[str, typer.Option("--domain", help="The class of its subjects.")],
    range: Annotated[
        str, typer.Option("--range", help="A class (object property) or a datatype such as xsd:string.")
    ],
    label_fr: LabelFr,
    label_en: LabelEn,
    comment: Comment = None,
    dry_run: DryRun = False,
    comment_fr: CommentFr = None,
) -> None:
    """Add an object or datatype property to the ontology.

    Example: atkg ontology add-property motto --domain foaf:Agent --range xsd:string --label-fr devise
    --label-en motto
    """
    from kg.ontology_edit import add_property

    _report_ontology(
        add_property(ctx.obj.resolve(), name, domain, range, label_fr, label_en, comment, dry_run, comment_fr)
    )


@ontology_app.command("deprecate")
@reports_errors
def ontology_deprecate(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(help="The term to deprecate.")],
    replaced_by: Annotated[str, typer.Option("--replaced-by", help="The term to use instead.")],
    migrate: Annotated[
        bool, typer.Option("--migrate", help="Rewrite the data's uses of the term to its replacement.")
    ] = False,
    dry_run: DryRun = False,
) -> None:
    """Mark a term owl:deprecated with its replacement (terms are never renamed or dropped).

    Refused while the data uses the term, unless --migrate rewrites those uses in the same edit.

    Example: atkg ontology deprecate atkg:observerOf --replaced-by org:memberOf
    """
    from kg.ontology_edit import deprecate

    _report_ontology(deprecate(ctx.obj.resolve(), term, replaced_by, dry_run, migrate))


# ---- whole-graph commands ---------------------------------------------------------------------


@reports_errors
def validate(
    ctx: typer.Context,
    no_reason: Annotated[bool, typer.Option("--no-reason", help="Skip the HermiT reasoner.")] = False,
) -> None:
    """Check the workspace: SHACL shapes, the HermiT reasoner and the lint checks.

    Exit 0 when clean, 1 with findings (grouped by check, one line each).
    Example: atkg validate
    """
    from kg.output import terminal_text
    from kg.validate import validate_workspace

    report = validate_workspace(ctx.obj.resolve(), reason=not no_reason)
    for note in report.notes:
        typer.echo(f"Note: {terminal_text(note)}", err=True)
    if report.clean:
        typer.echo("No problems found.")
        return
    for check, findings in report.groups().items():
        typer.echo(f"{check} ({len(findings)})")
        for finding in findings:  # labels and literals from the data: no terminal escapes
            typer.echo(f"  {terminal_text(finding.detail)}")
    typer.echo(f"{len(report.findings)} problem(s)")
    raise typer.Exit(1)


@reports_errors
def reason(
    ctx: typer.Context,
    store: Annotated[
        Optional[str], typer.Option("--store", help="Store location (overrides the global --store).")
    ] = None,
) -> None:
    """Run HermiT on the built store and put its inferences in the inferred graph.

    Example: atkg build && atkg reason
    """
    from kg.reason import reason_store

    options: Options = ctx.obj.with_store(store)
    workspace = options.resolve()
    run, count = reason_store(workspace.store)
    for note in run.notes:
        typer.echo(f"Note: {note}", err=True)
    typer.echo(
        f"{len(run.inferred)} triple(s) inferred by HermiT; the inferred graph of {workspace.store} "
        f"now holds {count}"
    )


@reports_errors
def diff(
    ctx: typer.Context,
    revision: Annotated[
        str, typer.Argument(metavar="[GIT_REV]", help="The git revision to compare with.")
    ] = "HEAD",
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or markdown (for a pull request).")
    ] = "text",
) -> None:
    """Entities, facts and labels added and removed since a git revision (grouped by entity,
    with sources), and the ontology's changes: classes, properties, parents, domains, ranges,
    deprecations.

    Example: atkg diff HEAD~1 --format markdown
    """
    from kg.diff import graph_diff, render_graph_diff
    from kg.errors import UsageError

    if format not in ("text", "json", "markdown"):
        raise UsageError(f"--format {format}: one of text, json, markdown")
    typer.echo(render_graph_diff(graph_diff(ctx.obj.resolve(), revision), format), nl=False)


@reports_errors
def fmt(ctx: typer.Context) -> None:
    """Rewrite every curated file in the canonical form (sorted, one triple per line).

    Example: atkg fmt
    """
    from kg.curated import format_files

    workspace = ctx.obj.resolve()
    changed = format_files(workspace)
    if not changed:
        typer.echo("Every curated file is already canonical.")
    for path in changed:
        typer.echo(f"formatted {path.relative_to(workspace.root)}")


@reports_errors
def undo(
    ctx: typer.Context,
    count: Annotated[int, typer.Argument(metavar="[N]", help="How many edits to revert (default 1).")] = 1,
) -> None:
    """Revert the last N edits (entity, fact, n-ary, ontology, fmt), restoring the files byte for byte.

    Refused when a file has changed since the edit (by hand). Example: atkg undo 2
    """
    from kg.curation.journal import undo as undo_edits

    for entry in undo_edits(ctx.obj.resolve(), count):
        typer.echo(f"undid {entry.number}: {entry.summary} ({', '.join(entry.files)})")


@reports_errors
def log(ctx: typer.Context, format: FormatOption = OutputFormat.table) -> None:
    """The edits recorded in the workspace's journal (.atkg/journal/), oldest first: who, when, what.

    Example: atkg log
    """
    from kg.curation.journal import edit_log
    from kg.output import render_rows

    rows = [
        (e.number, e.when, e.who, e.command, e.summary, " ".join(e.files))
        for e in edit_log(ctx.obj.resolve())
    ]
    typer.echo(render_rows(["edit", "when", "who", "command", "what", "files"], rows, format), nl=False)
