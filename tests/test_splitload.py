"""The bulk load in slices (``kg.splitload``) gives exactly the store one bulk load gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.splitload import line_slices, load_chunks, split_load

ID = "https://w3id.org/atkg/id/"
LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
ENTITIES = f"<{ID}graph-entities>"


def test_slices_cut_after_line_ends_and_cover_the_file_once(tmp_path):
    path = tmp_path / "lines.nq"
    path.write_bytes(b"aaaa\nbb\ncccccc\nd\neeeee")  # 22 bytes, the last line without its end
    assert line_slices(path, 1) == [(0, 22)]
    assert line_slices(path, 2) == [(0, 15), (15, 22)]  # 11 falls inside "cccccc\n"
    assert line_slices(path, 3) == [(0, 8), (8, 15), (15, 22)]
    assert line_slices(path, 5) == [(0, 5), (5, 8), (8, 15), (15, 17), (17, 22)]
    assert line_slices(path, 9) == [(0, 5), (5, 8), (8, 15), (15, 17), (17, 22)]  # one per line at most
    empty = tmp_path / "empty.nq"
    empty.write_bytes(b"")
    assert line_slices(empty, 2) == [(0, 0)]


def test_no_cut_falls_between_two_mentions_of_a_blank_node(tmp_path):
    path = tmp_path / "blank.nq"
    # lines of 10 bytes; _:a on lines 2-4, _:b on lines 4-5 (a span that starts where one ends),
    # "_:c" only inside a literal on line 8: a span of one line, which holds no cut anyway
    lines = ["<x> <y> .", "_:a <y> .", "<x> _:a .", "_:a _:b .", "<x> _:b ."]
    lines += ["<x> <y> .", "<x> <y> .", '<x> "_:c"']
    path.write_text("\n".join(lines) + "\n")
    assert line_slices(path, 2) == [(0, 50), (50, 80)]  # 40 lies between _:a and _:b: both moved past
    assert line_slices(path, 4) == [(0, 50), (50, 60), (60, 80)]  # 20 in _:a, moved to 40, in _:b
    assert line_slices(path, 8) == [(0, 10), (10, 50), (50, 60), (60, 70), (70, 80)]


def _quads(count: int) -> list[str]:
    return [f'<{ID}e{n}> {LABEL} "Entité n° {n}"@fr {ENTITIES} .' for n in range(count)]


def _loaded_whole_and_split(tmp_path, lines: list[str], parts: int):
    """``lines`` written as a file, loaded by one bulk load and by :func:`split_load`; the quads
    without a blank node (whose labels every load renames) are the same in both."""
    path = tmp_path / "graph.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = ox.Store()
    whole.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    split = ox.Store()
    split_load(split, path, parts)
    named = sorted(str(q) for q in whole if not isinstance(q.subject, ox.BlankNode))
    assert sorted(str(q) for q in split if not isinstance(q.subject, ox.BlankNode)) == named
    return path, whole, split


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_a_blank_node_named_at_both_ends_keeps_the_file_whole(tmp_path, parts):
    lines = _quads(400)
    # a blank node named at both ends of the file, and one inside: each must stay one node
    lines[0:0] = [f"_:first <{ID}p> <{ID}e0> {ENTITIES} ."]
    lines += [f"_:first <{ID}p> <{ID}e1> {ENTITIES} .", f"_:last <{ID}p> <{ID}e9> {ENTITIES} ."]
    lines[200:200] = [f"_:last <{ID}p> <{ID}e8> {ENTITIES} ."]
    path, whole, split = _loaded_whole_and_split(tmp_path, lines, parts)
    assert len(line_slices(path, parts)) == 1  # _:first spans the whole file
    assert len(split) == len(whole) == 404
    blank = {q.subject for q in split if isinstance(q.subject, ox.BlankNode)}
    assert len(blank) == 2  # labels are renamed by every load; the nodes stay two


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_slices_load_on_their_own_threads_and_give_the_same_store(tmp_path, parts):
    lines = _quads(400)
    lines[100:100] = [f"_:inner <{ID}p> <{ID}e{n}> {ENTITIES} ." for n in range(5)]
    path, whole, split = _loaded_whole_and_split(tmp_path, lines, parts)
    assert len(line_slices(path, parts)) == parts
    assert len(split) == len(whole) == 405
    assert len({q.subject for q in split if isinstance(q.subject, ox.BlankNode)}) == 1


def test_a_syntax_error_in_a_later_slice_names_its_line_in_the_whole_file(tmp_path):
    lines = _quads(100)[:100]
    lines[71] = f"<{ID}e71> {LABEL} ."
    path = tmp_path / "broken.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert line_slices(path, 2)[1][0] < sum(len(line.encode()) + 1 for line in lines[:71])
    with pytest.raises(SyntaxError) as caught:
        split_load(ox.Store(), path, 2)
    column = len(f"<{ID}e71> {LABEL} ") + 1
    assert str(caught.value) == (
        f"Parser error at line 72 column {column}: "
        "The object of a triple must be an IRI, a blank node or a literal"
    )


def test_chunks_made_while_others_load_all_arrive():
    made: list[int] = []

    def chunks():
        for start in range(0, 1000, 100):
            made.append(start)
            yield "".join(_line(n) for n in range(start, start + 100)).encode()

    store = ox.Store()
    load_chunks(store, chunks(), threads=2)
    assert made == list(range(0, 1000, 100))
    assert sorted(str(q) for q in store) == sorted(str(q) for q in _store_of(range(1000)))


def test_a_bad_chunk_stops_the_chunks_and_raises_its_error():
    made: list[int] = []

    def chunks():
        for start in range(10):
            made.append(start)
            yield f"<{ID}a> <{ID}b> .\n".encode() if start == 1 else _line(start).encode()

    with pytest.raises(SyntaxError, match="^Parser error at line 1 column 59: The object of a triple"):
        load_chunks(ox.Store(), chunks(), threads=1)
    assert len(made) < 10  # the producer stopped early


def _line(n: int) -> str:
    return f'<{ID}e{n}> {LABEL} "Entité n° {n}"@fr {ENTITIES} .\n'


def _store_of(numbers) -> ox.Store:
    store = ox.Store()
    store.load(input="".join(map(_line, numbers)), format=ox.RdfFormat.N_QUADS)
    return store


def test_a_label_written_against_the_next_term_is_still_one_node(tmp_path):
    # N-Quads needs no space between a blank node label and "<" (reviewer's case at stop 12)
    lines = [f'_:a<{ID}p> "first" {ENTITIES} .']
    lines += [_line(n).rstrip("\n") for n in range(1000)]
    lines += [f'_:a <{ID}q> "last"<{ID}graph-entities> .']
    path = tmp_path / "tight.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(line_slices(path, 2)) == 1  # _:a spans the file
    split = ox.Store()
    split_load(split, path, 2)
    assert len({q.subject for q in split if isinstance(q.subject, ox.BlankNode)}) == 1
    assert len(split) == 1002


def test_an_interrupted_split_load_stops_its_loaders_before_returning(tmp_path):
    """Ctrl-C while the slices load: the caller drops its staging store next, so no loader thread
    may still be writing into it when the interrupt reaches the caller."""
    import signal
    import threading

    path = tmp_path / "big.nq"
    with path.open("w") as out:
        for i in range(400_000):
            out.write(f'<https://e.org/s{i}> <https://e.org/p> "{i}" <https://e.org/g{i % 7}> .\n')
    store = ox.Store(str(tmp_path / "store"))
    before = set(threading.enumerate())
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)  # whatever ran before
    main = threading.main_thread().ident
    timer = threading.Timer(0.3, signal.pthread_kill, (main, signal.SIGINT))  # as Ctrl-C
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            split_load(store, path, parts=2)
    finally:
        timer.cancel()  # not yet fired if the load was quicker: no Ctrl-C past this test
        timer.join()
        signal.signal(signal.SIGINT, handler)
    assert [t for t in set(threading.enumerate()) - before if t.is_alive()] == []
