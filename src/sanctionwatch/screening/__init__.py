"""Screening: names -> candidates -> scores with explanations."""
