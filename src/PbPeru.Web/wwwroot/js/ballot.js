// PbPeru: the ballot's running counters and the cast button. Only help: the page works without
// JavaScript (the review step shows the totals) and the server checks every ballot again.
(function () {
    'use strict';

    function fill(template, values) {
        return template.replace(/\{(\d+)\}/g, function (match, i) { return values[+i]; });
    }

    // "S/ 1,234,567.00" from céntimos, with the separators of the page's language.
    function soles(centimos, group, decimal) {
        var negative = centimos < 0;
        var abs = Math.abs(centimos);
        var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        var cents = String(abs % 100).padStart(2, '0');
        // A no-break space: the symbol never ends a line apart from its amount.
        return (negative ? '-' : '') + 'S/\u00a0' + whole + decimal + cents;
    }

    function setUpBallot(form) {
        var tally = form.querySelector('[data-tally]');
        if (!tally) {
            return;
        }

        var type = form.dataset.ballot;
        var max = parseInt(form.dataset.max, 10) || 0;
        var budget = parseInt(form.dataset.budget, 10) || 0;
        var inputs = form.querySelectorAll('.ballot-input');

        function count() {
            var used = 0;
            var over = false;
            var text;
            if (type === 'knapsack' || type === 'approval') {
                inputs.forEach(function (box) {
                    if (box.checked) {
                        used += type === 'knapsack' ? parseInt(box.dataset.cost, 10) || 0 : 1;
                    }
                });
            }

            if (type === 'knapsack') {
                over = used > budget;
                var g = form.dataset.group;
                var d = form.dataset.decimal;
                text = fill(over ? form.dataset.textOver : form.dataset.text,
                    [soles(used, g, d), soles(budget, g, d), soles(Math.abs(budget - used), g, d)]);
            } else if (type === 'approval') {
                over = used > max;
                text = fill(over ? form.dataset.textOver : form.dataset.text, [used, max]);
            } else if (type === 'cumulative') {
                inputs.forEach(function (input) {
                    var n = parseInt(input.value, 10);
                    if (n > 0) {
                        used += n;
                    }
                });
                over = used > max;
                text = fill(over ? form.dataset.textOver : form.dataset.text, [used, max]);
            } else {
                // Ranking: the places chosen must be 1, 2, 3… each once.
                var places = [];
                inputs.forEach(function (select) {
                    if (select.value) {
                        places.push(parseInt(select.value, 10));
                    }
                });
                places.sort(function (a, b) { return a - b; });
                over = places.some(function (p, i) { return p !== i + 1; });
                used = places.length;
                text = fill(over ? form.dataset.textOver : form.dataset.text, [used, max]);
            }

            tally.textContent = text;
            tally.classList.toggle('is-over', over);
        }

        inputs.forEach(function (input) {
            input.addEventListener('change', count);
            input.addEventListener('input', count);
        });
        tally.hidden = false;
        count();
    }

    document.querySelectorAll('form[data-ballot]').forEach(setUpBallot);

    // The cast button works once: a double click sends one request (and were two sent, they carry
    // the same submission key and make one ballot). If no answer comes, it works again after a
    // while: a retry with the same key is safe.
    document.querySelectorAll('form[data-cast]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (event.defaultPrevented) {
                return;
            }

            var button = form.querySelector('button[type=submit]');
            var label = button.textContent;
            window.setTimeout(function () {
                button.disabled = true;
                if (button.dataset.busy) {
                    button.textContent = button.dataset.busy;
                }
            }, 0);
            window.setTimeout(function () {
                button.disabled = false;
                button.textContent = label;
            }, 15000);
        });
    });
})();
