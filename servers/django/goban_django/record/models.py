"""The tables of game records and moves, column for column those of the original go-recordkeeper."""

from django.conf import settings
from django.db import models


class Record(models.Model):
    """One game: its board, players, settings and result."""

    class BoardSize(models.IntegerChoices):
        NINE = 9, "9x9"
        THIRTEEN = 13, "13x13"
        NINETEEN = 19, "19x19"

    class Ruleset(models.TextChoices):
        AGA = "AGA", "AGA"
        JAPANESE = "JPN", "Japanese"
        CHINESE = "CHN", "Chinese"

    class Winner(models.TextChoices):
        BLACK = "B", "Black"
        WHITE = "W", "White"
        UNDECIDED = "U", "Undecided"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    board_size = models.IntegerField(choices=BoardSize.choices)
    created = models.DateTimeField(auto_now_add=True)
    name = models.CharField(max_length=200, blank=True, default="")
    black_player = models.CharField(max_length=200, default="Black")
    white_player = models.CharField(max_length=200, default="White")
    comment = models.CharField(max_length=400, blank=True, default="")
    handicap = models.IntegerField(default=0)
    komi = models.FloatField(default=7.5)
    ruleset = models.CharField(max_length=3, choices=Ruleset.choices, default=Ruleset.AGA)
    winner = models.CharField(max_length=1, choices=Winner.choices, default=Winner.UNDECIDED)

    def __str__(self) -> str:
        return f"{self.black_player} vs {self.white_player} ({self.board_size}x{self.board_size}, #{self.pk})"


class Move(models.Model):
    """One move of a record: a stone, or a pass when position is null."""

    class Color(models.TextChoices):
        BLACK = "B", "Black"
        WHITE = "W", "White"

    record = models.ForeignKey(Record, related_name="moves", on_delete=models.CASCADE)
    # The point as x + y * board_size, or null for a pass.
    position = models.IntegerField(blank=True, null=True)
    color = models.CharField(max_length=1, choices=Color.choices)
    # 1, 2, 3, ... within the record.
    move = models.PositiveIntegerField()

    class Meta:
        ordering = ["move"]
        constraints = [models.UniqueConstraint(fields=["record", "move"], name="unique_move")]
        # The original schema has this index next to the unique constraint. It keeps its name
        # so that a database migrated by either server has the same indexes.
        indexes = [models.Index(fields=["record", "move"], name="record_move_record__eced10_idx")]

    def __str__(self) -> str:
        return f"move {self.move} of record #{self.record_id}"
