"""The second-opinion packet wizard (wizard.py) and its steps: checklist, documents, cover and options
(pages.py), then build and look it over (build.py)."""

STEPS = 5  # pages of the wizard
