"""The one place the app says what went wrong: core error codes to sentences in the app's language.

Every code of mbc_vault/messages.py has its sentence here, through self.tr() so lupdate finds it
(tests/test_errors.py checks both lists match). A code without one reads as the core's English
sentence; an error that is not the core's reads as one plain sentence, never as a traceback. Longer
than 400 lines would be fine: it is a table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from mbc_vault import messages
from mbc_vault.errors import VaultError
from mbc_vault.layout import Problem

# the names of form fields the core puts in its sentences ({label}, {field}), to word them here too
# (tests/test_errors.py checks every name the core's field checks use is listed)
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("FieldLabels", "ER percent"),
    QT_TRANSLATE_NOOP("FieldLabels", "ER status"),
    QT_TRANSLATE_NOOP("FieldLabels", "HER2 IHC score"),
    QT_TRANSLATE_NOOP("FieldLabels", "HER2 ISH result"),
    QT_TRANSLATE_NOOP("FieldLabels", "Ki-67 percent"),
    QT_TRANSLATE_NOOP("FieldLabels", "MSI / MMR result"),
    QT_TRANSLATE_NOOP("FieldLabels", "PR percent"),
    QT_TRANSLATE_NOOP("FieldLabels", "PR status"),
    QT_TRANSLATE_NOOP("FieldLabels", "PIK3CA result"),
    QT_TRANSLATE_NOOP("FieldLabels", "ESR1 result"),
    QT_TRANSLATE_NOOP("FieldLabels", "NTRK result"),
    QT_TRANSLATE_NOOP("FieldLabels", "best response"),
    QT_TRANSLATE_NOOP("FieldLabels", "biopsy date"),
    QT_TRANSLATE_NOOP("FieldLabels", "biopsy site"),
    QT_TRANSLATE_NOOP("FieldLabels", "date"),
    QT_TRANSLATE_NOOP("FieldLabels", "date it was found"),
    QT_TRANSLATE_NOOP("FieldLabels", "date metastatic disease was found"),
    QT_TRANSLATE_NOOP("FieldLabels", "date of first diagnosis"),
    QT_TRANSLATE_NOOP("FieldLabels", "date signed"),
    QT_TRANSLATE_NOOP("FieldLabels", "date you told them"),
    QT_TRANSLATE_NOOP("FieldLabels", "germline BRCA result"),
    QT_TRANSLATE_NOOP("FieldLabels", "histology"),
    QT_TRANSLATE_NOOP("FieldLabels", "kind"),
    QT_TRANSLATE_NOOP("FieldLabels", "kind of diagnosis"),
    QT_TRANSLATE_NOOP("FieldLabels", "paper"),
    QT_TRANSLATE_NOOP("FieldLabels", "reason stopped"),
    QT_TRANSLATE_NOOP("FieldLabels", "review-by date"),
    QT_TRANSLATE_NOOP("FieldLabels", "role"),
    QT_TRANSLATE_NOOP("FieldLabels", "setting"),
    QT_TRANSLATE_NOOP("FieldLabels", "sex"),
    QT_TRANSLATE_NOOP("FieldLabels", "site"),
    QT_TRANSLATE_NOOP("FieldLabels", "start date"),
    QT_TRANSLATE_NOOP("FieldLabels", "status"),
    QT_TRANSLATE_NOOP("FieldLabels", "stop date"),
    QT_TRANSLATE_NOOP("FieldLabels", "allergy or intolerance"),
    QT_TRANSLATE_NOOP("FieldLabels", "date it ended"),
    QT_TRANSLATE_NOOP("FieldLabels", "date it started"),
    QT_TRANSLATE_NOOP("FieldLabels", "date of birth"),
    QT_TRANSLATE_NOOP("FieldLabels", "end date"),
    QT_TRANSLATE_NOOP("FieldLabels", "kind of substance"),
    QT_TRANSLATE_NOOP("FieldLabels", "lymph-node procedure"),
    QT_TRANSLATE_NOOP("FieldLabels", "purpose"),
    QT_TRANSLATE_NOOP("FieldLabels", "severity"),
    QT_TRANSLATE_NOOP("FieldLabels", "side"),
)
# parameters that are a field's name, worded in the app's language
FIELD_PARAMS = ("label", "field")


class ErrorPresenter(QObject):
    """Turns an error into one sentence for a person, in the app's language."""

    def describe(self, error: BaseException) -> str:
        if isinstance(error, VaultError):
            template = self.sentences().get(error.code)
            if template is None:
                return str(error)
            params = {name: self._param(name, value) for name, value in error.params.items()}
            return messages.render(error.code, params, {error.code: template})
        if isinstance(error, ValueError):  # a plain sentence from a library or an older check
            return str(error)
        if isinstance(error, OSError) and error.filename and error.strerror:
            return self.tr("{path} could not be used: {reason}.").format(
                path=error.filename, reason=error.strerror
            )
        return self.tr("Something went wrong ({kind}); nothing half-done was kept. Please try again.").format(
            kind=type(error).__name__
        )

    def describe_problem(self, problem: Problem) -> str:
        """One damaged file, as the app lists it: which record (or file), what is wrong, where."""
        what = self.describe(problem.error)
        if problem.record_id and problem.title:
            return self.tr("Record {id} (“{title}”): {what} ({path})").format(
                id=problem.record_id, title=problem.title, what=what, path=problem.path
            )
        if problem.record_id:
            return self.tr("Record {id}: {what} ({path})").format(
                id=problem.record_id, what=what, path=problem.path
            )
        return self.tr("{path}: {what}").format(path=problem.path, what=what)

    def _param(self, name: str, value: Any) -> Any:
        if isinstance(value, VaultError):
            return self.describe(value)
        if name in FIELD_PARAMS and isinstance(value, str):
            return QCoreApplication.translate("FieldLabels", value)
        if name == "kind" and isinstance(value, str):  # an entry kind's English name (portal review)
            return QCoreApplication.translate("SearchHits", value)
        if name == "scope" and isinstance(value, str):
            from .sharing.scopes import scope_name  # the parts' names live with the sharing screens

            return scope_name(value)
        return value

    def sentences(self) -> dict[str, str]:
        """Each core error code and its sentence; {names} are filled from the error's params."""
        return {
            "date-required": self.tr("Enter the {label} as YYYY-MM-DD, e.g. 2024-05-20."),
            "date-not-a-date": self.tr('The {label} "{value}" is not a date; write it as YYYY-MM-DD.'),
            "date-out-of-range": self.tr("The {label} {value} is out of range; check the year."),
            "choose-from-list": self.tr("Choose the {label} from the list."),
            "percent-not-a-number": self.tr("The {label} must be a number from 0 to 100."),
            "percent-out-of-range": self.tr("The {label} must be between 0 and 100."),
            "end-before-start": self.tr("The end date is before the start date."),
            "site-missing": self.tr("Say which site."),
            "biopsy-site-missing": self.tr("Say where the biopsy was taken."),
            "er-negative-with-percent": self.tr("ER is negative but the percent is 1 or more; check both."),
            "pr-negative-with-percent": self.tr("PR is negative but the percent is 1 or more; check both."),
            "line-number-not-whole": self.tr("The line number must be a whole number, e.g. 2."),
            "line-number-out-of-range": self.tr("The line number must be between 0 and 50."),
            "regimen-no-drugs": self.tr("Add at least one drug of the regimen."),
            "trial-id-missing": self.tr("Give the trial's identifier, e.g. NCT01234567."),
            "stop-date-missing": self.tr("Give the stop date, or clear the reason stopped."),
            "medicine-name-missing": self.tr("Enter the name of the medicine, herb or supplement."),
            "symptom-missing": self.tr("Choose a symptom or type one."),
            "severity-not-a-number": self.tr("Give the severity as a number from 0 (none) to 10 (worst)."),
            "severity-out-of-range": self.tr("The severity must be from 0 (none) to 10 (worst)."),
            "allergy-substance-missing": self.tr(
                'Enter what you are allergic to, or tick "No known allergies".'
            ),
            "portal-file-too-large": self.tr(
                "{name} is larger than {limit}, far more than a portal download could be, so it was not read."
            ),
            "portal-too-many-resources": self.tr(
                "{name} holds more than {limit} records, more than a portal download could; it was not read."
            ),
            "portal-invalid-json": self.tr(
                "{name} cannot be read: its JSON is damaged. Download it again from the portal."
            ),
            "portal-not-fhir": self.tr("{name} is not a FHIR resource or bundle."),
            "portal-read-cancelled": self.tr("Reading {name} was cancelled; nothing was stored."),
            "portal-read-too-slow": self.tr(
                "{name} took longer than {seconds} seconds to read; it may be damaged. Ask the portal for a "
                "smaller download, or split it."
            ),
            "portal-bad-line": self.tr("{count} line(s) could not be read and were left out."),
            "portal-no-value": self.tr("{count} result(s) had no value and were left out."),
            "portal-unknown-resources": self.tr(
                "{count} record(s) of a kind MBC Vault does not keep were left out."
            ),
            "portal-xml-unsafe": self.tr(
                "{name} was not read: it holds a DTD, entities or links to other files, which a portal "
                "document never needs. Download it again from the portal."
            ),
            "portal-xml-invalid": self.tr(
                "{name} cannot be read: its XML is damaged. Download it again from the portal."
            ),
            "portal-not-ccda": self.tr(
                "{name} is XML but not a C-CDA clinical document, so it was not read."
            ),
            "portal-ccda-empty": self.tr(
                "{name} is a C-CDA document with no body: there is nothing in it to import."
            ),
            "portal-too-many-entries": self.tr(
                "{name} holds more than {limit} entries, or is nested too deep, for a portal download; it "
                "was not read."
            ),
            "portal-entries-unreadable": self.tr(
                "{count} entries of the section {section} could not be read and were left out."
            ),
            "portal-vitals-left-out": self.tr(
                "{count} vital signs (blood pressure, weight...) were not made lab values; the section is "
                "kept as text on the stored document."
            ),
            "portal-partial-date": self.tr(
                "{count} date(s) gave only a year or a month; the first day of it was used."
            ),
            "portal-bad-date": self.tr("{count} date(s) could not be read and were left empty."),
            "portal-result-not-number": self.tr(
                "{count} result(s) were words, not numbers, and were left out; the stored document keeps "
                "them."
            ),
            "portal-no-namespace": self.tr(
                "The document does not say it is HL7 CDA (its namespace is missing or wrong); it was read "
                "anyway."
            ),
            "portal-results-from-table": self.tr(
                "{count} result(s) were read from the table of the section {section}, which had no coded "
                "results."
            ),
            "portal-narrative-kept": self.tr(
                "{count} section(s) without entries MBC Vault keeps were kept as text on the stored document."
            ),
            "portal-immunization-not-given": self.tr(
                "{count} immunization(s) recorded as not given were left out."
            ),
            "portal-encoding-repaired": self.tr(
                "{count} character(s) of the document were not in the encoding it names (UTF-8) and were "
                "read as Western European letters; check names and words with accents against the stored "
                "document."
            ),
            "ips-medical-part-needed": self.tr(
                "The patient summary comes from the medical part, which you were not given; "
                "nothing was written."
            ),
            "ips-cancelled": self.tr("Exporting the patient summary was cancelled; nothing was written."),
            "portal-date-year-only": self.tr(
                "{count} date(s) gave only a year; they were kept as 1 January of "
                "that year, with the date as given in the entry's notes."
            ),
            "portal-date-month-only": self.tr(
                "{count} date(s) gave only a month; they were kept as the first day "
                "of that month, with the date as given in the entry's notes."
            ),
            "portal-date-as-age": self.tr(
                "{count} date(s) were given as an age; the date was left empty and "
                "the age written in the entry's notes."
            ),
            "portal-date-not-a-date": self.tr(
                "{count} date(s) were not calendar dates; the date was left empty "
                "and the words written in the entry's notes."
            ),
            "portal-birth-date-partial": self.tr(
                "{count} date(s) of birth were not whole dates and were not kept: "
                "enter the date of birth under About me."
            ),
            "no-known-allergies-with-substance": self.tr(
                'Clear the substance, or untick "No known allergies".'
            ),
            "condition-name-missing": self.tr("Enter the name of the condition, e.g. high blood pressure."),
            "procedure-name-missing": self.tr("Enter the surgery or procedure, e.g. lumpectomy."),
            "lymph-node-procedure-missing": self.tr(
                "Describe the lymph-node procedure, or choose one from the list."
            ),
            "radiation-site-missing": self.tr("Enter where the radiation was given, e.g. left breast."),
            "dose-not-a-number": self.tr("Give the total dose as a number of Gy, e.g. 40.05."),
            "dose-out-of-range": self.tr("The total dose must be more than 0 and at most 200 Gy."),
            "fractions-not-whole": self.tr(
                "Give the number of fractions (sessions) as a whole number, e.g. 15."
            ),
            "fractions-out-of-range": self.tr("The number of fractions must be from 1 to 100."),
            "vaccine-missing": self.tr("Enter the vaccine, e.g. influenza."),
            "visit-type-missing": self.tr("Say what the visit was, e.g. oncology follow-up, or why it was."),
            "patient-details-empty": self.tr("Enter the date of birth, or the name to print on the packet."),
            "portal-zip-damaged": self.tr(
                "{label} is not a readable zip archive. Download it again from the portal."
            ),
            "portal-zip-too-large": self.tr(
                "{label} unpacks to too many files or too many bytes to be a portal download. Check "
                "that it is the right archive."
            ),
            "portal-member-unreadable": self.tr(
                "{count} files in the archive could not be read ({member} first); the rest was read."
            ),
            "portal-format-unknown": self.tr(
                "{label} is not a portal record this app can read (C-CDA XML or an IHE XDM zip, FHIR "
                "JSON or NDJSON, or an Apple Health export.zip)."
            ),
            "portal-entries-not-valid": self.tr(
                "{count} entry(ies) of the kind “{kind}” were incomplete and were left out."
            ),
            "lab-test-missing": self.tr("Enter the test's name, e.g. CA 15-3."),
            "lab-value-not-a-number": self.tr('The value "{value}" is not a number.'),
            "lab-value-missing": self.tr("Enter the value as a number, e.g. 42 or 3.1."),
            "lab-value-negative": self.tr("A lab value cannot be negative."),
            "lab-unit-missing": self.tr("Enter the unit, e.g. U/mL."),
            "time-not-valid": self.tr("Write the time as HH:MM with a 24-hour clock, e.g. 09:30 or 14:15."),
            "duration-not-a-number": self.tr("The length must be a number of minutes, e.g. 30."),
            "duration-out-of-range": self.tr("The length must be between 5 minutes and 24 hours."),
            "appointment-purpose-missing": self.tr("Say what the appointment is for, or with whom."),
            "question-empty": self.tr("Type the question first."),
            "contact-name-missing": self.tr("Enter the person's name (or the office's)."),
            "phone-not-valid": self.tr("Write the number with digits, spaces, +, - or parentheses only."),
            "email-not-valid": self.tr("This does not look like an email address (name@example.org)."),
            "signed-date-without-status": self.tr(
                "A date signed is given: set the status to Signed, or clear the date."
            ),
            "person-name-missing": self.tr("Enter the person's name."),
            "trial-identifier-missing": self.tr(
                "Give the trial's identifier (such as NCT01234567) or its title."
            ),
            "nct-number-not-valid": self.tr("An NCT number is NCT followed by 8 digits, e.g. NCT01234567."),
            "date-not-valid": self.tr(
                'The {field} "{value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14.'
            ),
            "date-not-real": self.tr('The {field} "{value}" is not a real calendar date.'),
            "unknown-category": self.tr('"{category}" is not a category; use one of: {choices}.'),
            "scope-unknown": self.tr('"{scope}" is not a section that can be shared; use one of: {choices}.'),
            "entry-kind-unknown": self.tr('"{kind}" is not a kind of entry.'),
            "entries-kind-unknown": self.tr('"{kind}" is not a kind of entry; use one of: {choices}.'),
            "fields-not-changeable": self.tr("These fields cannot be changed: {fields}."),
            "title-empty": self.tr("The title cannot be empty."),
            "person-name-empty": self.tr("The person's name cannot be empty."),
            "passphrase-empty": self.tr("The passphrase cannot be empty."),
            "new-passphrase-empty": self.tr("The new passphrase cannot be empty."),
            "page-size-unknown": self.tr('The page size "{page_size}" is not known; use Letter or A4.'),
            "packet-password-line-break": self.tr("The packet password cannot contain a line break."),
            "packet-password-too-long": self.tr("The packet password is too long."),
            "chart-format-unknown": self.tr('Unknown chart format "{format}"; use "png" or "svg".'),
            "not-a-folder": self.tr("{path} is not a folder; give the folder that holds the vault."),
            "no-marker": self.tr("{path} is not an MBC Vault (it has no {marker}); pick the vault's folder."),
            "marker-damaged": self.tr(
                "{marker} is damaged; restore it from a backup or see docs/recovery.md."
            ),
            "not-a-vault": self.tr("{path} is not an MBC Vault."),
            "marker-no-id": self.tr("{marker} is damaged (it has no vault id); restore it from a backup."),
            "format-too-new": self.tr(
                "This vault uses format version {version}, newer than this program understands "
                "({supported}); update MBC Vault to open it."
            ),
            "no-keys": self.tr("{path} has no keys; it is not a usable vault."),
            "folder-not-empty": self.tr(
                "{path} already exists and is not an empty folder; choose a new folder."
            ),
            "wrong-passphrase": self.tr("Wrong passphrase for this vault."),
            "wrong-passphrase-or-damaged-key": self.tr(
                "Wrong passphrase for this vault, or the key file {files} is damaged; if you are sure"
                " of the passphrase, restore it from a backup."
            ),
            "wrong-passphrase-or-slow-key": self.tr(
                "Wrong passphrase for this vault, or your key file is {files}, which asks for far more work "
                "than MBC Vault uses (it may have been planted). If you are sure of the passphrase, ask "
                "the vault's owner to check the vault."
            ),
            "vault-busy": self.tr(
                "Another MBC Vault program is saving changes to this vault; wait for it to finish or "
                "close it, then try again."
            ),
            "vault-closed": self.tr("The vault was locked. Unlock it again to go on."),
            "old-format-member": self.tr(
                "This vault was made by an older version of MBC Vault. Its owner must open it once "
                "with this version before you can use it."
            ),
            "key-file-slow": self.tr(
                "The key file {path} asks for far more work (scrypt work factor {work_factor}) than MBC "
                "Vault writes; it was not made by MBC Vault. If nobody's passphrase opens it, remove it."
            ),
            "key-file-damaged": self.tr(
                "The key file {path} is damaged (the passphrase is right); restore it from a backup."
            ),
            "key-file-not-theirs": self.tr(
                "The key file {path} does not belong to this person; it was swapped or altered. "
                "Restore it from a backup."
            ),
            "info-damaged": self.tr(
                "The vault's info ({info}) is damaged, missing or was not written by the vault's "
                "owner (someone who can write the folder replaced it); nothing was read with it. "
                "Restore it from a backup."
            ),
            "marker-mismatch": self.tr(
                "The vault's marker ({marker}) does not match the vault's signed info: its vault id "
                "or format version was changed. Restore it from a backup."
            ),
            "marker-other-vault": self.tr(
                "The vault's marker {marker} names another vault than your key file; it was changed. "
                "Restore it from a backup."
            ),
            "own-details-missing": self.tr(
                "Your details in this vault are missing or were not written by its owner, so nothing "
                "was opened; ask the vault's owner to open the vault and check the people."
            ),
            "keyring-key-replaced": self.tr(
                "Your keyring does not hold the current key of the {scope} part that the vault's "
                "signed info names; it was replaced by an older or forged one. Restore it from a "
                "backup."
            ),
            "keys-uncheckable": self.tr(
                "The vault's keys cannot be checked: your keyring or the vault's info is damaged. Ask"
                " the vault's owner to open the vault."
            ),
            "info-not-by-owner": self.tr(
                "The vault's info was not written by its owner; ask the owner to open the vault."
            ),
            "keyring-damaged": self.tr("The keyring {path} is damaged or missing; restore it from a backup."),
            "keyring-damaged-own": self.tr("Your keyring is damaged or missing; restore it from a backup."),
            "keyring-not-by-owner": self.tr(
                "The keyring {keyring} was not written by the vault's owner (someone who can write "
                "the folder replaced it); nothing was read with it. Restore it from a backup, or ask "
                "the owner to open the vault."
            ),
            "person-no-public-key": self.tr(
                'The details of "{name}" have no public key; remove the person and add them again.'
            ),
            "rotation-damaged": self.tr(
                "The key rotation record {rotation} is damaged or was not written by the owner; "
                "restore it from a backup or remove it and rotate again."
            ),
            "rotation-generation-clash": self.tr(
                "Two different keys claim generation {generation} of the {scope} section; restore "
                "{rotation} from a backup."
            ),
            "upgrade-file-damaged": self.tr(
                "{upgrade} (left by an interrupted upgrade) is damaged; restore the vault folder from"
                " a backup."
            ),
            "record-file-damaged": self.tr("the record file is damaged ({detail})"),
            "record-file-invalid": self.tr("the record file does not hold a valid record"),
            "record-file-swapped": self.tr(
                "the record file holds another record (files were swapped or renamed)"
            ),
            "record-category-unknown": self.tr("the record has an unknown category"),
            "record-scope-mismatch": self.tr(
                "it claims to be a {record_scope} record but was stored with the key of the {scope} "
                "part, so it was not written by this program; it is not used"
            ),
            "record-not-used": self.tr("{why}; it is not used"),
            "kept-version-unopenable": self.tr("no key of this vault opens this kept version: it is damaged"),
            "kept-version-damaged": self.tr("this kept version of a record is damaged ({detail})"),
            "kept-version-not-used": self.tr("this kept version of a record is not used: {why}"),
            "file-of-no-one": self.tr(
                "this file belongs to no one in the vault (an interrupted addition, or planted); the "
                "owner's next open removes the owner's own leftovers, anything else was left as it is"
            ),
            "person-addition-cleaned": self.tr(
                'Adding "{name}" was interrupted; it was cleaned up. Add them again.'
            ),
            "request-not-from-person": self.tr(
                "this request was not written by the person it names; it was not used."
            ),
            "file-not-reencrypted": self.tr("cannot be re-encrypted ({detail})"),
            "record-not-reencrypted": self.tr("{why}; it was not re-encrypted"),
            "document-not-reencrypted": self.tr("the document cannot be re-encrypted ({detail})"),
            "person-details-in-info-unreadable": self.tr(
                "the details of person {person} in the vault's info cannot be read"
            ),
            "person-details-unreadable": self.tr("a person's details cannot be read"),
            "person-details-not-owners": self.tr(
                "these details of a person were not written by the vault's owner, or adding that person "
                "was interrupted; they are not used"
            ),
            "person-details-differ": self.tr(
                "this person's details differ from the ones the vault's owner signed (changed or put back "
                "by someone else); they are not used"
            ),
            "keyring-key-not-yet": self.tr(
                "your keyring does not hold the current key of the {scope} part yet; ask the vault's "
                "owner to open the vault"
            ),
            "record-went-back": self.tr(
                "this record went back to an older version (revision {revision}; this computer saw "
                "revision {seen}): an older copy was put back"
            ),
            "record-file-unopenable": self.tr("no key of this vault opens it: it is damaged"),
            "key-change-not-finished": self.tr("the key change could not be finished: {why}"),
            "document-damaged": self.tr(
                'The document of "{title}" is damaged: {why}. Restore the vault folder from a backup.'
            ),
            "document-damaged-not-moved": self.tr('The document of "{title}" is damaged; it was not moved.'),
            "document-missing": self.tr(
                'The document of "{title}" is missing ({path}); restore it from a backup or wait for '
                "the sync to finish."
            ),
            "document-other-part": self.tr(
                'The document file of "{title}" belongs to another part of the vault than its record '
                "(someone who can write the folder pointed the record at it); not a byte of it was "
                "read or copied."
            ),
            "document-other-part-not-copied": self.tr(
                "the document file belongs to another part of the vault than its record (someone who "
                "can write the folder pointed the record at it); not a byte of it was copied"
            ),
            "content-mismatch": self.tr("its content does not match the record"),
            "chosen-version-document-missing": self.tr(
                'The document of the chosen version of "{title}" is missing; wait for the sync to '
                "finish and try again."
            ),
            "search-text-damaged": self.tr(
                'The search text of "{title}" is damaged ({detail}); it can be rebuilt from the document.'
            ),
            "search-text-other-document": self.tr(
                'The search text stored for "{title}" belongs to another document.'
            ),
            "search-text-not-used": self.tr(
                'The search text stored for "{title}" is not used: {why}. It can be rebuilt from the '
                "document."
            ),
            "header-damaged": self.tr("its header is damaged ({detail})"),
            "not-this-document": self.tr(
                "it is not the document this record was saved with (files swapped?)"
            ),
            "document-too-long": self.tr("it is longer than it should be"),
            "payload-damaged": self.tr("{detail}"),
            "fingerprint-mismatch": self.tr(
                "its content does not match the fingerprint saved with the record"
            ),
            "unsigned": self.tr(
                "it is not signed by anyone in this vault, so it was not written by this program"
            ),
            "signer-unknown": self.tr("it is signed by someone who is not in this vault"),
            "signature-mismatch": self.tr(
                "its signature does not match: it was changed by someone who may not write it"
            ),
            "writer-may-not-change": self.tr("it was written by {name}, who may not change the {scope} part"),
            "writer-mismatch": self.tr(
                "it names another person as its last writer than the one who signed it"
            ),
            "other-part-key": self.tr("it was stored with another part's key"),
            "id-ambiguous": self.tr('"{record_id}" matches {count} records; give more of the id.'),
            "record-not-shared": self.tr(
                'The record "{record_id}" is in a section of the vault that was not shared with you, '
                "so it cannot be opened with your key."
            ),
            "record-not-found": self.tr(
                'No record with id "{record_id}" in this vault (see `mbc-vault list`).'
            ),
            "person-not-found": self.tr(
                'No person with id "{person_id}" in this vault (see `mbc-vault person list`).'
            ),
            "no-document": self.tr('Record "{title}" has no document attached.'),
            "no-versions-waiting": self.tr('The record "{record_id}" has no versions waiting for a choice.'),
            "version-not-found": self.tr('The record "{record_id}" has no version "{version}".'),
            "purge-not-in-trash": self.tr('"{title}" is not in the trash; remove it first, then purge it.'),
            "record-changed-elsewhere": self.tr(
                '"{title}" was changed by someone else since you opened it; your change was not '
                "saved. Look at the new version and try again."
            ),
            "vault-rolled-back": self.tr(
                "This vault folder went back to an older state than this computer saw before (an "
                "older copy or backup was put in its place, or someone rolled it back). Changes and "
                "key changes are refused until the newest copy of the folder is back; restore it from"
                " your sync tool or backup."
            ),
            "view-only": self.tr("{name} may only view this vault, not change it."),
            "view-only-unnamed": self.tr("This person may only view this vault, not change it."),
            "scope-not-given": self.tr(
                "You were not given access to {scope} records, so you cannot add or change them."
            ),
            "scope-key-missing": self.tr(
                "Your keyring does not hold the current key of the {scope} part yet, so you cannot "
                "add or change its records; ask the vault's owner to open the vault."
            ),
            "signing-key-missing": self.tr(
                "Your keyring has no signing key yet; ask the vault's owner to open the vault."
            ),
            "owner-only-people": self.tr("Only the vault's owner can add, change or remove people."),
            "owner-access-fixed": self.tr(
                "The owner always holds every section and can edit; that cannot be changed."
            ),
            "owner-not-removable": self.tr("The vault's owner cannot be removed."),
            "kit-owner-only": self.tr(
                "Only the owner may make an emergency kit for someone else; you can make your own."
            ),
            "kit-make-own": self.tr(
                "{name} must make their own emergency kit when they unlock the vault: their secret "
                "key opens only with their passphrase, so nobody else has it."
            ),
            "input-missing": self.tr("{path} does not exist; check the file name."),
            "input-is-folder": self.tr("{path} is a folder, not a file; give the files inside it."),
            "input-unreadable": self.tr("{path} cannot be read (permission denied)."),
            "input-empty": self.tr("{label} is empty; there is nothing to store."),
            "document-read-inconsistently": self.tr(
                "{label} changed while it was being stored; nothing was stored. Try again."
            ),
            "duplicate-document": self.tr(
                '{label} is already in the vault as "{title}"; it was not stored twice.'
            ),
            "duplicate-document-in-trash": self.tr(
                '{label} is already in the vault as "{title}" (in the trash); it was not stored twice.'
            ),
            "output-permission-denied": self.tr(
                "Cannot write {path}: permission denied; choose another folder."
            ),
            "folder-missing": self.tr("The folder {folder} does not exist; create it or choose another."),
            "dangling-link": self.tr(
                "{path} is a link to a file that does not exist, so nothing was written there; choose"
                " a new file name in one of your folders."
            ),
            "not-a-file": self.tr(
                "{path} is {kind}, not an ordinary file, so nothing was written there; choose a new "
                "file name in one of your folders."
            ),
            "file-exists": self.tr("{path} already exists; choose another name or remove it first."),
            "file-changed-while-writing": self.tr(
                "{path} was changed while it was being written; nothing was written there. Try again."
            ),
            "chart-not-written": self.tr("Could not write the chart to {path}."),
            "add-cancelled": self.tr("Adding {label} was cancelled; nothing was stored."),
            "packet-cancelled": self.tr("Building the packet was cancelled; nothing was written."),
            "reindex-cancelled": self.tr("Rebuilding the search text was cancelled."),
            "index-cancelled": self.tr("Building the search index was cancelled."),
            "verify-cancelled": self.tr("Checking the vault was cancelled."),
            "rotation-interrupted": self.tr(
                "Changing the keys was interrupted; it continues the next time the owner opens the vault."
            ),
            "ocr-cancelled": self.tr("Text recognition was cancelled; nothing was changed."),
            "pdf-cancelled": self.tr("Reading the PDF was cancelled."),
            "pdf-worker-timeout": self.tr(
                "Reading the PDF took too long and was stopped; it may be damaged. Ask for a new copy, "
                "or scan the paper original."
            ),
            "pdf-worker-memory": self.tr(
                "The PDF needs far more memory than a medical record could, so reading it was stopped. "
                "Ask for a new copy, or scan the paper original."
            ),
            "pdf-worker-crashed": self.tr(
                "The PDF reader stopped on this file; it may be damaged. Ask for a new copy, "
                "or scan the paper original."
            ),
            "pdf-job-failed": self.tr(
                "The PDF could not be read; it may be damaged. Ask for a new copy, "
                "or scan the paper original."
            ),
            "pdf-job-unknown": self.tr(
                "This copy of MBC Vault is incomplete (no PDF task {job}); install it again."
            ),
            "pdf-text-too-large": self.tr(
                "The PDF holds far more text than a medical record could, so it was not read."
            ),
            "demo-documents-unreadable": self.tr(
                "The demo vault was not made: its fictional PDFs could not be read ({problem}). This copy of "
                "MBC Vault may be incomplete; run mbc-vault self-check, or install it again."
            ),
            "preview-too-large": self.tr(
                "This document is too complex to preview here; export it and open it in your PDF reader."
            ),
            "preview-unreadable": self.tr("This image cannot be shown here."),
            "ocr-timeout": self.tr("Text recognition took too long and was stopped."),
            "ocr-failed": self.tr("Text recognition could not read this document."),
            "ocr-needs-tesseract": self.tr(
                "Text recognition needs Tesseract; install the tesseract-ocr package."
            ),
            "packet-folder-missing": self.tr("The folder {folder} does not exist."),
            "no-care-priorities": self.tr(
                "There are no care priorities recorded yet; leave them out or write them first."
            ),
            "packet-empty": self.tr("The packet would be empty: choose documents or the care summary."),
            "not-a-question-list": self.tr('"{title}" is not a question list.'),
            "not-a-packet": self.tr('"{title}" is not a packet.'),
            "contents-layout-failed": self.tr("The contents pages could not be laid out."),
            "packet-assembly-failed": self.tr(
                "The packet could not be put together; nothing was written. Build it again; if that fails "
                "too, leave out the documents you added last."
            ),
            "packet-document-lost": self.tr(
                "The PDF worker no longer holds a document of the packet; build it again."
            ),
            "documents-rejected": self.tr("{count} chosen document(s) cannot be included: {problems}"),
            "unreadable-in-vault": self.tr("it could not be read from the vault ({why})"),
            "image-damaged": self.tr(
                "the image cannot be read (it may be damaged): open it in an image viewer and save it "
                "again, or scan it again"
            ),
            "image-too-large": self.tr(
                "the image is {width} by {height} pixels, far larger than a photo or scan could be: save "
                "it at a smaller size, or scan it again"
            ),
            "image-too-many-pages": self.tr(
                "the image has more than {limit} pages: split it into smaller files, or scan the paper "
                "again as PDF"
            ),
            "format-not-supported": self.tr(
                "its format ({media}) cannot be put in a PDF; convert it to PDF, JPEG or PNG first"
            ),
            "pdf-password-protected": self.tr(
                "it is password-protected; save a copy without the password (or print it to PDF) and "
                "add that instead"
            ),
            "pdf-no-pages": self.tr("it has no pages"),
            "pdf-damaged": self.tr("the PDF is damaged ({detail})"),
            "pdf-too-slow": self.tr(
                "reading it took too long and was stopped; it may be damaged: ask for a new copy, or scan "
                "the paper original"
            ),
            "pdf-too-much-memory": self.tr(
                "it needs far more memory than a medical record could: ask for a new copy, or scan the "
                "paper original"
            ),
            "pdf-reader-stopped": self.tr(
                "the PDF reader stopped on it; it may be damaged: ask for a new copy, or scan the paper "
                "original"
            ),
        }


def describe(error: BaseException) -> str:
    """*error* as one sentence in the app's language (safe to call from a worker thread)."""
    return ErrorPresenter().describe(error)


def describe_problem(problem: Problem) -> str:
    """A damaged file found while opening or verifying, as one line in the app's language."""
    return ErrorPresenter().describe_problem(problem)
