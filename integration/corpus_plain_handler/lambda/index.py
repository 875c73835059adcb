import json
import os


def handler(event, context):
    """Answer every proxied request with the path it asked for."""
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"path": event.get("path"), "stage": os.environ.get("LOG_LEVEL")}),
    }
