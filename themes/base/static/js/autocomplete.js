/* Search as you type, a progressive enhancement of a search form that has
   data-suggestions="<url>": its input becomes an ARIA 1.2 combobox with a listbox of
   suggestions (titles of pages, the municipality's own first). Without this script the
   form is a plain GET form and works the same.

   Keys: Down/Up move through the suggestions, Enter opens the active one (or submits
   the form when none is active), Escape closes the list (or clears the input when it is
   closed). A polite status announces how many suggestions there are. Texts come from
   the form's data-* attributes, so they are translated with the page. */
(function () {
  "use strict";
  var DELAY = 200;
  var MIN_LENGTH = 2;

  function enhance(form, index) {
    var input = form.querySelector('input[name="q"]');
    var url = form.getAttribute("data-suggestions");
    if (!input || !url || !window.fetch) return;

    var id = input.id || "search-input-" + index;
    input.id = id;
    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var listbox = document.createElement("ul");
    listbox.id = id + "-listbox";
    listbox.className = "combobox__listbox";
    listbox.setAttribute("role", "listbox");
    var label = form.querySelector('label[for="' + id + '"]');
    if (label) {
      label.id = label.id || id + "-label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    wrapper.appendChild(listbox);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var options = [];
    var active = -1;
    var timer = null;
    var sequence = 0;

    function text(name, count) {
      var template = form.getAttribute("data-" + name) || "";
      return template.replace("%(count)s", String(count));
    }

    function announce(count) {
      if (count === 0) status.textContent = text("status-none", 0);
      else if (count === 1) status.textContent = text("status-one", 1);
      else status.textContent = text("status-many", count);
    }

    function setActive(position) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = position;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function open() {
      if (!options.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function go(option) {
      var href = option && option.getAttribute("data-url");
      if (href) window.location.assign(href);
    }

    function render(suggestions) {
      listbox.textContent = "";
      options = [];
      active = -1;
      suggestions.forEach(function (suggestion, position) {
        var option = document.createElement("li");
        option.id = id + "-option-" + position;
        option.className = "combobox__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        option.textContent = suggestion.title;
        if (!suggestion.own && suggestion.municipality_name) {
          var where = document.createElement("span");
          where.className = "combobox__where";
          where.textContent = " – " + suggestion.municipality_name;
          option.appendChild(where);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
        });
        option.addEventListener("click", function () {
          go(option);
        });
        listbox.appendChild(option);
        options.push(option);
      });
      announce(options.length);
      if (options.length) open();
      else close();
    }

    function fetchSuggestions() {
      var value = input.value.trim();
      var mine = ++sequence;
      if (value.length < MIN_LENGTH) {
        render([]);
        status.textContent = "";
        return;
      }
      var separator = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + separator + "q=" + encodeURIComponent(value), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (mine === sequence) render(data.suggestions || []);
        })
        .catch(function () {
          if (mine === sequence) render([]);
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) open();
          if (options.length) setActive(active + 1 < options.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) open();
          if (options.length) setActive(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(options[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            render([]);
            status.textContent = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  document.querySelectorAll("form[data-suggestions]").forEach(enhance);
})();
