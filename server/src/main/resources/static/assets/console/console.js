// The console's few behaviours that HTML alone lacks: modal dialogs, confirming a destructive action, copying or downloading a
// secret, and the CSRF header on htmx requests. Loaded from the same origin (the Content-Security-Policy allows no inline script).
(function () {
	'use strict';

	function csrfToken() {
		var meta = document.querySelector('meta[name="csrf-token"]');
		return meta ? meta.content : null;
	}

	document.addEventListener('htmx:configRequest', function (event) {
		var token = csrfToken();
		if (token) {
			event.detail.headers['X-CSRF-TOKEN'] = token;
		}
	});

	// The sentences to confirm before a form is sent: its button's or its own data-confirm, and a <template data-confirm-select>
	// for each field whose chosen value is the one it names and not the current one. Without JavaScript the form is sent as is.
	function confirmations(form, submitter) {
		var messages = [];
		var own = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
		if (own) {
			messages.push(own);
		}
		form.querySelectorAll('template[data-confirm-select]').forEach(function (rule) {
			var field = form.elements.namedItem(rule.getAttribute('data-confirm-select'));
			// a checkbox's value is whether it is ticked, 'true' or 'false'
			var value = field && (field.type === 'checkbox' ? String(field.checked) : field.value);
			if (field && value === rule.getAttribute('data-confirm-value') && value !== rule.getAttribute('data-current')) {
				messages.push(rule.getAttribute('data-confirm'));
			}
		});
		return messages;
	}

	// in the capture phase, before htmx sees the submit: a cancelled confirmation sends nothing, neither a page nor an htmx request
	document.addEventListener('submit', function (event) {
		var messages = confirmations(event.target, event.submitter);
		if (messages.length > 0 && !window.confirm(messages.join('\n\n'))) {
			event.preventDefault();
			event.stopImmediatePropagation();
		}
	}, true);

	document.addEventListener('click', function (event) {
		var opener = event.target.closest('[data-open-dialog]');
		if (opener) {
			var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
			if (dialog) {
				dialog.showModal();
				var first = dialog.querySelector('input');
				if (first) {
					first.focus();
				}
			}
			return;
		}
		var closer = event.target.closest('[data-close-dialog]');
		if (closer) {
			closer.closest('dialog').close();
			return;
		}
		var downloader = event.target.closest('[data-download]');
		if (downloader) {
			// a file made in the page: the recovery codes are in this response only, the server cannot serve them again
			var text = document.getElementById(downloader.getAttribute('data-download')).textContent.trim() + '\n';
			var link = document.createElement('a');
			link.href = URL.createObjectURL(new Blob([text], {type: downloader.getAttribute('data-type') || 'text/plain'}));
			link.download = downloader.getAttribute('data-filename') || 'download.txt';
			document.body.appendChild(link);
			link.click();
			link.remove();
			setTimeout(function () {
				URL.revokeObjectURL(link.href);
			}, 1000);
			return;
		}
		var copier = event.target.closest('[data-copy]');
		if (copier && navigator.clipboard) {
			var source = document.getElementById(copier.getAttribute('data-copy'));
			navigator.clipboard.writeText(source.textContent.trim()).then(function () {
				copier.textContent = 'Copied';
			}, function () {
				copier.textContent = 'Select and copy it';
			});
		}
	});

	// a secret shown once (a new token, a temporary password, a link to hand over) is scrolled into view and focused,
	// so that it is not missed below the fold, and a screen reader starts there
	function revealSecrets() {
		document.querySelectorAll('.alert.secret[role="status"]:not([data-revealed])').forEach(function (secret, index) {
			secret.setAttribute('data-revealed', '');
			if (index === 0) {
				secret.setAttribute('tabindex', '-1');
				secret.scrollIntoView({block: 'center'});
				secret.focus({preventScroll: true});
			}
		});
	}

	document.addEventListener('htmx:afterSettle', revealSecrets);

	// htmx swaps nothing for an error answer and says nothing either: a 5xx (the database away, answered 503 with a problem
	// detail and Retry-After) or no answer at all would leave a click without any visible effect. Say it in the flash area.
	function showError(message) {
		var area = document.getElementById('flash');
		if (!area) {
			return;
		}
		var notice = area.querySelector('[data-request-error]');
		if (!notice) {
			notice = document.createElement('div');
			notice.className = 'alert error';
			notice.setAttribute('role', 'alert');
			notice.setAttribute('data-request-error', '');
			area.appendChild(notice);
		}
		notice.textContent = message;
		notice.scrollIntoView({block: 'nearest'});
	}

	function problemDetail(xhr) {
		var type = xhr.getResponseHeader('Content-Type') || '';
		if (type.indexOf('application/problem+json') !== 0) {
			return null;
		}
		try {
			var problem = JSON.parse(xhr.responseText);
			return typeof problem.detail === 'string' && problem.detail ? problem.detail : null;
		} catch (ignored) {
			return null;
		}
	}

	document.addEventListener('htmx:responseError', function (event) {
		var xhr = event.detail.xhr;
		if (!xhr || xhr.status < 500) {
			return;
		}
		var retry = xhr.getResponseHeader('Retry-After');
		var when = retry && /^[0-9]+$/.test(retry) ? 'in ' + retry + ' seconds' : 'in a moment';
		showError(problemDetail(xhr) || (xhr.status === 503 ? 'Gatehouse is temporarily unavailable; try again ' + when + '.'
			: 'Gatehouse could not complete this request; try again ' + when + '.'));
	});

	document.addEventListener('htmx:sendError', function () {
		showError('Gatehouse could not be reached. Check your connection and try again.');
	});

	// the next answer that works takes the notice away
	document.addEventListener('htmx:afterRequest', function (event) {
		if (event.detail.successful) {
			var notice = document.querySelector('#flash [data-request-error]');
			if (notice) {
				notice.remove();
			}
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('dialog[data-open-on-load]').forEach(function (dialog) {
			dialog.showModal();
		});
		revealSecrets();
	});
})();

// Phone width: a button with data-toggle-target folds what it names (the menu, the users list's filters). Marked here, so
// that without script nothing is folded away; CSS folds only at narrow width, so wide screens show everything.
(function () {
	'use strict';

	function prepare(root) {
		root.querySelectorAll('[data-toggle-target]').forEach(function (button) {
			var target = document.getElementById(button.getAttribute('data-toggle-target'));
			if (target && !target.hasAttribute('data-collapsible')) {
				target.setAttribute('data-collapsible', '');
				button.setAttribute('aria-expanded', String(target.hasAttribute('data-open')));
			}
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		prepare(document);
	});

	// a button, so Enter and Space toggle it from the keyboard as well
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-toggle-target]');
		if (button) {
			var target = document.getElementById(button.getAttribute('data-toggle-target'));
			if (target) {
				var open = !target.hasAttribute('data-open');
				target.toggleAttribute('data-open', open);
				button.setAttribute('aria-expanded', String(open));
			}
			return;
		}
		// the users list's "tick every user of this page" box
		var all = event.target.closest('input[data-select-all]');
		if (all) {
			document.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute('data-select-all') + '"]')
				.forEach(function (box) {
					box.checked = all.checked;
				});
		}
	});
})();
