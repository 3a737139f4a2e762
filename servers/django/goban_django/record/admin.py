"""The Django admin pages of records and moves."""

from django.contrib import admin

from goban_django.record.models import Move, Record


class MoveInline(admin.TabularInline):
    model = Move
    extra = 0
    fields = ["move", "color", "position"]
    readonly_fields = fields
    # Moves are numbered without gaps and replayed by the rules, so they change only through the API.
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "black_player", "white_player", "board_size", "winner", "created"]
    list_filter = ["board_size", "winner", "ruleset"]
    list_select_related = ["owner"]
    search_fields = ["name", "black_player", "white_player", "owner__username"]
    readonly_fields = ["created"]
    inlines = [MoveInline]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        # Stored positions are x + y * board_size, so the size of an existing record is fixed.
        return ["created", "board_size"] if obj is not None else ["created"]


@admin.register(Move)
class MoveAdmin(admin.ModelAdmin):
    """Moves, read only: the API keeps them numbered without gaps and legal under the rules."""

    list_display = ["id", "record", "move", "color", "position"]
    list_select_related = ["record"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
