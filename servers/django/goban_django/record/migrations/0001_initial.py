"""Create the record and move tables as the first go-recordkeeper release had them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Record",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("board_size", models.IntegerField()),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("name", models.CharField(blank=True, default="", max_length=200)),
                ("black_player", models.CharField(default="Black", max_length=200)),
                ("white_player", models.CharField(default="White", max_length=200)),
                ("comment", models.CharField(blank=True, default="", max_length=400)),
                ("handicap", models.IntegerField(default=0)),
                ("komi", models.FloatField(default=7.5)),
                (
                    "ruleset",
                    models.CharField(
                        choices=[("AGA", "AGA"), ("JPN", "Japanese"), ("CHN", "Chinese")],
                        default="AGA",
                        max_length=3,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Move",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.IntegerField(blank=True, null=True)),
                ("color", models.CharField(choices=[("B", "Black"), ("W", "White")], max_length=1)),
                ("move", models.PositiveIntegerField()),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="moves", to="record.record"
                    ),
                ),
            ],
            options={"ordering": ["move"]},
        ),
        migrations.AddIndex(
            model_name="move",
            index=models.Index(fields=["record", "move"], name="record_move_record__eced10_idx"),
        ),
        migrations.AddConstraint(
            model_name="move",
            constraint=models.UniqueConstraint(fields=("record", "move"), name="unique_move"),
        ),
    ]
