// The departures board's countdowns: "2 h 05 min" until each departure, updated every 30 s.
// Pages work without it (the departure time is in the table); no other script is used.
(function () {
  "use strict";
  function update() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-departure]").forEach(function (el) {
      var left = Math.round((Date.parse(el.dataset.departure) - now) / 60000);
      var sign = left < 0 ? "−" : "";
      var abs = Math.abs(left);
      el.textContent = sign + Math.floor(abs / 60) + " h " + String(abs % 60).padStart(2, "0") + " min";
      el.classList.toggle("soon", left >= 0 && left < 60);
      el.classList.toggle("gone", left < 0);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    update();
    setInterval(update, 30000);
  });
})();
