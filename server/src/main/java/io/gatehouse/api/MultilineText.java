package io.gatehouse.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Text that is a document rather than a name (pasted XML metadata): line breaks and tabs are part of it; every other
 * control character is refused as {@link ApiText} refuses it. Put on a field with {@code @JsonDeserialize(using = ...)}.
 */
public class MultilineText extends StdScalarDeserializer<String> {

	public MultilineText() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (String) context.handleUnexpectedToken(String.class, parser);
		}
		String text = parser.getString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				throw new ApiText.ControlCharacter(parser);
			}
		}
		return text;
	}
}
