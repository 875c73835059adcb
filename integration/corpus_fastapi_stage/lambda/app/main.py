from fastapi import FastAPI

from .routes import router

# The docs at /docs load /openapi.json from the host's root.
app = FastAPI(title="Docs API", version="1.0.0")
app.include_router(router)


@app.get("/health")
def health():
    return {"status": "ok"}
