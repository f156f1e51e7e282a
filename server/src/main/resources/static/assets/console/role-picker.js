// The role picker: a multi-select of roles (one <optgroup> per workspace or the instance, one <option> per role there)
// becomes chips, with a search box and a choose-the-place-then-the-role pair of lists. The select stays in the form,
// hidden, and keeps the chosen options selected: the form sends the same values as without JavaScript.
(function () {
	'use strict';

	var counter = 0;

	function element(tag, attributes, text) {
		var node = document.createElement(tag);
		Object.keys(attributes || {}).forEach(function (name) {
			node.setAttribute(name, attributes[name]);
		});
		if (text != null) {
			node.textContent = text;
		}
		return node;
	}

	function enhance(select) {
		var id = select.id;
		var n = ++counter;
		var locked = select.disabled;
		var picker = element('div', {'class': 'role-picker', 'data-picker-for': id});
		var chips = element('ul', {'class': 'chips picked', 'aria-label': 'Chosen roles', 'aria-live': 'polite'});
		var empty = element('li', {'class': 'muted none-picked'}, 'No role chosen.');
		picker.appendChild(chips);

		// the search box takes the select's id, so that the field's label, hint and error point at it
		select.id = id + '-values';
		select.hidden = true;
		var search = element('input', {
			'type': 'search', 'id': id, 'list': 'role-picker-list-' + n, 'autocomplete': 'off',
			'placeholder': 'Search: workspace or role', 'class': 'picker-search'
		});
		['aria-describedby', 'aria-invalid'].forEach(function (name) {
			if (select.hasAttribute(name)) {
				search.setAttribute(name, select.getAttribute(name));
			}
		});
		var list = element('datalist', {'id': 'role-picker-list-' + n});
		var scope = element('select', {'class': 'picker-scope', 'id': id + '-scope'});
		var role = element('select', {'class': 'picker-role', 'id': id + '-role'});
		var add = element('button', {'type': 'button', 'class': 'picker-add', 'id': id + '-add'}, 'Add role');
		var row = element('div', {'class': 'picker-row'});

		function options() {
			return Array.prototype.slice.call(select.options);
		}

		function label(option) {
			return option.textContent.trim();
		}

		function render() {
			chips.textContent = '';
			var chosen = options().filter(function (option) {
				return option.selected;
			});
			chosen.forEach(function (option) {
				var chip = element('li', {'class': 'chip', 'data-value': option.value});
				chip.appendChild(element('span', {}, label(option)));
				if (!locked) {
					var remove = element('button', {'type': 'button', 'class': 'chip-remove', 'aria-label': 'Remove ' + label(option)}, '×');
					remove.addEventListener('click', function () {
						option.selected = false;
						render();
						search.focus();
					});
					chip.appendChild(remove);
				}
				chips.appendChild(chip);
			});
			if (chosen.length === 0) {
				chips.appendChild(empty);
			}
			list.textContent = '';
			options().forEach(function (option) {
				if (!option.selected) {
					list.appendChild(element('option', {'value': label(option)}));
				}
			});
			fillRoles();
		}

		function fillRoles() {
			var group = select.querySelectorAll('optgroup')[scope.selectedIndex];
			role.textContent = '';
			if (!group) {
				return;
			}
			Array.prototype.forEach.call(group.querySelectorAll('option'), function (option) {
				var choice = element('option', {'value': option.value}, option.textContent.trim().substring(group.label.length + 2));
				if (option.selected) {
					choice.disabled = true;
				}
				role.appendChild(choice);
			});
			var firstFree = Array.prototype.filter.call(role.options, function (option) {
				return !option.disabled;
			})[0];
			if (firstFree) {
				firstFree.selected = true;
			}
			add.disabled = !firstFree;
		}

		function choose(value) {
			var option = options().filter(function (candidate) {
				return candidate.value === value;
			})[0];
			if (option && !option.selected) {
				option.selected = true;
				render();
				return true;
			}
			return false;
		}

		function chooseTyped() {
			var typed = search.value.trim().toLowerCase();
			var matching = options().filter(function (option) {
				return !option.selected && label(option).toLowerCase() === typed;
			});
			if (matching.length === 1) {
				choose(matching[0].value);
				search.value = '';
				return true;
			}
			return false;
		}

		Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
			scope.appendChild(element('option', {}, group.label));
		});
		scope.addEventListener('change', fillRoles);
		add.addEventListener('click', function () {
			if (role.value) {
				choose(role.value);
				role.focus();
			}
		});
		// picking a suggestion fires input; Enter on a typed full label chooses it and never sends the form
		search.addEventListener('input', function (event) {
			if (event.inputType === 'insertReplacementText' || event.inputType === undefined) {
				chooseTyped();
			}
		});
		search.addEventListener('keydown', function (event) {
			if (event.key === 'Enter') {
				event.preventDefault();
				chooseTyped();
			}
		});

		if (!locked) {
			row.appendChild(search);
			row.appendChild(list);
			row.appendChild(element('label', {'class': 'visually-hidden', 'for': scope.id}, 'Workspace or instance'));
			row.appendChild(scope);
			row.appendChild(element('label', {'class': 'visually-hidden', 'for': role.id}, 'Role'));
			row.appendChild(role);
			row.appendChild(add);
			picker.appendChild(row);
		}
		else {
			// nothing to choose: the label points at the chips
			chips.id = id;
			chips.setAttribute('tabindex', '-1');
		}
		select.parentNode.insertBefore(picker, select);
		render();
	}

	function start() {
		document.querySelectorAll('select[multiple][name="bindings"]').forEach(enhance);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
