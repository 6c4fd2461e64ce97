/* Video embeds: nothing is loaded from the video host until the visitor asks.
   Each video is a link to the video's own page (which is what happens without this
   script); a plain click puts the host's player, with the video's title, in its place. */
(function () {
  "use strict";
  if (window.voordeurVideo) return; // the script is included once per video on a page
  window.voordeurVideo = true;

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-video-embed]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = link.getAttribute("data-video-embed");
    frame.title = link.getAttribute("data-video-title");
    frame.className = "video__frame";
    frame.allow = "encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
})();
