"""The health endpoint that container checks and smoke tests call."""

import logging

from django.db import DatabaseError, connection
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goban_django.common.middleware import SERVER_NAME

logger = logging.getLogger(__name__)


class HealthApi(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        """Report whether the server runs and reaches PostgreSQL (200) or not (503)."""
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError as error:
            logger.warning("health check: database unavailable: %s", " ".join(str(error).split()))
            body = {"status": "error", "server": SERVER_NAME, "database": "unavailable"}
            return Response(body, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return Response({"status": "ok", "server": SERVER_NAME, "database": "ok"})
