"""Endpoints that register a user, log in and show the current user."""

from django.contrib.auth.models import User
from django.contrib.auth.validators import UnicodeUsernameValidator
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goban_django.common.fields import StrictCharField, StrictEmailField
from goban_django.users.services import UsernameTaken, user_create, user_login


class UserOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email"]


class UserRegisterApi(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        username = StrictCharField(max_length=150, validators=[UnicodeUsernameValidator()])
        email = StrictEmailField(max_length=254)
        password = StrictCharField(min_length=8, max_length=1024)

    def post(self, request: Request) -> Response:
        """Register a new user."""
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        try:
            user = user_create(**serializer.validated_data)
        except UsernameTaken:
            raise ValidationError({"username": ["A user with that username already exists."]}) from None
        return Response(UserOutputSerializer(user).data, status=status.HTTP_201_CREATED)


class UserLoginApi(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    # No length limits here: a name or password that could not be registered is simply not found (401).
    class InputSerializer(serializers.Serializer):
        username = StrictCharField()
        password = StrictCharField()

    def post(self, request: Request) -> Response:
        """Exchange a username and password for a token, returned as a JSON string."""
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        token = user_login(**serializer.validated_data)
        if token is None:
            return Response({"detail": "Invalid username or password."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response(token)


class UserMeApi(APIView):
    def get(self, request: Request) -> Response:
        """Show the user the token belongs to."""
        return Response(UserOutputSerializer(request.user).data)
