package io.gatehouse.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.gatehouse.shared.DomainException;

/**
 * The one way a console form is posted. The domain command runs; a refusal that belongs on the form shows the form
 * again, each message next to its field and what was typed kept; a change someone else saved meanwhile shows what
 * is stored now with a message, so nothing is overwritten unseen; any other refusal goes to the error page
 * ({@link ConsoleErrors}). Success usually redirects with a notice ({@link ConsoleRedirects#withNotice}), so that reloading the page
 * does not post the form again.
 *
 * <pre>{@code
 * return FormFlow.submit(() -> groups.create(me.actor(), form.name(), ...))
 *     .refused(errors -> form(form, errors, model))
 *     .done(group -> ConsoleRedirects.withNotice("/console/groups/" + group.id(), "group-created"));
 * }</pre>
 *
 * @param <T> what the command answers
 */
public final class FormFlow<T> {

	/** For forms whose only refusals worth showing next to the fields are bad input, not conflicts. */
	public static final Predicate<DomainException> INVALID_INPUT = ex -> ex.kind() == DomainException.Kind.INVALID;

	/** For a form that shows whatever the domain refused (sign-in: one answer for every reason). */
	public static final Predicate<DomainException> EVERY_REFUSAL = ex -> true;

	private final Supplier<T> command;

	private final Map<DomainException.Kind, Answer> answers = new EnumMap<>(DomainException.Kind.class);

	private Predicate<DomainException> onTheForm = FormErrors::belongOnTheForm;

	private Function<DomainException, FormErrors> errors = FormErrors::of;

	private BiFunction<FormErrors, DomainException, String> refused;

	private FormFlow(Supplier<T> command) {
		this.command = command;
	}

	/** A command that answers something the success page needs (the new user, the issued token...). */
	public static <T> FormFlow<T> submit(Supplier<T> command) {
		return new FormFlow<>(command);
	}

	public static FormFlow<Void> submit(Runnable command) {
		return new FormFlow<>(() -> {
			command.run();
			return null;
		});
	}

	/** Which refusals are shown on the form; by default {@link FormErrors#belongOnTheForm}. */
	public FormFlow<T> showing(Predicate<DomainException> onTheForm) {
		this.onTheForm = onTheForm;
		return this;
	}

	/** Where the domain's words do not fit this form (another field's name, another summary). */
	public FormFlow<T> errors(Function<DomainException, FormErrors> errors) {
		this.errors = errors;
		return this;
	}

	/**
	 * The version the form was read at is no longer the stored one: {@code page} shows what is stored now (not what
	 * was typed), with the message on top.
	 */
	public FormFlow<T> onConcurrentChange(String message, Function<FormErrors, String> page) {
		return on(DomainException.Kind.PRECONDITION_FAILED, message, page);
	}

	/** A refusal of this kind is answered by this message on {@code page}, whatever the domain said. */
	public FormFlow<T> on(DomainException.Kind kind, String message, Function<FormErrors, String> page) {
		answers.put(kind, new Answer(FormErrors.summary(message), page));
		return this;
	}

	/** The form again, as sent, with the errors. */
	public FormFlow<T> refused(Function<FormErrors, String> form) {
		return refused((errors, ex) -> form.apply(errors));
	}

	/** The same, for a form that reads more of the refusal than its field messages. */
	public FormFlow<T> refused(BiFunction<FormErrors, DomainException, String> form) {
		this.refused = form;
		return this;
	}

	/** Runs the command and answers with the page for what happened. */
	public String done(Function<? super T, String> success) {
		if (refused == null) {
			throw new IllegalStateException("a form flow needs the page that shows a refused form");
		}
		T result;
		try {
			result = command.get();
		}
		catch (DomainException ex) {
			Answer answer = answers.get(ex.kind());
			if (answer != null) {
				return answer.page().apply(answer.errors());
			}
			if (!onTheForm.test(ex)) {
				throw ex;
			}
			return refused.apply(errors.apply(ex), ex);
		}
		return success.apply(result);
	}

	public String done(Supplier<String> success) {
		return done(result -> success.get());
	}

	/** {@link #done} with the usual success: back to {@code path} (GET), with the notice. */
	public String redirect(String path, String notice) {
		return done(result -> ConsoleRedirects.withNotice(path, notice));
	}

	private record Answer(FormErrors errors, Function<FormErrors, String> page) {
	}
}
