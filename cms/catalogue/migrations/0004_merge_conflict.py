from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0003_eligibility"),
    ]

    operations = [
        migrations.AddField(
            model_name="localservicestate",
            name="merge_conflict",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Set by a municipality merger (sync_sites) when more than one merged "
                    "municipality had local facts for this service; cleared by the next review."
                ),
                verbose_name="merger conflict",
            ),
        ),
    ]
