"""UK publications: the FCDO UK Sanctions List (`fcdo_xml`) and OFSI's former
consolidated list (`conlist`), which name designations the same way (`names`).
"""
