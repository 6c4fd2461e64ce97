import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.municipalities.access import editor_group_names


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


def editor_of(slug, role="editors", **kwargs):
    """A user in ``<slug> editors`` (or ``<slug> moderators`` with role="moderators")."""
    editors, moderators = editor_group_names(slug)
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=editors if role == "editors" else moderators))
    return user
