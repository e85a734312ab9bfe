// PbPeru: small progressive enhancements; every page also works without JavaScript.
(function () {
    'use strict';

    // A form submits once: a double click must not send it twice.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.dataset.submitting === 'true') {
            event.preventDefault();
            return;
        }
        var message = form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
            return;
        }
        form.dataset.submitting = 'true';
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
        // Allow another submit later if the page stays (a download, a validation message).
        window.setTimeout(function () { form.dataset.submitting = 'false'; }, 5000);
    }, true);

    // A print button prints; without JavaScript the browser's own print works.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });

    // The language selector applies on change.
    document.querySelectorAll('[data-autosubmit]').forEach(function (select) {
        select.addEventListener('change', function () { select.form.requestSubmit(); });
    });
})();
