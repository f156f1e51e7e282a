package io.gatehouse.api;

/**
 * Text that is a document rather than a name (pasted XML metadata): line breaks and tabs are part of it; every other
 * control character is refused as {@link ApiText} refuses it. Put on a field with {@code @JsonDeserialize(using = ...)}.
 */
public class MultilineText extends ApiText {

	public MultilineText() {
	}

	@Override
	boolean allows(char control) {
		return control == '\n' || control == '\r' || control == '\t';
	}
}
