// Entities page: draws the co-occurrence graph (SVG, a small force layout, no external assets) and lists the
// passages behind a node or a link when it is clicked. Everything comes from /api/entities*, already trimmed to the
// signed-in user's access. No inline script or style (CSP): colours come from classes in sextant.css.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WIDTH = 800, HEIGHT = 520;
  var holder = document.getElementById('entities-graph');
  var details = document.getElementById('entities-details');
  var title = document.getElementById('entities-details-title');
  var list = document.getElementById('entities-details-list');
  if (!holder) {
    return;
  }
  var tokenMeta = document.querySelector('meta[name=csrf-token]');
  var headers = {'Accept': 'application/json'};
  if (tokenMeta) {
    headers['X-CSRF-Token'] = tokenMeta.content;
  }

  function getJson(url) {
    return fetch(url, {headers: headers, credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    });
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function svgEl(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function citationItem(c, text) {
    var li = el('li', {'class': 'citing'});
    li.appendChild(el('span', {'class': 'mark'}, c.marking));
    li.appendChild(el('a', {href: c.link, 'class': 'passage-link'}, 'passage ' + c.passageId));
    if (text) {
      li.appendChild(document.createTextNode(' ' + text));
    }
    return li;
  }

  function show(heading, items) {
    title.textContent = heading;
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (i) { list.appendChild(i); });
    details.hidden = false;
  }

  function select(target) {
    holder.querySelectorAll('.selected').forEach(function (s) { s.classList.remove('selected'); });
    if (target) {
      target.classList.add('selected');
    }
  }

  function openEntity(id) {
    getJson('/api/entities/' + encodeURIComponent(id)).then(function (d) {
      var items = d.mentions.map(function (m) { return citationItem(m, '— ' + m.snippet); });
      d.related.forEach(function (r) {
        var li = el('li', {'class': 'related'});
        li.appendChild(el('strong', {}, r.name + ' (' + r.type + ')'));
        li.appendChild(document.createTextNode(': '));
        r.citations.forEach(function (c) {
          li.appendChild(el('a', {href: c.link, 'class': 'passage-link'}, c.passageId));
          li.appendChild(document.createTextNode(' '));
        });
        items.push(li);
      });
      show(d.entity.name + ' (' + d.entity.type + ', ' + d.entity.mentions + ')', items);
    }).catch(function (e) {
      show(String(e.message), []);
    });
  }

  function layout(nodes, edges) {
    var n = nodes.length;
    nodes.forEach(function (node, i) {
      var a = 2 * Math.PI * i / Math.max(1, n);
      node.x = WIDTH / 2 + 200 * Math.cos(a);
      node.y = HEIGHT / 2 + 200 * Math.sin(a);
    });
    var index = {};
    nodes.forEach(function (node) { index[node.id] = node; });
    var k = Math.sqrt(WIDTH * HEIGHT / Math.max(1, n)) * 0.6;
    for (var step = 0; step < 300; step++) {
      var t = 0.1 * (1 - step / 300) + 0.01;
      nodes.forEach(function (a) { a.dx = 0; a.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var d2 = Math.max(dx * dx + dy * dy, 1);
          var f = k * k / d2;
          a.dx += dx * f; a.dy += dy * f;
          b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e.source], b = index[e.target];
        var dx = a.x - b.x, dy = a.y - b.y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        var f = d / k;
        a.dx -= dx * f; a.dy -= dy * f;
        b.dx += dx * f; b.dy += dy * f;
      });
      nodes.forEach(function (a) {
        a.dx += (WIDTH / 2 - a.x) * 1.5;
        a.dy += (HEIGHT / 2 - a.y) * 1.5;
        var len = Math.max(Math.sqrt(a.dx * a.dx + a.dy * a.dy), 1);
        var move = Math.min(len, 60 * t * 10);
        a.x += a.dx / len * move;
        a.y += a.dy / len * move;
      });
    }
    fit(nodes);
    return index;
  }

  // Scales the layout into the drawing, leaving room on the right for labels.
  function fit(nodes) {
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (a) {
      minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
    });
    var w = maxX - minX, h = maxY - minY;
    var scale = Math.min((WIDTH - 200) / Math.max(w, 1), (HEIGHT - 60) / Math.max(h, 1));
    var left = 40 + ((WIDTH - 200) - w * scale) / 2, top = 30 + ((HEIGHT - 60) - h * scale) / 2;
    nodes.forEach(function (a) {
      a.x = left + (a.x - minX) * scale;
      a.y = top + (a.y - minY) * scale;
    });
  }

  function draw(graph) {
    var nodes = graph.nodes, edges = graph.edges;
    var svg = svgEl('svg', {viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'aria-label': 'entity graph'});
    holder.appendChild(svg);
    if (nodes.length === 0) {
      return;
    }
    var index = layout(nodes, edges);
    var names = {};
    nodes.forEach(function (node) { names[node.id] = node.name; });
    edges.forEach(function (e) {
      var a = index[e.source], b = index[e.target];
      var line = svgEl('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': Math.min(1 + e.weight, 8),
        'class': 'edge', 'data-source': e.source, 'data-target': e.target});
      line.addEventListener('click', function () {
        select(line);
        show(names[e.source] + ' — ' + names[e.target] + ' (' + e.weight + ')',
          e.citations.map(function (c) { return citationItem(c); }));
      });
      svg.appendChild(line);
    });
    var max = Math.max.apply(null, nodes.map(function (node) { return node.mentions; }));
    nodes.forEach(function (node) {
      var r = 5 + 10 * Math.sqrt(node.mentions / max);
      var c = svgEl('circle', {cx: node.x, cy: node.y, r: r, 'class': 'node node-' + node.type,
        'data-entity-id': node.id});
      var tip = svgEl('title', {});
      tip.textContent = node.name + ' (' + node.type + ', ' + node.mentions + ')';
      c.appendChild(tip);
      c.addEventListener('click', function () {
        select(c);
        openEntity(node.id);
      });
      svg.appendChild(c);
      var label = svgEl('text', {x: node.x + r + 2, y: node.y + 4});
      label.textContent = node.name;
      svg.appendChild(label);
    });
  }

  document.querySelectorAll('.entity-open').forEach(function (b) {
    b.addEventListener('click', function () { openEntity(b.getAttribute('data-entity-id')); });
  });
  var limit = holder.getAttribute('data-limit') || '40';
  getJson('/api/entities/graph?limit=' + encodeURIComponent(limit)).then(draw).catch(function (e) {
    holder.appendChild(el('p', {'class': 'error'}, String(e.message)));
  });
})();
