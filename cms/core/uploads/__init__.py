"""What editors upload: images and documents are checked before anything is stored, and a
stored image whose file is missing or damaged never takes a page down.

The forms are Wagtail's form bases, named in the settings (WAGTAILIMAGES_IMAGE_FORM_BASE =
``cms.core.uploads.images.ImageForm``, WAGTAILDOCS_DOCUMENT_FORM_BASE =
``cms.core.uploads.documents.DocumentForm``), so the single and multiple upload views and
the choosers' upload tabs all use them. They are not re-exported here: they import
Wagtail's admin forms, which need the app registry, while the components import this
package's rendition helpers while the models load.
"""

from .renditions import rendition_or_none, renditions_or_none

__all__ = ["rendition_or_none", "renditions_or_none"]
