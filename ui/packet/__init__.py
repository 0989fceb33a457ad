"""The second-opinion packet wizard: its pages, the checklist, and building the packet."""
