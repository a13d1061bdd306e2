// Library page: upload files or folders (picker or drag and drop), poll each upload's job until it is done, refresh
// the document list and banners, delete documents. Every API call sends the session's CSRF token.
(function () {
  'use strict';

  var csrf = function () {
    var m = document.querySelector('meta[name=csrf-token]');
    return m ? m.content : '';
  };
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var filesInput = document.getElementById('upload-files');
  var folderInput = document.getElementById('upload-folder');
  var zone = document.getElementById('drop-zone');
  var jobs = document.getElementById('jobs');
  var errorBox = document.getElementById('upload-error');
  var dropped = [];

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  // Files of a dropped folder, with their paths relative to the drop.
  function walk(entry, prefix, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) { out.push({file: f, name: prefix + f.name}); resolve(); }, function () { resolve(); });
      } else if (entry.isDirectory) {
        var reader = entry.createReader();
        var all = [];
        var next = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              Promise.all(all.map(function (e) { return walk(e, prefix + entry.name + '/', out); })).then(resolve);
            } else {
              all = all.concat(Array.prototype.slice.call(batch));
              next();
            }
          }, function () { resolve(); });
        };
        next();
      } else {
        resolve();
      }
    });
  }

  zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    zone.classList.remove('over');
    var items = e.dataTransfer.items;
    var pending = [];
    var out = [];
    for (var i = 0; items && i < items.length; i++) {
      var entry = items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null;
      if (entry) {
        pending.push(walk(entry, '', out));
      } else if (items[i].kind === 'file') {
        var f = items[i].getAsFile();
        out.push({file: f, name: f.name});
      }
    }
    Promise.all(pending).then(function () {
      if (!zone.hasAttribute('data-empty')) {
        zone.setAttribute('data-empty', zone.textContent);
      }
      dropped = dropped.concat(out);
      zone.textContent = dropped.map(function (d) { return d.name; }).join(', ');
    });
  });

  function chosen() {
    var out = dropped.slice();
    Array.prototype.forEach.call(filesInput.files, function (f) { out.push({file: f, name: f.name}); });
    Array.prototype.forEach.call(folderInput.files, function (f) {
      out.push({file: f, name: f.webkitRelativePath || f.name});
    });
    return out;
  }

  function jobElement(name) {
    var div = document.createElement('div');
    div.className = 'job';
    div.setAttribute('data-state', 'queued');
    var label = document.createElement('span');
    label.className = 'job-label';
    label.textContent = name;
    var bar = document.createElement('progress');
    bar.max = 1;
    bar.value = 0;
    var state = document.createElement('span');
    state.className = 'job-state';
    state.textContent = 'queued';
    var detail = document.createElement('ul');
    detail.className = 'job-quarantine';
    div.appendChild(label);
    div.appendChild(document.createTextNode(' '));
    div.appendChild(bar);
    div.appendChild(document.createTextNode(' '));
    div.appendChild(state);
    div.appendChild(detail);
    jobs.insertBefore(div, jobs.firstChild);
    return div;
  }

  function refreshList() {
    return fetch('/library', {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('library-list');
        var list = document.getElementById('library-list');
        if (fresh && list) {
          list.replaceWith(document.importNode(fresh, true));
          bindDeletes();
        }
        ['banner-top', 'banner-bottom'].forEach(function (id) {
          var b = doc.getElementById(id);
          var mine = document.getElementById(id);
          if (b && mine) {
            mine.className = b.className;
            mine.textContent = b.textContent;
          }
        });
      });
  }

  function poll(jobId, el) {
    fetch('/api/documents/jobs/' + encodeURIComponent(jobId), {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function (job) {
        var bar = el.querySelector('progress');
        bar.max = Math.max(job.filesTotal, 1);
        bar.value = job.filesDone;
        el.setAttribute('data-state', job.state);
        el.querySelector('.job-state').textContent = job.state + ' · ' + job.filesDone + '/' + job.filesTotal;
        var q = el.querySelector('.job-quarantine');
        q.textContent = '';
        (job.quarantined || []).forEach(function (x) {
          var li = document.createElement('li');
          li.textContent = x.file + ': ' + x.reason;
          q.appendChild(li);
        });
        if (job.state === 'done' || job.state === 'failed') {
          refreshList();
        } else {
          setTimeout(function () { poll(jobId, el); }, 700);
        }
      })
      .catch(function () { setTimeout(function () { poll(jobId, el); }, 2000); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    showError('');
    var files = chosen();
    if (!files.length) {
      showError('Choose files or a folder first.');
      return;
    }
    var data = new FormData();
    data.append('marking', document.getElementById('upload-marking').value);
    data.append('collection', document.getElementById('upload-collection').value);
    files.forEach(function (f) { data.append('files', f.file, f.name); });
    var el = jobElement(files.length === 1 ? files[0].name : files.length + ' files');
    fetch('/api/documents', {method: 'POST', body: data, credentials: 'same-origin',
      headers: {'X-CSRF-Token': csrf()}})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); })
      .then(function (r) {
        if (r.status !== 202) {
          el.remove();
          showError(r.body.reason || r.body.error || ('HTTP ' + r.status));
          return;
        }
        el.id = 'job-' + r.body.jobId;
        form.reset();
        dropped = [];
        zone.textContent = zone.getAttribute('data-empty') || zone.textContent;
        poll(r.body.jobId, el);
      })
      .catch(function (err) {
        el.setAttribute('data-state', 'failed');
        showError(String(err));
      });
  });

  function bindDeletes() {
    Array.prototype.forEach.call(document.querySelectorAll('button.doc-delete'), function (b) {
      b.addEventListener('click', function () {
        var id = b.getAttribute('data-document');
        fetch('/api/documents/' + encodeURIComponent(id), {method: 'DELETE', credentials: 'same-origin',
          headers: {'X-CSRF-Token': csrf()}})
          .then(function (r) {
            if (r.ok) {
              refreshList();
            } else {
              showError('HTTP ' + r.status);
            }
          });
      });
    });
  }

  bindDeletes();
}());
