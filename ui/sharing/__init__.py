"""Sharing the vault: the “People and sharing” section (section.py), the dialogs that add, change and
remove a person (dialogs.py), the key change after someone loses access (key_change.py), and the
parts one can share (scopes.py)."""
