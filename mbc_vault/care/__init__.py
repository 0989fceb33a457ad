"""Care planning: appointments and questions, the care team, legal papers, people to tell,
care priorities and clinical trials (care, legal and medical scopes)."""
