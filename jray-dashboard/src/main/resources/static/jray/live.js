// Live updates over Server-Sent Events: the overview's figures go into the elements marked
// data-live and its throughput chart; a task page's state into its state cell (dag.js follows a DAG).
(function () {
    if (!window.EventSource) {
        return;
    }
    var base = document.querySelector('link[rel=stylesheet]').href.replace(/dashboard\.css.*$/, '');
    window.jrayStream = function (url) {
        // a page left open in the back/forward cache would keep its stream, and a browser opens only
        // six connections to one server: close it on leaving, and reload a page shown again
        var source = new EventSource(url);
        window.addEventListener('pagehide', function () { source.close(); });
        window.addEventListener('pageshow', function (event) {
            if (event.persisted) {
                location.reload();
            }
        });
        return source;
    };
    if (document.querySelector('[data-live]')) {
        jrayStream(base + 'live').addEventListener('overview', function (event) {
            var figures = JSON.parse(event.data);
            document.querySelectorAll('[data-live]').forEach(function (element) {
                var value = figures[element.getAttribute('data-live')];
                if (value !== undefined) {
                    element.textContent = value;
                }
            });
            if (figures.rate) {
                drawRate(figures.rate);
            }
        });
    }
    // The throughput chart: bars of {finished, failed} per 10 s, scaled to the highest.
    function drawRate(rate) {
        var chart = document.querySelector('svg[data-chart=rate]');
        if (!chart) {
            return;
        }
        var height = chart.viewBox.baseVal.height;
        var max = 1;
        rate.forEach(function (c) { max = Math.max(max, c[0] + c[1]); });
        chart.querySelectorAll('g.bar10').forEach(function (bar, i) {
            var c = rate[i] || [0, 0];
            var failed = Math.floor(c[1] * height / max);
            var finished = Math.floor(c[0] * height / max);
            var rects = bar.querySelectorAll('rect');
            rects[0].setAttribute('y', height - failed - finished);
            rects[0].setAttribute('height', finished);
            rects[1].setAttribute('y', height - failed);
            rects[1].setAttribute('height', failed);
        });
    }
    // why: a task's result, error and log are read with its page; once it ends, they are read again in place
    function refreshTask(shown) {
        fetch(window.location.href, {headers: {'Accept': 'text/html'}})
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector('[data-task]');
                if (fresh) {
                    shown.replaceWith(document.importNode(fresh, true));
                }
            });
    }

    var task = document.querySelector('[data-task]');
    var stateCell = task && task.querySelector('[data-state]');
    if (stateCell) {
        jrayStream(base + 'task/live?id=' + encodeURIComponent(task.getAttribute('data-task')))
            .addEventListener('state', function (event) {
                var state = JSON.parse(event.data);
                var wasUnfinished = /state-[WQR]\b/.test(stateCell.getAttribute('class'));
                stateCell.textContent = state.name;
                stateCell.setAttribute('class', 'state state-' + state.state);
                if (wasUnfinished && 'FECD'.indexOf(state.state) >= 0) {
                    refreshTask(task);
                }
            });
    }
})();
