// Applies the overview's figures pushed over Server-Sent Events to elements marked data-live.
(function () {
    if (!window.EventSource || !document.querySelector('[data-live]')) {
        return;
    }
    var source = new EventSource(document.querySelector('link[rel=stylesheet]').href.replace(/dashboard\.css.*$/, 'live'));
    source.addEventListener('overview', function (event) {
        var figures = JSON.parse(event.data);
        document.querySelectorAll('[data-live]').forEach(function (element) {
            var value = figures[element.getAttribute('data-live')];
            if (value !== undefined) {
                element.textContent = value;
            }
        });
    });
})();
