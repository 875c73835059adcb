import json


def handler(event, context):
    payload = json.loads(event.get("body") or "{}")
    return {"statusCode": 202, "body": json.dumps({"received": payload.get("id")})}
