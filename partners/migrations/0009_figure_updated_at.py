import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Record when a figure changes: the last-update date of the open data downloads."""

    dependencies = [("partners", "0008_names_in_three_languages")]

    operations = [
        migrations.AddField(
            model_name="figure",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated"
            ),
            preserve_default=False,
        )
    ]
