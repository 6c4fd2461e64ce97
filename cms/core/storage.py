"""Media on S3-compatible object storage: public renditions, private everything else.

Wagtail writes three kinds of file to the default storage: original images
(``original_images/``), documents (``documents/``) and renditions (``images/``). Only
renditions are shown to browsers, in ``<img>`` tags of pages that the page cache and CDNs
keep for a while, so their URLs must be stable: unsigned, on the bucket or the
``custom_domain``. Originals and documents stay private: documents reach citizens only
through Django's document view (collection privacy, our headers; Wagtail streams the
object when the storage has no local path), and any other URL of them is signed and
expires.

Which objects anonymous readers may GET is the bucket's business, not this class's: a
bucket policy that allows ``s3:GetObject`` on ``<prefix>/images/*`` only (docs/deploy.md,
"Object storage"). Object ACLs are never sent, because buckets made since 2023 refuse them
by default and a policy covers every object under the prefix, also ones written before.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

__all__ = ["RENDITIONS", "MediaStorage"]

RENDITIONS = "images/"  # wagtail.images.models.AbstractRendition.get_upload_to
# Not immutable: a replaced original's new renditions may take the names of the deleted
# ones. A week, as the proxy gives /media/ on the local disk (docs/deploy.md).
RENDITION_CACHE_CONTROL = "public, max-age=604800"


class MediaStorage(S3Storage):
    """django-storages' S3 storage with the rules above. Options come from
    ``cms/settings/media.py``; these class attributes are not settings on purpose."""

    # Two uploads of ``foto.jpg`` are two objects (S3Storage overwrites by default).
    file_overwrite = False
    default_acl = None
    querystring_auth = True

    def is_public(self, name):
        """Whether ``name`` (relative to the prefix, as Django passes it) is a rendition."""
        return clean_name(name).startswith(RENDITIONS)

    def get_object_parameters(self, name):
        # Called with the object's key: the prefix and the name.
        parameters = super().get_object_parameters(name)
        if name.startswith(self._normalize_name(RENDITIONS)):
            parameters.setdefault("CacheControl", RENDITION_CACHE_CONTROL)
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.is_public(name) or self.custom_domain:
            return super().url(name, parameters, expire, http_method)
        # Unsigned: botocore builds the bare object URL (path or virtual-host style).
        key = self._normalize_name(clean_name(name))
        return self.unsigned_connection.meta.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket_name, "Key": key}
        )
