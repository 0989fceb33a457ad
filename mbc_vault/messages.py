"""The English sentence of every error code of the core, in one place.

A code is a stable kebab-case string; its sentence may name parameters in {braces}, filled from the
error's `params`. The CLI prints these sentences; the app shows its own translations of the same codes
(ui/errors.py) and falls back to these. A parameter that is itself an error (a `why`) is rendered by the
same rules, so a reason reads inside the sentence that refused something. Longer than 400 lines would
be fine here: it is a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MESSAGES: dict[str, str] = {
    # values a person typed (entry forms; `label` names the field in words)
    "date-required": "Enter the {label} as YYYY-MM-DD, e.g. 2024-05-20.",
    "date-not-a-date": 'The {label} "{value}" is not a date; write it as YYYY-MM-DD.',
    "date-out-of-range": "The {label} {value} is out of range; check the year.",
    "choose-from-list": "Choose the {label} from the list.",
    "percent-not-a-number": "The {label} must be a number from 0 to 100.",
    "percent-out-of-range": "The {label} must be between 0 and 100.",
    "end-before-start": "The end date is before the start date.",
    "site-missing": "Say which site.",
    "biopsy-site-missing": "Say where the biopsy was taken.",
    "er-negative-with-percent": "ER is negative but the percent is 1 or more; check both.",
    "pr-negative-with-percent": "PR is negative but the percent is 1 or more; check both.",
    "line-number-not-whole": "The line number must be a whole number, e.g. 2.",
    "line-number-out-of-range": "The line number must be between 0 and 50.",
    "regimen-no-drugs": "Add at least one drug of the regimen.",
    "trial-id-missing": "Give the trial's identifier, e.g. NCT01234567.",
    "stop-date-missing": "Give the stop date, or clear the reason stopped.",
    "medicine-name-missing": "Enter the name of the medicine, herb or supplement.",
    "symptom-missing": "Choose a symptom or type one.",
    "severity-not-a-number": "Give the severity as a number from 0 (none) to 10 (worst).",
    "severity-out-of-range": "The severity must be from 0 (none) to 10 (worst).",
    "allergy-substance-missing": 'Enter what you are allergic to, or tick "No known allergies".',
    "no-known-allergies-with-substance": 'Clear the substance, or untick "No known allergies".',
    "condition-name-missing": "Enter the name of the condition, e.g. high blood pressure.",
    "procedure-name-missing": "Enter the surgery or procedure, e.g. lumpectomy.",
    "lymph-node-procedure-missing": "Describe the lymph-node procedure, or choose one from the list.",
    "radiation-site-missing": "Enter where the radiation was given, e.g. left breast.",
    "dose-not-a-number": "Give the total dose as a number of Gy, e.g. 40.05.",
    "dose-out-of-range": "The total dose must be more than 0 and at most 200 Gy.",
    "fractions-not-whole": "Give the number of fractions (sessions) as a whole number, e.g. 15.",
    "fractions-out-of-range": "The number of fractions must be from 1 to 100.",
    "vaccine-missing": "Enter the vaccine, e.g. influenza.",
    "visit-type-missing": "Say what the visit was, e.g. oncology follow-up, or why it was.",
    "patient-details-empty": "Enter the date of birth, or the name to print on the packet.",
    "portal-zip-damaged": "{label} is not a readable zip archive. Download it again from the portal.",
    "portal-zip-too-large": (
        "{label} unpacks to too many files or too many bytes to be a portal download. Check that it"
        " is the right archive."
    ),
    "portal-member-unreadable": (
        "{count} files in the archive could not be read ({member} first); the rest was read."
    ),
    "portal-format-unknown": (
        "{label} is not a portal record this app can read (C-CDA XML or an IHE XDM zip, FHIR JSON or "
        "NDJSON, or an Apple Health export.zip)."
    ),
    "portal-entries-not-valid": "{count} entry(ies) of the kind “{kind}” were incomplete and were left out.",
    "lab-test-missing": "Enter the test's name, e.g. CA 15-3.",
    "lab-value-not-a-number": 'The value "{value}" is not a number.',
    "lab-value-missing": "Enter the value as a number, e.g. 42 or 3.1.",
    "lab-value-negative": "A lab value cannot be negative.",
    "lab-unit-missing": "Enter the unit, e.g. U/mL.",
    "time-not-valid": "Write the time as HH:MM with a 24-hour clock, e.g. 09:30 or 14:15.",
    "duration-not-a-number": "The length must be a number of minutes, e.g. 30.",
    "duration-out-of-range": "The length must be between 5 minutes and 24 hours.",
    "appointment-purpose-missing": "Say what the appointment is for, or with whom.",
    "question-empty": "Type the question first.",
    "contact-name-missing": "Enter the person's name (or the office's).",
    "phone-not-valid": "Write the number with digits, spaces, +, - or parentheses only.",
    "email-not-valid": "This does not look like an email address (name@example.org).",
    "signed-date-without-status": "A date signed is given: set the status to Signed, or clear the date.",
    "person-name-missing": "Enter the person's name.",
    "trial-identifier-missing": "Give the trial's identifier (such as NCT01234567) or its title.",
    "nct-number-not-valid": "An NCT number is NCT followed by 8 digits, e.g. NCT01234567.",
    # values given to the vault (names, dates, choices)
    "date-not-valid": 'The {field} "{value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14.',
    "date-not-real": 'The {field} "{value}" is not a real calendar date.',
    "unknown-category": '"{category}" is not a category; use one of: {choices}.',
    "scope-unknown": '"{scope}" is not a section that can be shared; use one of: {choices}.',
    "entry-kind-unknown": '"{kind}" is not a kind of entry.',
    "entries-kind-unknown": '"{kind}" is not a kind of entry; use one of: {choices}.',
    "fields-not-changeable": "These fields cannot be changed: {fields}.",
    "title-empty": "The title cannot be empty.",
    "person-name-empty": "The person's name cannot be empty.",
    "passphrase-empty": "The passphrase cannot be empty.",
    "new-passphrase-empty": "The new passphrase cannot be empty.",
    "page-size-unknown": 'The page size "{page_size}" is not known; use Letter or A4.',
    "packet-password-line-break": "The packet password cannot contain a line break.",
    "packet-password-too-long": "The packet password is too long.",
    "chart-format-unknown": 'Unknown chart format "{format}"; use "png" or "svg".',
    # opening a vault
    "not-a-folder": "{path} is not a folder; give the folder that holds the vault.",
    "no-marker": "{path} is not an MBC Vault (it has no {marker}); pick the vault's folder.",
    "marker-damaged": "{marker} is damaged; restore it from a backup or see docs/recovery.md.",
    "not-a-vault": "{path} is not an MBC Vault.",
    "marker-no-id": "{marker} is damaged (it has no vault id); restore it from a backup.",
    "format-too-new": (
        "This vault uses format version {version}, newer than this program understands "
        "({supported}); update MBC Vault to open it."
    ),
    "no-keys": "{path} has no keys; it is not a usable vault.",
    "folder-not-empty": "{path} already exists and is not an empty folder; choose a new folder.",
    "wrong-passphrase": "Wrong passphrase for this vault.",
    "wrong-passphrase-or-damaged-key": (
        "Wrong passphrase for this vault, or the key file {files} is damaged; if you are sure of the "
        "passphrase, restore it from a backup."
    ),
    "wrong-passphrase-or-slow-key": (
        "Wrong passphrase for this vault, or your key file is {files}, which asks for far more work than "
        "MBC Vault uses (it may have been planted). If you are sure of the passphrase, ask the vault's "
        "owner to check the vault."
    ),
    "vault-busy": (
        "Another MBC Vault program is saving changes to this vault; wait for it to finish or close it, "
        "then try again."
    ),
    "vault-closed": "The vault was locked. Unlock it again to go on.",
    "old-format-member": (
        "This vault was made by an older version of MBC Vault. Its owner must open it once "
        "with this version before you can use it."
    ),
    # damaged or tampered files
    "key-file-slow": (
        "The key file {path} asks for far more work (scrypt work factor {work_factor}) than MBC Vault "
        "writes; it was not made by MBC Vault. If nobody's passphrase opens it, remove it."
    ),
    "key-file-damaged": "The key file {path} is damaged (the passphrase is right); restore it from a backup.",
    "key-file-not-theirs": (
        "The key file {path} does not belong to this person; it was swapped or altered. "
        "Restore it from a backup."
    ),
    "info-damaged": (
        "The vault's info ({info}) is damaged, missing or was not written by the vault's owner "
        "(someone who can write the folder replaced it); nothing was read with it. Restore it from a backup."
    ),
    "marker-mismatch": (
        "The vault's marker ({marker}) does not match the vault's signed info: its vault id or format "
        "version was changed. Restore it from a backup."
    ),
    "marker-other-vault": (
        "The vault's marker {marker} names another vault than your key file; it was changed. "
        "Restore it from a backup."
    ),
    "own-details-missing": (
        "Your details in this vault are missing or were not written by its owner, so nothing was "
        "opened; ask the vault's owner to open the vault and check the people."
    ),
    "keyring-key-replaced": (
        "Your keyring does not hold the current key of the {scope} part that the vault's signed info "
        "names; it was replaced by an older or forged one. Restore it from a backup."
    ),
    "keys-uncheckable": (
        "The vault's keys cannot be checked: your keyring or the vault's info is damaged. "
        "Ask the vault's owner to open the vault."
    ),
    "info-not-by-owner": "The vault's info was not written by its owner; ask the owner to open the vault.",
    "keyring-damaged": "The keyring {path} is damaged or missing; restore it from a backup.",
    "keyring-damaged-own": "Your keyring is damaged or missing; restore it from a backup.",
    "keyring-not-by-owner": (
        "The keyring {keyring} was not written by the vault's owner (someone who can write the folder "
        "replaced it); nothing was read with it. Restore it from a backup, or ask the owner to open "
        "the vault."
    ),
    "person-no-public-key": (
        'The details of "{name}" have no public key; remove the person and add them again.'
    ),
    "rotation-damaged": (
        "The key rotation record {rotation} is damaged or was not written by the owner; restore it "
        "from a backup or remove it and rotate again."
    ),
    "rotation-generation-clash": (
        "Two different keys claim generation {generation} of the {scope} section; restore {rotation} "
        "from a backup."
    ),
    "upgrade-file-damaged": (
        "{upgrade} (left by an interrupted upgrade) is damaged; restore the vault folder from a backup."
    ),
    "record-file-damaged": "the record file is damaged ({detail})",
    "record-file-invalid": "the record file does not hold a valid record",
    "record-file-swapped": "the record file holds another record (files were swapped or renamed)",
    "record-category-unknown": "the record has an unknown category",
    "record-scope-mismatch": (
        "it claims to be a {record_scope} record but was stored with the key of the {scope} part, "
        "so it was not written by this program; it is not used"
    ),
    "record-not-used": "{why}; it is not used",
    # problems found while opening or verifying (mbc_vault.layout.Problem)
    "kept-version-unopenable": "no key of this vault opens this kept version: it is damaged",
    "kept-version-damaged": "this kept version of a record is damaged ({detail})",
    "kept-version-not-used": "this kept version of a record is not used: {why}",
    "file-of-no-one": (
        "this file belongs to no one in the vault (an interrupted addition, or planted); the "
        "owner's next open removes the owner's own leftovers, anything else was left as it is"
    ),
    "person-addition-cleaned": 'Adding "{name}" was interrupted; it was cleaned up. Add them again.',
    "request-not-from-person": "this request was not written by the person it names; it was not used.",
    "file-not-reencrypted": "cannot be re-encrypted ({detail})",
    "record-not-reencrypted": "{why}; it was not re-encrypted",
    "document-not-reencrypted": "the document cannot be re-encrypted ({detail})",
    "person-details-in-info-unreadable": "the details of person {person} in the vault's info cannot be read",
    "person-details-unreadable": "a person's details cannot be read",
    "person-details-not-owners": (
        "these details of a person were not written by the vault's owner, or adding that person "
        "was interrupted; they are not used"
    ),
    "person-details-differ": (
        "this person's details differ from the ones the vault's owner signed (changed or put back "
        "by someone else); they are not used"
    ),
    "keyring-key-not-yet": (
        "your keyring does not hold the current key of the {scope} part yet; ask the vault's "
        "owner to open the vault"
    ),
    "record-went-back": (
        "this record went back to an older version (revision {revision}; this computer saw "
        "revision {seen}): an older copy was put back"
    ),
    "record-file-unopenable": "no key of this vault opens it: it is damaged",
    "key-change-not-finished": "the key change could not be finished: {why}",
    "document-damaged": (
        'The document of "{title}" is damaged: {why}. Restore the vault folder from a backup.'
    ),
    "document-damaged-not-moved": 'The document of "{title}" is damaged; it was not moved.',
    "document-missing": (
        'The document of "{title}" is missing ({path}); restore it from a backup or wait for the '
        "sync to finish."
    ),
    "document-other-part": (
        'The document file of "{title}" belongs to another part of the vault than its record (someone '
        "who can write the folder pointed the record at it); not a byte of it was read or copied."
    ),
    "document-other-part-not-copied": (
        "the document file belongs to another part of the vault than its record (someone who can "
        "write the folder pointed the record at it); not a byte of it was copied"
    ),
    "content-mismatch": "its content does not match the record",
    "chosen-version-document-missing": (
        'The document of the chosen version of "{title}" is missing; wait for the sync to finish and '
        "try again."
    ),
    "search-text-damaged": (
        'The search text of "{title}" is damaged ({detail}); it can be rebuilt from the document.'
    ),
    "search-text-other-document": 'The search text stored for "{title}" belongs to another document.',
    "search-text-not-used": (
        'The search text stored for "{title}" is not used: {why}. It can be rebuilt from the document.'
    ),
    # reasons (the `why` inside another sentence)
    "header-damaged": "its header is damaged ({detail})",
    "not-this-document": "it is not the document this record was saved with (files swapped?)",
    "document-too-long": "it is longer than it should be",
    "payload-damaged": "{detail}",
    "fingerprint-mismatch": "its content does not match the fingerprint saved with the record",
    "unsigned": "it is not signed by anyone in this vault, so it was not written by this program",
    "signer-unknown": "it is signed by someone who is not in this vault",
    "signature-mismatch": "its signature does not match: it was changed by someone who may not write it",
    "writer-may-not-change": "it was written by {name}, who may not change the {scope} part",
    "writer-mismatch": "it names another person as its last writer than the one who signed it",
    "other-part-key": "it was stored with another part's key",
    # finding records and people
    "id-ambiguous": '"{record_id}" matches {count} records; give more of the id.',
    "record-not-shared": (
        'The record "{record_id}" is in a section of the vault that was not shared with you, so it '
        "cannot be opened with your key."
    ),
    "record-not-found": 'No record with id "{record_id}" in this vault (see `mbc-vault list`).',
    "person-not-found": 'No person with id "{person_id}" in this vault (see `mbc-vault person list`).',
    "no-document": 'Record "{title}" has no document attached.',
    "no-versions-waiting": 'The record "{record_id}" has no versions waiting for a choice.',
    "version-not-found": 'The record "{record_id}" has no version "{version}".',
    "purge-not-in-trash": '"{title}" is not in the trash; remove it first, then purge it.',
    "record-changed-elsewhere": (
        '"{title}" was changed by someone else since you opened it; your change was not saved. '
        "Look at the new version and try again."
    ),
    # who may do what
    "vault-rolled-back": (
        "This vault folder went back to an older state than this computer saw before (an older copy "
        "or backup was put in its place, or someone rolled it back). Changes and key changes are "
        "refused until the newest copy of the folder is back; restore it from your sync tool or "
        "backup."
    ),
    "view-only": "{name} may only view this vault, not change it.",
    "view-only-unnamed": "This person may only view this vault, not change it.",
    "scope-not-given": "You were not given access to {scope} records, so you cannot add or change them.",
    "scope-key-missing": (
        "Your keyring does not hold the current key of the {scope} part yet, so you cannot add or "
        "change its records; ask the vault's owner to open the vault."
    ),
    "signing-key-missing": "Your keyring has no signing key yet; ask the vault's owner to open the vault.",
    "owner-only-people": "Only the vault's owner can add, change or remove people.",
    "owner-access-fixed": "The owner always holds every section and can edit; that cannot be changed.",
    "owner-not-removable": "The vault's owner cannot be removed.",
    "kit-owner-only": "Only the owner may make an emergency kit for someone else; you can make your own.",
    "kit-make-own": (
        "{name} must make their own emergency kit when they unlock the vault: their secret key opens "
        "only with their passphrase, so nobody else has it."
    ),
    # files given to the vault, and files it writes
    "input-missing": "{path} does not exist; check the file name.",
    "input-is-folder": "{path} is a folder, not a file; give the files inside it.",
    "input-unreadable": "{path} cannot be read (permission denied).",
    "input-empty": "{label} is empty; there is nothing to store.",
    "document-read-inconsistently": (
        "{label} changed while it was being stored; nothing was stored. Try again."
    ),
    "duplicate-document": '{label} is already in the vault as "{title}"; it was not stored twice.',
    "duplicate-document-in-trash": (
        '{label} is already in the vault as "{title}" (in the trash); it was not stored twice.'
    ),
    "output-permission-denied": "Cannot write {path}: permission denied; choose another folder.",
    "folder-missing": "The folder {folder} does not exist; create it or choose another.",
    "dangling-link": (
        "{path} is a link to a file that does not exist, so nothing was written there; choose a new "
        "file name in one of your folders."
    ),
    "not-a-file": (
        "{path} is {kind}, not an ordinary file, so nothing was written there; choose a new file name "
        "in one of your folders."
    ),
    "file-exists": "{path} already exists; choose another name or remove it first.",
    "file-changed-while-writing": (
        "{path} was changed while it was being written; nothing was written there. Try again."
    ),
    "chart-not-written": "Could not write the chart to {path}.",
    # stopped on request
    "add-cancelled": "Adding {label} was cancelled; nothing was stored.",
    "packet-cancelled": "Building the packet was cancelled; nothing was written.",
    "reindex-cancelled": "Rebuilding the search text was cancelled.",
    "index-cancelled": "Building the search index was cancelled.",
    "verify-cancelled": "Checking the vault was cancelled.",
    "rotation-interrupted": (
        "Changing the keys was interrupted; it continues the next time the owner opens the vault."
    ),
    "ocr-cancelled": "Text recognition was cancelled; nothing was changed.",
    "pdf-cancelled": "Reading the PDF was cancelled.",
    # the PDF worker (a separate process with time and memory limits)
    "pdf-worker-timeout": (
        "Reading the PDF took too long and was stopped; it may be damaged. Ask for a new copy, "
        "or scan the paper original."
    ),
    "pdf-worker-memory": (
        "The PDF needs far more memory than a medical record could, so reading it was stopped. "
        "Ask for a new copy, or scan the paper original."
    ),
    "pdf-worker-crashed": (
        "The PDF reader stopped on this file; it may be damaged. Ask for a new copy, "
        "or scan the paper original."
    ),
    "pdf-job-failed": (
        "The PDF could not be read; it may be damaged. Ask for a new copy, or scan the paper original."
    ),
    "pdf-job-unknown": "This copy of MBC Vault is incomplete (no PDF task {job}); install it again.",
    "pdf-text-too-large": "The PDF holds far more text than a medical record could, so it was not read.",
    "demo-documents-unreadable": (
        "The demo vault was not made: its fictional PDFs could not be read ({problem}). This copy of MBC "
        "Vault may be incomplete; run mbc-vault self-check, or install it again."
    ),
    # the preview (drawn in the PDF worker)
    "preview-too-large": (
        "This document is too complex to preview here; export it and open it in your PDF reader."
    ),
    "preview-unreadable": "This image cannot be shown here.",
    # text recognition
    "ocr-timeout": "Text recognition took too long and was stopped.",
    "ocr-failed": "Text recognition could not read this document.",
    "ocr-needs-tesseract": "Text recognition needs Tesseract; install the tesseract-ocr package.",
    # the doctor's packet
    "packet-folder-missing": "The folder {folder} does not exist.",
    "no-care-priorities": "There are no care priorities recorded yet; leave them out or write them first.",
    "packet-empty": "The packet would be empty: choose documents or the care summary.",
    "not-a-question-list": '"{title}" is not a question list.',
    "not-a-packet": '"{title}" is not a packet.',
    "contents-layout-failed": "The contents pages could not be laid out.",
    "packet-assembly-failed": (
        "The packet could not be put together; nothing was written. Build it again; if that fails too, "
        "leave out the documents you added last."
    ),
    "packet-document-lost": "The PDF worker no longer holds a document of the packet; build it again.",
    "documents-rejected": "{count} chosen document(s) cannot be included: {problems}",
    # why a chosen document cannot go in the packet (after "cannot be included:")
    "unreadable-in-vault": "it could not be read from the vault ({why})",
    "image-damaged": (
        "the image cannot be read (it may be damaged): open it in an image viewer and save it again, "
        "or scan it again"
    ),
    "image-too-large": (
        "the image is {width} by {height} pixels, far larger than a photo or scan could be: save it at "
        "a smaller size, or scan it again"
    ),
    "image-too-many-pages": (
        "the image has more than {limit} pages: split it into smaller files, or scan the paper again as PDF"
    ),
    "format-not-supported": (
        "its format ({media}) cannot be put in a PDF; convert it to PDF, JPEG or PNG first"
    ),
    "pdf-password-protected": (
        "it is password-protected; save a copy without the password (or print it to PDF) and add that instead"
    ),
    "pdf-no-pages": "it has no pages",
    "pdf-damaged": "the PDF is damaged ({detail})",
    "pdf-too-slow": (
        "reading it took too long and was stopped; it may be damaged: ask for a new copy, or scan the "
        "paper original"
    ),
    "pdf-too-much-memory": (
        "it needs far more memory than a medical record could: ask for a new copy, or scan the paper original"
    ),
    "pdf-reader-stopped": (
        "the PDF reader stopped on it; it may be damaged: ask for a new copy, or scan the paper original"
    ),
    # portal readers (FHIR)
    "portal-file-too-large": (
        "{name} is larger than {limit}, far more than a portal download could be, so it was not read."
    ),
    "portal-too-many-resources": (
        "{name} holds more than {limit} records, more than a portal download could; it was not read."
    ),
    "portal-invalid-json": "{name} cannot be read: its JSON is damaged. Download it again from the portal.",
    "portal-not-fhir": "{name} is not a FHIR resource or bundle.",
    "portal-read-cancelled": "Reading {name} was cancelled; nothing was stored.",
    "portal-read-too-slow": (
        "{name} took longer than {seconds} seconds to read; it may be damaged. Ask the portal for a smaller "
        "download, or split it."
    ),
    "portal-bad-line": "{count} line(s) could not be read and were left out.",
    "portal-no-value": "{count} result(s) had no value and were left out.",
    "portal-unknown-resources": "{count} record(s) of a kind MBC Vault does not keep were left out.",
    # portal readers (C-CDA, IHE XDM)
    "portal-xml-unsafe": (
        "{name} was not read: it holds a DTD, entities or links to other files, which a portal document "
        "never needs. Download it again from the portal."
    ),
    "portal-xml-invalid": "{name} cannot be read: its XML is damaged. Download it again from the portal.",
    "portal-not-ccda": "{name} is XML but not a C-CDA clinical document, so it was not read.",
    "portal-ccda-empty": "{name} is a C-CDA document with no body: there is nothing in it to import.",
    "portal-too-many-entries": (
        "{name} holds more than {limit} entries, or is nested too deep, for a portal download; it was "
        "not read."
    ),
    "portal-entries-unreadable": (
        "{count} entries of the section {section} could not be read and were left out."
    ),
    "portal-vitals-left-out": (
        "{count} vital signs (blood pressure, weight...) were not made lab values; the section is kept "
        "as text on the stored document."
    ),
    "portal-partial-date": "{count} date(s) gave only a year or a month; the first day of it was used.",
    "portal-bad-date": "{count} date(s) could not be read and were left empty.",
    "portal-result-not-number": (
        "{count} result(s) were words, not numbers, and were left out; the stored document keeps them."
    ),
    "portal-no-namespace": (
        "The document does not say it is HL7 CDA (its namespace is missing or wrong); it was read anyway."
    ),
    "portal-results-from-table": (
        "{count} result(s) were read from the table of the section {section}, which had no coded results."
    ),
    "portal-narrative-kept": (
        "{count} section(s) without entries MBC Vault keeps were kept as text on the stored document."
    ),
    "portal-immunization-not-given": "{count} immunization(s) recorded as not given were left out.",
    "portal-encoding-repaired": (
        "{count} character(s) of the document were not in the encoding it names (UTF-8) and were read as "
        "Western European letters; check names and words with accents against the stored document."
    ),
    # the International Patient Summary export
    "ips-medical-part-needed": (
        "The patient summary comes from the medical part, which you were not given; nothing was written."
    ),
    "ips-cancelled": "Exporting the patient summary was cancelled; nothing was written.",
    "portal-date-year-only": (
        "{count} date(s) gave only a year; they were kept as 1 January of that year, "
        "with the date as given in the entry's notes."
    ),
    "portal-date-month-only": (
        "{count} date(s) gave only a month; they were kept as the first day of that "
        "month, with the date as given in the entry's notes."
    ),
    "portal-date-as-age": (
        "{count} date(s) were given as an age; the date was left empty and the age "
        "written in the entry's notes."
    ),
    "portal-date-not-a-date": (
        "{count} date(s) were not calendar dates; the date was left empty and the "
        "words written in the entry's notes."
    ),
    "portal-birth-date-partial": (
        "{count} date(s) of birth were not whole dates and were not kept: enter the "
        "date of birth under About me."
    ),
}


def render(code: str, params: Mapping[str, Any], templates: Mapping[str, str] = MESSAGES) -> str:
    """The sentence for *code* from *templates*, its {names} filled from *params* (each as str());
    a code without a sentence reads as the code itself, never as an error."""
    template = templates.get(code)
    if template is None:
        return code
    try:
        return template.format_map({name: str(value) for name, value in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def text(code: str, **params: Any) -> str:
    """The English sentence for *code* with *params*."""
    return render(code, params)
