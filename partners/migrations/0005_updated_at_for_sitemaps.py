import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Record when directory entries change, for the sitemap's lastmod."""

    dependencies = [("partners", "0004_public_list_indexes")]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated"
            ),
            preserve_default=False,
        )
        for model_name in ("embassy", "institution", "partnership", "person")
    ]
