"""Hand-written name tables and country facts for the synthetic screening benchmark.

Only common given and family names, combined at random by the generator: no real person.
"""
