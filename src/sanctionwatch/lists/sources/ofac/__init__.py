"""OFAC (US Treasury) publications: the SDN and Consolidated (non-SDN) lists.

Two paths share one id space (``ofac-<uid>``) and `labels`, OFAC's own words:

- CSV (`sdn_csv`): `files` reads the delimited files, `remarks` (with `ids`
  and `dates`) turns the Remarks field into facts, `records` builds each
  record and `links` resolves the entries named in it;
- XML (`sdn_xml`, handing ``sdn_advanced.xml`` to `advanced`, whose first
  pass is `advanced_tables`): both fill designations through `entry`.
"""
