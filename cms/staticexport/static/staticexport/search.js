// The static copy's search page (cms/staticexport): hides the pages of the A–Z list that do
// not hold every word typed, accents and case aside. Without it the whole list shows.
(function () {
  "use strict";
  var form = document.querySelector("[data-static-search]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".static-search__status");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".static-search__group"));

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var items = [];
  groups.forEach(function (group) {
    Array.prototype.forEach.call(group.querySelectorAll("li"), function (item) {
      items.push({ group: group, item: item, text: fold(item.textContent) });
    });
  });

  function filter() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var found = 0;
    groups.forEach(function (group) {
      group.hidden = words.length > 0;
    });
    items.forEach(function (entry) {
      var match = words.every(function (word) {
        return entry.text.indexOf(word) !== -1;
      });
      entry.item.hidden = !match;
      if (match) {
        found += 1;
        entry.group.hidden = false;
      }
    });
    if (!words.length) {
      status.textContent = "";
    } else if (found) {
      status.textContent = status.getAttribute("data-found") + " " + found;
    } else {
      status.textContent = status.getAttribute("data-none");
    }
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  input.addEventListener("input", filter);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    filter();
  });
  filter();
})();
