// Live updates over Server-Sent Events: the overview's figures go into the elements marked
// data-live; the states of a DAG's vertices into their class (state-F, state-R, ...).
(function () {
    if (!window.EventSource) {
        return;
    }
    var base = document.querySelector('link[rel=stylesheet]').href.replace(/dashboard\.css.*$/, '');
    if (document.querySelector('[data-live]')) {
        new EventSource(base + 'live').addEventListener('overview', function (event) {
            var figures = JSON.parse(event.data);
            document.querySelectorAll('[data-live]').forEach(function (element) {
                var value = figures[element.getAttribute('data-live')];
                if (value !== undefined) {
                    element.textContent = value;
                }
            });
        });
    }
    var dag = document.querySelector('svg[data-end]');
    if (dag) {
        new EventSource(base + 'dag/live?task=' + encodeURIComponent(dag.getAttribute('data-end')))
            .addEventListener('states', function (event) {
                var states = JSON.parse(event.data);
                dag.querySelectorAll('g.vertex').forEach(function (vertex) {
                    var state = states[vertex.getAttribute('data-id')];
                    if (state) {
                        vertex.setAttribute('class', 'vertex state-' + state);
                        vertex.setAttribute('data-state', state);
                    }
                });
            });
    }
})();
