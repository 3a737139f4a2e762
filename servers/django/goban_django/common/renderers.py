"""The JSON renderer of the API."""

from rest_framework.renderers import JSONRenderer


class UTF8JSONRenderer(JSONRenderer):
    """Render JSON as UTF-8, escaping non-ASCII text only when it cannot be encoded.

    A validation message may quote the request's value, and JSON can carry a lone surrogate
    (\\ud800) that UTF-8 cannot encode. Such a body is rendered again with \\u escapes.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            self.ensure_ascii = True
            return super().render(data, accepted_media_type, renderer_context)
