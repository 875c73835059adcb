from fastapi import FastAPI
from mangum import Mangum

app = FastAPI(title="docs")
handler = Mangum(app)
