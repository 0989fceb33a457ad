"""The health history: allergies, other conditions, surgeries and procedures, radiation courses,
immunizations, past visits and the patient's own details (date of birth). All in the medical part."""
