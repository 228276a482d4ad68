"""One module per AIS format; each offers `read(path) -> ReadResult`."""
