package io.gatehouse.api;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path and query values of the API's controllers hold no control characters either (as request bodies, see
 * {@link ApiText}): such a value is refused as a type mismatch naming the parameter ({@link ApiProblems}).
 */
@ControllerAdvice(basePackageClasses = ApiParameters.class)
class ApiParameters {

	@InitBinder
	void refuseControlCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Text());
	}

	static final class Text extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			for (int i = 0; text != null && i < text.length(); i++) {
				if (Character.isISOControl(text.charAt(i))) {
					throw new ControlCharacter();
				}
			}
			setValue(text);
		}
	}

	static final class ControlCharacter extends IllegalArgumentException {

		ControlCharacter() {
			super("contains a control character");
		}
	}
}
