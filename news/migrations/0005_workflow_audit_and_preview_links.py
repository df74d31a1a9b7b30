# Audit fields, optimistic locking and preview links for the editorial workflow.

import django.db.models.deletion
import news.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0004_fulltext_search_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='pressrelease',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='lock_version',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Raised by one on every save; a save from an older version is refused.', verbose_name='edit version'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='publish_action_at',
            field=models.DateTimeField(blank=True, help_text='When the publisher pressed publish (the publication time may be later).', null=True, verbose_name='publish action taken'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='published_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='review_comment',
            field=models.TextField(blank=True, help_text='What a publisher asked to change when returning it to draft.', verbose_name='review comment'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='second_review_waiver_reason',
            field=models.TextField(blank=True, help_text='Recorded when a publisher publishes a press release they submitted.', verbose_name='reason for publishing without a second review'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='submitted_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='submitted for review'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='submitted_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted for review by'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='updated_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='last edited by'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='withdrawn_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='withdrawn'),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='withdrawn_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='withdrawn by'),
        ),
        migrations.CreateModel(
            name='PreviewToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(default=news.models._preview_token, max_length=64, unique=True, verbose_name='token')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('expires_at', models.DateTimeField(default=news.models._in_a_week, verbose_name='expires')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('press_release', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='preview_tokens', to='news.pressrelease', verbose_name='press release')),
            ],
            options={
                'verbose_name': 'preview link',
                'verbose_name_plural': 'preview links',
                'ordering': ['-created_at', '-pk'],
            },
        ),
    ]
