// The respondent page works without this script. With it: a type-ahead for choosing people,
// answers kept in this tab (sessionStorage) across a reload, progress, and a character count.
// Nothing here talks to the server except the type-ahead's search.
(function () {
  "use strict";
  var PREFIX = "earned-answers:";
  var form = document.querySelector("[data-respondent-form]");
  if (!form) {
    // The thank-you page: answers were sent, so forget what this tab kept.
    if (location.pathname === "/r/thanks") {
      for (var i = sessionStorage.length - 1; i >= 0; i--) {
        var key = sessionStorage.key(i);
        if (key && key.indexOf(PREFIX) === 0) sessionStorage.removeItem(key);
      }
    }
    return;
  }
  var storageKey = PREFIX + location.pathname;
  var questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));

  function nominationName(box) {
    return "n-" + box.getAttribute("data-question-id");
  }

  // Everyone this question can send: the nearby list and the chips (search results without
  // JavaScript are replaced by the type-ahead).
  function nominationInputs(box) {
    return Array.prototype.slice.call(box.querySelectorAll('input[type=checkbox][name="' + nominationName(box) + '"]'));
  }

  function inputFor(box, id) {
    return nominationInputs(box).filter(function (input) {
      return input.value === id;
    })[0];
  }

  function chosenIds(box) {
    return nominationInputs(box)
      .filter(function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
  }

  // A person has one checkbox per question: choosing someone already listed ticks theirs, since
  // the server refuses a person sent twice.
  function chip(box, person) {
    var existing = inputFor(box, person.id);
    if (existing) {
      existing.checked = true;
      return;
    }
    var li = document.createElement("li");
    var label = document.createElement("label");
    label.className = "inline-flex cursor-pointer items-center gap-2 rounded-full bg-indigo-50 px-3 py-1.5 text-sm ring-1 ring-indigo-200";
    var input = document.createElement("input");
    input.type = "checkbox";
    input.name = nominationName(box);
    input.value = person.id;
    input.checked = true;
    input.className = "h-4 w-4";
    input.setAttribute("data-label", person.name);
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + person.name + (person.title ? " · " + person.title : "")));
    li.appendChild(label);
    box.querySelector("[data-chosen]").appendChild(li);
  }

  function limitOf(box) {
    var max = box.getAttribute("data-max");
    return max ? Number(max) : null;
  }

  function refreshNomination(box) {
    var max = limitOf(box);
    var inputs = nominationInputs(box);
    var count = chosenIds(box).length;
    var full = max !== null && count >= max;
    var text;
    if (count === 0) text = max === null ? "Nobody chosen yet." : "Nobody chosen yet (up to " + max + ").";
    else text = max === null ? count + " chosen." : count + " of up to " + max + " chosen.";
    if (full) text += " To change, untick someone first.";
    box.querySelector("[data-nomination-count]").textContent = text;
    // At the limit, nobody more can be chosen; without a limit, nothing is ever disabled.
    inputs.forEach(function (input) {
      input.disabled = full && !input.checked;
    });
    var search = box.querySelector("input[type=search]");
    if (search) search.disabled = full;
    // "I would name more" is asked at the limit, where it means something.
    var more = box.querySelector("[data-more]");
    if (more) more.hidden = max === null || count !== max;
  }

  function answered(fieldset) {
    if (fieldset.querySelector('input:checked:not([name^="more-"])')) return true;
    var text = fieldset.querySelector("textarea");
    return Boolean(text && text.value.trim());
  }

  var progress = form.querySelector("[data-progress]");
  var bar = document.createElement("div");
  bar.className = "mt-2 h-2 overflow-hidden rounded bg-slate-200";
  bar.setAttribute("aria-hidden", "true");
  var fill = document.createElement("div");
  fill.className = "h-full bg-indigo-600 transition-all";
  bar.appendChild(fill);
  if (progress) {
    progress.setAttribute("role", "status");
    progress.parentNode.insertBefore(bar, progress.nextSibling);
  }

  function refreshProgress() {
    var done = questions.filter(answered).length;
    if (progress) progress.textContent = done + " of " + questions.length + " questions answered.";
    fill.style.width = Math.round((done / Math.max(1, questions.length)) * 100) + "%";
  }

  function save() {
    var state = { values: [], people: [] };
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name.indexOf("search-") === 0 || element.name === "intent") return;
      if ((element.type === "radio" || element.type === "checkbox") && !element.checked) return;
      if (element.name.indexOf("n-") === 0) {
        state.people.push({ name: element.name, id: element.value, label: element.getAttribute("data-label") || element.parentNode.textContent.trim() });
      } else if (element.value) state.values.push([element.name, element.value]);
    });
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {
      // Storage full or disabled: the form still works, it just will not survive a reload.
    }
  }

  function restore() {
    var saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved) return;
    saved.values.forEach(function (pair) {
      var fields = form.querySelectorAll('[name="' + pair[0] + '"]');
      Array.prototype.forEach.call(fields, function (field) {
        if (field.type === "radio" || field.type === "checkbox") {
          if (field.value === pair[1]) field.checked = true;
        } else field.value = pair[1];
      });
    });
    saved.people.forEach(function (person) {
      var box = form.querySelector('[data-question-id="' + person.name.slice(2) + '"]');
      if (box) chip(box, { id: person.id, name: person.label, title: null });
    });
  }

  function typeahead(box) {
    var input = box.querySelector("input[type=search]");
    var button = box.querySelector("[data-search-button]");
    if (!input) return;
    // The type-ahead replaces the search button used without JavaScript.
    if (button) button.remove();
    var results = box.querySelector("[data-search-results]");
    if (results) results.remove();
    var listId = "list-" + box.getAttribute("data-question-id");
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.className = "mt-1 max-h-64 overflow-y-auto rounded-lg bg-white shadow ring-1 ring-slate-200";
    list.hidden = true;
    input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    var options = [];
    var active = -1;
    var timer;
    var sequence = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(index) {
      options.forEach(function (option, i) {
        option.element.setAttribute("aria-selected", i === index ? "true" : "false");
        option.element.className = "cursor-pointer px-3 py-2 text-sm" + (i === index ? " bg-indigo-600 text-white" : "");
      });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", options[index].element.id);
    }
    function choose(person) {
      chip(box, person);
      input.value = "";
      close();
      refreshNomination(box);
      refreshProgress();
      save();
      input.focus();
    }
    function show(people) {
      var chosen = chosenIds(box);
      people = people.filter(function (person) {
        return chosen.indexOf(person.id) === -1;
      });
      list.innerHTML = "";
      options = people.map(function (person, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = person.name + ([person.title, person.department].filter(Boolean).length ? " · " + [person.title, person.department].filter(Boolean).join(" · ") : "");
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(person);
        });
        list.appendChild(li);
        return { person: person, element: li };
      });
      if (options.length === 0) {
        var empty = document.createElement("li");
        empty.className = "px-3 py-2 text-sm text-slate-600";
        // The search leaves out whoever is chosen in this question, so "nobody matches" could mislead.
        var query = input.value.trim().toLowerCase();
        var chosenMatch = nominationInputs(box).some(function (chosen) {
          return chosen.checked && (chosen.getAttribute("data-label") || "").toLowerCase().indexOf(query) !== -1;
        });
        empty.textContent = chosenMatch ? "Everyone matching is chosen already." : "Nobody matches. Try part of a first or last name.";
        list.appendChild(empty);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(options.length ? 0 : -1);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return close();
      timer = setTimeout(function () {
        var mine = ++sequence;
        // Only this question's choices: the same person may be chosen in every question.
        var exclude = chosenIds(box).join(",");
        fetch(location.pathname + "/people?q=" + encodeURIComponent(query) + "&exclude=" + exclude, { headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : [];
          })
          .then(function (people) {
            if (mine === sequence) show(people);
          })
          .catch(close);
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter") {
        // Enter picks a person; it must not send the whole form.
        event.preventDefault();
        if (active >= 0 && !list.hidden) choose(options[active].person);
      } else if (event.key === "Escape") close();
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  // Enter in a search box is the type-ahead's; the default search button is for pages without this script.
  var defaultSearch = form.querySelector("[data-default-search]");
  if (defaultSearch) defaultSearch.remove();
  if (form.getAttribute("data-fresh") === "true") restore();
  Array.prototype.forEach.call(form.querySelectorAll("[data-nomination]"), function (box) {
    nominationInputs(box).forEach(function (input) {
      input.setAttribute("data-label", input.parentNode.textContent.trim());
    });
    typeahead(box);
    refreshNomination(box);
  });
  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-counter]"), function (area) {
    var counter = document.getElementById(area.getAttribute("data-counter"));
    var max = Number(area.getAttribute("maxlength"));
    function update() {
      if (counter) counter.textContent = Array.from(area.value).length + " of " + max + " characters. Avoid details that would identify you.";
    }
    area.addEventListener("input", update);
    update();
  });
  form.addEventListener("change", function (event) {
    var box = event.target.closest && event.target.closest("[data-nomination]");
    if (box) refreshNomination(box);
    refreshProgress();
    save();
  });
  form.addEventListener("input", function () {
    refreshProgress();
    save();
  });
  refreshProgress();
})();
