// The daily-report form on a phone and a slow line (issue: "serving the hours").
// Without this script the form still posts as usual. With it:
// - the photo is shrunk in the browser before upload (at most 1600 px, JPEG), which also drops
//   its metadata, and its capture time is sent;
// - the location is asked for only when the client ticks the consent box;
// - sending keeps the form and what was typed when the line fails, and a retry sends the same
//   one-time token, so the server records the report once.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById('report-status');
  var photo = form.querySelector('input[name="photo"]');
  var say = function (text) { if (status) status.textContent = text || ''; };

  if (photo) {
    photo.addEventListener('change', function () {
      var file = photo.files && photo.files[0];
      var captured = document.getElementById('captured_at');
      if (file && captured) captured.value = String(file.lastModified || '');
    });
  }

  function shrink(file) {
    return new Promise(function (resolve) {
      if (!file || !/^image\//.test(file.type) || !window.createImageBitmap) return resolve(file);
      createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) { resolve(blob || file); }, 'image/jpeg', 0.8);
      }).catch(function () { resolve(file); });
    });
  }

  function locate() {
    return new Promise(function (resolve) {
      var consent = document.getElementById('location_consent');
      if (!consent || !consent.checked || !navigator.geolocation) return resolve();
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById('latitude').value = String(position.coords.latitude);
        document.getElementById('longitude').value = String(position.coords.longitude);
        resolve();
      }, function () { resolve(); }, { timeout: 8000, maximumAge: 60000 });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    say(form.getAttribute('data-saving'));
    var file = photo && photo.files && photo.files[0];
    Promise.all([shrink(file), locate()]).then(function (results) {
      var data = new FormData(form);
      if (file) {
        data.delete('photo');
        data.append('photo', results[0], 'foto.jpg');
      }
      return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' });
    }).then(function (response) {
      if (response.redirected) { window.location.assign(response.url); return; }
      return response.text().then(function (html) {
        document.open();
        document.write(html);
        document.close();
      });
    }).catch(function () {
      say(form.getAttribute('data-offline'));
      if (button) button.disabled = false;
    });
  });
})();
