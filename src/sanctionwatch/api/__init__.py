"""HTTP edge: FastAPI routers that call the contexts, never the reverse.

How requests run. The investigations routers (`parties`, `evidence`, `casework`, `findings`)
and the token check are `async def` functions that call the (blocking) domain code directly on
the event loop: each server process serves one such request at a time, start to finish, and
the worker processes (`sanctionwatch serve --workers N`) serve in parallel. Their requests are
short (a few queries); sending them to a thread pool cost a thread hop each and, under load,
left threads queueing for the GIL behind one another: at 200 requests/s on PostgreSQL that
made p99 ten times the median. Endpoints that may run long stay plain `def` and run in the
thread pool, so they do not hold up the short ones: those that hash or check passwords
(argon2id takes tens of milliseconds on purpose) or seal new keys, evidence uploads and
downloads, screening, maritime analytics and list reports.
"""
