// The console's only script (the Content-Security-Policy allows no other, and no inline one):
// copy buttons, confirmations before destructive forms, and a form that can be sent once.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.copy")) {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch (e) {
        document.execCommand("copy");
      }
      button.textContent = "Copied";
    });
  }
  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("submit", (event) => {
      if (form.classList.contains("confirm") && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      if (form.method.toLowerCase() === "post") {
        // the server repeats nothing twice anyway (ids chosen with the page); this spares the click
        for (const b of form.querySelectorAll("button[type=submit]")) {
          b.disabled = true;
        }
      }
    });
  }
});
