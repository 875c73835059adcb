from fastapi import FastAPI
from mangum import Mangum

app = FastAPI(title="Shop API")


@app.get("/api/products")
def products():
    return []


handler = Mangum(app)
