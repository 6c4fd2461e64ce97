"""The admin's user filters and tag lists, narrowed to the editor's own municipality
(people.py, tags.py): filtersets in ``filters``, the views using them in ``views``."""
