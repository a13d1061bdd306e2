// /jobs: while a job is queued or running, reload the list every 2 s so progress bars and task states move
// (not while the user is typing a job file).
(function () {
  'use strict';
  var list = document.getElementById('jobs');
  if (!list || list.getAttribute('data-active') !== 'true') {
    return;
  }
  function refresh() {
    var editing = document.activeElement && document.activeElement.id === 'job-spec';
    if (editing) {
      window.setTimeout(refresh, 2000);
    } else {
      window.location.replace('/jobs');
    }
  }
  window.setTimeout(refresh, 2000);
})();
