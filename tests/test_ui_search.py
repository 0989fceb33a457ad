"""Issue 12 through the app's search box: the whole care record on the demo vault, each hit with its
kind and place, opening a hit in the right section and row, "Did you mean …?", a member given only
the legal part, and whatever is typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TEST_WORK_FACTOR
from fitcheck import faults
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_i18n import spanish, spanish_window  # noqa: F401 (fixtures)

from mbc_vault.cancer.models import Medication
from mbc_vault.care.store import CarePlan
from mbc_vault.demo import create_demo_vault
from mbc_vault.search import SearchHit
from mbc_vault.vault import Vault
from ui.app import load_translations, setup_application
from ui.main_window import MainWindow
from ui.sections.documents import DocumentsSection

TIMEOUT = 20_000
MEMBER_PASS = "robin reads the papers 7"


@pytest.fixture
def demo(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window with the demo vault open by its owner, its index built, on Documents."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    window.enter_vault(vault)
    _wait_for_index(qtbot, window)
    yield window


def _wait_for_index(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.session is not None and window.session.index is not None, timeout=TIMEOUT)
    window.go_to(window.documents)


def _search(qtbot, documents: DocumentsSection, text: str) -> None:
    """Type *text* into the real search box (replacing what was there) and wait for the results."""
    documents.search_edit.clear()
    qtbot.keyClicks(documents.search_edit, text)
    qtbot.waitUntil(lambda: not documents._search_timer.isActive(), timeout=TIMEOUT)
    assert documents.left.currentWidget() is documents.results


def _row_of(documents: DocumentsSection, kind: str, words: str = "") -> int:
    """The list row of the first hit of *kind* whose title holds *words*."""
    results = documents.results
    first = 1 if results.suggestion else 0
    return first + next(
        n for n, hit in enumerate(results.hits) if hit.kind == kind and words.lower() in hit.title.lower()
    )


def _open_row(qtbot, documents: DocumentsSection, row: int) -> SearchHit:
    results = documents.results
    results.setFocus()
    results.setCurrentRow(row)
    hit = results.current_hit()
    assert hit is not None
    qtbot.keyClick(results, Qt.Key.Key_Return)
    return hit


def _rash_visit_date(vault: Vault) -> str:
    """The date of the demo appointment whose question list asks about the rash (the demo's dates
    follow today's)."""
    plan = CarePlan(vault)
    lists = [e for e in plan.question_lists() if any("rash" in q["text"] for q in e.model.questions)]
    visit = next(a for a in plan.appointments() if a.id == lists[0].model.appointment_id)
    return visit.model.date


def test_rash_finds_the_demo_question_and_the_symptom_each_with_its_kind(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "rash")
    kinds = {hit.kind for hit in documents.results.hits}
    assert {"question", "symptom"} <= kinds
    question = documents.results.hits[_row_of(documents, "question")]
    label = documents.results.itemWidget(documents.results.item(_row_of(documents, "question"))).text()
    assert demo.session is not None and demo.session.vault is not None
    assert f"<i>Question · Appointment on {_rash_visit_date(demo.session.vault)}</i>" in label
    assert "<b style='background:#fff3a0'>rash</b>" in label  # the match, highlighted in the snippet
    assert question.title in label
    symptom = documents.results.item(_row_of(documents, "symptom"))
    assert ", Symptom: " in symptom.data(Qt.ItemDataRole.AccessibleTextRole)  # what a screen reader says


def test_a_document_hit_says_document_its_category_and_page(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "letrozole")
    row = _row_of(documents, "document")
    label = documents.results.itemWidget(documents.results.item(row)).text()
    assert "<i>Document · Treatment plan · page 1</i>" in label
    hit = _open_row(qtbot, documents, row)
    preview = documents.preview
    qtbot.waitUntil(lambda: preview.stack.currentWidget() is preview.page_view, timeout=TIMEOUT)
    assert demo.sections.currentWidget() is documents and hit.page == 1
    qtbot.waitUntil(lambda: not documents._workers, timeout=TIMEOUT)

    # an empty search shows the list again, and the hit's page goes from the preview
    documents.search_edit.clear()
    qtbot.waitUntil(lambda: documents.left.currentWidget() is documents.table, timeout=TIMEOUT)
    assert preview.stack.currentWidget() is not preview.page_view


def test_opening_a_question_goes_to_its_appointment_list_and_row(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "rash")
    hit = _open_row(qtbot, documents, _row_of(documents, "question"))
    appointments = demo.appointments
    assert demo.sections.currentWidget() is demo.gates.get(appointments, appointments)
    editor = appointments.question_editor
    assert editor.current_list() is not None and editor.current_list().id == hit.id
    assert editor.questions.currentRow() == hit.item
    assert "rash" in editor.questions.item(hit.item, 0).text()
    listed = editor.current_list().model.appointment_id
    assert appointments.selected_appointment() is not None
    assert appointments.selected_appointment().id == listed
    assert QApplication.focusWidget() is editor.questions


def test_opening_entries_goes_to_their_sections_and_rows(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    for words, kind, section, table in (
        ("fulvestrant", "medication", "treatment", lambda w: w.treatment.medications),
        ("letrozole", "treatment-line", "treatment", lambda w: w.treatment.lines),
        ("oncologist", "contact", "care_team", lambda w: w.care_team.contacts),
    ):
        demo.go_to(documents)
        _search(qtbot, documents, words)
        hit = _open_row(qtbot, documents, _row_of(documents, kind))
        page = getattr(demo, section)
        assert demo.sections.currentWidget() is demo.gates.get(page, page), words
        box = table(demo)
        assert box.selected() is not None and box.selected().id == hit.id, words
        assert QApplication.focusWidget() is box.table, words

    # a symptom: its series is chosen, then its row
    demo.go_to(documents)
    _search(qtbot, documents, "rash")
    hit = _open_row(qtbot, documents, _row_of(documents, "symptom"))
    symptoms = demo.symptoms
    assert symptoms.current_symptom() == "rash"
    assert symptoms.selected_entry() is not None and symptoms.selected_entry().id == hit.id

    # a legal paper: its row of the checklist
    demo.go_to(documents)
    _search(qtbot, documents, "will")
    hit = _open_row(qtbot, documents, _row_of(documents, "legal-item"))
    chosen = demo.legal.selected()
    assert chosen is not None and chosen[1] is not None and chosen[1].id == hit.id


def test_an_entry_hit_is_not_opened_by_the_arrow_keys_alone(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "fulvestrant")
    results = documents.results
    results.setFocus()
    results.setCurrentRow(_row_of(documents, "medication"))
    qtbot.waitUntil(lambda: "Press Enter" in documents.preview.message.text(), timeout=TIMEOUT)
    assert demo.sections.currentWidget() is documents
    qtbot.keyClick(results, Qt.Key.Key_Tab)  # Tab leaves the list
    assert QApplication.focusWidget() is not results


def test_a_typo_offers_the_suggestion_and_enter_searches_it(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "pathalogy")
    results = documents.results
    assert results.message == "No matches for “pathalogy”. Did you mean “pathology”?"
    assert results.suggestion == "pathology"
    assert results.hits and not any(hit.exact for hit in results.hits)  # the close matches follow
    results.setFocus()
    results.setCurrentRow(0)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert documents.search_edit.text() == "pathology"
    assert results.suggestion == "" and results.message == ""
    assert results.hits and all(hit.exact for hit in results.hits)
    assert "pathology" in results.hits[0].snippet_plain("", "").lower()


def test_a_saved_entry_is_found_at_once(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    _search(qtbot, documents, "quokkamycin")
    assert "Nothing found for “quokkamycin”" in documents.results.message
    session = demo.session
    assert session is not None and session.cancer is not None
    session.cancer.save(Medication(name="quokkamycin", dose="1 tablet"))
    session.entry_saved(Medication.KIND)
    _search(qtbot, documents, "quokkamycin")
    assert [hit.kind for hit in documents.results.hits] == ["medication"]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"rash',
        "*",
        "rash*",
        "NEAR(rash pain)",
        "-",
        "- rash",
        "((",
        ")",
        "AND OR NOT",
        "'; --",
        "x" * 10_000,
    ],
)
def test_whatever_is_typed_gives_hits_or_one_plain_line(qtbot, demo: MainWindow, typed: str) -> None:
    documents = demo.documents
    documents.search_edit.setText(typed)
    documents.run_search()
    results = documents.results
    echoed = typed.strip()[:60] + ("…" if len(typed) > 60 else "")
    assert results.hits or results.message in (
        "Type a word to search.",
        f"Nothing found for “{echoed}”. Try fewer or shorter words.",
    )
    assert len(results.message) < 200  # what was typed is not repeated whole
    assert "fts5" not in results.message.lower() and "syntax" not in results.message.lower()


def test_a_member_given_only_the_legal_part_gets_no_medical_hit(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    owner, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    owner.add_person(
        "Robin Example",
        "friend",
        ["legal"],
        can_edit=False,
        passphrase=MEMBER_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    owner.close()
    window.enter_vault(Vault.open(tmp_path / "demo", MEMBER_PASS))
    _wait_for_index(qtbot, window)
    documents = window.documents
    messages: list[str] = []
    documents.status_message.connect(messages.append)
    for words in ("rash", "fulvestrant", "pathology", "oncologist", "pathalogy", "biopsy"):
        _search(qtbot, documents, words)
        assert documents.results.hits == [], words
        assert documents.results.message == f"Nothing found for “{words}”. Try fewer or shorter words.", words
    _search(qtbot, documents, "will")
    kinds = {hit.kind for hit in documents.results.hits}
    assert "legal-item" in kinds and kinds <= {"legal-item", "document"}
    assert all(
        hit.kind != "document" or hit.category in ("will", "living-will") for hit in documents.results.hits
    )
    assert documents.scope_note.isVisible() or documents.scope_note.isVisibleTo(documents)
    assert documents.scope_note.text() == "Only the parts shared with you are searched."
    assert messages[-1].endswith("(only the parts shared with you are searched)")


def test_hits_are_worded_in_spanish(qtbot, spanish_window: MainWindow, tmp_path: Path) -> None:  # noqa: F811
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    spanish_window.enter_vault(vault)
    _wait_for_index(qtbot, spanish_window)
    documents = spanish_window.documents
    _search(qtbot, documents, "rash")
    label = documents.results.itemWidget(documents.results.item(_row_of(documents, "question"))).text()
    assert f"<i>Pregunta · Cita del {_rash_visit_date(vault)}</i>" in label
    _search(qtbot, documents, "pathalogy")
    assert documents.results.message == "No hay coincidencias para «pathalogy». ¿Quería decir «pathology»?"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_search_results_fit_at_200_percent_text(qtbot, window: MainWindow, tmp_path: Path, lang: str) -> None:
    app = setup_application()
    translators = load_translations(app, lang) if lang != "en" else []
    try:
        vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
        window.enter_vault(vault)
        _wait_for_index(qtbot, window)
        documents = window.documents
        problems: list[str] = []
        for scale, width, height in ((100, 1024, 700), (200, 1024, 700), (200, 1280, 800)):
            if window.property("text_scale_now") != scale:  # each re-scale re-polishes the app
                window.apply_text_scale(scale)
                window.setProperty("text_scale_now", scale)
            window.resize(width, height)
            for words in ("rash", "pathalogy", "will"):
                _search(qtbot, documents, words)
                for _ in range(3):
                    QApplication.processEvents()
                problems += [f"{lang} {scale} % {width}×{height} {words}: {p}" for p in faults(window)]
        assert not problems, "\n".join(problems)
    finally:
        window.apply_text_scale(100)
        for translator in translators:
            app.removeTranslator(translator)
