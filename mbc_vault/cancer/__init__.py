"""The structured cancer record: diagnosis, metastases, biopsies and biomarkers, lines of treatment,
medications, symptoms and lab values. Each entry is one encrypted vault record (medical scope)."""
