"""A video from YouTube or Vimeo that loads nothing from the video host until the visitor
asks: a link with the title over a poster from our own site. Without JavaScript the link
opens the video on the host; with js/video.js a click puts the player in its place."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from ..uploads import rendition_or_none
from .link import LinkBlock

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
POSTER = "fill-960x540|format-webp"


@dataclass(frozen=True)
class Video:
    provider: str
    id: str

    @property
    def watch_url(self):
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.id}"
        return f"https://vimeo.com/{self.id}"

    @property
    def embed_url(self):
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.id}"
        return f"https://player.vimeo.com/video/{self.id}?dnt=1"


def parse_video_url(url):
    """The :class:`Video` a YouTube or Vimeo address points to, or ``None``."""
    parts = urlparse((url or "").strip())
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = [part for part in parts.path.split("/") if part]
    candidate, provider = None, None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        provider = "YouTube"
        if path[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif len(path) >= 2 and path[0] in {"embed", "shorts", "live", "v"}:
            candidate = path[1]
    elif host == "youtu.be" and path:
        provider, candidate = "YouTube", path[0]
    elif host in {"vimeo.com", "player.vimeo.com"} and path:
        provider, candidate = "Vimeo", path[-1]
    pattern = _YOUTUBE_ID if provider == "YouTube" else _VIMEO_ID
    if candidate and pattern.match(candidate):
        return Video(provider, candidate)
    return None


class TranscriptBlock(LinkBlock):
    optional = True

    class Meta:
        label = _("Transcript")
        help_text = _(
            "A page or address with the text of the video, for people who cannot hear it."
        )


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("What the video is about.")
    )
    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The address of the video on YouTube or Vimeo."),
    )
    poster = ImageChooserBlock(
        label=_("Poster image"),
        required=False,
        help_text=_("A still from the video, shown until the visitor starts it."),
    )
    transcript = TranscriptBlock()

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/video.html"
        preview_template = "components/_preview.html"
        description = _(
            "A YouTube or Vimeo video. Nothing is loaded from the video site until the "
            "visitor starts the video."
        )
        preview_value = {
            "title": "Zo sorteert u uw afval",
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "transcript": {
                "text": "Uitgeschreven tekst van de video",
                "url": "https://www.example.org/transcriptie",
            },
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and parse_video_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Enter the address of a video on YouTube or Vimeo."),
                        code="unknown_video_host",
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["video"] = parse_video_url(value.get("url"))
        poster = value.get("poster")
        context["poster"] = rendition_or_none(poster, POSTER) if poster else None
        transcript = value.get("transcript")
        context["transcript_url"] = transcript.href(request) if transcript else None
        context["transcript_label"] = (transcript.get("text") if transcript else "") or _(
            "Transcript of “%(title)s”"
        ) % {"title": value.get("title")}
        return context

    def get_api_representation(self, value, context=None):
        video = parse_video_url(value.get("url"))
        poster = value.get("poster")
        transcript = value.get("transcript")
        rendition = rendition_or_none(poster, POSTER) if poster else None
        return {
            "title": value.get("title", ""),
            "provider": video.provider if video else None,
            "url": video.watch_url if video else value.get("url"),
            "embed_url": video.embed_url if video else None,
            "poster": rendition.full_url if rendition else None,
            "transcript": transcript.full_url() if transcript else None,
        }
