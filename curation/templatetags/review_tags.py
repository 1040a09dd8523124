from django import template

from events.models import ReviewItem

register = template.Library()


@register.simple_tag
def open_review_count() -> int:
    """How many facts wait for an editor; shown on the admin index."""
    return ReviewItem.objects.open().count()
