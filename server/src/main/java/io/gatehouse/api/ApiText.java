package io.gatehouse.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Text in a request body: a JSON string only (a number or a boolean is a client's mistake, not text to store), and
 * no control characters, which no name, address or description holds and which break logs, terminals and
 * PostgreSQL (NUL). Also what a string inside a free-form body (a merge patch) is read with.
 */
class ApiText extends StdScalarDeserializer<String> {

	ApiText() {
		super(String.class);
	}

	/** Whether a control character may stand in this kind of text: none may in a name. */
	boolean allows(char control) {
		return false;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (String) context.handleUnexpectedToken(String.class, parser);
		}
		String text = parser.getString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && !allows(c)) {
				throw new ControlCharacter(parser);
			}
		}
		return text;
	}

	/** A string with a control character: the field is named by the path Jackson adds on the way out. */
	static final class ControlCharacter extends MismatchedInputException {

		ControlCharacter(JsonParser parser) {
			super(parser, "contains a control character", parser.currentLocation());
		}
	}
}
