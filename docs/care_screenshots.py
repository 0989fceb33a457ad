"""Screenshots of the care-planning sections with fictional data, without the main window.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/care_screenshots.py [--out /tmp/shots]
Writes appointments.png, care_team.png, legal.png, people.png, priorities.png, trials.png and the
question-list and contact-sheet PDFs (with PNGs of their pages, rendered by pypdfium2).
Everything goes to temporary folders; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def fill(vault) -> None:  # type: ignore[no-untyped-def]
    """Fictional care-plan entries, dated around today."""
    from mbc_vault.care.models import (
        Appointment,
        CarePriorities,
        ClinicalTrial,
        Contact,
        LegalItem,
        PersonToTell,
    )
    from mbc_vault.care.store import CarePlan, list_from_template, question_templates

    plan = CarePlan(vault)
    today = dt.date.today()

    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()

    onc = plan.save(
        Contact(
            name="Dr. A. Fictional",
            role="medical-oncologist",
            institution="Example Cancer Center",
            phone="555-0100",
            after_hours="555-0199",
            email="clinic@example.org",
            call_for="Fever over 38 °C, new pain, questions about treatment",
        )
    )
    plan.save(
        Contact(
            name="Robin Sample",
            role="nurse-navigator",
            institution="Example Cancer Center",
            phone="555-0110",
            call_for="Appointments, rides, anything you are unsure about",
        )
    )
    plan.save(
        Contact(
            name="Infusion center",
            role="other",
            role_other="Infusion unit",
            institution="Example Cancer Center, 3rd floor",
            phone="555-0120",
            call_for="Running late, changes to infusion days",
        )
    )
    plan.save(
        Contact(
            name="Dr. B. Placeholder",
            role="radiation-oncologist",
            institution="Riverside Hospital",
            phone="555-0130",
            fax="555-0131",
            call_for="Pain in the treated area",
        )
    )
    plan.save(
        Contact(
            name="Casey Example",
            role="social-worker",
            institution="Example Cancer Center",
            phone="555-0140",
            call_for="Insurance forms, work, support groups",
        )
    )
    past = plan.save(
        Appointment(
            date=day(-14),
            time="10:00",
            duration_minutes=45,
            contact_id=onc.id,
            with_whom="Dr. A. Fictional",
            purpose="Scan results",
            place="Example Cancer Center, 2nd floor",
        )
    )
    nxt = plan.save(
        Appointment(
            date=day(5),
            time="09:30",
            duration_minutes=30,
            contact_id=onc.id,
            with_whom="Dr. A. Fictional",
            purpose="Check-up and blood tests",
            place="Example Cancer Center, 2nd floor",
            notes="Bring the medication list",
        )
    )
    plan.save(
        Appointment(
            date=day(12),
            time="13:00",
            duration_minutes=180,
            with_whom="Infusion center",
            purpose="Infusion",
            place="Example Cancer Center, 3rd floor",
        )
    )
    plan.save(
        Appointment(
            date=day(40),
            time="15:15",
            with_whom="Dr. B. Placeholder",
            purpose="Second opinion",
            place="Riverside Hospital",
        )
    )
    templates = {t.id: t for t in question_templates()}
    first = list_from_template(templates["treatment"], past.id)
    first.questions[0]["answer"] = "Letrozole and palbociclib, by mouth"
    first.questions[1]["answer"] = "Blood counts every 2 weeks at first"
    plan.save(first)
    questions = list_from_template(templates["side-effects"], nxt.id)
    questions.add("Can I travel to my sister's wedding in June?")
    questions.questions[0]["answer"] = "Tiredness and low blood counts; call if fever."
    plan.save(questions)
    plan.save(
        LegalItem(
            item="will",
            status="signed",
            date_signed="2019-04-02",
            review_by=day(-30),
            original_location="Fire safe, bottom drawer",
            copies_held_by="Sam (brother), lawyer",
        )
    )
    plan.save(
        LegalItem(
            item="health-care-proxy",
            status="signed",
            date_signed="2024-01-10",
            review_by=day(40),
            original_location="Folder by the front door",
            copies_held_by="Sam, Dr. A. Fictional",
        )
    )
    plan.save(LegalItem(item="living-will", status="in-progress", notes="Talk it over with Sam first"))
    plan.save(
        LegalItem(
            item="health-insurance",
            status="signed",
            date_signed="2025-01-01",
            review_by=day(300),
            original_location="Email and the blue folder",
        )
    )
    plan.save(
        PersonToTell(
            name="Sam",
            relationship="brother",
            told_date=day(-60),
            what_to_know="The treatment plan and how he can help with rides",
        )
    )
    plan.save(
        PersonToTell(
            name="Morgan",
            relationship="manager at work",
            what_to_know="I need Tuesday afternoons off for infusions",
            who_else_may_tell="",
        )
    )
    plan.save(
        PersonToTell(
            name="Aunt Lee",
            relationship="aunt",
            who_else_may_tell="Sam",
            what_to_know="That I am doing all right and would love a card",
        )
    )
    priorities = CarePriorities()
    priorities.set_answer(
        "quality-of-life", "Walking the dog, coffee with friends, reading to the kids.", today=day(-20)
    )
    priorities.set_answer(
        "communication", "Direct and complete, please, with time for questions.", today=day(-3)
    )
    priorities.set_answer("support", "Sam for rides; neighbors for meals on infusion weeks.", today=day(-3))
    plan.save(priorities)
    plan.save(
        ClinicalTrial(
            identifier="NCT01234567",
            title_text="A fictional study of a new oral drug",
            site="Example Cancer Center",
            contact="Research nurse, 555-0150",
            status="screening",
            eligibility_notes="Needs a recent biopsy",
        )
    )
    plan.save(
        ClinicalTrial(
            identifier="NCT07654321",
            title_text="A made-up trial of exercise and fatigue",
            site="Riverside Hospital",
            status="considering",
        )
    )


def _pages_as_png(pdf_path: Path, stem: Path, dpi: int) -> list[Path]:
    """Each page of *pdf_path* as STEM-N.png, rendered by pypdfium2 (PDFium) and saved by Qt."""
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage

    written = []
    pdf = pdfium.PdfDocument(pdf_path)
    for number, page in enumerate(pdf, 1):
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB
        image = QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        )
        image.save(str(stem) + f"-{number}.png")
        written.append(Path(str(stem) + f"-{number}.png"))
    pdf.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/shots")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mbc-care-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "MBC_VAULT_CACHE_DIR"):
        os.environ[var] = str(tmp / var.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
    from PySide6.QtGui import QUndoStack

    from mbc_vault.care.printouts import write_contact_sheet_pdf, write_question_list_pdf
    from mbc_vault.care.store import CarePlan
    from mbc_vault.vault import Vault
    from ui.app import setup_application
    from ui.sections.appointments import AppointmentsSection
    from ui.sections.care_team import CareTeamSection
    from ui.sections.legal import LegalSection
    from ui.sections.people_to_tell import PeopleToTellSection
    from ui.sections.priorities import PrioritiesSection
    from ui.sections.trials import TrialsSection
    from ui.session import VaultSession

    app = setup_application(["care-screenshots"])
    font = app.font()
    font.setPointSizeF(max(11.0, font.pointSizeF()))
    app.setFont(font)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    vault = Vault.create(tmp / "vault", "maple river lantern orchard", name="Jane Example", work_factor=12)
    fill(vault)
    session = VaultSession(vault)
    undo = QUndoStack()
    sections = {
        "appointments": AppointmentsSection(undo),
        "care_team": CareTeamSection(undo),
        "legal": LegalSection(undo),
        "people": PeopleToTellSection(undo),
        "priorities": PrioritiesSection(undo),
        "trials": TrialsSection(undo),
    }
    for name, widget in sections.items():
        widget.set_session(session)
        widget.resize(990, 900 if name in ("appointments", "priorities") else 700)
        widget.show()
        wait(150)
        if name == "legal":
            widget.select_item("living-will")
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    # the appointment form (care-team choice) and a legal paper's form, as they open
    from ui.forms.care_forms import AppointmentFormDialog, appointment_fields, legal_fields
    from ui.forms.entry_form import EntryFormDialog

    plan = CarePlan(vault)
    upcoming = plan.upcoming()[0]
    will = next(e for e in plan.legal_items() if e.model.item == "will")
    for name, dialog in (
        (
            "appointment_form",
            AppointmentFormDialog(
                "Edit: Appointments", upcoming.model, appointment_fields(), plan, record_id=upcoming.id
            ),
        ),
        (
            "legal_form",
            EntryFormDialog(
                "Will",
                will.model,
                legal_fields(),
                plan,
                record_id=will.id,
                documents=[("x", "My will (scan)  (2019-04-02)")],
            ),
        ),
    ):
        dialog.show()
        wait(150)
        dialog.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
        dialog.close()
    questions = plan.question_lists(upcoming.id)[0]
    write_question_list_pdf(questions.model, upcoming.model, "Jane Example", out / "questions.pdf")
    write_contact_sheet_pdf(plan.contacts(), "Jane Example", out / "care-team.pdf")
    for name in ("questions", "care-team"):
        print(out / f"{name}.pdf")
        for page_png in _pages_as_png(out / f"{name}.pdf", out / f"{name}-page", dpi=70):
            print(page_png)
    for widget in sections.values():
        widget.set_session(None)
        widget.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
