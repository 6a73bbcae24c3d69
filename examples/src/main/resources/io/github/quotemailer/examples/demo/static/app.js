// QuoteMailer CRM demo: a little vanilla JavaScript, no build step.
"use strict";

// Board: drag a card to another column; the drop submits the card's own move form, so a move by
// drag and a move by button are the same request, with the same CSRF token.
function setUpBoard(board) {
  let dragged = null;
  board.querySelectorAll(".deal[draggable=true]").forEach(function (card) {
    card.addEventListener("dragstart", function (e) {
      dragged = card;
      e.dataTransfer.setData("text/plain", card.dataset.deal);
    });
    card.addEventListener("dragend", function () { dragged = null; });
  });
  board.querySelectorAll(".column").forEach(function (column) {
    column.addEventListener("dragover", function (e) {
      if (dragged) { e.preventDefault(); column.classList.add("drop"); }
    });
    column.addEventListener("dragleave", function () { column.classList.remove("drop"); });
    column.addEventListener("drop", function (e) {
      e.preventDefault();
      column.classList.remove("drop");
      // Only the card this drag started from: not a link, text or file dropped here.
      const card = dragged;
      dragged = null;
      if (!card || card.parentElement === column
          || e.dataTransfer.getData("text/plain") !== card.dataset.deal) { return; }
      const form = card.querySelector("form.move");
      form.querySelector("select[name=stage]").value = column.dataset.stage;
      form.submit();
    });
  });
  refreshStatuses(board);
}

// Cards whose quote is queued show its delivery once the worker has sent it.
function refreshStatuses(board) {
  if (!board.querySelector(".send.pending")) { return; }
  window.setTimeout(function () {
    fetch("/board/status", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (statuses) {
        Object.keys(statuses).forEach(function (id) {
          const box = document.getElementById("send-" + id);
          if (!box) { return; }
          const s = statuses[id];
          box.className = "send " + s.kind;
          box.querySelector(".status").textContent = s.status;
          box.querySelector(".detail").textContent = s.detail;
        });
        refreshStatuses(board);
      })
      .catch(function () { /* the next page load shows it */ });
  }, 1000);
}

// User form: host, port and security only for "Other server".
function setUpPreset(select) {
  const custom = document.getElementById("custom-server");
  function toggle() { custom.classList.toggle("hidden", select.value !== "CUSTOM"); }
  select.addEventListener("change", toggle);
  toggle();
}

document.addEventListener("DOMContentLoaded", function () {
  const board = document.getElementById("board");
  if (board) { setUpBoard(board); }
  const preset = document.getElementById("preset");
  if (preset) { setUpPreset(preset); }
});
