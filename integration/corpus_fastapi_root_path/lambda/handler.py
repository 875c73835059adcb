"""Lambda entry point: Mangum adapts API Gateway proxy events to ASGI."""
from mangum import Mangum

from app.main import app

handler = Mangum(app, lifespan="off")
