// Ask page: posts the question to /api/ask, shows the provisional stream live, then replaces it with the guarded
// answer (portion-marked paragraphs, citation links) and sets the page banners to the conversation's roll-up.
// Everything is built with DOM calls and textContent: no HTML from the server is ever parsed.
(function () {
  'use strict';
  var chat = document.getElementById('ask-chat');
  if (!chat) { return; }
  var question = document.getElementById('ask-question');
  var submit = document.getElementById('ask-submit');
  var turns = document.getElementById('ask-turns');
  var csrf = (document.querySelector('meta[name=csrf-token]') || {}).content || '';
  var conversationId = chat.dataset.conversationId || '';
  var msg = chat.dataset;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function bannerCss(text) {
    var t = text.toUpperCase();
    var level = t.split('//')[0];
    if (level === 'TOP SECRET') {
      return /\/\/(SI|TK|HCS|G)/.test(t) ? 'banner-ts-sci' : 'banner-ts';
    }
    if (level === 'SECRET') { return 'banner-s'; }
    if (level === 'CONFIDENTIAL') { return 'banner-c'; }
    return 'banner-u';
  }

  function setBanners(marking) {
    ['banner-top', 'banner-bottom'].forEach(function (id) {
      var b = document.getElementById(id);
      if (!b) { return; }
      b.textContent = marking;
      b.className = b.className.split(' ').filter(function (c) {
        return !/^banner-(u|c|s|ts|ts-sci)$/.test(c);
      }).join(' ') + ' ' + bannerCss(marking);
    });
  }

  function api(method, url, body, accept) {
    var headers = { 'X-CSRF-Token': csrf, 'Accept': accept || 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function paragraph(p, citations) {
    var para = el('p', 'answer-paragraph');
    para.appendChild(el('span', 'portion-mark', p.mark));
    para.appendChild(document.createTextNode(' '));
    var re = /\[(\d{1,4})\]/g;
    var at = 0;
    var m;
    while ((m = re.exec(p.text)) !== null) {
      var n = parseInt(m[1], 10);
      var c = citations.filter(function (x) { return x.n === n; })[0];
      if (!c) { continue; }
      if (m.index > at) { para.appendChild(document.createTextNode(p.text.substring(at, m.index))); }
      var a = el('a', 'citation', m[0]);
      a.href = c.link;
      a.title = c.title;
      para.appendChild(a);
      at = m.index + m[0].length;
    }
    if (at < p.text.length) { para.appendChild(document.createTextNode(p.text.substring(at))); }
    return para;
  }

  function feedbackBox() {
    var box = el('div', 'feedback');
    var up = el('button', 'feedback-up', msg.msgHelpful);
    up.type = 'button';
    var down = el('button', 'feedback-down', msg.msgNotHelpful);
    down.type = 'button';
    var text = el('textarea', 'feedback-correction');
    text.rows = 2;
    text.placeholder = msg.msgCorrection;
    var send = el('button', 'feedback-send', msg.msgSend);
    send.type = 'button';
    var status = el('span', 'feedback-status');
    status.setAttribute('role', 'status');
    [up, down, text, send, status].forEach(function (x) { box.appendChild(x); });
    return box;
  }

  function finalAnswer(a) {
    a.paragraphs = a.paragraphs || [];
    a.citations = a.citations || [];
    a.authority = a.authority || [];
    var art = el('article', 'answer ' + a.outcome);
    art.dataset.answerId = a.answerId;
    if (a.outcome === 'final') {
      art.appendChild(el('p', 'answer-banner', a.marking));
      a.paragraphs.forEach(function (p) { art.appendChild(paragraph(p, a.citations)); });
    }
    if (a.notice) { art.appendChild(el('p', 'answer-notice', a.notice)); }
    if (a.citations.length) {
      var src = el('div', 'answer-sources');
      src.appendChild(el('h3', null, msg.msgSources));
      var ol = el('ol', 'citations');
      a.citations.forEach(function (c) {
        var li = el('li');
        var link = el('a', 'citation-source', '[' + c.n + ']');
        link.href = c.link;
        li.appendChild(link);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', 'portion-mark', c.mark));
        li.appendChild(document.createTextNode(' ' + c.title + (c.page ? ', p. ' + c.page : '')
            + (c.section ? ', ' + c.section : '')));
        ol.appendChild(li);
      });
      src.appendChild(ol);
      art.appendChild(src);
    }
    if (a.authority.length) {
      var auth = el('div', 'authority');
      a.authority.forEach(function (line) { auth.appendChild(el('div', null, line)); });
      art.appendChild(auth);
    }
    if (a.outcome === 'final') { art.appendChild(feedbackBox()); }
    return art;
  }

  function addConversationLink(id, title) {
    var list = document.getElementById('ask-conversation-list');
    if (!list || list.querySelector('a[href="/ask/' + id + '"]')) { return; }
    var li = el('li', 'current');
    var a = el('a', 'conversation-link', title);
    a.href = '/ask/' + id;
    li.appendChild(a);
    list.insertBefore(li, list.firstChild);
    var none = document.getElementById('ask-no-conversations');
    if (none) { none.parentNode.removeChild(none); }
  }

  function refreshBanner(answer) {
    if (!conversationId) { setBanners(answer.marking); return; }
    api('GET', '/api/conversations/' + encodeURIComponent(conversationId)).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (c) {
      setBanners(c && c.marking ? c.marking : answer.marking);
    }).catch(function () { setBanners(answer.marking); });
  }

  function ask() {
    var q = question.value.trim();
    if (!q) { return; }
    submit.disabled = true;
    var turn = el('div', 'turn');
    var qp = el('p', 'question');
    qp.appendChild(el('span', 'question-label', msg.msgYou));
    qp.appendChild(el('span', 'question-text', q));
    turn.appendChild(qp);
    var live = el('article', 'answer streaming');
    var provisional = el('p', 'answer-provisional');
    var text = el('div', 'answer-stream');
    live.appendChild(provisional);
    live.appendChild(text);
    turn.appendChild(live);
    turns.appendChild(turn);
    var body = { question: q };
    if (conversationId) { body.conversationId = conversationId; }

    function handle(name, data) {
      var d = JSON.parse(data);
      if (name === 'start') {
        conversationId = d.conversationId;
        chat.dataset.conversationId = d.conversationId;
        provisional.textContent = msg.msgProvisional + ' ' + d.marking;
        addConversationLink(d.conversationId, q);
      } else if (name === 'token') {
        text.textContent += d.text;
      } else if (name === 'final' || name === 'refused' || name === 'empty') {
        var done = finalAnswer(d);
        turn.replaceChild(done, live);
        live = done;
        refreshBanner(d);
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, '', '/ask/' + d.conversationId);
        }
      } else if (name === 'error') {
        fail();
      }
    }

    function fail(err) {
      if (err && window.console) { window.console.error('ask failed', err); }
      var f = el('article', 'answer failed');
      f.appendChild(el('p', 'answer-notice', msg.msgFailed));
      if (live.parentNode === turn) { turn.replaceChild(f, live); }
      live = f;
    }

    api('POST', '/api/ask', body, 'text/event-stream').then(function (r) {
      if (!r.ok || !r.body) { fail(); return null; }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return null; }
          buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
          var idx;
          while ((idx = buffer.indexOf('\n\n')) >= 0) {
            var block = buffer.substring(0, idx);
            buffer = buffer.substring(idx + 2);
            var name = 'message';
            var data = [];
            block.split('\n').forEach(function (line) {
              if (line.indexOf('event:') === 0) { name = line.substring(6).trim(); }
              else if (line.indexOf('data:') === 0) { data.push(line.substring(5).replace(/^ /, '')); }
            });
            if (data.length) { handle(name, data.join('\n')); }
          }
          return pump();
        });
      }
      return pump();
    }).catch(fail).then(function () {
      submit.disabled = false;
      question.value = '';
      question.focus();
    });
  }

  submit.addEventListener('click', ask);
  question.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); ask(); }
  });

  // Feedback on any answer, server-rendered or streamed: one listener for the whole conversation.
  turns.addEventListener('click', function (e) {
    var t = e.target;
    var art = t.closest ? t.closest('article.answer') : null;
    if (!art || !art.dataset.answerId) { return; }
    var box = art.querySelector('.feedback');
    if (t.classList.contains('feedback-up') || t.classList.contains('feedback-down')) {
      box.querySelectorAll('.feedback-up, .feedback-down').forEach(function (b) { b.classList.remove('chosen'); });
      t.classList.add('chosen');
      box.dataset.rating = t.classList.contains('feedback-up') ? 'up' : 'down';
      if (t.classList.contains('feedback-up')) { sendFeedback(art, box); }
    } else if (t.classList.contains('feedback-send')) {
      sendFeedback(art, box);
    }
  });

  function sendFeedback(art, box) {
    var rating = box.dataset.rating || 'down';
    var correction = box.querySelector('.feedback-correction').value;
    var status = box.querySelector('.feedback-status');
    api('POST', '/api/answers/' + encodeURIComponent(art.dataset.answerId) + '/feedback',
        { rating: rating, correction: correction }).then(function (r) {
      status.textContent = r.ok ? msg.msgThanks : msg.msgFailed;
    }).catch(function () { status.textContent = msg.msgFailed; });
  }
}());
