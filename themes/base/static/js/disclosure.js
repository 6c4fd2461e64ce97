/* Progressive enhancement: on narrow screens the main menu folds behind a "Menu" button
   (a disclosure: aria-expanded on the button, Escape closes it). Without this script the
   menu is simply always shown. */
(function () {
  "use strict";
  var query = window.matchMedia("(max-width: 40em)");
  document.querySelectorAll("[data-disclosure]").forEach(function (nav) {
    var button = nav.querySelector("button[aria-controls]");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      menu.hidden = !open && query.matches;
    }
    function apply() {
      button.hidden = !query.matches;
      set(false);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        set(false);
        button.focus();
      }
    });
    query.addEventListener("change", apply);
    apply();
  });
})();
