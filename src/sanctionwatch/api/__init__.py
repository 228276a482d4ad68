"""HTTP edge: FastAPI routers that call the contexts, never the reverse."""
