"""What the catalogue tells the rest of the platform.

``regional_service_changed`` is sent after a regional service's definition changed (or it
was archived), with ``service`` and ``pages``: a queryset of the local service pages that
derive from it, so that whoever mirrors them (the joint search index) can refresh them.
"""

from django.dispatch import Signal

regional_service_changed = Signal()
