"""The core's vocabularies and progress stages are codes; the app shows their labels in its language.

Entries store the codes (a histology "lobular", a role "medical-oncologist"), so existing vaults read as
before; only the shown label changes with the language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdfmaker import text_pdf
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox
from test_i18n import TS_ES, installed_translators

from mbc_vault.cancer import vocab as cancer_vocab
from mbc_vault.cancer.models import Biopsy, Diagnosis, Symptom, TreatmentLine
from mbc_vault.care import vocab as care_vocab
from mbc_vault.care.models import Appointment, CarePriorities, Contact, LegalItem, QuestionList
from mbc_vault.progress import ENGLISH, Stage
from mbc_vault.vault import Vault
from ui.app import setup_application
from ui.forms.symptom_dialog import QuickSymptomDialog
from ui.import_dialog import COL_CATEGORY, ImportDialog
from ui.sections.cancer import CancerSection
from ui.sections.care_team import CareTeamSection
from ui.sections.legal import LegalSection
from ui.sections.overview import OverviewSection
from ui.sections.symptoms import SymptomsSection
from ui.session import VaultSession
from ui.vocab_labels import (
    SYMPTOM_LABELS,
    VOCABULARIES,
    entry_title,
    progress_text,
    symptom_code,
    symptom_label,
    vocab_label,
)

#: dicts of the vocab modules that are not lists of labels: tumor markers and their units, drugs by class
NOT_LABELS = {id(cancer_vocab.MARKERS), id(cancer_vocab.CLASS_DRUGS)}


def core_vocabularies() -> list[dict[str, str]]:
    return [
        value
        for module in (cancer_vocab, care_vocab)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, dict) and id(value) not in NOT_LABELS
    ]


def spanish_messages() -> dict[tuple[str, str], str]:
    """(context, English) -> Spanish, for every finished message of the .ts file."""
    found = {}
    for context in ET.parse(TS_ES).getroot():
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def test_every_code_has_a_translated_label() -> None:
    registered = {id(vocabulary): context for vocabulary, context in VOCABULARIES}
    spanish = spanish_messages()
    vocabularies = core_vocabularies()
    assert cancer_vocab.HISTOLOGIES in vocabularies and care_vocab.LEGAL_ITEMS in vocabularies
    for vocabulary in vocabularies:
        assert id(vocabulary) in registered, f"not in ui/vocab_labels.VOCABULARIES: {list(vocabulary)[:3]}"
        for code, label in vocabulary.items():
            assert code and vocab_label(vocabulary, code) == label  # English app: the core's label
            assert spanish.get((registered[id(vocabulary)], label)), (code, label)
    # the symptoms are a list of codes (the English words entries store); the app makes their labels
    assert list(SYMPTOM_LABELS) == cancer_vocab.SYMPTOMS
    for code in cancer_vocab.SYMPTOMS:
        assert symptom_label(code).lower() == code and symptom_code(symptom_label(code)) == code
        assert spanish.get(("Symptoms", SYMPTOM_LABELS[code])), code
    assert set(ENGLISH) == set(Stage)
    for stage in Stage:
        assert spanish.get(("Progress", ENGLISH[stage])), stage


def test_codes_are_stored_and_unknown_codes_show_as_they_are() -> None:
    assert vocab_label(cancer_vocab.HISTOLOGIES, "") == ""
    assert vocab_label(cancer_vocab.HISTOLOGIES, "not-a-code") == "not-a-code"
    assert vocab_label(cancer_vocab.HISTOLOGIES, "other", "Adenoid cystic") == "Adenoid cystic"
    assert vocab_label({"x": "Made by the app"}, "x") == "Made by the app"
    assert cancer_vocab.drug_class("Letrozole") == "hormonal" and cancer_vocab.drug_class("aspirin") == ""
    assert Diagnosis(histology="lobular").to_data()["histology"] == "lobular"


@pytest.fixture
def spanish(qtbot) -> Iterator[None]:
    app = setup_application()
    with installed_translators(app, "es"):
        yield


@pytest.fixture
def session(vault: Vault) -> Iterator[VaultSession]:
    s = VaultSession(vault)
    yield s
    QThreadPool.globalInstance().waitForDone(10_000)
    s.close()


def test_the_spanish_app_shows_spanish_labels(spanish, qtbot, session: VaultSession) -> None:
    undo = QUndoStack()
    cancer = CancerSection(undo)
    qtbot.addWidget(cancer)
    described = cancer.describe_diagnosis(Diagnosis(histology="lobular", presentation="recurrence"))
    assert described == "Carcinoma lobulillar invasivo; recurrencia"

    assert session.care is not None
    session.care.save(Contact(name="Dr. A. Fictional", role="medical-oncologist"))
    team = CareTeamSection(undo)
    qtbot.addWidget(team)
    team.set_session(session)
    assert team.contacts.model.index(0, 1).data() == "Oncólogo clínico"

    legal = LegalSection(undo)
    qtbot.addWidget(legal)
    legal.set_session(session)
    row = list(care_vocab.LEGAL_ITEMS).index("financial-poa")
    assert legal.table.item(row, 0).text() == "Poder notarial para asuntos financieros"
    assert legal.status_text("financial-poa") == "Sin empezar"

    drug = cancer_vocab.drug_class("palbociclib")
    assert vocab_label(cancer_vocab.DRUG_CLASSES, drug) == "Inhibidor de CDK4/6"
    assert progress_text(Stage.PACKET_MERGE, "12") == "Juntando 12 páginas"


def test_the_spanish_app_says_how_a_metastasis_differs_in_spanish(
    spanish, qtbot, session: VaultSession
) -> None:
    """The biomarker changes come from the core as codes (derive.Change); the app words them."""
    assert session.cancer is not None
    session.cancer.save(
        Biopsy(
            date="2019-03-12",
            site="primary-breast",
            er_status="positive",
            pr_status="positive",
            her2_ihc="1+",
        )
    )
    session.cancer.save(
        Biopsy(date="2024-05-20", site="liver", er_status="positive", pr_status="negative", her2_ihc="0")
    )
    cancer = CancerSection(QUndoStack())
    qtbot.addWidget(cancer)
    cancer.set_session(session)
    text = cancer.discordance.text()
    assert "PR pasó de positivo a negativo." in text
    assert "HER2 bajo cambió: ya no es HER2 bajo." in text and "changed" not in text
    subtypes = {cancer.biopsies.model.index(row, 6).data() for row in range(2)}
    assert subtypes == {"RH+/HER2- (HER2 bajo)", "RH+/HER2-"}
    cancer.set_session(None)


def test_the_spanish_chart_names_the_lines_of_treatment_in_spanish(spanish, session: VaultSession) -> None:
    from ui.sections.timeseries import legend_html, treatment_bands

    assert session.cancer is not None
    session.cancer.save(TreatmentLine(line_number=2, drugs=["capecitabine"], start="2024-05-01"))
    bands = treatment_bands(session.cancer.treatment_lines())
    assert [(label, short) for _, _, label, short in bands] == [("Línea 2: capecitabine", "Línea 2")]
    from mbc_vault.render import chart

    legend = legend_html(chart.make_bands(bands, chart.day("2026-01-01")))
    assert "Línea 2: capecitabine (desde " in legend and "since" not in legend


def test_the_spanish_overview_names_the_line_and_the_papers_in_spanish(
    spanish, qtbot, session: VaultSession
) -> None:
    assert session.cancer is not None and session.care is not None
    session.cancer.save(TreatmentLine(line_number=2, drugs=["capecitabine"], start="2024-05-01"))
    session.care.save(LegalItem(item="will", status="signed", review_by="2020-01-01"))
    overview = OverviewSection()
    qtbot.addWidget(overview)
    overview.set_session(session)
    assert "Línea 2: capecitabine" in overview.treatment_card.body.text()
    legal = overview.legal_card.body.text()
    assert "Testamento" in legal and "Will" not in legal
    overview.set_session(None)


def test_the_spanish_import_dialog_shows_progress_and_the_category_guess(
    spanish, qtbot, session: VaultSession, tmp_path: Path
) -> None:
    report = text_pdf(tmp_path / "informe.pdf", [["SURGICAL PATHOLOGY REPORT", "Final diagnosis: benign"]])
    dialog = ImportDialog(session, [report])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.import_btn.isEnabled, timeout=20_000)
    assert dialog.progress.format().endswith("Leyendo informe.pdf")  # the stage, with the file's name
    guess = dialog.table.cellWidget(0, COL_CATEGORY)
    assert isinstance(guess, QComboBox) and guess.currentText() == "Informe de patología"
    assert guess.currentData() == "pathology-report"


def test_the_spanish_symptom_dialog_offers_spanish_names_and_stores_the_codes(
    spanish, qtbot, session: VaultSession
) -> None:
    saved = []
    for text in ("Dolor", "NÁUSEAS", "hormigueo en los pies", "pain"):
        dialog = QuickSymptomDialog(session)
        qtbot.addWidget(dialog)
        combo = dialog.symptom_combo
        offered = [combo.itemText(i) for i in range(combo.count())]
        assert offered[:3] == ["Dolor", "Cansancio", "Náuseas"] and "pain" not in offered
        if text in offered:
            combo.setCurrentIndex(offered.index(text))  # chosen from the list
        else:
            combo.setEditText(text)  # typed
        location_shown = dialog.form.isRowVisible(dialog.FIELDS.index("location"))
        assert location_shown == (text in ("Dolor", "pain"))  # pain is logged with where it hurts
        dialog.set_severity(4)
        dialog.save()
        assert dialog.entry is not None
        saved.append(dialog.entry.model.symptom)
    assert saved == ["pain", "nausea", "hormigueo en los pies", "pain"]

    # changing an entry shows its symptom's Spanish name; saving keeps the code
    assert session.cancer is not None
    entry = next(e for e in session.cancer.symptoms() if e.model.symptom == "nausea")
    dialog = QuickSymptomDialog(session, entry=entry, known=["hormigueo en los pies", "nausea"])
    qtbot.addWidget(dialog)
    assert dialog.symptom_combo.currentText() == "Náuseas"
    offered = [dialog.symptom_combo.itemText(i) for i in range(dialog.symptom_combo.count())]
    assert offered.count("Náuseas") == 1 and offered[-1] == "hormigueo en los pies"
    dialog.save()
    assert dialog.entry is not None and dialog.entry.model.symptom == "nausea"


def test_the_spanish_symptoms_section_names_stored_codes_in_spanish(
    spanish, qtbot, session: VaultSession
) -> None:
    assert session.cancer is not None
    pain = session.cancer.save(Symptom(date="2024-05-20", symptom="pain", location="cadera", severity=6))
    session.cancer.save(Symptom(date="2024-05-21", symptom="hormigueo", severity=2))
    undo = QUndoStack()
    section = SymptomsSection(undo)
    qtbot.addWidget(section)
    section.set_session(session)
    combo = section.symptom_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Dolor (1 registro)",
        "Hormigueo (1 registro)",
    ]
    assert section.current_symptom() == "pain" and section.chart_view.chart().title() == "Dolor"
    with qtbot.waitSignal(section.status_message, timeout=5_000) as said:
        section.show_saved(pain, "pain")
    assert said.args == ["Se guardó Dolor (cadera): 6/10."]
    overview = OverviewSection()
    qtbot.addWidget(overview)
    overview.set_session(session)
    assert "2024-05-20: Dolor (cadera): 6/10" in overview.symptom_card.body.text()
    overview.set_session(None)
    section.remove_selected()
    assert undo.undoText() == "Mover “Dolor (cadera): 6/10” a la papelera"
    assert session.cancer.symptoms()[0].model.symptom == "hormigueo"
    section.set_session(None)


def test_the_spanish_app_names_entries_in_spanish_not_by_their_stored_english_titles(
    spanish, qtbot, session: VaultSession
) -> None:
    """The core stores Model.title() in English ("Appointment with Dr. Ada"); the app says it in Spanish,
    in the undo menu too, and keeps what the person typed."""
    assert session.care is not None
    visit = session.care.save(Appointment(date="2026-12-10", with_whom="Dra. Ada Ficticia"))
    assert visit.record.title == "Appointment with Dra. Ada Ficticia"  # stored as the core writes it
    assert entry_title(visit.model) == "Cita con Dra. Ada Ficticia"
    assert entry_title(Diagnosis()) == "Diagnóstico"
    assert entry_title(Biopsy(site="liver")) == "Biopsia: Hígado"
    assert entry_title(QuestionList()) == "Preguntas" and entry_title(QuestionList(name="Mías")) == "Mías"
    assert entry_title(LegalItem(item="financial-poa")) == "Poder notarial para asuntos financieros"
    assert entry_title(Contact(name="Ana", role="medical-oncologist")) == "Ana (Oncólogo clínico)"
    assert entry_title(CarePriorities()) == "Mis prioridades de atención"
    undo = QUndoStack()
    from ui.sections.appointments import AppointmentsSection

    section = AppointmentsSection(undo)
    qtbot.addWidget(section)
    section.set_session(session)
    section.appointments.table.selectRow(0)
    section.appointments.remove_selected()
    assert undo.undoText() == "Mover “Cita con Dra. Ada Ficticia” a la papelera"
    section.set_session(None)


def test_the_spanish_charts_name_months_in_spanish_whatever_the_computers_language(
    spanish, qtbot, session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The computer in English (en_US), the app in Spanish: dates and month names are Spanish."""
    from PySide6.QtCore import QLocale

    from mbc_vault.cancer.models import LabValue
    from ui.sections.labs import LabsSection
    from ui.sections.timeseries import band_dates, long_date

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert long_date("2024-03-05") == "martes, 5 de marzo de 2024"
    from mbc_vault.render import chart

    (band,) = chart.make_bands([("2024-05-01", None, "Línea 2", "Línea 2")], chart.day("2026-01-01"))
    assert band_dates(band) == "desde may 2024"
    assert session.cancer is not None
    for date, value in (("2024-01-10", 30.0), ("2024-06-10", 42.5)):
        session.cancer.save(LabValue(date=date, test="CA 15-3", value=value, unit="U/mL"))
    labs = LabsSection(QUndoStack())
    qtbot.addWidget(labs)
    labs.resize(900, 600)
    labs.set_session(session)
    labs.show()
    qtbot.waitUntil(lambda: bool(labs.chart_view.x_axis.categoriesLabels()), timeout=5_000)
    labels = " ".join(labs.chart_view.x_axis.categoriesLabels())
    assert any(month in labels for month in ("ene", "feb", "mar", "abr", "may", "jun")), labels
    assert not any(month in labels for month in ("Jan", "Feb", "Apr", "May", "Jun")), labels
    labs.set_session(None)
