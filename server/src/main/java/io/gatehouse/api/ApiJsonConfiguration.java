package io.gatehouse.api;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableConfigOverride;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. A number or a boolean is not taken for text, nor a string or a fraction
 * for a whole number; text holds no control characters ({@link ApiText}); a list holds no {@code null}; a field
 * given twice is refused rather than the last one winning. Each refusal names its field (see {@link ApiProblems}).
 * Only the door's converter reads this way: the application's mapper, which reads back what Gatehouse itself
 * stored, stays as Spring Boot makes it.
 */
@Configuration
class ApiJsonConfiguration {

	/** After Spring Boot's own (order 0), so this converter takes the JSON converter's place among the others. */
	@Bean
	@Order(1)
	ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper application) {
		return builder -> builder.withJsonConverter(strictConverter(application));
	}

	private static JacksonJsonHttpMessageConverter strictConverter(JsonMapper application) {
		JsonMapper strict = application.rebuild()
			.addModule(new SimpleModule("gatehouse-api-text").addDeserializer(String.class, new ApiText()))
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withConfigOverride(List.class, ApiJsonConfiguration::noNullItems)
			.withConfigOverride(Set.class, ApiJsonConfiguration::noNullItems)
			.withConfigOverride(Collection.class, ApiJsonConfiguration::noNullItems)
			.withCoercionConfig(LogicalType.Integer, coercion -> coercion
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, coercion -> coercion
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.build();
		return new JacksonJsonHttpMessageConverter(strict);
	}

	private static void noNullItems(MutableConfigOverride override) {
		override.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));
	}
}
