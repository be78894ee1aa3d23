// The DAG page: zoom (buttons, Ctrl + wheel) and pan (drag) of the drawing, and live states over
// Server-Sent Events: a vertex's class follows its state; a folded group's counts and colour follow
// its members' states; a job's graph (or what grew from a task) that gains tasks is drawn again in
// place, at the same zoom.
(function () {
    var svg = document.querySelector('svg.dag-drawing');
    if (!svg) {
        return;
    }
    var frame = svg.parentNode;
    var width = +svg.getAttribute('width');
    var height = +svg.getAttribute('height');
    var scale = 1;

    function zoom(to, cx, cy) {
        var next = Math.min(4, Math.max(0.05, to));
        var x = (frame.scrollLeft + (cx || 0)) / scale;
        var y = (frame.scrollTop + (cy || 0)) / scale;
        scale = next;
        svg.setAttribute('width', Math.round(width * scale));
        svg.setAttribute('height', Math.round(height * scale));
        frame.scrollLeft = x * scale - (cx || 0);
        frame.scrollTop = y * scale - (cy || 0);
    }
    document.querySelectorAll('[data-zoom]').forEach(function (button) {
        button.addEventListener('click', function () {
            var how = button.getAttribute('data-zoom');
            if (how === 'fit') {
                zoom(Math.min(1, frame.clientWidth / width, (frame.clientHeight || height) / height));
            } else if (how === 'one') {
                zoom(1);
            } else {
                zoom(scale * (how === 'in' ? 1.25 : 0.8), frame.clientWidth / 2, frame.clientHeight / 2);
            }
        });
    });
    frame.addEventListener('wheel', function (event) {
        if (event.ctrlKey) {
            event.preventDefault();
            var box = frame.getBoundingClientRect();
            zoom(scale * (event.deltaY < 0 ? 1.1 : 0.9), event.clientX - box.left, event.clientY - box.top);
        }
    }, { passive: false });
    var drag = null;
    frame.addEventListener('mousedown', function (event) {
        drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop, moved: false };
    });
    window.addEventListener('mousemove', function (event) {
        if (drag) {
            var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
            if (Math.abs(dx) + Math.abs(dy) > 3) {
                drag.moved = true;
                frame.classList.add('panning');
            }
            frame.scrollLeft = drag.left - dx;
            frame.scrollTop = drag.top - dy;
        }
    });
    window.addEventListener('mouseup', function () {
        frame.classList.remove('panning');
        setTimeout(function () { drag = null; }, 0);
    });
    frame.addEventListener('click', function (event) {
        if (drag && drag.moved) {
            event.preventDefault();
        }
    }, true);

    // a group just expanded: bring its first task into view
    var expanded = new URLSearchParams(location.search).getAll('expand');
    if (expanded.length) {
        var last = expanded[expanded.length - 1];
        var first = svg.querySelector('g.vertex[data-id][data-in="' + CSS.escape(last) + '"] rect');
        if (first) {
            frame.scrollLeft = Math.max(0, +first.getAttribute('x') - 40);
            frame.scrollTop = Math.max(0, +first.getAttribute('y') - 40);
        }
    }

    var NAMES = { W: 'waiting', Q: 'queued', R: 'running', F: 'finished', E: 'failed', C: 'cancelled', D: 'dead' };
    var ORDER = ['W', 'Q', 'R', 'F', 'E', 'C', 'D'];
    var members = JSON.parse(document.getElementById('dag-members').textContent || '{}');

    function drawGroup(key) {
        var group = svg.querySelector('g[data-group="' + CSS.escape(key) + '"]');
        if (!group) {
            return;
        }
        var counts = {};
        Object.keys(members).forEach(function (id) {
            if (members[id][0] === key) {
                counts[members[id][1]] = (counts[members[id][1]] || 0) + 1;
            }
        });
        var parts = ORDER.filter(function (s) { return counts[s]; })
            .map(function (s) { return counts[s] + ' ' + NAMES[s]; });
        var line = group.querySelector('text.counts');
        var rect = group.querySelector('rect');
        if (line) {
            line.textContent = parts.join(', ');
            // the box was sized for the usual counts; a longer line loses its last states
            var room = +rect.getAttribute('width') - 20;
            while (parts.length > 1 && line.getComputedTextLength() > room) {
                parts.pop();
                line.textContent = parts.join(', ') + ', …';
            }
        }
        var state = ['E', 'R', 'Q', 'W', 'C', 'D'].filter(function (s) { return counts[s]; })[0] || 'F';
        group.setAttribute('class', 'vertex group state-' + state);
        group.setAttribute('data-state', state);
    }

    function knownIds() {
        var known = {};
        Object.keys(members).forEach(function (id) { known[id] = true; });
        svg.querySelectorAll('g.vertex[data-id]').forEach(function (v) { known[v.getAttribute('data-id')] = true; });
        return known;
    }

    // why: a graph that grows is laid out again by the server; at most one read every 2 s per page
    var grows = svg.getAttribute('data-grows') === 'true';
    var known = knownIds();
    var ignored = {};
    var redrawing = false;
    var redrawAgain = false;
    var lastRedraw = 0;

    function redraw(wanted) {
        if (redrawing) {
            redrawAgain = true;
            return;
        }
        redrawing = true;
        setTimeout(function () {
            lastRedraw = Date.now();
            fetch(window.location.href, { headers: { 'Accept': 'text/html' } })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    var page = html && new DOMParser().parseFromString(html, 'text/html');
                    var fresh = page && page.querySelector('svg.dag-drawing');
                    if (fresh) {
                        var next = document.importNode(fresh, true);
                        svg.replaceWith(next);
                        svg = next;
                        width = +svg.getAttribute('width');
                        height = +svg.getAttribute('height');
                        members = JSON.parse(page.getElementById('dag-members').textContent || '{}');
                        document.getElementById('dag-members').textContent = JSON.stringify(members);
                        var caption = page.querySelector('[data-dag-caption]');
                        var shown = document.querySelector('[data-dag-caption]');
                        if (caption && shown) {
                            shown.textContent = caption.textContent;
                        }
                        zoom(scale, 0, 0);
                        grows = svg.getAttribute('data-grows') === 'true';
                        known = knownIds();
                        wanted.forEach(function (id) { if (!known[id]) { ignored[id] = true; } });
                    }
                })
                .catch(function () { })
                .then(function () {
                    redrawing = false;
                    if (redrawAgain) {
                        redrawAgain = false;
                        redraw([]);
                    }
                });
        }, Math.max(0, lastRedraw + 2000 - Date.now()));
    }

    if (!window.jrayStream) {
        return;
    }
    var base = document.querySelector('link[rel=stylesheet]').href.replace(/dashboard\.css.*$/, '');
    var job = svg.getAttribute('data-job');
    jrayStream(base + (job ? 'dag/live?job=' + encodeURIComponent(job)
            : 'dag/live?task=' + encodeURIComponent(svg.getAttribute('data-end'))
              + '&view=' + encodeURIComponent(svg.getAttribute('data-view'))))
        .addEventListener('states', function (event) {
            var states = JSON.parse(event.data);
            var changedGroups = {};
            var unknown = [];
            Object.keys(states).forEach(function (id) {
                if (members[id] && members[id][1] !== states[id]) {
                    members[id][1] = states[id];
                    changedGroups[members[id][0]] = true;
                }
                if (!known[id] && !ignored[id]) {
                    unknown.push(id);
                }
            });
            Object.keys(changedGroups).forEach(drawGroup);
            svg.querySelectorAll('g.vertex[data-id]').forEach(function (vertex) {
                var state = states[vertex.getAttribute('data-id')];
                if (state) {
                    vertex.setAttribute('class', 'vertex state-' + state);
                    vertex.setAttribute('data-state', state);
                }
            });
            if (grows && unknown.length) {
                redraw(unknown);
            }
        });
})();
