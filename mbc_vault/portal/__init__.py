"""Records downloaded from patient portals, read offline into the care record.

Readers (one module a format: `ccda.py` and `xdm.py` for C-CDA XML and IHE XDM zips; `fhir.py` for FHIR
R4 bundles, NDJSON/.phr, IPS and Apple Health exports) turn one file into a `PortalRead` (model.py): the
things `Found` in it, each as the data of an entry of the care record, and the `Problem`s met. They never
write anything. `codes.py` holds the codes that say what a result is (LOINC for tumor markers and
receptors, SNOMED CT for radiation and breast cancer), shared by every reader.
"""
