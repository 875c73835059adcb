import os

from fastapi import FastAPI

from .routes import router

# API Gateway strips the stage from the path: tell FastAPI where it is mounted.
app = FastAPI(title="Docs API", version="1.0.0", root_path=os.environ.get("STAGE_PREFIX", ""))
app.include_router(router)


@app.get("/health")
def health():
    return {"status": "ok"}
