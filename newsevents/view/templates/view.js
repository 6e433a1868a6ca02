"use strict";
(function () {
  const data = JSON.parse(document.getElementById("view-data").textContent);
  const marksBySpan = new Map();
  for (const mark of document.querySelectorAll("mark.seg[data-spans]")) {
    for (const id of mark.dataset.spans.split(" ")) {
      if (!marksBySpan.has(id)) marksBySpan.set(id, []);
      marksBySpan.get(id).push(mark);
    }
  }
  const eventOfSpan = new Map();
  for (const [key, item] of Object.entries(data.selectable)) {
    if (item.kind !== "event") continue;
    for (const id of item.spans) if (!eventOfSpan.has(id)) eventOfSpan.set(id, key);
  }
  let current = null;

  function clear() {
    for (const mark of document.querySelectorAll("mark.seg.on")) mark.classList.remove("on");
    for (const button of document.querySelectorAll("button.select[aria-expanded=true]")) {
      button.setAttribute("aria-expanded", "false");
    }
    for (const details of document.querySelectorAll(".details:not([hidden])")) details.hidden = true;
    document.body.classList.remove("selecting");
    delete document.body.dataset.selectedType;
    current = null;
  }

  function select(key, scroll) {
    const item = data.selectable[key];
    if (!item) return;
    clear();
    current = key;
    document.body.classList.add("selecting");
    if (item.type) document.body.dataset.selectedType = item.type;
    let first = null;
    for (const id of item.spans) {
      for (const mark of marksBySpan.get(id) || []) {
        mark.classList.add("on");
        if (first === null) first = mark;
      }
    }
    const button = document.querySelector('button.select[data-select="' + key + '"]');
    const details = document.getElementById("details-" + key);
    if (button) button.setAttribute("aria-expanded", "true");
    if (details) details.hidden = false;
    if (scroll && first) first.scrollIntoView({block: "nearest"});
    if (scroll && button) button.scrollIntoView({block: "nearest"});
  }

  document.addEventListener("click", function (event) {
    const target = event.target.closest("button[data-select], mark.seg[data-spans]");
    if (!target) return;
    if (target.matches("button[data-select]")) {
      const key = target.dataset.select;
      if (key === current && target.matches("button.select")) { clear(); return; }
      select(key, !target.matches("button.select"));
      if (!target.matches("button.select")) {
        const button = document.querySelector('button.select[data-select="' + key + '"]');
        if (button) button.focus({preventScroll: true});
      }
      return;
    }
    for (const id of target.dataset.spans.split(" ")) {
      if (eventOfSpan.has(id)) { select(eventOfSpan.get(id), true); return; }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); return; }
    const button = event.target.closest && event.target.closest("button.select");
    if (!button) return;
    const list = Array.from(button.closest("ol, table").querySelectorAll("button.select"));
    if (list.length === 0) return;
    const at = list.indexOf(button);
    let next = null;
    if (event.key === "ArrowDown" || event.key === "j") next = list[Math.min(at + 1, list.length - 1)];
    else if (event.key === "ArrowUp" || event.key === "k") next = list[Math.max(at - 1, 0)];
    else if (event.key === "Home") next = list[0];
    else if (event.key === "End") next = list[list.length - 1];
    if (next === null) return;
    event.preventDefault();
    next.focus();
    select(next.dataset.select, true);
  });
})();
